import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheUses, importBundle, loadBundle, writeCodeCache } from "../../src/cli/loadBundle.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS bundle at a fresh path in the temporary folder. */
function bundle(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("loadBundle(file)", () => {
  it("loads a bundle without a cache file with Node's require, and evaluates it once", () => {
    const file = bundle("plain.cjs", "module.exports = { plain: true };");
    const first = loadBundle(file);
    expect(first).toEqual({ plain: true });
    expect(loadBundle(file)).toBe(first);
    expect(cacheUses().has(file)).toBe(false);
  });

  it("runs a bundle from the code cache the build writes, with the module's variables and its own require", () => {
    const file = bundle(
      "cached.cjs",
      'const { basename } = require("node:path");\nmodule.exports = { name: basename(__filename), dir: __dirname, sum: (a, b) => a + b };',
    );
    writeCodeCache(file);
    const loaded = loadBundle(file) as { name: string; dir: string; sum: (a: number, b: number) => number };
    expect(cacheUses().get(file)).toBe("cached");
    expect(loaded.name).toBe("cached.cjs");
    expect(loaded.dir).toBe(dir);
    expect(loaded.sum(2, 3)).toBe(5);
    expect(loadBundle(file)).toBe(loaded);
  });

  it("runs a bundle edited after the build from its new text, even when its length is unchanged", () => {
    // V8 checks a cache against the source's length only: the digest is what catches this edit.
    const file = bundle("edited.cjs", "module.exports = 1;");
    writeCodeCache(file);
    writeFileSync(file, "module.exports = 2;");
    expect(loadBundle(file)).toBe(2);
    expect(cacheUses().get(file)).toBe("stale");
  });

  it("loads a bundle again after its evaluation threw", () => {
    const file = bundle(
      "throws.cjs",
      'if (!globalThis.__throwsOnce) { globalThis.__throwsOnce = true; throw new Error("once"); }\nmodule.exports = "second";',
    );
    writeCodeCache(file);
    expect(() => loadBundle(file)).toThrow("once");
    expect(loadBundle(file)).toBe("second");
  });
});

describe("importBundle(file)", () => {
  it("imports an ES module bundle through Node's own loader", async () => {
    const file = bundle("module.js", "export const answer = 42;");
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    await expect(importBundle(file)).resolves.toMatchObject({ answer: 42 });
  });
});

// The built CLI: `npm test` builds first (pretest). Fails if the caches stop applying, for instance when a
// Node release has V8 reject them or when main.cjs comes to hold an import() and so gets none.
const built = join(import.meta.dirname, "..", "..", "dist", "cli");
describe.runIf(existsSync(join(built, "main.cjs")))("the built CLI's code caches", () => {
  it("run every bundle that bound loads from its cache", () => {
    const script = `const loader = require(${JSON.stringify(join(built, "load.cjs"))});
process.argv = [process.argv[0], "adequacy", "bound", "-N", "609", "-n", "109", "-k", "1", "--format", "json"];
process.on("exit", () => process.stderr.write(JSON.stringify([...loader.cacheUses()])));
loader.loadBundle(${JSON.stringify(join(built, "main.cjs"))});`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).upper).toBe(28);
    const uses = new Map(JSON.parse(r.stderr) as [string, string][]);
    expect([...uses.keys()].map((file) => file.slice(built.length + 1)).sort()).toEqual([
      "intervals.countInterval.cjs",
      "main.cjs",
      "report.boundBriefing.cjs",
    ]);
    expect([...uses.values()]).toEqual(["cached", "cached", "cached"]);
  });
});
