import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/report/renderReportMarkdown.js";

// What a reader sees: the escaped text rendered by a CommonMark renderer (marked), its tags removed and its
// character references decoded, must be the text we were given.
function shown(markdown: string): string {
  const html = marked.parseInline(markdown, { async: false }) as string;
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("escapeMarkdown", () => {
  it("leaves a bare & as it is, so the raw Markdown reads 'Clopper & Pearson'", () => {
    expect(escapeMarkdown("Clopper, C. J. & Pearson, E. S. (1934)")).toBe(
      "Clopper, C. J. & Pearson, E. S. (1934)",
    );
  });

  it.each([
    "Clopper & Pearson",
    "&lt;script&gt; stays text",
    "&#60;b&#62; and &#x3c;i&#x3e;",
    "<b>not bold</b> and <script>alert(1)</script>",
    "*not emphasis* _nor this_ [not a link](x) `no code` # no heading | no cell",
    "AT&T; R&D",
  ])("%s is shown exactly as given", (text) => {
    expect(shown(escapeMarkdown(text))).toBe(text);
  });
});
