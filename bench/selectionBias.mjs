// Selection-bias bounds (countInterval with bias) side by side with scipy's nchypergeom_wallenius and
// nchypergeom_fisher (bisection over their CDFs; they wrap Fog's BiasedUrn), and the assessment's whole
// selection-bias grid for hmcts-sscs. Run by bench/run.mjs; informational, never fails a build.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { assessInvestigation, countInterval, examples } from "../dist/index.js";
import { columns, fmt, medianMs as medianOf, root } from "./timing.mjs";

// Fewer runs than run.mjs's default: a biased bound costs milliseconds, not microseconds.
const medianMs = (fn, options = {}) => medianOf(fn, { warmup: 2, minRuns: 7, ...options });

const cases = [
  { found: 1, sample: 109, population: 609, bias: 2 },
  { found: 1, sample: 109, population: 609, bias: 10 },
  { found: 10, sample: 500, population: 1e4, bias: 2 },
  { found: 1, sample: 109, population: 12622, bias: 3 },
  { found: 10, sample: 1000, population: 1e6, bias: 2 },
  { found: 100, sample: 5000, population: 1e6, bias: 2 },
].flatMap((c) => ["wallenius", "fisher"].map((biasModel) => ({ ...c, biasModel, sided: "upper" })));

const python = spawnSync("python3", [join(root, "bench", "selectionBiasPeer.py")], {
  input: JSON.stringify(cases),
  encoding: "utf8",
  maxBuffer: 1 << 24,
});
const peer = python.status === 0 ? JSON.parse(python.stdout) : undefined;
if (!peer)
  console.log(`\nscipy peer for selection bias unavailable (${python.stderr.trim().split("\n").pop()})`);

console.log("\ncountInterval with bias, one-sided 95% upper bound (target: ≤ 10 ms at N ≤ 1e6)");
const row = columns(44, -10, -10);
row("case", "ours", "scipy", " upper (ours / scipy)");
cases.forEach((c, i) => {
  const ours = medianMs(() => countInterval(c));
  const upper = countInterval(c).upper;
  const p = peer?.[i];
  const label = `${c.biasModel} ω=${c.bias} k=${c.found} n=${c.sample} N=${c.population}`;
  row(label, fmt(ours), fmt(p?.ms), ` ${upper} / ${p?.upper ?? "—"}`);
});

console.log("\nassessInvestigation(hmcts-sscs), selection-bias grid 1, 1.5, 2, 3, 5, 10 (target: ≤ 100 ms)");
const sscs = examples["hmcts-sscs"];
for (const biasModel of ["wallenius", "fisher"]) {
  const full = medianMs(() => assessInvestigation({ ...sscs, biasModel }), { minRuns: 5 });
  const grid = medianMs(
    () => {
      for (const bias of [1, 1.5, 2, 3, 5, 10]) {
        countInterval({ found: 1, sample: 109, population: 609, sided: "upper", bias, biasModel });
        countInterval({ found: 1, sample: 109, population: 12622, sided: "upper", bias, biasModel });
      }
    },
    { minRuns: 5 },
  );
  console.log(
    `  ${biasModel.padEnd(10)} grid (window and span bounds): ${fmt(grid)}; whole assessment with tipping biases: ${fmt(full)}`,
  );
}
