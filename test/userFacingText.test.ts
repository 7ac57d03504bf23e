import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// User-facing text comes from the messages module (src/validation/messages.ts) and numbers are formatted
// by the format module (src/text/): this scans src/ for what would bypass them.
const root = resolve(import.meta.dirname, "..");

interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  /** Files (paths from the repository root) where the pattern is the rule itself, not a breach. */
  readonly home: RegExp;
}

const RULES: readonly Rule[] = [
  {
    name: "toFixed/toPrecision outside the format module",
    pattern: /\.(toFixed|toPrecision)\(/,
    home: /^src\/text\//,
  },
  {
    name: "a second escapeHtml or capitalise",
    pattern: /\b(function|const)\s+(escapeHtml|capitalise)\b/,
    home: /^src\/text\/format\.ts$/,
  },
  {
    name: "an error text written inline in a renderer (charts/, report/)",
    pattern: /new (RangeError|TypeError|Error)\(\s*["'`]/,
    home: /^src\/(?!charts\/|report\/)/,
  },
];

/** Every breach in one file's text, as `path:line rule`. Comments are skipped. */
function breaches(path: string, text: string): string[] {
  const found: string[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    const code = line.trim();
    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) continue;
    for (const rule of RULES) {
      if (rule.pattern.test(line) && !rule.home.test(path)) found.push(`${path}:${i + 1} ${rule.name}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("user-facing text and number formatting", () => {
  it("src/ formats numbers only through the format module and writes renderers' errors from messages.ts", () => {
    const found = sourceFiles(join(root, "src")).flatMap((file) =>
      breaches(relative(root, file).replaceAll("\\", "/"), readFileSync(file, "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("the scan finds each planted breach, and not the same code in its home module or a comment", () => {
    const planted = [
      "const share = `${(rate * 100).toFixed(1)}%`;",
      "function capitalise(text: string) { return text; }",
      'throw new RangeError("missedChart needs a window");',
    ].join("\n");
    expect(breaches("src/charts/planted.ts", planted)).toEqual([
      "src/charts/planted.ts:1 toFixed/toPrecision outside the format module",
      "src/charts/planted.ts:2 a second escapeHtml or capitalise",
      "src/charts/planted.ts:3 an error text written inline in a renderer (charts/, report/)",
    ]);
    expect(breaches("src/text/format.ts", planted.split("\n").slice(0, 2).join("\n"))).toEqual([]);
    expect(breaches("src/charts/planted.ts", "// (rate * 100).toFixed(1)")).toEqual([]);
  });
});
