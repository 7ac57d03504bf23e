import { basename, dirname, extname, join } from "node:path";
import type { ArgumentsCamelCase, Argv } from "yargs";
import type { ReportDocument } from "../../report/ReportDocument.js";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { VERSION } from "../../version.js";
import type { Command } from "../Command.js";
import { bundleOptions } from "../commonOptions.js";
import { single } from "../flags.js";
import type { Io } from "../Io.js";
import { importRender } from "../importRender.js";
import { quoteArg } from "../quoteArg.js";
import { assessmentFromArgs, PER_WINDOW, scenarioInputFiles, scenarioOptions } from "../scenarioInput.js";
import { makeFolder, writeFileAtomic } from "../writeFileAtomic.js";

const FORMATS = ["markdown", "html", "pdf", "json"] as const;
type Format = (typeof FORMATS)[number];

/** The format --format names, else the one --out's extension names, else Markdown. */
function formatOf(given: string | undefined, out: string | undefined): Format {
  if (given !== undefined) return given as Format;
  const extension = out === undefined ? "" : extname(out).toLowerCase();
  if (extension === ".html" || extension === ".htm") return "html";
  if (extension === ".pdf") return "pdf";
  if (extension === ".json") return "json";
  return "markdown";
}

/** The date a report states: $SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
function generatedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

function citeOption<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** `adequacy report`: a report authors can cite, in Markdown, HTML, PDF or JSON. */
export function reportCommand(io: Io, args: readonly string[]): Command {
  return {
    command: "report",
    repeatable: PER_WINDOW,
    describe:
      "Write a report that authors can cite: summary, inputs, findings, charts, methods, reproducibility",
    builder: (yargs: Argv) =>
      scenarioOptions(yargs)
        .option("format", {
          type: "string",
          choices: [...FORMATS],
          describe:
            "markdown, html (self-contained), pdf (needs Chromium) or json [default: from --out's extension (.html, .pdf, .json), else markdown]",
          requiresArg: true,
        })
        .option("out", {
          type: "string",
          describe: "File to write (Markdown also writes its charts to FILE.charts/)",
          requiresArg: true,
        })
        .option("bundle", bundleOptions.bundle)
        .option("bundle-cases", bundleOptions["bundle-cases"])
        .option("paper", {
          type: "string",
          choices: ["a4", "letter"],
          default: "a4",
          describe: "pdf and html: paper size of the printed pages",
          requiresArg: true,
        })
        .option("author", {
          type: "string",
          describe: "Who made the analysis, for the citation [default: the scenario's author]",
          requiresArg: true,
        })
        .option("organisation", {
          type: "string",
          describe: "On whose behalf, for the citation [default: the scenario's organisation]",
          requiresArg: true,
        })
        .option("url", {
          type: "string",
          describe: "Where the analysis is published, for the citation [default: the scenario's url]",
          requiresArg: true,
        })
        .example(
          "$0 report --example hmcts-sscs --out sscs.md",
          "Markdown, with charts and their vega-lite specs beside it",
        )
        .example("$0 report --example hmcts-sscs --format html --out sscs.html", "One self-contained page")
        .example(
          "$0 report --scenario review.yaml --format pdf --out review.pdf",
          "PDF through headless Chromium",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const out = single("--out", argv.out);
      const format = formatOf(single("--format", argv.format), out);
      if (format === "pdf" && out === undefined) throw new InputError("--out", messages.outRequiredForPdf());
      const assessment = await assessmentFromArgs(argv, io);
      const [{ buildReport }, { toYaml }] = await Promise.all([
        import("../../report/buildReport.js"),
        import("../toYaml.js"),
      ]);
      const doc = buildReport(assessment, {
        version: VERSION,
        generatedAt: generatedAt(),
        command: ["adequacy", ...args].map(quoteArg).join(" "),
        scenarioYaml: toYaml(assessment.scenario),
        ...citeOption("author", single("--author", argv.author)),
        ...citeOption("organisation", single("--organisation", argv.organisation)),
        ...citeOption("url", single("--url", argv.url)),
      });
      const inputs = scenarioInputFiles(argv);
      const paper = single("--paper", argv.paper) as "a4" | "letter";
      const data = await render(doc, format, out, inputs, paper);
      if (out === undefined) {
        io.out(data as string);
        return;
      }
      writeFileAtomic("--out", out, data, inputs);
      io.out(`${messages.wrote(out)}\n`);
    },
  };
}

async function render(
  doc: ReportDocument,
  format: Format,
  out: string | undefined,
  inputs: string[],
  paper: "a4" | "letter",
): Promise<string | Uint8Array> {
  if (format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  const charts = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "chart" ? [b] : [])));
  const { renderSvg } = await importRender();
  if (format === "markdown") {
    const { renderReportMarkdown } = await import("../../report/renderReportMarkdown.js");
    if (out === undefined) return renderReportMarkdown(doc);
    const folderName = `${basename(out).replace(/\.(md|markdown)$/i, "")}.charts`;
    const folder = join(dirname(out), folderName);
    makeFolder("--out", folder);
    for (const chart of charts) {
      writeFileAtomic("--out", join(folder, `${chart.id}.svg`), await renderSvg(chart.spec), inputs);
      writeFileAtomic(
        "--out",
        join(folder, `${chart.id}.vl.json`),
        `${JSON.stringify(chart.spec, null, 2)}\n`,
        inputs,
      );
    }
    return renderReportMarkdown(doc, folderName);
  }
  const { renderReportHtml } = await import("../../report/renderReportHtml.js");
  const svgs: Record<string, string> = {};
  for (const chart of charts) svgs[chart.id] = await renderSvg(chart.spec);
  const html = renderReportHtml(doc, svgs, paper);
  if (format === "html") return html;
  const { printPdf } = await import("../printPdf.js");
  return printPdf(html);
}
