// The peer for bench/readCases.mjs: the same file through csv-parse's stream alone (no validation).
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const start = performance.now();
let rows = -1;
const parser = createReadStream(process.argv[2], { highWaterMark: 1 << 20 }).pipe(
  parse({ bom: true, relax_column_count: true }),
);
parser.on("readable", () => {
  while (parser.read() !== null) rows++;
});
await new Promise((resolve) => parser.on("end", resolve));
console.log(
  JSON.stringify({
    rows,
    seconds: (performance.now() - start) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
