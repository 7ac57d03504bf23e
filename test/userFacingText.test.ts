import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
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

/**
 * The argument that carries the text, by constructor: an InputError's detail follows its field; the other
 * errors a user sees carry their text first. A plain `Error` is an internal fault (exit 1, "please report
 * this"), never a user's mistake, and is left to say what it needs to.
 */
const TEXT_ARGUMENT: Readonly<Record<string, number>> = {
  InputError: 1,
  InputTypeError: 1,
  UsageError: 0,
  MissingToolError: 0,
  RangeError: 0,
  TypeError: 0,
};

/** Where user-facing text may be written: the messages module; math/ imports nothing of ours (its guards are internal). */
const TEXT_HOME = /^src\/(validation\/messages\.ts$|math\/)/;

/** Words in a literal's own text; the program's name and "note:" that start a line of the CLI are not. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/^adequacy: (note: )?/, ""));
}

/**
 * Whether an expression writes words inline: a string or template literal with a letter in its own text.
 * A template that only joins other texts (`${path}: ${messages.x()}`) writes none.
 */
function writesWords(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text);
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].some(hasWords);
  }
  if (ts.isParenthesizedExpression(node)) return writesWords(node.expression);
  if (ts.isBinaryExpression(node)) return writesWords(node.left) || writesWords(node.right);
  if (ts.isConditionalExpression(node)) return writesWords(node.whenTrue) || writesWords(node.whenFalse);
  // A warning record `{ id, text }`: its text.
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.some(
      (p) => ts.isPropertyAssignment(p) && p.name.getText() === "text" && writesWords(p.initializer),
    );
  }
  return false;
}

/**
 * Errors a user can see, warnings and notes attached to results, and lines the command line writes
 * (`io.out`, `io.err`), whose text is written inline rather than taken from the messages module, as
 * `path:line what`.
 */
function inlineTexts(path: string, text: string): string[] {
  if (TEXT_HOME.test(path)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const from = TEXT_ARGUMENT[node.expression.text];
      const argument = from === undefined ? undefined : node.arguments?.[from];
      if (argument !== undefined && writesWords(argument)) {
        found.push(`${path}:${at(node)} new ${node.expression.text} with inline text`);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ["push", "unshift"].includes(node.expression.name.text) &&
      /(warnings|notes)$/i.test(node.expression.expression.getText(source)) &&
      node.arguments.some(writesWords)
    ) {
      found.push(`${path}:${at(node)} a warning or note with inline text`);
    }
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(source) === "warnings" &&
      ts.isArrayLiteralExpression(node.initializer) &&
      node.initializer.elements.some(writesWords)
    ) {
      found.push(`${path}:${at(node)} a warning with inline text`);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ["out", "err"].includes(node.expression.name.text) &&
      node.expression.expression.getText(source) === "io" &&
      node.arguments.some(writesWords)
    ) {
      found.push(`${path}:${at(node)} a line of the command line with inline text`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
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

  it("src/ takes every error a user sees, every warning and note and the CLI's own lines from the messages module", () => {
    const found = sourceFiles(join(root, "src")).flatMap((file) =>
      inlineTexts(relative(root, file).replaceAll("\\", "/"), readFileSync(file, "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("the inline-text scan finds each planted breach, and not texts joined from messages", () => {
    const planted = [
      'throw new InputError("--scale", "must be from 1 to 8");',
      "throw new InputError(flag, `${path}: has no rows`);",
      "throw new UsageError(`${flag} needs a value`, command);",
      "throw new RangeError(\n  ok ? messages.x() : `chart needs a window`,\n);",
      'warnings.push("Some drift values are implausible.");',
      "result.notes.push(`${label}: pro-rated`);",
      "throw new InputError(`--unit (${i + 1})`, `${at} ${error.detail}`);",
      'throw new UsageError(`${quoted(first)} ${messages.notACommand(nearest)}`, "chart");',
      "warnings.push(messages.driftSaturated());",
      'warnings.push({ id: "poisson-clipped", text: "the bound was clipped" });',
      'warnings.push({ id: "poisson-clipped", text: messages.poissonClipped() });',
      'const r = { warnings: [{ id: "periods-not-sampled", text: `${n} months not sampled` }] };',
      'const s = { warnings: [{ id: "periods-not-sampled", text: messages.x(n) }] };',
      'throw new Error("Sha256: update after digest");',
      "io.out(`wrote ${out}\\n`);",
      "io.err(`adequacy: note: ${messages.casesAsFile()}\\n`);",
    ].join("\n");
    expect(inlineTexts("src/cli/planted.ts", planted)).toEqual([
      "src/cli/planted.ts:1 new InputError with inline text",
      "src/cli/planted.ts:2 new InputError with inline text",
      "src/cli/planted.ts:3 new UsageError with inline text",
      "src/cli/planted.ts:4 new RangeError with inline text",
      "src/cli/planted.ts:7 a warning or note with inline text",
      "src/cli/planted.ts:8 a warning or note with inline text",
      "src/cli/planted.ts:12 a warning or note with inline text",
      "src/cli/planted.ts:14 a warning with inline text",
      "src/cli/planted.ts:17 a line of the command line with inline text",
    ]);
    expect(inlineTexts("src/validation/messages.ts", planted)).toEqual([]);
  });
});
