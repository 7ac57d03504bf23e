// Bundles the CLI for a fast start. stdlib ships each function as hundreds of small CommonJS modules,
// and resolving them one by one tripled the start-up time, so the CLI is bundled:
// - dist/cli/main.cjs holds yargs and the command definitions;
// - every module a command imports on demand (`await import(...)`) becomes one self-contained file,
//   loaded only when that command runs. Code shared between them is copied into each, not split into
//   shared chunks: esbuild's code splitting left `assess` loading 24 chunks one after another, and the
//   per-module cost of the ESM loader came to a tenth of the run;
// - the bundles are CommonJS, loaded with `require` when first needed: Node's ESM loader costs about
//   3 ms more for the same files (measured on `assess`), a tenth of what the CLI adds to Node's own
//   start. The exception is the chart renderer (src/cli/render.ts), which imports ESM-only packages (vega,
//   vega-lite): it stays an ES module, loaded with `import()`;
// - each bundle carries its own copy of the error classes; the CLI tells errors apart by `name`
//   (isInputError), never by `instanceof`, so no class needs to be shared between bundles;
// - charting packages stay external, imported only when a chart is asked for.
//
// Usage: node scripts/build-cli.mjs [--out-dir DIR] [--plain]. `--plain` leaves out the two start-up
// measures below (the deferred string-width and yargs' skipped help cache), for bench/startup.mjs to
// time the CLI without them; it is never shipped.
import { readFile, rm } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({
  options: { "out-dir": { type: "string" }, plain: { type: "boolean", default: false } },
});
const outdir = resolve(root, flags["out-dir"] ?? "dist/cli");

/** Modules that import ESM-only packages, bundled as ES modules. */
const ESM = new Set(["src/cli/render.ts"]);

/** The file a source module is bundled into: src/scenario/examples.ts → scenario.examples.cjs. */
const outName = (source) =>
  source === "src/cli/main.ts"
    ? "main.cjs"
    : `${source
        .replace(/^src\//, "")
        .replace(/\.ts$/, "")
        .replaceAll("/", ".")}.${ESM.has(source) ? "js" : "cjs"}`;

/**
 * yargs measures text with `string-width` only to lay out help, but both copies it pulls in do costly
 * work when their module loads: version 7 builds an `Intl.Segmenter` (6 ms, ICU data) and version 8
 * compiles `/^\p{RGI_Emoji}$/v` (9 ms; V8 validates regular-expression literals at parse time, even
 * inside functions never called). Together that was a third of the CLI's start-up on every command.
 * This plugin moves each copy's module body into a function run on the first call, so help output is
 * unchanged (test/cli/bin.test.ts compares it with the unbundled CLI's) and commands that print no
 * help never pay for it. The rewrite checks the module's shape and fails the build if a new version no
 * longer matches. `npm run bench` (bench/startup.mjs) times the CLI with and without it.
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

/** For `--plain` only: src/cli/skipHelpCache.ts as a no-op, so that yargs caches its help as it does unpatched. */
const keepHelpCache = {
  name: "keep-help-cache",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]cli[\\/]skipHelpCache\.ts$/ }, () => ({
      contents: "export function skipHelpCache() { return false; }",
      loader: "ts",
    }));
  },
};

/**
 * Turns on-demand imports of project modules into loads of their own bundles: `require` for a CommonJS
 * bundle, made lazy by a one-line module that esbuild wraps and runs only when the `import()` is reached;
 * a real `import()` for an ES module bundle.
 */
function bundleBoundaries(entry, discovered) {
  return {
    name: "bundle-boundaries",
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, async (args) => {
        if (args.namespace === "lazy-bundle") return { path: args.path, external: true };
        if (args.pluginData?.inner || args.kind !== "dynamic-import") return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const source = relative(root, resolved.path).replaceAll("\\", "/");
        if (source === entry || !source.startsWith("src/")) return { path: resolved.path };
        discovered.add(source);
        if (!ESM.has(source)) return { path: source, namespace: "lazy-bundle" };
        return { path: `./${outName(source)}`, external: true };
      });
      builder.onLoad({ filter: /.*/, namespace: "lazy-bundle" }, (args) => ({
        contents: `module.exports = require("./${outName(args.path)}");`,
        loader: "js",
      }));
    },
  };
}

await rm(outdir, { recursive: true, force: true });
const done = new Set();
const pending = ["src/cli/main.ts"];
while (pending.length > 0) {
  const entry = pending.pop();
  if (done.has(entry)) continue;
  done.add(entry);
  const discovered = new Set();
  await build({
    entryPoints: [resolve(root, entry)],
    outfile: resolve(outdir, outName(entry)),
    bundle: true,
    minify: true,
    sourcemap: "linked",
    platform: "node",
    target: "node20",
    external: ["vega", "vega-lite", "@resvg/resvg-js"],
    plugins: [...(flags.plain ? [keepHelpCache] : [deferStringWidth]), bundleBoundaries(entry, discovered)],
    logLevel: "warning",
    ...(ESM.has(entry)
      ? {
          format: "esm",
          banner: {
            js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
          },
        }
      : {
          format: "cjs",
          // yargs' ES module build reads import.meta.url; in a CommonJS bundle it comes from __filename.
          define: { "import.meta.url": "__importMetaUrl" },
          banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
        }),
  });
  pending.push(...discovered);
}
