import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import * as render from "../src/cli/render.js";
import * as library from "../src/index.js";

// The documented examples run as tests: each ```ts block of the README and each TSDoc @example in src/.
// Imports from "sampling-adequacy" and "sampling-adequacy/render" are given the source's exports. A line
// `expression; // 24` asserts that the expression is 24 (a number, true, false, null or a quoted string;
// `0.628…` asserts the leading digits); a comment that is not such a value is a description and only runs.
const root = resolve(import.meta.dirname, "..");

interface Example {
  readonly where: string;
  readonly code: string;
  /** The source file, whose own exports the example may use besides the package's. */
  readonly file?: string;
  /** The function the TSDoc comment documents, when one follows it. */
  readonly documents?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The @example blocks of a file's TSDoc comments, with their line numbers. */
function tsdocExamples(file: string, text: string): Example[] {
  const examples: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0]
      .split("\n")
      .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, "").replace(/\*\/$/, ""));
    const start = lines.findIndex((line) => line.trim().startsWith("@example"));
    if (start === -1) continue;
    const body: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line.trim().startsWith("@")) break;
      if (!line.trim().startsWith("```")) body.push(line);
    }
    const at = text.slice(0, comment.index).split("\n").length + start;
    const after = /^\s*export (?:async )?function (\w+)/.exec(text.slice(comment.index + comment[0].length));
    examples.push({
      where: `${relative(root, file)}:${at}`,
      code: body.join("\n"),
      file,
      ...(after ? { documents: after[1] as string } : {}),
    });
  }
  return examples;
}

/** The ```ts blocks of a markdown file. */
function markdownExamples(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((block) => ({
    where: `${relative(root, file)}:${text.slice(0, block.index).split("\n").length}`,
    code: block[1] as string,
  }));
}

const VALUE = /^(-?\d[\d_]*(?:\.\d+)?(?:e-?\d+)?(…)?|true|false|null|"[^"]*")(?:\s|$|\()/;

/**
 * The example as a script: imports dropped, and each statement whose last line reads `…; // value`
 * turned into an assertion (a statement may span lines: it runs from the end of the one before).
 */
function asScript(code: string): string {
  const withoutImports = code.replace(/^import[\s\S]*?from\s+"sampling-adequacy(?:\/render)?";\s*$/gm, "");
  const out: string[] = [];
  let statement: string[] = [];
  for (const line of withoutImports.split("\n")) {
    statement.push(line);
    const match = /^(.*?);\s*(?:\/\/\s*(.+))?$/.exec(line);
    if (!match) continue;
    const value = match[2] === undefined ? null : VALUE.exec(match[2]);
    if (value) {
      const expression = [...statement.slice(0, -1), match[1] as string].join("\n");
      const expected = (value[1] as string).replace(/…$/, "").replaceAll("_", "");
      out.push(
        `check((${expression}), ${JSON.stringify(expected)}, ${value[2] ? "true" : "false"}, ${JSON.stringify(line.trim())});`,
      );
    } else out.push(...statement);
    statement = [];
  }
  return [...out, ...statement].join("\n");
}

function check(actual: unknown, expected: string, prefix: boolean, line: string): void {
  if (prefix) {
    expect(String(actual).startsWith(expected), `${line}: got ${String(actual)}`).toBe(true);
    return;
  }
  expect(actual, line).toEqual(JSON.parse(expected));
}

async function run(example: Example): Promise<void> {
  const { code } = transformSync(`(async () => {\n${asScript(example.code)}\n})()`, { loader: "ts" });
  const own = example.file === undefined ? {} : ((await import(example.file)) as Record<string, unknown>);
  const scope = { ...library, ...render, ...own, check };
  const names = Object.keys(scope);
  await new Function(...names, `return ${code.trim().replace(/;$/, "")};`)(...Object.values(scope));
}

const examples = [
  ...markdownExamples(join(root, "README.md")),
  ...sourceFiles(join(root, "src")).flatMap((file) => tsdocExamples(file, readFileSync(file, "utf8"))),
];

describe("documented examples", () => {
  it("there are examples to run, in the README and in the TSDoc", () => {
    expect(examples.some((e) => e.where.startsWith("README.md"))).toBe(true);
    expect(examples.filter((e) => e.where.startsWith("src/")).length).toBeGreaterThan(5);
  });

  it.each(examples.map((e) => [e.where, e] as const))(
    "%s runs and gives the values it states",
    async (_, e) => {
      await run(e);
    },
  );

  it("every function the package exports has an @example", () => {
    const documented = new Set(examples.flatMap((e) => (e.documents === undefined ? [] : [e.documents])));
    const functions = Object.entries({ ...library, ...render })
      .filter(([name, value]) => typeof value === "function" && !/^[A-Z]/.test(name))
      .map(([name]) => name);
    expect(functions.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("an example stating a wrong value fails (the check is not vacuous)", async () => {
    await expect(
      run({ where: "planted", code: 'sampleSize({ model: "binomial", tolerable: 0.05 }).sampleSize; // 60' }),
    ).rejects.toThrow();
    await expect(
      run({
        where: "planted",
        code: "detectionProbability({ population: 609, affected: 5, sample: 109 }).probability; // 0.7…",
      }),
    ).rejects.toThrow();
  });
});
