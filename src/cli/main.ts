import { runCli } from "./runCli.js";

// A reader that stops early (`adequacy select … | head`) closes the pipe: stop writing and end quietly, as
// Unix tools do, rather than die on an unhandled EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

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
