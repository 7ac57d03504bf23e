// Bundles the CLI. stdlib ships each function as hundreds of small CommonJS modules, and resolving them
// one by one tripled the CLI's start-up time. The bundle is split: the entry holds yargs and the command
// definitions; each command's computation and formatting is a chunk imported only when it runs, and
// charting modules stay external, imported only when a chart is asked for.
import { rm } from "node:fs/promises";
import { build } from "esbuild";

await rm("dist/cli", { recursive: true, force: true });
await build({
  entryPoints: ["src/cli/main.ts"],
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  minify: true,
  sourcemap: "linked",
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["vega", "vega-lite", "vega-embed", "@resvg/resvg-js", "playwright-core"],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
