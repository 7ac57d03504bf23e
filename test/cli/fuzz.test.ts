import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../helpers/runCli.js";

// Fuzzes the CLI in-process over argument vectors for every command, mixing valid flags with bad values,
// missing values, unknown and repeated flags, and small generated case, scenario and JSON files. The seed comes
// from test/helpers/fastCheck.ts, so a failure replays with the same FC_SEED (and the FC_PATH it prints).
// Every input must be answered with exit 0 and clean output, or exit 2 and a one-line refusal naming a flag or
// field the user gave: never exit 1, a stack trace or a hang (each run has a deadline, the test a timeout).

let dir: string;
let exampleYaml: string;
let counter = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "adequacy-fuzz-"));
  exampleYaml = (await run("example", "hmcts-sscs")).stdout;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh subfolder of the temporary folder, so each run's outputs stay apart and inside it. */
function freshDir(): string {
  const sub = join(dir, `run${counter++}`);
  mkdirSync(sub);
  return sub;
}

const badNumbers = [
  "-1",
  "-0",
  "0",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "1e-400",
  "9007199254740993",
  "99999999999999999999",
  "",
  " ",
  "5%",
  "150%",
  "-5%",
  "0.5",
  "1/2",
  "0x10",
  "1,000",
  "abc",
  "1e3",
  "2.5",
];
// Valid values come up more often than bad ones, so runs reach the computations and not only the refusals.
const number = (valid: string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, fc.constantFrom(...badNumbers));
const text = (valid: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    fc.constantFrom("", "constructor", "__proto__", "toString", "x".repeat(300)),
  );

/** A file written under the run's folder: a case CSV, a scenario in YAML or JSON, or junk. */
type FileSpec = { kind: "csv" | "yaml" | "json" | "junk"; body: string; fields: string[] };

const csvFile: fc.Arbitrary<FileSpec> = fc
  .record({
    header: fc.constantFrom(
      "id,date,flagged,reviewed,impact",
      "id,date,flagged,reviewed",
      "date,id",
      "id,date,flagged,reviewed,impact,id",
      "",
    ),
    rows: fc.array(
      fc.tuple(
        fc.constantFrom("A", "B", "", "C,D", '"q"'),
        fc.constantFrom(
          "2023-01-05",
          "2023-11-30",
          "2024-02-30",
          "2024-02-29",
          "",
          "yesterday",
          "2019-06-01",
        ),
        fc.constantFrom("0", "1", "yes", "", "-1", "2"),
        fc.constantFrom("0", "1", "true", "", "NaN"),
        fc.constantFrom("0", "1", "", "1e400"),
      ),
      { maxLength: 12 },
    ),
  })
  .map(({ header, rows }) => ({
    kind: "csv" as const,
    body: `${header}\n${rows.map((r) => r.join(",")).join("\n")}\n`,
    fields: header.split(",").filter((f) => f !== ""),
  }));

const scenarioFields = [
  "span",
  "windows",
  "flagged",
  "reviewed",
  "found",
  "period",
  "selection",
  "volume",
  "name",
];

const yamlFile: fc.Arbitrary<FileSpec> = fc
  .record({
    field: fc.constantFrom("flagged", "reviewed", "found", "span", "name"),
    value: fc.constantFrom("-1", "NaN", ".inf", "1e400", "500", "''", "[1, 2]", "{}", "null", "2.5", "&a x"),
    mode: fc.constantFrom("replace", "duplicate", "truncate"),
  })
  .map(({ field, value, mode }) => {
    const re = new RegExp(`^(\\s*${field}: ).*$`, "m");
    let body = exampleYaml;
    if (mode === "replace") body = body.replace(re, `$1${value}`);
    else if (mode === "duplicate") body = body.replace(re, (line) => `${line}\n${line}`);
    else body = body.slice(0, Math.floor(body.length / 2));
    return { kind: "yaml" as const, body, fields: scenarioFields };
  });

const jsonFile: fc.Arbitrary<FileSpec> = fc
  .record({
    reviewed: fc.constantFrom(109, -1, 0, 1e300, 2.5, null, "109"),
    found: fc.constantFrom(1, 0, 200, -3, null),
    flagged: fc.constantFrom(1000, 0, 1e20, null),
  })
  .map(({ reviewed, found, flagged }) => ({
    kind: "json" as const,
    body: JSON.stringify({
      name: "fuzz",
      span: "2023-01-01/2023-12-31",
      volume: { total: 12000 },
      windows: [{ label: "w", period: "2023-10-01/2023-12-31", flagged, reviewed, found }],
    }),
    fields: scenarioFields,
  }));

