import { runCli } from "./runCli.js";

const code = await runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
  Math.min(100, process.stdout.columns ?? 100),
);
process.exitCode = code;
