import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { requireCount } from "../../validation/checks.js";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { VERSION } from "../../version.js";
import { caseColumnOptions } from "../caseColumnOptions.js";
import { numberOption } from "../commonOptions.js";
import { parseNumber, single } from "../flags.js";
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
        .option("size", numberOption("Cases to draw (the sample), allocated over the strata"))
        .option("sizes", {
          type: "string",
          describe: "Sample per stratum instead of --size: LABEL=n,LABEL=n…",
          requiresArg: true,
        })
        .option(
          "seed",
          numberOption("Seed, a whole number from 0 to 4294967295 [default: generated and printed]"),
        )
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
        .option("out", {
          type: "string",
          describe: "CSV file to write [default: standard output]",
          requiresArg: true,
        })
        .example("$0 select --frame 10000 --size 50 --seed 7", "50 of cases 1 to 10,000")
        .example(
          "$0 select --cases cases.csv --size 200 --seed 7 --stratify quarter --spares 5 --out sample.csv",
          "Stratified by quarter with 5 spares each",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const file = single("--cases", argv.cases);
      const frameGiven = parseNumber("--frame", argv.frame);
      const frame = frameGiven === undefined ? undefined : requireCount("--frame", frameGiven, 1);
      if (file !== undefined && frame !== undefined)
        throw new InputError("--cases", messages.exclusive("--frame"));
      if (file === undefined && frame === undefined)
        throw new InputError("--cases", messages.needsOneOf(["--cases FILE", "--frame N"]));
      const stratify = single("--stratify", argv.stratify) as "month" | "quarter" | "year" | undefined;
      if (stratify !== undefined && file === undefined)
        throw new InputError("--stratify", "needs --cases: a frame of N has no dates");
      const seedGiven = parseNumber("--seed", argv.seed);
      const seed = seedGiven ?? (await import("node:crypto")).randomInt(0, 2 ** 32);
      const { caseColumns, readCaseFile, sha256File } = await import("../caseFile.js");
      const spares = parseNumber("--spares", argv.spares);
      const size = parseNumber("--size", argv.size);
      const sizesText = single("--sizes", argv.sizes);
      if (size === undefined && sizesText === undefined) throw new InputError("--size", messages.required());

      const { drawSample } = await import("../../planning/drawSample.js");
      let strata: { label: string; population: number }[];
      let lookup: ((id: string, day: number) => void) | undefined;
      const columns = caseColumns(argv);
      const skipInvalid = Boolean(argv.skipInvalid);
      let span: { start: number; end: number } | undefined;
      let frameNote: string;
      let periods: { label: string; interval: { start: number; end: number } }[] = [];
      if (file !== undefined) {
        const calendar = await import("../../investigation/calendar.js");
        const spanText = single("--span", argv.span);
        if (spanText !== undefined) span = calendar.parseInterval("--span", spanText);
        const summary = await readCaseFile("--cases", file, {
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
        frameNote = `cases numbered 1 to ${frame}`;
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
      let draw: ReturnType<typeof drawSample>;
      try {
        draw = drawSample({
          strata,
          seed,
          allocation: single("--allocation", argv.allocation) as "proportional" | "equal",
          ...(sizes ? { sizes } : { size: size as number }),
          ...(spares === undefined ? {} : { spares }),
        });
      } catch (error) {
        if (error instanceof InputError && /^sizes\[\d+\]$/.test(error.field))
          throw new InputError("--sizes", error.detail);
        throw error;
      }
      const ids = new Map<string, string>();
      if (file !== undefined) {
        // Second pass: the same rows in the same order, so positions within each stratum map to ids.
        const wanted = draw.strata.map(() => new Set<number>());
        for (const d of draw.draws) wanted[d.stratum]?.add(d.position);
        const seen = draw.strata.map(() => 0);
        lookup = (id, day) => {
          const h = periods.findIndex((p) => day >= p.interval.start && day <= p.interval.end);
          const position = seen[h] as number;
          seen[h] = position + 1;
          if (wanted[h]?.has(position)) ids.set(`${h}:${position}`, id);
        };
        await readCaseFile("--cases", file, {
          columns,
          ...(span ? { span } : {}),
          skipInvalid: true,
          onCase: lookup,
        });
      }
      const lines = [
        `# sampling-adequacy ${VERSION}: random selection`,
        `# seed: ${seed}${seedGiven === undefined ? " (generated; give --seed to repeat this selection)" : ""}`,
        `# generator: ${draw.generator}`,
        `# algorithm: ${draw.algorithm}`,
        `# frame: ${frameNote}`,
        `# strata: ${draw.strata.map((s) => `${s.label} ${s.size} of ${s.population}${s.spares ? ` + ${s.spares} spares` : ""}`).join("; ")} (${draw.allocation})`,
        `# command: adequacy ${args.map((a) => (/^[\w./:%,=@+-]+$/.test(a) ? a : `'${a}'`)).join(" ")}`,
        "order,id,stratum,role",
        ...draw.draws.map((d) => {
          const id =
            file === undefined ? String(d.position + 1) : (ids.get(`${d.stratum}:${d.position}`) ?? "");
          return `${d.order},${csvField(id)},${csvField(draw.strata[d.stratum]?.label ?? "")},${d.role}`;
        }),
      ];
      const text = `${lines.join("\n")}\n`;
      const out = single("--out", argv.out);
      if (seedGiven === undefined)
        io.err(`adequacy: seed ${seed} (generated); give --seed ${seed} to repeat this selection\n`);
      for (const stratum of draw.strata) {
        if (spares !== undefined && stratum.spares < spares)
          io.err(`adequacy: note: ${messages.sparesShort(stratum.label, stratum.spares, spares)}\n`);
      }
      if (out === undefined) {
        io.out(text);
        return;
      }
      writeFileAtomic("--out", out, text, file === undefined ? [] : [file]);
      io.out(`wrote ${out}: ${draw.draws.length} cases (seed ${seed})\n`);
    },
  };
}
