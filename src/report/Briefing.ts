/** A labelled block of output: a title naming method and confidence, rows, then notes. */
export interface Briefing {
  readonly title: string;
  readonly rows: readonly (readonly [label: string, value: string])[];
  readonly notes: readonly string[];
}

export const TEXT_FORMATS = ["table", "markdown"] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/**
 * Renders a briefing as aligned plain text (`table`) or as a Markdown table (`markdown`).
 * Markdown cells escape `|` so that user text cannot break the table.
 */
export function renderBriefing(briefing: Briefing, format: TextFormat): string {
  if (format === "markdown") {
    const cell = (text: string) => text.replaceAll("|", "\\|");
    const lines = [`### ${briefing.title}`, "", "| Quantity | Value |", "| --- | --- |"];
    for (const [label, value] of briefing.rows) lines.push(`| ${cell(label)} | ${cell(value)} |`);
    if (briefing.notes.length > 0) lines.push("", ...briefing.notes.map((note) => `- ${note}`));
    return `${lines.join("\n")}\n`;
  }
  const width = Math.max(...briefing.rows.map(([label]) => label.length));
  const lines = [
    briefing.title,
    ...briefing.rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ];
  if (briefing.notes.length > 0) lines.push("", ...briefing.notes.map((note) => `Note: ${note}`));
  return `${lines.join("\n")}\n`;
}
