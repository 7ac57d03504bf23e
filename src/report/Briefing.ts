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
export function renderBriefing(briefing: Briefing | readonly Briefing[], format: TextFormat): string {
  if (Array.isArray(briefing)) return briefing.map((part) => renderBriefing(part, format)).join("\n");
  return renderSection(briefing as Briefing, format);
}

function renderSection(briefing: Briefing, format: TextFormat): string {
  if (format === "markdown") {
    const cell = (text: string) => text.replaceAll("|", "\\|");
    const lines = [`### ${briefing.title}`, "", "| Quantity | Value |", "| --- | --- |"];
    for (const [label, value] of briefing.rows) lines.push(`| ${cell(label)} | ${cell(value)} |`);
    if (briefing.notes.length > 0) lines.push("", ...briefing.notes.map((note) => `- ${note}`));
    if (briefing.rows.length === 0) lines.splice(2, 2);
    return `${lines.join("\n")}\n`;
  }
  const width = Math.max(0, ...briefing.rows.map(([label]) => label.length));
  const lines = [
    briefing.title,
    ...briefing.rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ];
  if (briefing.notes.length > 0) {
    if (briefing.rows.length > 0) lines.push("");
    lines.push(...briefing.notes.map((note) => (briefing.rows.length > 0 ? `Note: ${note}` : `  - ${note}`)));
  }
  return `${lines.join("\n")}\n`;
}