const junkFile: fc.Arbitrary<FileSpec> = fc
  .constantFrom("", "\u0000\u0001", "{", "a: [", "*x", "[]", "\uFEFFid,date\n")
  .map((body) => ({ kind: "junk" as const, body, fields: [] }));

const anyFile = fc.oneof(csvFile, yamlFile, jsonFile, junkFile);

/** One flag as a list of tokens: with a value, without one, or a value glued on with =. */
type FlagGen = [flag: string, value: fc.Arbitrary<string>];

function flagTokens(flags: FlagGen[]): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...flags).chain(([f, v]) => v.map((x) => [f, x])) },
    { weight: 1, arbitrary: fc.constantFrom(...flags).chain(([f, v]) => v.map((x) => [`${f}=${x}`])) },
    { weight: 1, arbitrary: fc.constantFrom(...flags).map(([f]) => [f]) },
    { weight: 1, arbitrary: fc.constantFrom("--bogus", "-z", "--sampel", "--", "extra").map((f) => [f]) },
  );
}

// Output paths stay inside the run's folder, or are empty (refused): a bare name would write beside the tests.
const outPath = (valid: string[]) => fc.constantFrom(...valid, "OUT/", "OUT/x.unknown", "");
const percent = number(["0.95", "95%", "0.9", "0.99"]);
const sided = text(["two", "upper", "lower"]);
const format = text(["json", "table", "yaml", "csv"]);
const span = text(["2023-01-01/2023-12-31", "2024-01-01/2023-01-01", "2023-13-01/2024-01-01"]);

/** Flags for each command; FILE and OUT stand for the generated input file and a path in the run's folder. */
const commands: Record<string, { positional?: fc.Arbitrary<string[]>; flags: FlagGen[] }> = {
  bound: {
    flags: [
      ["-n", number(["109", "10", "1"])],
      ["-k", number(["1", "0", "5"])],
      ["--sample", number(["109"])],
      ["--found", number(["3"])],
      ["--confidence", percent],
      ["--sided", sided],
      ["--method", text(["exact", "wilson", "jeffreys", "bayes"])],
      ["--prior-alpha", number(["1", "0.5"])],
      ["--prior-beta", number(["1", "2"])],
      ["--format", format],
    ],
  },
  plan: {
    flags: [
      ["--tolerable", number(["0.05", "5%", "0.01"])],
      ["--model", text(["binomial", "poisson", "hypergeometric"])],
      ["--population", number(["1000", "50"])],
      ["--confidence", percent],
      ["--allowed", number(["0", "1", "2"])],
      ["--expected-rate", number(["0.01", "0.001"])],
      ["--format", format],
    ],
  },
  detect: {
    flags: [
      ["--population", number(["1000", "100000"])],
      ["-N", number(["5000"])],
      ["--affected", number(["10", "1"])],
      ["--prevalence", number(["0.01", "1%"])],
      ["--sample", number(["100", "50"])],
      ["-n", number(["30"])],
      ["--confidence", percent],
      ["--format", format],
    ],
  },
  appraise: {
    flags: [
      ["--stratum", text(["A:1000:50:1", "B:200:20:0", "A:10:20:1", "A::", "A:1:1:1:1"])],
      ["--cases", text(["FILE"])],
      ["--stratify", text(["month", "quarter", "year"])],
      ["--span", span],
      ["--confidence", percent],
      ["--sided", sided],
      ["--format", format],
    ],
  },
  select: {
    flags: [
      ["--cases", text(["FILE"])],
      ["--frame", number(["100", "10000"])],
      ["--size", number(["5", "10"])],
      ["--sizes", text(["A=1,B=1", "A=1,A=2", "all=3", "A=-1"])],
      ["--seed", number(["7", "4294967295", "4294967296"])],
      ["--stratify", text(["month", "quarter", "year"])],
      ["--allocation", text(["proportional", "equal"])],
      ["--spares", number(["0", "2"])],
      ["--span", span],
      ["--out", outPath(["OUT/sample.csv", "OUT/missing/sample.csv", "FILE/sample.csv"])],
      ["--skip-invalid", fc.constantFrom("true", "false")],
    ],
  },
  assess: {
    flags: [
      ["--example", text(["hmcts-sscs", "family-court-documents", "nonesuch"])],
      ["--scenario", text(["FILE"])],
      ["--span", span],
      ["--cases", number(["12000", "FILE"])],
      ["--volume", text(["FILE", "12000"])],
      ["--window", text(["2023-10-01/2023-12-31", "2023-10", "2023-10-01/2023-09-01"])],
      ["--window-cases", number(["3000", "100"])],
      ["--flagged", number(["1000", "50"])],
      ["--reviewed", number(["109", "10"])],
      ["--found", number(["1", "0"])],
      ["--drift", text(["1", "2", "1e300", "none"])],
      ["--screening-sensitivity", number(["0.9", "1"])],
      ["--review-sensitivity", number(["0.8"])],
      ["--materiality", number(["10", "1"])],
      ["--tolerable", number(["0.05"])],
      ["--confidence", percent],
      ["--sided", text(["upper", "two"])],
      ["--format", format],
    ],
  },
  report: {
    flags: [
      ["--example", text(["hmcts-sscs", "family-court-documents"])],
      ["--scenario", text(["FILE"])],
      ["--reviewed", number(["109"])],
      ["--found", number(["1"])],
      ["--format", text(["markdown", "html", "json"])],
      ["--out", outPath(["OUT/r.md", "OUT/r.html", "FILE/r.md"])],
      ["--paper", text(["a4", "letter"])],
      ["--author", text(["A. Author", "<script>"])],
      ["--organisation", text(["Org"])],
      ["--url", text(["https://example.org", "javascript:alert(1)"])],
    ],
  },
  chart: {
    positional: fc.constantFrom(
      [],
      ["timeline"],
      ["missed"],
      ["sensitivity"],
      ["power"],
      ["intervals"],
      ["sample-size"],
      ["confidence-curve"],
      ["all"],
      ["pie"],
    ),
    flags: [
      ["--example", text(["hmcts-sscs"])],
      ["--scenario", text(["FILE"])],
      ["--out", outPath(["OUT/c.svg", "OUT/c.vl.json", "OUT/c.txt", "FILE/c.svg"])],
      ["--format", text(["svg", "vl.json"])],
      ["--width", number(["640", "100"])],
      ["--height", number(["320"])],
      ["--log", fc.constantFrom("true", "false")],
      ["--sample", number(["109"])],
      ["-n", number(["50"])],
      ["--found", number(["1", "0"])],
      ["-k", number(["2"])],
      ["--reviewed", number(["109"])],
      ["--population", number(["1000"])],
      ["-N", number(["609"])],
      ["--model", text(["binomial", "poisson", "hypergeometric"])],
      ["--allowed", number(["0", "1"])],
      ["--expected-rate", number(["0.01"])],
      ["--tolerable", number(["0.05", "5%"])],
      ["--confidence", percent],
    ],
  },
  example: {
    positional: fc.constantFrom(
      [],
      ["hmcts-sscs"],
      ["family-court-documents"],
      ["constructor"],
      ["__proto__"],
      ["toString"],
      ["nonesuch"],
    ),
    flags: [
      ["--list", fc.constantFrom("true", "false")],
      ["--format", format],
    ],
  },
  schema: {
    positional: fc.constantFrom([], ["scenario"], ["nonesuch"]),
    flags: [["--format", format]],
  },
};

