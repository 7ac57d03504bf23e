import { createReadStream } from "node:fs";
import { readCases } from "./dist/investigation/readCases.js";

const t = performance.now();
const s = await readCases(createReadStream(process.argv[2], { highWaterMark: 1 << 20 }));
const sec = (performance.now() - t) / 1000;
console.log(
  s.rowsRead,
  sec.toFixed(2),
  "s",
  (s.rowsRead / sec / 1e6).toFixed(2),
  "M rows/s",
  "rss",
  (process.memoryUsage().rss / 1e6).toFixed(0),
  "MB",
);
