// Writes a synthetic case file for the readCases benchmark:
//   node bench/generate-cases.mjs ROWS FILE [--seedless]
// One row per case over 2019-01-01 to 2024-02-29: every 20th flagged, every 100th reviewed (all in the
// last three months' share of rows), every 1,000th reviewed case with impact. Deterministic (no RNG).
import { createWriteStream } from "node:fs";

const rows = Number(process.argv[2] ?? 1_000_000);
const file = process.argv[3] ?? "cases.csv";
if (!Number.isInteger(rows) || rows < 1) throw new Error("ROWS must be a whole number of 1 or more");
const out = createWriteStream(file);
const start = Date.UTC(2019, 0, 1);
const days = 1886;
const windowFrom = days - 91;
let buffer = "id,date,flagged,reviewed,impact\n";
for (let i = 0; i < rows; i++) {
  const day = Math.floor((i / rows) * days);
  const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
  const flagged = i % 20 === 0;
  const reviewed = flagged && day >= windowFrom && i % 100 === 0;
  const impact = reviewed && i % 10_000 === 0;
  buffer += `C${i},${date},${flagged ? 1 : 0},${reviewed ? "yes" : "no"},${impact ? "true" : ""}\n`;
  if (buffer.length > 1 << 20) {
    if (!out.write(buffer)) await new Promise((resolve) => out.once("drain", resolve));
    buffer = "";
  }
}
out.end(buffer);
await new Promise((resolve) => out.on("finish", resolve));
