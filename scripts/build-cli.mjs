// Bundles the CLI for a fast start. stdlib ships each function as hundreds of small CommonJS modules,
// and resolving them one by one tripled the start-up time, so the CLI is bundled:
// - dist/cli/main.cjs holds yargs and the command definitions;
// - every module a command imports on demand (`await import(...)`) becomes one self-contained file,
//   loaded only when that command runs. Code shared between them is copied into each, not split into
//   shared chunks: esbuild's code splitting left `assess` loading 24 chunks one after another, and the
//   per-module cost of the ESM loader came to a tenth of the run;
// - the bundles are CommonJS, loaded when first needed (through load.cjs, below): Node's ESM loader costs about
//   3 ms more for the same files (measured on `assess`), a tenth of what the CLI adds to Node's own
//   start. The exception is the chart renderer (src/cli/render.ts), which imports ESM-only packages (vega,
//   vega-lite): it stays an ES module, loaded with `import()`;
// - each bundle carries its own copy of the error classes; the CLI tells errors apart by `name`
//   (isInputError), never by `instanceof`, so no class needs to be shared between bundles;
// - charting packages stay external, imported only when a chart is asked for;
// - dist/cli/load.cjs (src/cli/loadBundle.ts) loads the CommonJS bundles with a V8 code cache written here,
//   `<bundle>.cache`: compiling the bundles was the largest part of what the CLI adds to Node's own start.
//   The bundles that a few typical commands load get one, holding every function those commands ran
//   (codeCaches below); the others are compiled as before. A vm Script cannot run
//   `import()` without an experimental flag, so a bundle that still holds one gets no cache and is
//   loaded with `require`: node: built-ins imported on demand are required instead (the same module,
//   at once), and the chart renderer is imported through src/cli/importRender.ts, whose body here asks
//   load.cjs to import it.
//
// Usage: node scripts/build-cli.mjs [--out-dir DIR] [--plain] [--no-code-cache]. `--plain` leaves out the
// two start-up measures below that reach into dependencies (the deferred string-width and yargs' skipped
// help cache) and `--no-code-cache` the code caches, for bench/startup.mjs to time the CLI without them;
// neither is ever shipped.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({
  options: {
    "out-dir": { type: "string" },
    plain: { type: "boolean", default: false },
    "no-code-cache": { type: "boolean", default: false },
  },
});
const outdir = resolve(root, flags["out-dir"] ?? "dist/cli");

/** Modules that import ESM-only packages, bundled as ES modules. */
const ESM = new Set(["src/cli/render.ts"]);

/** The loader of the CommonJS bundles, with their code caches: src/cli/loadBundle.ts. */
const LOADER = "load.cjs";

/** A CommonJS module's code that loads a bundle through the loader, from a bundle in the same folder. */
const loadFromHere = (call, file) =>
  `require("./${LOADER}").${call}(require("node:path").join(__dirname, ${JSON.stringify(file)}))`;

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
 * Turns on-demand imports of project modules into loads of their own bundles: a CommonJS bundle through the
 * loader (load.cjs), made lazy by a one-line module that esbuild wraps and runs only when the `import()` is
 * reached; a real `import()` for an ES module bundle. In a CommonJS bundle, src/cli/importRender.ts gets a
 * body that imports the renderer's ES module bundle through the loader, and an `import()` of a node:
 * built-in becomes a `require` of it (the same module, loaded at once), so that the bundle holds no
 * `import()` and can run from a code cache.
 */
