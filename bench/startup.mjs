// CLI start-up against a bare `node -e ''`, with and without the two measures the build takes for it
// (scripts/build-cli.mjs): string-width's costly module body deferred to its first call, and yargs'
// help cache, rendered after every command for a help never shown, skipped (src/cli/skipHelpCache.ts).
// Both reach into dependencies (a rewritten module body, a yargs internal), so they stay only while this
// shows a gain users notice. The variant without them is built into a temporary directory by
// `scripts/build-cli.mjs --plain`. Run by bench/run.mjs; informational, never fails a build.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { columns, fmt, median, root, wallMs } from "./timing.mjs";

const plainDir = mkdtempSync(join(tmpdir(), "adequacy-bench-plain-"));
try {
  const built = spawnSync(
    process.execPath,
    [join(root, "scripts", "build-cli.mjs"), "--out-dir", join(plainDir, "cli"), "--plain"],
    { cwd: root, encoding: "utf8" },
  );
  if (built.status !== 0) throw new Error(`the plain CLI bundle failed to build: ${built.stderr}`);
  const plainBin = join(plainDir, "adequacy.cjs");
  writeFileSync(plainBin, 'require("./cli/main.cjs");\n');

  const bound = ["bound", "-N", "609", "-n", "109", "-k", "1", "--format", "json"];
  const assess = ["assess", "--example", "hmcts-sscs", "--format", "json"];
  const runs = [
    ["node -e ''", ["-e", ""]],
    ["adequacy bound … --format json", ["bin/adequacy.cjs", ...bound]],
    ["  without the two measures", [plainBin, ...bound]],
    ["adequacy assess --example hmcts-sscs --format json", ["bin/adequacy.cjs", ...assess]],
    ["  without the two measures", [plainBin, ...assess]],
  ];
  // Interleaved (bare node, bound, bound without, assess, …) so that a busy moment on the machine slows
  // every variant alike instead of skewing one ratio.
  const times = runs.map(() => []);
  for (let round = 0; round < 31; round++) {
    for (const [i, [, args]] of runs.entries()) times[i].push(wallMs(args, 1));
  }
  const [bare, ...cli] = times.map(median);
  console.log(
    "\nCLI start-up, median of 31 interleaved runs (target: bound ≤ 1.5× a bare node -e ''); 'without' is",
  );
  console.log("built with neither the deferred string-width nor the skipped yargs help cache");
  const row = columns(52, -10);
  row(runs[0][0], fmt(bare), "");
  cli.forEach((ms, i) => {
    const saved = i % 2 === 1 ? `; the measures save ${fmt(ms - cli[i - 1])}` : "";
    row(runs[i + 1][0], fmt(ms), `(${(ms / bare).toFixed(2)}× bare node${saved})`);
  });
} finally {
  rmSync(plainDir, { recursive: true, force: true });
}
