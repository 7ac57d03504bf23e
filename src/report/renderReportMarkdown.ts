import type { Block, ReportDocument } from "./ReportDocument.js";

/** Escapes plain text for Markdown: no HTML, emphasis, links or table breaks can come from user input. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Only an & that would start a character reference (&amp; &#60; &#x3c;) is escaped: a bare & is shown as itself.
      .replace(/&(?=#?[0-9A-Za-z]+;)/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([\\`*_[\]|#])/g, "\\$1")
  );
}

/**
 * The report as Markdown. Charts are image links to `${chartFolder}/${id}.svg`, each with its vega-lite
 * spec beside it (`${id}.vl.json`), written by the caller; with no folder they are listed, not linked.
 */
export function renderReportMarkdown(doc: ReportDocument, chartFolder?: string): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, "", `*${escapeMarkdown(doc.subtitle)}*`, ""];
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, "");
    for (const block of section.blocks) out.push(renderBlock(block, chartFolder), "");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

function renderBlock(block: Block, chartFolder: string | undefined): string {
  switch (block.kind) {
    case "paragraph":
      return escapeMarkdown(block.text);
    case "list":
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join("\n");
    case "table": {
      const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
      return [
        row(block.headers),
        `|${block.headers.map(() => " --- ").join("|")}|`,
        ...block.rows.map(row),
      ].join("\n");
    }
    case "chart":
      return chartFolder === undefined
        ? `*Chart: ${escapeMarkdown(block.caption)} (write the report with --out to save the chart files.)* In words: ${escapeMarkdown(block.alt)}`
        : `![${escapeMarkdown(block.alt)}](${chartFolder}/${block.id}.svg)\n\n*${escapeMarkdown(block.caption)}* Spec: [${block.id}.vl.json](${chartFolder}/${block.id}.vl.json)`;
    case "box":
      return [
        `> **${escapeMarkdown(block.heading)}**`,
        ">",
        ...block.items.map((item) => `> - ${escapeMarkdown(item)}`),
      ].join("\n");
    case "links":
      return `${block.heading === undefined ? "" : `### ${escapeMarkdown(block.heading)}\n\n`}${block.items
        .map(
          (item) =>
            `- ${escapeMarkdown(item.text)}${item.url !== undefined && /^https?:\/\//i.test(item.url) ? ` <${item.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ""}`,
        )
        .join("\n")}`;
    case "code": {
      const fence = block.text.includes("```") ? "````" : "```";
      return `${fence}${block.language}\n${block.text.trimEnd()}\n${fence}`;
    }
    case "methods":
      return block.markdown;
  }
}
