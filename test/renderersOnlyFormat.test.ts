import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The library owns every number; the renderers only format them. dependency-cruiser's renderers-only-format
// rule keeps report/ and charts/ from importing a computing function (web/ and cli/ call the library, as
// handlers do); this test reads the code of report/, charts/, the web calculator (web/) and the command line
// (cli/) with TypeScript's checker and finds arithmetic on a number taken from a library result.
//
// A number "taken from a library result" is a property whose declaration is in a computing folder
// (distributions/, intervals/, planning/, scenario/, data/, investigation/): `r.upper`, `row.found`, an
// element of a result's list, a destructured `{ upper }`, a local constant holding one, or a parameter of a
// renderer's own function that some call in the renderers passes one to. Arithmetic is `- * / % **`, a `+`
// that makes a number, a unary minus, a compound assignment, or a call of `Math.*`. Rounding for print
// goes through the format module (src/text/, not scanned). Not arithmetic: comparisons (they choose words),
// `.length` of a result's list, and layout (widths, positions, axis domains), which works on numbers of
// its own or on lists mapped from a result (a call's return value is not followed).
const root = resolve(import.meta.dirname, "..");

/** The folders whose results renderers print. */
const COMPUTING = /\/src\/(distributions|intervals|planning|scenario|data|investigation)\//;
/** The renderers: the report, the charts, the web calculator and the command line. */
const RENDERERS = /^src\/(report|charts|web|cli)\//;

const ARITHMETIC = new Set([
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function program(rootNames: readonly string[], host?: ts.CompilerHost): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.browser.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error("tsconfig.browser.json could not be read");
  return ts.createProgram({
    rootNames,
    options: { ...config.options, noEmit: true },
    ...(host ? { host } : {}),
  });
}

/** The function a call calls, when it is declared in the program as a function or a constant holding one. */
function callee(checker: ts.TypeChecker, call: ts.CallExpression): ts.SignatureDeclaration | undefined {
  let symbol = checker.getSymbolAtLocation(call.expression);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration;
    if (
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer !== undefined &&
      (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
    ) {
      return declaration.initializer;
    }
  }
  return undefined;
}

/**
 * What each parameter of the renderers' own functions is called with, over every call in the renderers: so
 * that `words(r.bias)` and `function words(bias: number) { … 1 / bias … }` are seen together.
 */
function argumentsByParameter(checker: ts.TypeChecker, sources: readonly ts.SourceFile[]) {
  const passed = new Map<ts.ParameterDeclaration, ts.Expression[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const declaration = callee(checker, node);
      declaration?.parameters.forEach((parameter, i) => {
        const argument = node.arguments[i];
        if (argument === undefined || parameter.dotDotDotToken) return;
        passed.set(parameter, [...(passed.get(parameter) ?? []), argument]);
      });
    }
    ts.forEachChild(node, visit);
  };
  for (const source of sources) visit(source);
  return passed;
}

