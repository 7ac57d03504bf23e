import { extname, join } from "node:path";
import type { ArgumentsCamelCase, Argv } from "yargs";
import { CHART_FORMATS, type ChartFormat } from "../../charts/formats.js";
import type { Assessment } from "../../investigation/assessInvestigation.js";
import { chosenStratumWords } from "../../report/chosenStratumWords.js";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import type { Command } from "../Command.js";
import { numberOption } from "../commonOptions.js";
import { parseNumber, single } from "../flags.js";
import type { Io } from "../Io.js";
import { importRender } from "../importRender.js";
import {
  assessmentFromArgs,
  PER_WINDOW,
  scenarioInputFiles,
  scenarioOptions,
  usesScenario,
} from "../scenarioInput.js";
import { UsageError } from "../UsageError.js";
import { makeFolder, writeFileAtomic } from "../writeFileAtomic.js";

const KINDS = [
  "timeline",
  "missed",
  "sensitivity",
  "power",
  "intervals",
  "sample-size",
  "confidence-curve",
  "screen",
  "selection-bias",
] as const;
type Kind = (typeof KINDS)[number];

function formatOf(argv: ArgumentsCamelCase, out: string | undefined): ChartFormat {
  const given = single("--format", argv.format);
  if (given !== undefined) return given as ChartFormat;
  if (out === undefined) return "svg";
  const lower = out.toLowerCase();
  const found = CHART_FORMATS.find((f) => lower.endsWith(`.${f}`));
  if (!found) throw new InputError("--out", messages.chartOutExtension(extname(out) || out));
  return found;
}

/** Builds one chart's spec from the command line. */
async function buildSpec(kind: Kind, argv: ArgumentsCamelCase, assessment: Assessment | undefined) {
  const width = parseNumber("--width", argv.width);
  const height = parseNumber("--height", argv.height);
  for (const [flag, value] of [
    ["--width", width],
    ["--height", height],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 100 && value <= 4000)) {
      throw new InputError(flag, messages.wholeInRange(100, 4000, value));
    }
  }
  const title = single("--title", argv.title);
  const options = {
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
    ...(title === undefined ? {} : { title }),
  };
  const charts = await import("../../charts/index.js");
  if (kind === "intervals") {
    const { compareIntervals } = await import("../../intervals/compareIntervals.js");
    const confidence = parseNumber("--confidence", argv.confidence, true);
    const sided = single("--sided", argv.sided) as "two" | "upper" | undefined;
    const source = assessment?.window
      ? {
          found: assessment.window.found,
          sample: assessment.window.reviewed,
          population: assessment.window.population,
        }
      : {
          found: required("--found", parseNumber("--found", argv.found)),
          sample: required("--sample", parseNumber("--sample", argv.sample)),
          ...optional("population", parseNumber("--population", argv.population)),
        };
    return charts.intervalsChart(
      compareIntervals({
        ...source,
        ...optional("confidence", assessment ? assessment.confidence : confidence),
        ...optional("sided", assessment ? assessment.sided : sided),
      }),
      options,
    );
  }
  if (kind === "sample-size") {
    const { planCurve } = await import("../../planning/planCurve.js");
    if (assessment) {
      const plan = assessment.adequatePlan;
      const label = single("--stratum", argv.stratum);
      const chosen =
        label === undefined
          ? assessment.sampleSizeCurve
          : (await import("../../investigation/stratumPlanCurve.js")).stratumPlanCurve(plan, label);
      if (chosen === null)
        throw new InputError("--tolerable", messages.noSampleSizeCurve(plan.unreachableReason ?? ""));
      return charts.sampleSizeChart(chosen.curve, {
        ...options,
        populationLabel: chosenStratumWords(chosen, plan.stratify),
      });
    }
    const population = parseNumber("--population", argv.population);
    return charts.sampleSizeChart(
      planCurve({
        model: (single("--model", argv.model) ??
          (population === undefined ? "binomial" : "hypergeometric")) as never,
        tolerable: required("--tolerable", parseNumber("--tolerable", argv.tolerable, true)),
        ...optional("population", population),
        ...optional("confidence", parseNumber("--confidence", argv.confidence, true)),
        ...optional("allowed", parseNumber("--allowed", argv.allowed)),
        ...optional("expectedRate", parseNumber("--expected-rate", argv.expectedRate, true)),
      }),
      options,
    );
  }
  if (!assessment) {
    throw new InputError("--example", messages.scenarioNeededToDraw(kind));
  }
  const needsWindow = kind !== "timeline" && kind !== "power";
  if (needsWindow && assessment.window === null) {
    const source =
      argv.example !== undefined ? "--example" : argv.scenario !== undefined ? "--scenario" : "--window";
    throw new InputError(source, messages.noWindowToDraw(kind));
  }
  switch (kind) {
    case "timeline":
      return charts.timelineChart(assessment, options);
    case "missed": {
      const log = argv.log === undefined ? {} : { log: Boolean(argv.log) };
      return charts.missedChart(assessment, { ...options, ...log });
    }
    case "sensitivity":
      if (assessment.sensitivity?.rows.length === 0)
        throw new InputError("--drift", messages.noDriftRowComputed());
      return charts.sensitivityChart(assessment, options);
    case "power":
      return charts.powerChart(assessment, options);
    case "confidence-curve":
      return charts.confidenceCurveChart(assessment, options);
    case "screen":
      if (assessment.screen === null) {
        throw new InputError("--unflagged-reviewed", messages.screenChartNeedsElusion());
      }
      return charts.screenChart(assessment, options);
    case "selection-bias":
      if (assessment.selectionBias === null) {
        throw new InputError("--selection-bias", messages.selectionBiasChartNeedsBiases());
      }
      return charts.selectionBiasChart(assessment, options);
  }
}

