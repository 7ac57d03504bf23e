import { createReadStream } from "node:fs";
import { readCases } from "./src/investigation/readCases.js";
import { scenarioFromCases } from "./src/investigation/scenarioFromCases.js";

const t = performance.now();
const s = await readCases(createReadStream(process.argv[2]));
const sec = (performance.now() - t) / 1000;
console.log(
  s.rowsRead,
  s.rowsUsed,
  s.rowsRejected,
  s.rejected.slice(0, 3),
  sec.toFixed(2),
  "s",
  (s.rowsRead / sec / 1e6).toFixed(2),
  "M rows/s",
  "rss",
  (process.memoryUsage().rss / 1e6).toFixed(0),
  "MB",
);
const sc = scenarioFromCases(s, { name: "x" });
console.log(sc.span, sc.windows.length, sc.windows[0]);
