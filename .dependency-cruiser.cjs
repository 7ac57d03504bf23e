// The layering of src/, checked by `npm run lint` (dependency-cruiser). Dependencies point one way:
//
//   distributions → intervals → planning / scenario / data → investigation → report / charts → cli
//
// read "is imported by": a folder may import the folders to its left, never those to its right.
// Inside the middle tier, data/ may import scenario/ (a case file becomes a scenario) and planning/ may
// import scenario/ and data/ (a selection is drawn from cases), never the other way. report/ may import
// charts/ (a report embeds chart specs); charts/ may not import report/.
//
// The leaves anyone may import, themselves importing only leaves below them in this list:
//   methods/     the method registry and sidedness; imports nothing of ours
//   math/        exact integer and probability helpers; imports nothing of ours
//   text/        number and phrase formatting; imports methods/ only
//   validation/  argument checks and messages.ts, all user-facing error text; imports text/, math/, methods/
//   version.ts, types/ (declarations for untyped packages)
//
// report/ and charts/ only format: they import the computing folders' types, never their functions, so
// every number they print is a field of a library result (renderers-only-format). An import cannot show
// arithmetic on a result's numbers inside a renderer: test/renderersOnlyFormat.test.ts reads report/,
// charts/, web/ and cli/ with TypeScript's checker for that.
//
// Only cli/ touches the process, the file system or yargs: the library computes, charts/ builds specs
// and renders from data handed to it, and cli/ reads and writes. (Biome's noProcessGlobal covers the
// `process` global, which has no import to check.)
//
// test/cli/dependencyRules.test.ts runs this configuration on a planted violation of each kind, so a
// rule that stops matching fails a test instead of passing in silence.

// The folder checked: src/, or the planted tree that test/dependencyRules.test.ts checks.
const S = `^${process.env.LAYERING_ROOT ?? "src"}/`;

const LEAVES = `${S}(methods|math|text|validation|types)/|${S}version\\.ts$`;
const BELOW_TIER = `${LEAVES}|${S}(distributions|intervals)/`;
const TIER = `${S}(planning|scenario|data)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle ties modules (or folders) into one layer; break it by moving the shared part down.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "io-only-in-cli",
      comment: "Only src/cli/ touches the process, the file system, child processes or yargs.",
      severity: "error",
      from: { path: S, pathNot: `${S}cli/` },
      to: {
        path: "^(node:)?(fs|fs/promises|process|child_process|os|module|worker_threads|readline|tty|net|http|https)$|(^|/)node_modules/yargs(-parser)?/",
      },
    },
    {
      name: "renderers-only-format",
      comment:
        "report/ and charts/ format the numbers of library results; they compute none, so they import the computing folders' types only (a value import is a computation, or a copy of one, waiting to drift).",
      severity: "error",
      from: { path: `${S}(report|charts)/` },
      to: {
        path: `${S}(distributions|intervals|planning|scenario|data|investigation)/`,
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "no-unresolvable",
      comment: "An import dependency-cruiser cannot resolve would escape every other rule.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  allowed: [
    // Packages and Node built-ins: restricted by io-only-in-cli above, not by layer.
    { from: {}, to: { path: "(^|/)node_modules/" } },
    { from: {}, to: { dependencyTypes: ["core"] } },
    // Inside a folder, anything goes (cycles excepted).
    { from: { path: `${S}([^/]+)/` }, to: { path: `${S}$1/` } },
    // The leaves.
    { from: { path: `${S}text/` }, to: { path: `${S}methods/` } },
    { from: { path: `${S}validation/` }, to: { path: `${S}(text|math|methods)/` } },
    // distributions → intervals
    { from: { path: `${S}distributions/` }, to: { path: LEAVES } },
    { from: { path: `${S}intervals/` }, to: { path: `${LEAVES}|${S}distributions/` } },
    // → planning / scenario / data
    { from: { path: `${S}scenario/` }, to: { path: BELOW_TIER } },
    { from: { path: `${S}data/` }, to: { path: `${BELOW_TIER}|${S}scenario/` } },
    { from: { path: `${S}planning/` }, to: { path: `${BELOW_TIER}|${S}(scenario|data)/` } },
    // → investigation
    { from: { path: `${S}investigation/` }, to: { path: `${BELOW_TIER}|${TIER}` } },
    // → report / charts
    { from: { path: `${S}charts/` }, to: { path: `${BELOW_TIER}|${TIER}|${S}investigation/` } },
    { from: { path: `${S}report/` }, to: { path: `${BELOW_TIER}|${TIER}|${S}(investigation|charts)/` } },
    // → cli, and the package entry, which re-exports everything but the CLI.
    { from: { path: `${S}cli/` }, to: { path: S } },
    { from: { path: `${S}index\\.ts$` }, to: { path: S, pathNot: `${S}cli/` } },
    // The web calculator presents in the browser, as cli/ does in a terminal: it may import the library
    // (never cli/), and io-only-in-cli keeps the process and the file system out of it.
    { from: { path: `${S}web/` }, to: { path: S, pathNot: `${S}cli/` } },
  ],
  allowedSeverity: "error",
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a type cycle is still a cycle, and a type still ties the layers.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".d.ts"],
    },
    exclude: { path: `${S}report/methodsDoc\\.ts$` },
  },
};
