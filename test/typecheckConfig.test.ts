import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// `npm run typecheck` checks the Node code without the DOM types (tsconfig.json) and the browser code with
// them (tsconfig.browser.json). TypeScript gives a whole program the DOM types as soon as one file in it
// asks for them (a `/// <reference lib="dom" />` or a lib option), so the split holds only if no file of
// the Node program, nor any declaration it loads, brings them in. These tests compile the configurations
// with TypeScript's own API.

const root = resolve(import.meta.dirname, "..");

function parsed(config: string): ts.ParsedCommandLine {
  const result = ts.getParsedCommandLineOfConfigFile(
    join(root, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (result === undefined) throw new Error(`${config} could not be read`);
  return result;
}

const node = parsed("tsconfig.json");
const browser = parsed("tsconfig.browser.json");
const files = (config: ts.ParsedCommandLine) => config.fileNames.map((file) => relative(root, file));

function typescriptFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(?:ts|mts|cts)$/.test(file))
    .map((file) => join(folder, file));
}

describe("typecheck configurations", () => {
  it("npm run typecheck runs both", () => {
    const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
    expect(scripts.typecheck).toBe("tsc -p tsconfig.json --noEmit && tsc -p tsconfig.browser.json --noEmit");
  });

  it("every TypeScript file of src, test and bench is in one of them, the browser code in the browser one", () => {
    const checked = new Set([...files(node), ...files(browser)]);
    const missing = ["src", "test", "bench"].flatMap(typescriptFiles).filter((file) => !checked.has(file));
    expect(missing).toEqual([]);
    expect(files(browser)).toEqual(
      expect.arrayContaining([
        "src/web/main.ts",
        "test/browser/layout.test.ts",
        "test/browser/overflowInPage.ts",
      ]),
    );
    expect(files(node).filter((file) => /^(?:src\/web|test\/browser|test\/web)\//.test(file))).toEqual([]);
  });

  // Compiles the whole Node program: about 10 s on one core.
  it("the Node program has no DOM types: `document` in src/ fails to typecheck", { timeout: 120_000 }, () => {
    expect((node.options.lib ?? []).filter((lib) => /dom/i.test(lib))).toEqual([]);
    const probe = join(root, "src", "domProbe.ts");
    const host = ts.createCompilerHost(node.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, ...rest) =>
      file === probe
        ? ts.createSourceFile(file, "export const title = (): string => document.title;\n", language)
        : getSourceFile(file, language, ...rest);
    const program = ts.createProgram({ rootNames: [...node.fileNames, probe], options: node.options, host });
    const domFiles = program
      .getSourceFiles()
      .map((file) => file.fileName)
      .filter((file) => /\/lib\.dom[.\w]*\.d\.ts$/.test(file));
    expect(domFiles).toEqual([]);
    const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(probe));
    // TS2584: "Cannot find name 'document'. Do you need to change your target library?"
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([2584]);
  });

  it("the browser program has them", () => {
    expect(browser.options.lib).toEqual(expect.arrayContaining(["lib.dom.d.ts", "lib.dom.iterable.d.ts"]));
  });
});
