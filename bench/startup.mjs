// CLI start-up against a bare `node -e ''`, with and without the measures the build takes for it
// (scripts/build-cli.mjs): the two that reach into dependencies, string-width's costly module body
// deferred to its first call and yargs' help cache, rendered after every command for a help never shown,
// skipped (src/cli/skipHelpCache.ts); and the bundles' V8 code caches (src/cli/loadBundle.ts). The two
// stay only while this shows a gain users notice. The variants without them are built into a temporary
// directory by `scripts/build-cli.mjs --plain` and `--no-code-cache`. Run by bench/run.mjs;
// informational, never fails a build.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { columns, fmt, median, root, wallMs } from "./timing.mjs";

const variantsDir = mkdtempSync(join(tmpdir(), "adequacy-bench-startup-"));
try {
  /** A CLI built with the build's `flag`, and a bin that runs it as bin/adequacy.cjs runs dist/. */
  const variant = (name, flag) => {
    const built = spawnSync(
      process.execPath,
      [join(root, "scripts", "build-cli.mjs"), "--out-dir", join(variantsDir, name, "cli"), flag],
      { cwd: root, encoding: "utf8" },
    );
    if (built.status !== 0) throw new Error(`the ${flag} CLI bundle failed to build: ${built.stderr}`);
    const bin = join(variantsDir, name, "adequacy.cjs");
    writeFileSync(
      bin,
      'require("./cli/load.cjs").loadBundle(require("node:path").join(__dirname, "cli", "main.cjs"));\n',
    );
    return bin;
  };
  const plainBin = variant("plain", "--plain");
  const uncachedBin = variant("uncached", "--no-code-cache");

  const bound = ["bound", "-N", "609", "-n", "109", "-k", "1", "--format", "json"];
  const assess = ["assess", "--example", "hmcts-sscs", "--format", "json"];
  // [label, arguments, the row it is compared with]
  const runs = [
    ["node -e ''", ["-e", ""]],
    ["adequacy bound … --format json", ["bin/adequacy.cjs", ...bound]],
    ["  without the two measures", [plainBin, ...bound], 1],
    ["  without the code cache", [uncachedBin, ...bound], 1],
    ["adequacy assess --example hmcts-sscs --format json", ["bin/adequacy.cjs", ...assess]],
    ["  without the two measures", [plainBin, ...assess], 4],
    ["  without the code cache", [uncachedBin, ...assess], 4],
  ];
  // Interleaved (bare node, bound, bound without, assess, …) so that a busy moment on the machine slows
  // every variant alike instead of skewing one ratio.
  const times = runs.map(() => []);
  for (let round = 0; round < 31; round++) {
    for (const [i, [, args]] of runs.entries()) times[i].push(wallMs(args, 1));
  }
  const medians = times.map(median);
  const bare = medians[0];
  console.log(
    "\nCLI start-up, median of 31 interleaved runs (target: bound ≤ 1.5× a bare node -e ''); 'without' is",
  );
  console.log(
    "built with neither the deferred string-width nor the skipped yargs help cache, or without code caches",
  );
  const row = columns(52, -10);
  row(runs[0][0], fmt(bare), "");
  runs.slice(1).forEach(([label, , base], j) => {
    const ms = medians[j + 1];
    const saved = base === undefined ? "" : `; it saves ${fmt(ms - medians[base])}`;
    row(label, fmt(ms), `(${(ms / bare).toFixed(2)}× bare node${saved})`);
  });
} finally {
  rmSync(variantsDir, { recursive: true, force: true });
}