/** A valid call of each command, which a run may start from before adding fuzzed flags. */
const base: Record<string, string[]> = {
  bound: ["-n", "109", "-k", "1"],
  plan: ["--tolerable", "0.05"],
  detect: ["--population", "1000", "--affected", "10"],
  appraise: ["--stratum", "A:1000:50:1"],
  select: ["--frame", "100", "--size", "5", "--seed", "7"],
  assess: ["--example", "hmcts-sscs"],
  report: ["--example", "hmcts-sscs"],
  chart: ["--example", "hmcts-sscs"],
  example: [],
  schema: [],
};

const invocation = fc.constantFrom(...Object.keys(commands)).chain((command) => {
  const spec = commands[command] as (typeof commands)[string];
  return fc.record({
    command: fc.constant(command),
    positional: spec.positional ?? fc.constant([] as string[]),
    flags: fc.oneof(
      fc.array(flagTokens(spec.flags), { maxLength: 5 }).map((groups) => groups.flat()),
      fc
        .array(flagTokens(spec.flags), { maxLength: 1 })
        .map((groups) => [...(base[command] ?? []), ...groups.flat()]),
    ),
    file: anyFile,
  });
});

/** Flag names the user typed (as typed, before any =), and the command's own flags. */
function flagsOf(args: string[]): string[] {
  return args.filter((a) => a.startsWith("-") && a !== "--").map((a) => a.split("=")[0] as string);
}

const RUN_DEADLINE_MS = 10_000;

