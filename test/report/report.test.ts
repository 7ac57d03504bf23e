import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/investigation/examples.js";
import { normalizeScenario, scenarioToInput } from "../../src/investigation/scenario.js";
import { buildReport } from "../../src/report/buildReport.js";
import { renderReportHtml } from "../../src/report/renderReportHtml.js";
import { renderReportMarkdown } from "../../src/report/renderReportMarkdown.js";

const context = {
  version: "0.1.0",
  generatedAt: "2026-11-22T00:00:00.000Z",
  command: "adequacy report --example hmcts-sscs",
  scenarioYaml: "name: hmcts-sscs\n",
};
const sscs = assessInvestigation({ ...examples["hmcts-sscs"], materiality: 100 });
const doc = buildReport(sscs, context);
const markdown = renderReportMarkdown(doc, "charts");
const html = renderReportHtml(doc, {});
const SECTIONS = [
  "Summary",
  "Inputs",
  "Findings",
  "Time coverage",
  "Outside the window",
  "Detection power",
  "What an adequate review would need",
  "Assumptions and limitations",
  "Methods",
  "Reproducibility",
  "How to cite",
];

describe("buildReport(hmcts-sscs)", () => {
  it.each(SECTIONS)("has the section %s in Markdown and HTML", (heading) => {
    expect(markdown).toContain(`\n## ${heading}\n`);
    expect(html).toContain(`<h2>${heading}</h2>`);
  });

  it("summarises with the assessment's own statements, so each number is the library's", () => {
    for (const statement of sscs.statements)
      expect(markdown).toContain(statement.text.replace(/[*_[\]|#`]/g, (c) => `\\${c}`));
    expect(markdown).toContain(
      `at most ${sscs.window?.affected.upper} of the 609 flagged cases were affected`,
    );
    expect(markdown).toContain(
      `at most ${sscs.extrapolated?.undetected.upper} affected cases went undetected`,
    );
  });

  it("says what the data cannot say without an assumption", () => {
    expect(markdown).toContain("What the data cannot say without an assumption");
  });

  it("marks each input public, given, assumed, setting or derived, with its source", () => {
    expect(markdown).toMatch(/\| review window: flagged \| 609 \| public \| 609 cases identified/);
    expect(markdown).toMatch(/\| Exposure period \| 2019-01-01 to 2024-02-29 \| assumed \|/);
    expect(markdown).toMatch(/\| Review sensitivity \| 100% \| assumed \(default\) \|/);
  });

  it("tabulates findings with method, confidence and sidedness", () => {
    expect(markdown).toContain(
      "| Affected in the window | 5.6 | at most 24 | exact hypergeometric (Buonaccorsi 1987) | 95% | one-sided |",
    );
  });

  it("links each chart and its vega-lite spec in Markdown, and inlines the SVG given in HTML", () => {
    expect(markdown).toContain("](charts/timeline.svg)");
    expect(markdown).toContain("](charts/timeline.vl.json)");
    expect(renderReportHtml(doc, { timeline: "<svg id='t'></svg>" })).toContain("<figure><svg id='t'></svg>");
  });

  it("quotes the methods page, so that the two cannot drift", () => {
    expect(markdown).toContain("binomial prediction limit");
    expect(markdown).toContain("Buonaccorsi, J. P. (1987)");
  });

  it("gives the reproducing scenario, the command and a citation", () => {
    expect(markdown).toContain("Command: adequacy report --example hmcts-sscs");
    expect(markdown).toContain("```yaml\nname: hmcts-sscs\n```");
    expect(markdown).toMatch(/sampling-adequacy 0\.1\.0 \(2026\)\. Assessment of "hmcts-sscs"/);
  });

  it("makes no network request: no script, stylesheet or image from elsewhere", () => {
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
  });
});

describe("escaping user text", () => {
  const hostile = "<script>alert(1)</script> *bold* | pipe";
  const a = assessInvestigation({
    ...examples["hmcts-sscs"],
    name: hostile,
    description: "<img src=x onerror=alert(2)>",
  });
  const d = buildReport(a, context);
  it("HTML shows the name as text", () => {
    const page = renderReportHtml(d, {});
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
  });
  it("Markdown shows the name as text (outside code blocks, which renderers show literally)", () => {
    const md = renderReportMarkdown(d);
    const prose = md.replace(/```[\s\S]*?```/g, "");
    expect(prose).not.toContain("<script>");
    expect(prose).not.toContain("<img");
    expect(md).toMatch(/```text\n[^`]*Assessment of "<script>alert\(1\)<\/script> \*bold\* \| pipe"/);
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\| pipe");
  });
});

describe("scenarioToInput", () => {
  it("round-trips through normalizeScenario", () => {
    const scenario = normalizeScenario(examples["hmcts-sscs"]);
    expect(normalizeScenario(scenarioToInput(scenario))).toEqual(scenario);
  });
});
