// Reads a case file with readCases in a process of its own and prints rows per second and peak memory.
//   node bench/readCases.mjs FILE
import { createReadStream } from "node:fs";
import { readCases } from "../dist/index.js";

const start = performance.now();
const summary = await readCases(createReadStream(process.argv[2], { highWaterMark: 1 << 20 }));
const seconds = (performance.now() - start) / 1000;
console.log(
  JSON.stringify({ rows: summary.rowsRead, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
