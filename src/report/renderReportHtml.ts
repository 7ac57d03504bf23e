import { Marked } from "marked";
import { escapeHtml } from "../text/format.js";
import type { Block, ReportDocument } from "./ReportDocument.js";

const STYLE = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #1d1d1d; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.55; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3, h4 { font-size: 1.05rem; margin-top: 1.4rem; }
.subtitle { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .9rem; }
th, td { border: 1px solid #d4d4d4; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { color: #4a4a4a; font-size: .9em; }
.box { border: 2px solid #1d1d1d; border-radius: 4px; padding: .2rem 1rem; margin: 1rem 0; background: #fafafa; }
.box-heading { font-weight: bold; margin: .6rem 0 .2rem; }
.links a { overflow-wrap: anywhere; }
td, li, p { overflow-wrap: break-word; }
pre { overflow-wrap: anywhere; }
@media screen and (max-width: 600px) { td, th { overflow-wrap: anywhere; } }
pre { background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .85rem; white-space: pre-wrap; }
code { font-size: .9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; line-height: 1.4; }
  figure svg { max-height: 88mm; width: auto; }
  h2, h3 { break-after: avoid; } figure, tr, .box { break-inside: avoid; }
  table { font-size: 8.5pt; } th, td { padding: .2rem .35rem; }
  pre { font-size: 7pt; white-space: pre-wrap; }
  pre code.language-yaml { display: block; columns: 2; column-gap: 6mm; }
  h2 { margin-top: 1.2rem; }
  a { color: inherit; text-decoration: none; }
}`;

/**
 * The report as one self-contained HTML page: charts inline as SVG (from `svgs`, keyed by chart id),
 * every user-supplied string escaped, no script and no network request; prints cleanly to PDF on `paper`
 * (default A4) with the running title and page numbers.
 * The methods section is Markdown quoted from docs/methods.md (trusted, not user input).
 */
export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

/** A CSS string literal: backslashes, quotes, line breaks and "<" escaped (it sits inside a style element). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r<]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/** Printed pages: the paper size, the running title at the top, "Page n of N" at the foot. */
function pageStyle(doc: ReportDocument, paper: Paper): string {
  const box = 'font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #444;';
  return `@page { size: ${paper === "a4" ? "A4" : "letter"}; margin: 16mm 15mm 18mm;
  @top-left { content: ${cssString(doc.runningTitle)}; ${box} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} } }`;
}

export function renderReportHtml(
  doc: ReportDocument,
  svgs: Readonly<Record<string, string>>,
  paper: Paper = "a4",
): string {
  const marked = new Marked({ gfm: true });
  const body: string[] = [
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
  ];
  for (const section of doc.sections) {
    body.push(`<section id="${section.id}">`, `<h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks)
      body.push(renderBlock(block, svgs, (md) => marked.parse(md, { async: false }) as string));
    body.push("</section>");
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sampling-adequacy ${escapeHtml(doc.version)}">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}
${pageStyle(doc, paper)}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}

function renderBlock(
  block: Block,
  svgs: Readonly<Record<string, string>>,
  markdown: (md: string) => string,
): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "list":
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "table":
      return `<table><thead><tr>${block.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
    case "chart": {
      const svg = svgs[block.id];
      // The SVG is one image to assistive technology, named by the chart in words with its key numbers.
      return `<figure id="figure-${escapeHtml(block.id)}"><div class="chart" role="img" aria-label="${escapeHtml(block.alt)}">${svg ?? `<p>Chart ${escapeHtml(block.id)} not rendered.</p>`}</div><figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    }
    case "box":
      return `<aside class="box" aria-label="${escapeHtml(block.heading)}"><p class="box-heading">${escapeHtml(block.heading)}</p><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul></aside>`;
    case "links":
      return `${block.heading === undefined ? "" : `<h3>${escapeHtml(block.heading)}</h3>`}<ul class="links">${block.items
        .map(
          (item) =>
            `<li>${escapeHtml(item.text)}${item.url !== undefined && /^https?:\/\//i.test(item.url) ? ` <a href="${escapeHtml(item.url)}">${escapeHtml(item.url)}</a>` : ""}</li>`,
        )
        .join("")}</ul>`;
    case "code":
      return `<pre><code class="language-${escapeHtml(block.language)}">${escapeHtml(block.text)}</code></pre>`;
    case "methods":
      return markdown(block.markdown);
  }
}