describe("adequacy fuzzed over argument vectors and files", () => {
  it("answers every input with exit 0 and clean output, or exit 2 naming a flag or field given", async () => {
    const codes = { 0: 0, 2: 0 };
    await fc.assert(
      fc.asyncProperty(invocation, async ({ command, positional, flags, file }) => {
        const runDir = freshDir();
        const ext = file.kind === "junk" ? "txt" : file.kind;
        const filePath = join(runDir, `input.${ext}`);
        writeFileSync(filePath, file.body);
        const args = [command, ...positional, ...flags].map((a) =>
          a.replace(/^(--?[a-z-]+=)?FILE/i, (_m, p = "") => `${p}${filePath}`).replace(/OUT\//, `${runDir}/`),
        );
        // A command that writes without --out writes to standard output; chart all needs --out-dir (and
        // draws only SVG here, to keep the run short).
        if (command === "chart" && positional[0] === "all")
          args.push(
            "--out-dir",
            join(runDir, "charts"),
            ...(args.includes("--format") ? [] : ["--format", "svg"]),
          );
        let timer: NodeJS.Timeout | undefined;
        const result = await Promise.race([
          run(...args),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer in ${RUN_DEADLINE_MS} ms`)),
              RUN_DEADLINE_MS,
            );
          }),
        ]).finally(() => clearTimeout(timer));
        const { code, stdout, stderr } = result;
        expect([0, 2], `${JSON.stringify(args)}\n${stderr}`).toContain(code);
        codes[code as 0 | 2]++;
        // No value the user did not give is printed as a JavaScript one: never "undefined", and "NaN" or
        // "null" only when the arguments or the file hold it.
        const given = `${args.join("\n")}\n${file.body}`;
        for (const word of ["undefined", "NaN", "null"])
          if (!given.includes(word))
            expect(stderr, `${JSON.stringify(args)}\n${stderr}`).not.toMatch(new RegExp(`\\b${word}\\b`));
        if (code === 2) {
          expect(stderr).toMatch(/^adequacy: /);
          expect(stderr).not.toMatch(/\n\s+at /);
          expect(stderr).not.toMatch(/internal error/i);
          // A missing flag the command needs is named too (chart takes every scenario flag of assess).
          const own = command === "chart" ? ["chart", "assess"] : [command];
          const known = own.flatMap((c) => commands[c]?.flags.map(([f]) => f) ?? []);
          if (command === "chart" && positional.length === 0) known.push("kind of chart");
          // A stray word is named in quotes.
          const words = args.filter((a) => !a.startsWith("-")).map((a) => `"${a}"`);
          const names = [...flagsOf(args), ...known, ...file.fields, filePath, ...positional, ...words];
          expect(
            names.some((n) => n !== "" && stderr.includes(n)),
            `${JSON.stringify(args)}\n${stderr}`,
          ).toBe(true);
        } else {
          expect(stdout, JSON.stringify(args)).not.toMatch(/\bNaN\b|\bInfinity\b|(?<![\w.-])-0(?![\d.])/);
          expect(stdout, JSON.stringify(args)).not.toMatch(/(?<![\w.:/-])-\d+ (?:cases|affected|missed)\b/);
          if (!given.includes("undefined")) expect(stdout, JSON.stringify(args)).not.toMatch(/\bundefined\b/);
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: 25_000 },
    );
    // The generators reach both answers often, not only refusals.
    expect({ codes, ok: codes[0] > 30 && codes[2] > 30 }).toEqual({ codes, ok: true });
  }, 60_000);

  // 10^15 cases put θ = 10 past 2^53 − 1 cases: that row is left out with a note, the rest answered.
  it("answers an assessment of 10^15 cases, leaving out the drift row beyond 2^53 − 1 with a note", async () => {
    const { code, stdout } = await run(
      "assess",
      "--span",
      "2020-01-01/2024-12-31",
      "--window",
      "2024-10-01/2024-12-31",
      "--cases",
      "1000000000000000",
      "--reviewed",
      "1000",
      "--found",
      "0",
      "--materiality",
      "100000000000000",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("The drift row θ = 10 is not computed");
    expect(stdout).toContain("If outside rate × 5 ");
    expect(stdout).not.toMatch(/\bNaN\b|\bInfinity\b|(?<![\w.-])-0(?![\d.])/);
  });

  // Found by the fuzz: --drift 1e300 grew the population past 2^53, and the refusal named "population".
  it("refuses --drift 1e300 naming --drift and its range", async () => {
    const { code, stderr } = await run("assess", "--example", "hmcts-sscs", "--drift=1e300");
    expect(code).toBe(2);
    expect(stderr).toContain("--drift");
    expect(stderr).toContain("at most 1000");
  });
});