/** Arithmetic on numbers read from library results in one renderer file, as `path:line code`. */
function computations(
  checker: ts.TypeChecker,
  passed: ReadonlyMap<ts.ParameterDeclaration, readonly ts.Expression[]>,
  source: ts.SourceFile,
  path: string,
): string[] {
  const fromComputing = (symbol: ts.Symbol | undefined) =>
    (symbol?.declarations ?? []).some((d) =>
      COMPUTING.test(d.getSourceFile().fileName.replaceAll("\\", "/")),
    );

  /** Whether an expression's value is a number read from a library result (followed through locals). */
  const readsResult = (node: ts.Expression, seen: Set<ts.Node>): boolean => {
    if (seen.has(node)) return false;
    seen.add(node);
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) {
      return readsResult(node.expression, seen);
    }
    if (ts.isConditionalExpression(node)) {
      return readsResult(node.whenTrue, seen) || readsResult(node.whenFalse, seen);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
      return readsResult(node.left, seen) || readsResult(node.right, seen);
    }
    if (ts.isSpreadElement(node)) return readsResult(node.expression, seen);
    if (ts.isPropertyAccessExpression(node)) return fromComputing(checker.getSymbolAtLocation(node.name));
    // An element of a result's list (`curve.review[i]`) is the result's number too.
    if (ts.isElementAccessExpression(node)) {
      return fromComputing(checker.getSymbolAtLocation(node)) || readsResult(node.expression, seen);
    }
    if (ts.isIdentifier(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      for (const declaration of symbol?.declarations ?? []) {
        if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) {
          if (readsResult(declaration.initializer, seen)) return true;
        }
        if (
          ts.isParameter(declaration) &&
          (passed.get(declaration) ?? []).some((a) => readsResult(a, seen))
        ) {
          return true;
        }
        if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
          const name = (declaration.propertyName ?? declaration.name).getText();
          const property = checker.getTypeAtLocation(declaration.parent).getProperty(name);
          if (fromComputing(property)) return true;
        }
      }
    }
    return false;
  };

  const isNumber = (node: ts.Node) =>
    (checker.getTypeAtLocation(node).getFlags() & ts.TypeFlags.NumberLike) !== 0;
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const report = (node: ts.Node) =>
    found.push(`${path}:${at(node)} ${node.getText(source).replace(/\s+/g, " ").slice(0, 80)}`);
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      ARITHMETIC.has(node.operatorToken.kind) &&
      isNumber(node) &&
      (readsResult(node.left, new Set()) || readsResult(node.right, new Set()))
    ) {
      report(node);
    } else if (
      ts.isPrefixUnaryExpression(node) &&
      node.operator === ts.SyntaxKind.MinusToken &&
      readsResult(node.operand, new Set())
    ) {
      report(node);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.getText(source) === "Math" &&
      node.arguments.some((argument) => readsResult(argument, new Set()))
    ) {
      report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function scan(files: readonly string[], host?: ts.CompilerHost): string[] {
  const built = program(files, host);
  const checker = built.getTypeChecker();
  const sources = files.map((file) => {
    const source = built.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is not in the program`);
    return source;
  });
  const passed = argumentsByParameter(checker, sources);
  return sources.flatMap((source) =>
    computations(checker, passed, source, relative(root, source.fileName).replaceAll("\\", "/")),
  );
}

/**
 * Arithmetic the scan finds that is presentation, not a number of the result, each with its reason. A
 * finding matches on its file and its code, not its line, so new arithmetic in the same file is still found.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // The rows a message leaves unlisted ("; and 12 more") depend on how many it lists, a choice of the
  // message, not a fact about the case file.
  "src/cli/caseFile.ts summary.rowsRejected - LISTED": "the rows the message does not list",
};

const withoutLine = (finding: string) => finding.replace(/:\d+ /, " ");

/**
 * A renderer planted in memory beside the real src/ (so its imports resolve to the real result types),
 * with each kind of computation the scan finds, and layout arithmetic and comparisons it leaves alone.
 */
const PLANTED = `import type { CountInterval } from "../intervals/countInterval.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
export function planted(r: CountInterval, a: Assessment, width: number): string[] {
  const notFound = r.upper - r.found;
  const { upper, found } = r;
  const share = (upper + found) / 2;
  const odds = words(r.bias);
  const curve = a.extrapolated?.confidenceCurve ?? [];
  const first = curve[0]?.undetected ?? 0;
  const tail = Math.round(first);
  const height = curve.length * 20 + width / 2;
  const more = r.upper > r.found ? "more" : "less";
  // r.upper - r.found in a comment is not code
  return [String(notFound), String(share), odds, String(tail), String(height), more, String(-r.lower)];
}
function words(bias: number): string {
  return String(1 / bias);
}
`;

describe("renderers only format", () => {
  it("report/, charts/, web/ and cli/ do no arithmetic on a library result's numbers", {
    timeout: 120_000,
  }, () => {
    const files = sourceFiles(join(root, "src")).filter((file) =>
      RENDERERS.test(relative(root, file).replaceAll("\\", "/")),
    );
    const found = scan(files);
    expect(found.filter((finding) => !(withoutLine(finding) in ALLOWED))).toEqual([]);
    // Each allowance is still needed: an allowance nothing matches would let the next one through unseen.
    expect(Object.keys(ALLOWED).filter((allowed) => !found.map(withoutLine).includes(allowed))).toEqual([]);
  });

  it("the scan finds each planted computation, through locals, destructuring and a helper's parameter", {
    timeout: 120_000,
  }, () => {
    const path = join(root, "src/report/planted.ts");
    const host = ts.createCompilerHost({});
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, ...rest) =>
      resolve(fileName) === path
        ? ts.createSourceFile(fileName, PLANTED, language, true)
        : getSourceFile(fileName, language, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => resolve(fileName) === path || fileExists(fileName);
    expect(scan([path], host)).toEqual([
      "src/report/planted.ts:4 r.upper - r.found",
      "src/report/planted.ts:6 upper + found",
      "src/report/planted.ts:10 Math.round(first)",
      "src/report/planted.ts:14 -r.lower",
      "src/report/planted.ts:17 1 / bias",
    ]);
  });
});
