import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { buildReport } from "../../src/report/buildReport.js";
import { renderReportHtml } from "../../src/report/renderReportHtml.js";
import { renderReportMarkdown } from "../../src/report/renderReportMarkdown.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import { normalizeScenario, scenarioToInput } from "../../src/scenario/scenario.js";
import { messages } from "../../src/validation/messages.js";

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
  "What this does not show",
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
    for (const statement of statements(sscs))
      expect(markdown).toContain(statement.text.replace(/[*_[\]|#`]/g, (c) => `\\${c}`));
    expect(markdown).toContain(
      `at most ${sscs.window?.affected.upper} of the 609 flagged cases were affected`,
    );
    expect(markdown).toContain(
      `at most ${sscs.extrapolated?.undetected.upper} affected cases went undetected`,
    );
  });

  it("lists the warnings its limitations do not already say, told apart by id", () => {
    const limitations = doc.sections.find((s) => s.id === "limitations");
    const items = (limitations?.blocks ?? []).flatMap((b) => (b.kind === "list" ? b.items : []));
    const ids = sscs.warnings.map((w) => w.id);
    expect(ids).toEqual(
      expect.arrayContaining(["not-shown-random", "no-case-volumes", "unrestricted-counts-stage-only"]),
    );
    // The selection and the case volumes are said once each, in the limitations' own words.
    expect(
      items.filter((i) => i.includes("how the 109 reviewed cases were chosen is not known")),
    ).toHaveLength(1);
    expect(items.filter((i) => i.startsWith("Case volumes are not given"))).toHaveLength(1);
    for (const w of sscs.warnings)
      expect(items.includes(w.text)).toBe(w.id !== "not-shown-random" && w.id !== "no-case-volumes");
  });

  it("says in a box what the report does not show, once", () => {
    expect(markdown).toContain("## What this does not show\n\n> **Do not read this report as showing**");
    expect(markdown).toContain(
      "> - Anything that holds without the stated selection: every bound assumes the reviewed cases were a random sample",
    );
    // Each caveat is printed once: no paragraph or list item appears twice.
    const lines = markdown.split("\n").filter((line) => line.length > 60 && !line.startsWith("|"));
    expect(lines.filter((line, i) => lines.indexOf(line) !== i)).toEqual([]);
  });

  it("gives detection power as percentages and natural frequencies", () => {
    const power = sscs.detectionPower.curves.find((c) => c.profile === "uniform");
    const at100 = power?.review[sscs.detectionPower.totals.indexOf(100)] as number;
    expect(markdown).toContain(
      `of 100 reviews like this one, about ${Math.round(at100 * 100)} would have found at least one affected case`,
    );
    expect(markdown).not.toMatch(/\| 0\.\d{3,} \//);
  });

  it("gives no chance in the summary as a bare decimal, in Markdown and HTML", () => {
    const power = sscs.detectionPower.curves.find((c) => c.profile === "uniform");
    const at100 = Math.round((power?.review[sscs.detectionPower.totals.indexOf(100)] as number) * 100);
    const between = (text: string, from: string, to: string) =>
      text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from) + from.length));
    for (const summary of [
      between(markdown, "\n## Summary\n", "\n## "),
      between(html, "<h2>Summary</h2>", "<h2>"),
    ]) {
      expect(summary).toContain(
        `then of 100 reviews like this one, about ${at100} would have found at least one affected case (a chance of ${at100}%)`,
      );
      expect(summary).not.toMatch(/probability \d/);
      // The one decimal left is the tipping point's θ, a ratio of rates ("0.13 times the rate inside").
      expect(summary.match(/\d*\.\d+(?![\d%])(?! times)/g)).toBeNull();
    }
  });

  it("shows the drift table's Note column only when some row has a note", () => {
    expect(markdown).toContain("| θ (outside ÷ window rate) | Estimate | Upper bound (95%) |\n");
    // At θ = 50 the window's upper count (24 of 609) gives an outside rate above 100%: implausible.
    const far = renderReportMarkdown(
      buildReport(assessInvestigation({ ...examples["hmcts-sscs"], drift: [1, 50] }), context),
      "charts",
    );
    expect(far).toContain("| θ (outside ÷ window rate) | Estimate | Upper bound (95%) | Note |\n");
    expect(far).toMatch(/\| 50 \| [\d,.]+ \| [\d,]+ \| (implausible|at the assumption-free maximum)/);
  });

  it("heads the plan's columns in capitals and captions the timeline by what it draws", () => {
    expect(markdown).toContain("| Year | Period | Flagged cases | Sample |");
    expect(markdown).toContain("each examined window is shaded, with dark lines at its start and end.");
    const none = renderReportMarkdown(
      buildReport(assessInvestigation(examples["family-court-documents"]), context),
      "charts",
    );
    expect(none).toContain("*Monthly volume over the exposure period; no window has been examined.*");
  });

  it("says the detection power is computed case by case (binomial), not exactly", () => {
    const methods = markdown.slice(
      markdown.indexOf("\n## Methods\n"),
      markdown.indexOf("\n## Reproducibility\n"),
    );
    expect(methods).toContain("found or missed independently of the others (binomial, AICPA 2017)");
    expect(methods).not.toContain("computed exactly (hypergeometric)");
  });

  it("says a census is needed, with no sample-size chart, when the target is not above the observed rate", () => {
    expect(markdown).toContain(messages.ratePlanUnreachable("0.9174%", "0.7923%"));
    expect(markdown).not.toContain("](charts/sample-size.svg)");
  });

  it("gives every chart a text alternative with its key numbers", () => {
    // A target of 5% given: materiality 100 alone sets a target below the observed rate (a census, no curve).
    const targeted = buildReport(
      assessInvestigation({ ...examples["hmcts-sscs"], materiality: 100, tolerable: 0.05 }),
      context,
    );
    const charts = targeted.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "chart" ? [b] : [])));
    expect(charts.map((c) => c.id)).toEqual([
      "timeline",
      "missed",
      "sensitivity",
      "confidence-curve",
      "power",
      "sample-size",
    ]);
    const alt = Object.fromEntries(charts.map((c) => [c.id, c.alt]));
    expect(alt.timeline).toContain("91 of 1,886 days (4.8%)");
    expect(alt.missed).toContain(`at most ${sscs.extrapolated?.outside.upper}`);
    expect(alt.missed).toContain("anything from 0 to 12,013, with no estimate");
    expect(alt.sensitivity).toContain(`θ = 10: estimate`);
    expect(alt["confidence-curve"]).toContain(`at 95%, at most ${sscs.extrapolated?.undetected.upper}`);
    expect(alt.power).toContain("uniform: 1 affected");
    expect(alt["sample-size"]).toContain("reviewing 92 brings it below the target of 5%");
    expect(html).toContain(`role="img" aria-label="${alt.timeline}"`);
  });

  it("marks each input public, given, default, assumed or derived, with its source", () => {
    expect(markdown).toMatch(/\| review window: flagged \| 609 \| public \| 609 cases identified/);
    expect(markdown).toMatch(/\| Exposure period \| 2019-01-01 to 2024-02-29 \| assumed \|/);
    expect(markdown).toMatch(/\| Review sensitivity \| 100% \| default \| not given;/);
    expect(markdown).toMatch(/\| Confidence \| 95% \| default \|/);
    expect(markdown).toMatch(/\| Materiality \| 100 missed cases \| given \|/);
    // How the 109 were chosen is not public: the selection is an assumption, not a public figure.
    expect(markdown).toMatch(
      /\| review window: selection \| unknown \| assumed \| how the 109 were chosen is not public/,
    );
  });

  it("marks a selection the user did not give as a default, not as given", () => {
    const sscsWindow = (examples["hmcts-sscs"] as { windows: Record<string, unknown>[] }).windows[0];
    const { selection: _dropped, ...window } = sscsWindow as Record<string, unknown>;
    const a = assessInvestigation({
      name: "flags",
      span: "2019-01-01/2024-02-29",
      windows: [{ ...window, label: "window 1" }],
      confidence: 0.9,
    });
    const md = renderReportMarkdown(buildReport(a, context), "charts");
    expect(md).toMatch(/\| window 1: selection \| random \| default \| not given; taken as random/);
    expect(md).toMatch(/\| Confidence \| 90% \| given \|/);
    expect(md).toMatch(/\| window 1: flagged \| 609 \| given \|/);
  });

  it("tabulates findings with method, confidence and sidedness", () => {
    expect(markdown).toContain(
      "| Affected in the window | 5.6 | at most 24 | exact hypergeometric (Buonaccorsi 1987) | 95% | one-sided |",
    );
  });

  it("links each chart and its vega-lite spec in Markdown, and inlines the SVG given in HTML", () => {
    expect(markdown).toContain("](charts/timeline.svg)");
    expect(markdown).toContain("](charts/timeline.vl.json)");
    expect(renderReportHtml(doc, { timeline: "<svg id='t'></svg>" })).toMatch(
      /<figure id="figure-timeline"><div class="chart" role="img" aria-label="[^"]+"><svg id='t'><\/svg><\/div>/,
    );
  });

  it("quotes the methods page, so that the two cannot drift", () => {
    expect(markdown).toContain("binomial prediction limit");
    expect(markdown).toContain("Buonaccorsi, J. P. (1987)");
  });

  it("gives the reproducing scenario, the command and a citation", () => {
    expect(markdown).toContain("Command: adequacy report --example hmcts-sscs");
    expect(markdown).toContain("```yaml\nname: hmcts-sscs\n```");
    expect(markdown).toMatch(/How much could the review have missed\? hmcts-sscs\. Analysis dated 2026-/);
    expect(markdown).toContain("Author: not given (give --author or author: in the scenario)");
  });

  it("cites the author, organisation and address given, and links the public sources", () => {
    const cited = renderReportMarkdown(
      buildReport(
        assessInvestigation({
          ...examples["hmcts-sscs"],
          author: "A. Analyst",
          organisation: "Example Trust",
        }),
        { ...context, url: "https://example.org/review" },
      ),
    );
    expect(cited).toMatch(/```text\nA\. Analyst, Example Trust \(2026\)\. How much could/);
    expect(cited).toContain("https://example.org/review");
    expect(cited).toContain("<https://www.bbc.co.uk/search?q=Courts+service+covered+up+IT+bug");
  });

  it("quotes its references from the methods page, each DOI given there as its link", () => {
    const methods = doc.sections.find((section) => section.id === "methods");
    const links = methods?.blocks.find((block) => block.kind === "links");
    const items = links?.kind === "links" ? links.items : [];
    expect(items.map((item) => [item.text.slice(0, 24), item.url])).toEqual([
      ["AICPA (2017). Audit Guid", undefined],
      ["Buonaccorsi, J. P. (1987", undefined],
      ["Clopper, C. J. & Pearson", "https://doi.org/10.1093/biomet/26.4.404"],
      ["Manski, C. F. (1989). An", "https://doi.org/10.2307/145818"],
      ["Thatcher, A. R. (1964). ", undefined],
    ]);
    // The DOI is the link, not repeated in the text; the entry ends where the methods page's does.
    expect(items[2]?.text).toMatch(/Biometrika 26\(4\), 404–413\.$/);
    // Under a heading of their own, in every format (the PDF is printed from the HTML).
    expect(links?.kind === "links" ? links.heading : undefined).toBe("References");
    expect(markdown).toContain("\n### References\n\n- AICPA (2017)");
    expect(html).toContain('<h3>References</h3><ul class="links"><li>AICPA (2017)');
    expect(html).toContain('<a href="https://doi.org/10.2307/145818">https://doi.org/10.2307/145818</a>');
  });

  it("never skips a heading level going down (axe-core's heading-order rule)", () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels).toContain(3);
    const skips = levels.flatMap((level, i) => (i > 0 && level > (levels[i - 1] ?? 0) + 1 ? [i] : []));
    expect(skips).toEqual([]);
  });

  it("prints on A4 by default, or US Letter, with the running title and page numbers", () => {
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(html).toContain('@top-left { content: "hmcts-sscs: how much could the review have missed?"');
    expect(renderReportHtml(doc, {}, "letter")).toMatch(/@page \{ size: letter;/);
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
    expect(md).toMatch(/```text\n[^`]*have missed\? <script>alert\(1\)<\/script> \*bold\* \| pipe\./);
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\| pipe");
  });
});

describe("scenarioToInput", () => {
  it("round-trips through normalizeScenario", () => {
    const scenario = normalizeScenario(examples["hmcts-sscs"]);
    expect(normalizeScenario(scenarioToInput(scenario))).toEqual(scenario);
  });
});