function bundleBoundaries(entry, discovered, esm) {
  return {
    name: "bundle-boundaries",
    setup(builder) {
      builder.onResolve({ filter: new RegExp(`^\\./${LOADER.replace(".", "\\.")}$`) }, (args) => ({
        path: args.path,
        external: true,
      }));
      if (!esm) {
        builder.onResolve({ filter: /^node:/ }, (args) =>
          args.kind === "dynamic-import" ? { path: args.path, namespace: "builtin" } : undefined,
        );
        builder.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
          contents: `module.exports = require(${JSON.stringify(args.path)});`,
          loader: "js",
        }));
        builder.onLoad({ filter: /[\\/]src[\\/]cli[\\/]importRender\.ts$/ }, () => {
          discovered.add("src/cli/render.ts");
          return {
            contents: `export const importRender = () => ${loadFromHere("importBundle", outName("src/cli/render.ts"))};`,
            loader: "js",
          };
        });
      }
      builder.onResolve({ filter: /^\./ }, async (args) => {
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
        contents: `module.exports = ${loadFromHere("loadBundle", outName(args.path))};`,
        loader: "js",
      }));
    },
  };
}

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [resolve(root, "src/cli/loadBundle.ts")],
  outfile: resolve(outdir, LOADER),
  bundle: true,
  minify: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});
/** The CommonJS bundles that can run from a code cache: those that hold no `import()`. */
const cacheable = [];
const done = new Set();
const pending = ["src/cli/main.ts"];
while (pending.length > 0) {
  const entry = pending.pop();
  if (done.has(entry)) continue;
  done.add(entry);
  const discovered = new Set();
  const outfile = resolve(outdir, outName(entry));
  const built = await build({
    entryPoints: [resolve(root, entry)],
    outfile,
    bundle: true,
    metafile: true,
    minify: true,
    sourcemap: "linked",
    platform: "node",
    target: "node20",
    external: ["vega", "vega-lite", "@resvg/resvg-js"],
    plugins: [
      ...(flags.plain ? [keepHelpCache] : [deferStringWidth]),
      bundleBoundaries(entry, discovered, ESM.has(entry)),
    ],
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
  // esbuild names its outputs relative to the working directory.
  const output = built.metafile.outputs[relative(process.cwd(), outfile).replaceAll("\\", "/")];
  if (output === undefined) throw new Error(`${outfile}: not among esbuild's outputs`);
  if (!ESM.has(entry) && !output.imports.some((i) => i.kind === "dynamic-import" && i.external)) {
    cacheable.push(outfile);
  }
  pending.push(...discovered);
}
if (!flags["no-code-cache"]) codeCaches(cacheable);

/**
 * Writes the code caches of the bundles that a few typical commands load, holding every function the
 * command ran (V8 compiles most functions only when first called, and that was most of the compiling).
 * Every cacheable bundle first gets a cache of its compiled top level, so that the commands load it through
 * a vm Script; the caches no command replaced are then removed, to keep dist/ small. A bundle several
 * commands load keeps the last one's: `bound`'s, whose start-up has a target (bench/startup.mjs).
 */
function codeCaches(bundles) {
  const loader = createRequire(import.meta.url)(join(outdir, LOADER));
  for (const bundle of bundles) loader.writeCodeCache(bundle);
  const commands = [
    ["assess", "--example", "hmcts-sscs", "--format", "json"],
    ["bound", "-n", "109", "-k", "1", "--method", "wilson", "--format", "json"],
    ["bound", "-N", "609", "-n", "109", "-k", "1", "--format", "json"],
  ];
  const warmed = join(outdir, "warmed.txt");
  const run = `const loader = require(${JSON.stringify(join(outdir, LOADER))});
process.argv = [process.argv[0], "adequacy", ...JSON.parse(process.env.ADEQUACY_WARM_ARGS)];
process.on("exit", () => {
  require("node:fs").appendFileSync(${JSON.stringify(warmed)}, loader.writeRunCaches().map((f) => f + "\\n").join(""));
});
loader.loadBundle(${JSON.stringify(join(outdir, "main.cjs"))});`;
  for (const args of commands) {
    const env = { ...process.env, ADEQUACY_WARM_ARGS: JSON.stringify(args) };
    const r = spawnSync(process.execPath, ["-e", run], {
      env,
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    });
    if (r.status !== 0)
      throw new Error(`adequacy ${args.join(" ")} failed while writing code caches: ${r.stderr}`);
  }
  const kept = new Set(readFileSync(warmed, "utf8").split("\n"));
  rmSync(warmed);
  for (const bundle of bundles) if (!kept.has(`${bundle}.cache`)) rmSync(`${bundle}.cache`);
}
