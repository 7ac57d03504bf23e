import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { DEFAULT_GENERATOR, GENERATORS, type GeneratorId } from "../../planning/random/generatorIds.js";
import { requireCount } from "../../validation/checks.js";
import { InputError, isInputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { VERSION } from "../../version.js";
import { caseColumnOptions } from "../caseColumnOptions.js";
import { bundleOptions, numberOption } from "../commonOptions.js";
import { parseNumber, single } from "../flags.js";
import { generatedSeed } from "../generatedSeed.js";
import type { Io } from "../Io.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `adequacy select`: a reproducible random selection from a case file or a frame of N. */
export function selectCommand(io: Io, args: readonly string[]): CommandModule {
  return {
    command: "select",
    describe:
      "Draw a reproducible random sample (simple or stratified, with spares) from a case file or a frame of N",
    builder: (yargs: Argv) =>
      caseColumnOptions(yargs)
        .option("cases", { type: "string", describe: "A CSV file of cases to draw from", requiresArg: true })
        .option("frame", numberOption("Draw from cases numbered 1 to N instead of a file"))
        .option(
          "low",
          numberOption(
            "With --high: draw from the numbers --low to --high (RAT-STATS' low and high numbers)",
          ),
        )
        .option("high", numberOption("With --low: the highest number of the frame"))
        .option("size", numberOption("Cases to draw (the sample), allocated over the strata"))
        .option("sizes", {
          type: "string",
          describe: "Sample per stratum instead of --size: LABEL=n,LABEL=n…",
          requiresArg: true,
        })
        .option("generator", {
          type: "string",
          choices: [...GENERATORS],
          default: DEFAULT_GENERATOR,
          describe:
            "sha256: Rivest's sampler, re-derivable in any language; rat-stats: RAT-STATS' numbers; xoroshiro: xoroshiro128+ seeded by splitmix64; xoroshiro-unmixed: as versions up to 0.1.0",
          requiresArg: true,
        })
        .option("seed", {
          type: "string",
          describe:
            "Seed: text for sha256 (e.g. 24 dice digits), a number for rat-stats (e.g. 48863.78), a whole number for xoroshiro [default: generated and printed]",
          requiresArg: true,
        })
        .option("stratify", {
          type: "string",
          choices: ["month", "quarter", "year"],
          describe: "With --cases: draw within each period",
          requiresArg: true,
        })
        .option("allocation", {
          type: "string",
          choices: ["proportional", "equal"],
          default: "proportional",
          describe: "How --size is shared between strata",
          requiresArg: true,
        })
        .option(
          "spares",
          numberOption(
            "Extra draws per stratum, in order, to replace cases that cannot be reviewed [default: 0]",
          ),
        )
        .option("span", {
          type: "string",
          describe: "With --cases: rows outside start/end are rejected",
          requiresArg: true,
        })
        .option("bundle", bundleOptions.bundle)
        .option("bundle-cases", bundleOptions["bundle-cases"])
        .option("out", {
          type: "string",
          describe: "CSV file to write [default: standard output]",
          requiresArg: true,
        })
        .example(
          "$0 select --frame 10000 --size 50 --seed 718281828459045235360287",
          "50 of cases 1 to 10,000",
        )
        .example(
          "$0 select --generator rat-stats --seed 48863.78 --frame 1000 --size 10 --spares 4",
          "RAT-STATS' single-stage random numbers",
        )
        .example(
          "$0 select --cases cases.csv --size 200 --seed 7 --stratify quarter --spares 5 --out sample.csv",
          "Stratified by quarter with 5 spares each",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const file = single("--cases", argv.cases);
      const frameGiven = parseNumber("--frame", argv.frame);
      const lowGiven = parseNumber("--low", argv.low);
      const highGiven = parseNumber("--high", argv.high);
      if (file !== undefined && frameGiven !== undefined)
        throw new InputError("--cases", messages.exclusive("--frame"));
      if ((lowGiven === undefined) !== (highGiven === undefined))
        throw new InputError(
          lowGiven === undefined ? "--high" : "--low",
          messages.needs(lowGiven === undefined ? "--low" : "--high"),
        );
      if (lowGiven !== undefined && (file !== undefined || frameGiven !== undefined))
        throw new InputError("--low", messages.exclusive(file !== undefined ? "--cases" : "--frame"));
      if (file === undefined && frameGiven === undefined && lowGiven === undefined)
        throw new InputError(
          "--cases",
          messages.needsOneOf(["--cases FILE", "--frame N", "--low and --high"]),
        );
      // A numbered frame: RAT-STATS' low and high numbers, or 1 to --frame.
      const low =
        lowGiven === undefined
          ? 1
          : requireCount("--low", lowGiven, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      const frame =
        frameGiven !== undefined
          ? requireCount("--frame", frameGiven, 1)
          : highGiven !== undefined
            ? requireCount(
                "--high",
                highGiven,
                low,
                Math.min(Number.MAX_SAFE_INTEGER, low + Number.MAX_SAFE_INTEGER - 1),
                "--low plus 2^53 − 2",
              ) -
              low +
              1
            : undefined;
      const stratify = single("--stratify", argv.stratify) as "month" | "quarter" | "year" | undefined;
      if (stratify !== undefined && file === undefined)
        throw new InputError("--stratify", "needs --cases: a frame of N has no dates");
      const generator = single("--generator", argv.generator) as GeneratorId;
      const seedGiven = single("--seed", argv.seed);
      const seed = seedGiven ?? (await generatedSeed(generator));
      const { caseColumns, caseFileFormat, readCaseFile, sha256File } = await import("../caseFile.js");
      const spares = parseNumber("--spares", argv.spares);
      const size = parseNumber("--size", argv.size);
      const sizesText = single("--sizes", argv.sizes);
      if (size === undefined && sizesText === undefined) throw new InputError("--size", messages.required());

      const { planSelection, forEachDraw } = await import("../../planning/drawSample.js");
      let strata: { label: string; population: number }[];
      const columns = caseColumns(argv);
      const skipInvalid = Boolean(argv.skipInvalid);
      let span: { start: number; end: number } | undefined;
      let frameNote: string;
      let periods: { label: string; interval: { start: number; end: number } }[] = [];
      if (file !== undefined) {
        const calendar = await import("../../scenario/calendar.js");
        const spanText = single("--span", argv.span);
        if (spanText !== undefined) span = calendar.parseInterval("--span", spanText);
        const summary = await readCaseFile("--cases", file, {
          format: caseFileFormat(argv),
          columns,
          ...(span ? { span } : {}),
          skipInvalid,
        });
        periods = stratify
          ? calendar.calendarPeriods(summary.span, stratify)
          : [{ label: "all", interval: summary.span }];
        strata = periods.map(({ label, interval }) => {
          let population = 0;
          for (let d = interval.start; d <= interval.end; d++)
            population += summary.daily.cases[d - summary.span.start] as number;
          return { label, population };
        });
        span = summary.span;
        frameNote = `${file}: ${summary.rowsUsed} cases (${summary.rowsRejected} rows rejected), sha256 ${await sha256File(file)}`;
      } else {
        strata = [{ label: "all", population: frame as number }];
        frameNote = `cases numbered ${low} to ${low + (frame as number) - 1}`;
      }
      let sizes: number[] | undefined;
      if (sizesText !== undefined) {
        if (size !== undefined) throw new InputError("--sizes", messages.exclusive("--size"));
        const given = new Map<string, number>();
        for (const part of sizesText.split(",")) {
          const [label, n] = part.split("=");
          if (!label || n === undefined)
            throw new InputError("--sizes", `must be LABEL=n,LABEL=n; got "${part}"`);
          // One rule for repeated values: a stratum named twice is an error, not the last value.
          if (given.has(label.trim()))
            throw new InputError("--sizes", messages.stratumGivenTwice(label.trim()));
          given.set(label.trim(), parseNumber("--sizes", n.trim()) as number);
        }
        const unknown = [...given.keys()].filter((label) => !strata.some((s) => s.label === label));
        if (unknown.length > 0)
          throw new InputError(
            "--sizes",
            `names strata that do not exist: ${unknown.join(", ")} (strata: ${strata.map((s) => s.label).join(", ")})`,
          );
        sizes = strata.map((s) => given.get(s.label) ?? 0);
      }
      let plan: ReturnType<typeof planSelection>;
      try {
        plan = planSelection({
          strata,
          seed,
          generator,
          allocation: single("--allocation", argv.allocation) as "proportional" | "equal",
          ...(sizes ? { sizes } : { size: size as number }),
          ...(spares === undefined ? {} : { spares }),
        });
      } catch (error) {
        if (isInputError(error) && /^sizes\[\d+\]$/.test(error.field))
          throw new InputError("--sizes", error.detail);
        if (isInputError(error) && error.field === "frame")
          throw new InputError(
            file !== undefined ? "--cases" : lowGiven !== undefined ? "--high" : "--frame",
            error.detail,
          );
        throw error;
      }
      const ids = new Map<string, string>();
      if (file !== undefined) {
        // Second pass: the same rows in the same order, so positions within each stratum map to ids.
        const wanted = plan.strata.map(() => new Set<number>());
        forEachDraw(plan, (d) => wanted[d.stratum]?.add(d.position));
        const seen = plan.strata.map(() => 0);
        await readCaseFile("--cases", file, {
          format: caseFileFormat(argv),
          columns,
          ...(span ? { span } : {}),
          skipInvalid: true,
          onCase: (id, day) => {
            const h = periods.findIndex((p) => day >= p.interval.start && day <= p.interval.end);
            const position = seen[h] as number;
            seen[h] = position + 1;
            if (wanted[h]?.has(position)) ids.set(`${h}:${position}`, id);
          },
        });
      }
      const header = [
        `# sampling-adequacy ${VERSION}: random selection`,
        `# seed: ${seed}${seedGiven === undefined ? " (generated; give --seed to repeat this selection)" : ""}`,
        `# generator: ${plan.generator}: ${plan.description}`,
        `# algorithm: ${plan.algorithm}`,
        `# frame: ${frameNote}`,
        `# strata: ${plan.strata.map((s) => `${s.label} ${s.size} of ${s.population}${s.spares ? ` + ${s.spares} spares` : ""}`).join("; ")} (${plan.allocation})`,
        `# command: adequacy ${args.map((a) => (/^[\w./:%,=@+-]+$/.test(a) ? a : `'${a}'`)).join(" ")}`,
        "order,id,stratum,role",
      ];
      // The rows are written as they are drawn, in chunks, never held all at once.
      const writeRows = (write: (chunk: string) => void) => {
        let chunk = `${header.join("\n")}\n`;
        forEachDraw(plan, (d) => {
          const id =
            file === undefined ? String(low + d.position) : (ids.get(`${d.stratum}:${d.position}`) ?? "");
          chunk += `${d.order},${csvField(id)},${csvField(plan.strata[d.stratum]?.label ?? "")},${d.role}\n`;
          if (chunk.length >= 1 << 16) {
            write(chunk);
            chunk = "";
          }
        });
        if (chunk !== "") write(chunk);
      };
      const out = single("--out", argv.out);
      if (seedGiven === undefined)
        io.err(`adequacy: seed ${seed} (generated); give --seed ${seed} to repeat this selection\n`);
      for (const stratum of plan.strata) {
        if (spares !== undefined && stratum.spares < spares)
          io.err(`adequacy: note: ${messages.sparesShort(stratum.label, stratum.spares, spares)}\n`);
      }
      if (out === undefined) {
        writeRows((chunk) => io.out(chunk));
        return;
      }
      writeFileAtomic("--out", out, writeRows, file === undefined ? [] : [file]);
      io.out(`wrote ${out}: ${plan.drawCount} cases (seed ${seed})\n`);
    },
  };
}
