// Bundles the CLI. stdlib ships each function as hundreds of small CommonJS modules, and resolving them
// one by one tripled the CLI's start-up time. The bundle is split: the entry holds yargs and the command
// definitions; each command's computation and formatting is a chunk imported only when it runs, and
// charting modules stay external, imported only when a chart is asked for.
import { readFile, rm } from "node:fs/promises";
import { build } from "esbuild";

/**
 * yargs measures text with `string-width` only to lay out help, but both copies it pulls in do costly
 * work when their module loads: version 7 builds an `Intl.Segmenter` (6 ms, ICU data) and version 8
 * compiles `/^\p{RGI_Emoji}$/v` (9 ms; V8 validates regular-expression literals at parse time, even
 * inside functions never called). Together that was a third of the CLI's start-up on every command.
 * This plugin moves each copy's module body into a function run on the first call, so help output is
 * unchanged and commands that print no help never pay for it. The rewrite checks the module's shape and
 * fails the build if a new version no longer matches.
 */
const deferStringWidth = {
  name: "defer-string-width",
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/]node_modules[\\/](?:.*[\\/])?string-width[\\/]index\.js$/ },
      async (args) => {
        const source = await readFile(args.path, "utf8");
        const shape = /^((?:import [^\n]*\n)+)([\s\S]*)$/.exec(source);
        const head = "export default function stringWidth(";
        const body = shape?.[2] ?? "";
        if (!shape || body.split(head).length !== 2 || /^export /m.test(body.replace(head, ""))) {
          throw new Error(`${args.path}: unexpected module shape; revise the defer-string-width plugin`);
        }
        return {
          contents: `${shape[1]}
let measure;
function load() {
${body.replace(head, "function stringWidth(")}
return stringWidth;
}
export default function stringWidth(...args) {
  measure ??= load();
  return measure(...args);
}
`,
          loader: "js",
        };
      },
    );
  },
};

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
  plugins: [deferStringWidth],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
