/**
 * The chart renderer (render.ts), an ES module because vega is ESM-only. Commands import it through this
 * function rather than with `import()` in place: the CLI's bundles run from a V8 code cache (loadBundle.ts),
 * where `import()` needs an experimental flag, so the build gives this function a body that asks Node's own
 * loader for the renderer's bundle (scripts/build-cli.mjs).
 */
export function importRender(): Promise<typeof import("./render.js")> {
  return import("./render.js");
}