function required(flag: string, value: number | undefined): number {
  if (value === undefined) throw new InputError(flag, messages.required());
  return value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Renders a spec; vl.json and html load no renderer (the HTML page draws in the browser). */
async function render(spec: unknown, format: ChartFormat, scale: number): Promise<string | Uint8Array> {
  switch (format) {
    case "vl.json":
      return `${JSON.stringify(spec, null, 2)}\n`;
    case "html": {
      const { renderHtml } = await import("../../charts/html.js");
      const { chartScripts } = await import("../chartAssets.js");
      return renderHtml(spec as never, chartScripts());
    }
    case "svg": {
      const { renderSvg } = await importRender();
      return renderSvg(spec as never);
    }
    case "png": {
      const { renderPng } = await importRender();
      return renderPng(spec as never, scale);
    }
  }
}

/** `adequacy chart`: vega-lite charts rendered to SVG, PNG or self-contained HTML. */
export function chartCommand(io: Io): Command {
  return {
    command: "chart [kind]",
    repeatable: PER_WINDOW,
    describe:
      "Draw a chart: timeline, missed, sensitivity, power, intervals, sample-size, confidence-curve, screen, selection-bias, or all",
    builder: (yargs: Argv) =>
      scenarioOptions(yargs)
        .positional("kind", { choices: [...KINDS, "all"], describe: "Which chart" })
        .option("out", {
          type: "string",
          describe: "File to write; the format follows its extension",
          requiresArg: true,
        })
        .option("out-dir", {
          type: "string",
          describe: "With chart all: folder for every chart, in every format unless --format names one",
          requiresArg: true,
        })
        .option("format", {
          type: "string",
          choices: [...CHART_FORMATS],
          describe: "vl.json, svg, png or html [default: from --out, else svg]",
          requiresArg: true,
        })
        .option("width", numberOption("Plot width in pixels [default: 640]"))
        .option("height", numberOption("Plot height in pixels [default: 320]"))
        .option("scale", numberOption("PNG pixel ratio, 1 to 8 [default: 2]"))
        .option("title", { type: "string", describe: "Replace the chart's title", requiresArg: true })
        .option("log", {
          type: "boolean",
          describe: "missed: logarithmic count axis [default: when values span 100×]",
        })
        .option("sample", numberOption("intervals: cases examined (without a scenario)", "n"))
        .option("population", numberOption("intervals, sample-size: population (without a scenario)", "N"))
        .option("model", {
          type: "string",
          choices: ["binomial", "poisson", "hypergeometric"],
          describe: "sample-size: model",
          requiresArg: true,
        })
        .option("allowed", numberOption("sample-size: affected allowed in the sample"))
        .option("stratum", {
          type: "string",
          describe:
            "sample-size with a scenario: which stratum of the plan, e.g. 2021 [default: the one with the most cases]",
          requiresArg: true,
        })
        .option("expected-rate", numberOption("sample-size: expected rate"))
        .example(
          "$0 chart timeline --example hmcts-sscs --out timeline.png",
          "The exposure period with the review window shaded",
        )
        .example(
          "$0 chart all --example hmcts-sscs --out-dir charts",
          "Every chart, as .vl.json, .svg, .png and .html",
        )
        .example(
          "$0 chart intervals -n 109 -k 1 -N 609 --out intervals.svg",
          "Every interval method on the same data",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const kind = argv.kind as Kind | "all" | undefined;
      if (kind === undefined) throw new UsageError(messages.giveChartKind([...KINDS, "all"]), "chart");
      const scale = parseNumber("--scale", argv.scale) ?? 2;
      if (!(scale >= 1 && scale <= 8)) throw new InputError("--scale", messages.numberFromTo(1, 8, scale));
      const inputs = scenarioInputFiles(argv);
      const assessment = usesScenario(argv) ? await assessmentFromArgs(argv, io) : undefined;
      if (kind === "all") {
        const dir = single("--out-dir", argv.outDir);
        if (dir === undefined) throw new InputError("--out-dir", messages.requiredBy("chart all"));
        if (!assessment) throw new InputError("--example", messages.scenarioNeededByChartAll());
        makeFolder("--out-dir", dir);
        const kinds = KINDS.filter(
          (k) =>
            (k !== "screen" || assessment.screen !== null) &&
            (k !== "sample-size" || assessment.sampleSizeCurve !== null) &&
            (k !== "selection-bias" || assessment.selectionBias !== null) &&
            (k !== "sensitivity" || assessment.sensitivity?.rows.length !== 0) &&
            (assessment.window !== null || k === "timeline" || k === "power" || k === "sample-size"),
        );
        const only = single("--format", argv.format) as ChartFormat | undefined;
        for (const k of kinds) {
          const spec = await buildSpec(k, argv, assessment);
          for (const format of only === undefined ? CHART_FORMATS : [only]) {
            const path = join(dir, `${k}.${format}`);
            writeFileAtomic("--out-dir", path, await render(spec, format, scale), inputs);
            io.out(`${messages.wrote(path)}\n`);
          }
        }
        return;
      }
      if (argv.outDir !== undefined) throw new InputError("--out-dir", messages.outDirOnlyForAll());
      const out = single("--out", argv.out);
      const format = formatOf(argv, out);
      const data = await render(await buildSpec(kind, argv, assessment), format, scale);
      if (out === undefined) {
        if (format === "png") throw new InputError("--out", messages.outRequiredForPng());
        io.out(data as string);
        return;
      }
      writeFileAtomic("--out", out, data, inputs);
      io.out(`${messages.wrote(out)}\n`);
    },
  };
}
