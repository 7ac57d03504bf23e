import { runCli } from "./runCli.js";

// No top-level await: the CLI is bundled as CommonJS (scripts/build-cli.mjs).
runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
  Math.min(100, process.stdout.columns ?? 100),
).then((code) => {
  process.exitCode = code;
});
