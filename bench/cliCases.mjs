// Runs the built CLI in a process of its own on a case file and prints, on standard error, rows per
// second and peak memory: `adequacy select --cases` and `adequacy assess --case-file` as a user runs them
// (start-up, reading, drawing or assessing, writing). Run it with standard output sent to /dev/null.
//   node bench/cliCases.mjs ROWS ARGS...
import { writeSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const [rows, ...args] = process.argv.slice(2);
const start = performance.now();
process.argv = [process.argv[0], "adequacy", ...args];
process.on("exit", (code) => {
  const seconds = (performance.now() - start) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  writeSync(2, `\n${JSON.stringify({ code, rows: Number(rows), seconds, maxRssMb })}\n`);
});
// As bin/adequacy.cjs loads it: through the bundles' loader, with their code caches.
createRequire(import.meta.url)("../dist/cli/load.cjs").loadBundle(
  fileURLToPath(new URL("../dist/cli/main.cjs", import.meta.url)),
);
