// Timing and printing shared by the benches: medians of repeated runs, wall time of a node process, and
// aligned rows. Informational: nothing here fails a build.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The median time of `fn` in ms, after `warmup` calls, over at least `minRuns` runs and `minMs` ms. */
export function medianMs(fn, { warmup = 3, minRuns = 20, minMs = 200 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The median wall time in ms of `node ...args` run `runs` times from the project's root. */
export function wallMs(args, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  }
  return median(times);
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A duration for a table: µs below 1 ms, else ms to two decimals; — when not measured. */
export const fmt = (ms) =>
  ms === undefined ? "—" : ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;

/**
 * A row printer for columns of the given widths: a positive width pads a cell on the right (text), a
 * negative one on the left (figures); the last cell is never padded. Prints the row, indented by two.
 */
export function columns(...widths) {
  return (...cells) => {
    const padded = cells.map((cell, i) => {
      const text = String(cell);
      const width = widths[i];
      if (i === cells.length - 1 || width === undefined) return text;
      return width < 0 ? text.padStart(-width) : text.padEnd(width);
    });
    console.log(`  ${padded.join(" ")}`.trimEnd());
  };
}
