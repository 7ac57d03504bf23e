import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";

// Loads the CLI's CommonJS bundles (scripts/build-cli.mjs) with a V8 code cache, so that a command does not
// compile the same JavaScript again on every run: compiling the bundles `bound` needs was the largest part of
// what the CLI adds to Node's own start. Node 22 offers this as module.enableCompileCache(); Node 20 does not,
// so it is done here with the public vm API (Script's cachedData and createCachedData), nothing internal.
//
// The build writes `<bundle>.cache` next to the bundles that typical commands load: the bundle's text as it
// was compiled (its length in 4 bytes, then the text), then V8's data. V8 itself checks only its version, its
// flags and the source's length, so the copy of the text is what keeps a bundle edited after the build (even
// to the same length) from running with code compiled from its old text: a cache made for other text is
// ignored. (A copy compares in a tenth of a millisecond; a digest would need node:crypto, whose loading alone
// costs a few.) A cache V8 rejects (another Node version) costs a normal compile, nothing else. A bundle
// without a cache file is loaded with Node's own `require`; the build writes none for a bundle holding an
// `import()`, which a vm Script cannot run without an experimental flag.

/** How a bundle was compiled: with its code cache, or not because V8 rejected it or it was made for other text. */
export type CacheUse = "cached" | "rejected" | "stale";

/** The bytes of the text's length a cache file starts with. */
const LENGTH_BYTES = 4;

interface Compiled {
  readonly script: Script;
  readonly bytes: Buffer;
  readonly use: CacheUse;
  readonly module: { exports: unknown };
}

const compiled = new Map<string, Compiled>();

/**
 * The exports of the CommonJS bundle at `file` (an absolute path), evaluated once per process: through a vm
 * Script with its code cache when `<file>.cache` exists, else with Node's `require`.
 */
export function loadBundle(file: string): unknown {
  const known = compiled.get(file);
  if (known !== undefined) return known.module.exports;
  const require = createRequire(file);
  let cache: Buffer;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return require(file);
  }
  const bytes = readFileSync(file);
  const end = LENGTH_BYTES + bytes.length;
  const fits =
    cache.length > end &&
    cache.readUInt32LE(0) === bytes.length &&
    bytes.equals(cache.subarray(LENGTH_BYTES, end));
  const script = compile(file, bytes, fits ? cache.subarray(end) : undefined);
  const use: CacheUse = !fits ? "stale" : script.cachedDataRejected === true ? "rejected" : "cached";
  const module = { exports: {} as unknown };
  compiled.set(file, { script, bytes, use, module });
  try {
    script.runInThisContext()(module.exports, require, module, file, dirname(file));
  } catch (error) {
    compiled.delete(file);
    throw error;
  }
  return module.exports;
}

/** The ES module bundle at `file` (an absolute path), through Node's own loader: a vm Script cannot `import()`. */
export function importBundle(file: string): Promise<unknown> {
  return import(pathToFileURL(file).href);
}

/** How each bundle loaded through a code cache so far was compiled (for tests and the build). */
export function cacheUses(): ReadonlyMap<string, CacheUse> {
  return new Map([...compiled].map(([file, { use }]) => [file, use]));
}

/**
 * For the build only: writes `<file>.cache` for `file`, compiled but not run, so that it is loaded through a
 * vm Script and {@link writeRunCaches} can replace its cache after a command has run.
 */
export function writeCodeCache(file: string): void {
  const bytes = readFileSync(file);
  writeCache(file, bytes, compile(file, bytes, undefined));
}

/**
 * For the build only: rewrites the cache of every bundle this process loaded through a vm Script, holding
 * the functions it has compiled since (V8 compiles most functions when first called), and returns their paths.
 */
export function writeRunCaches(): string[] {
  return [...compiled].map(([file, { script, bytes }]) => writeCache(file, bytes, script));
}

function writeCache(file: string, bytes: Buffer, script: Script): string {
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(bytes.length);
  writeFileSync(`${file}.cache`, Buffer.concat([length, bytes, script.createCachedData()]));
  return `${file}.cache`;
}

/** A bundle as a function, in the wrapper Node gives a CommonJS module, on the first line so that line numbers stay the file's. */
function compile(file: string, bytes: Buffer, cachedData: Buffer | undefined): Script {
  const source = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString("utf8")}\n})`;
  return new Script(source, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
}
