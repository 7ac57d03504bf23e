import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { isNumeral } from "../../validation/parseNumber.js";
import { VERSION } from "../../version.js";
import { asReadError } from "../fileErrors.js";
import { BUNDLE_COMMANDS, jsonArgs } from "./bundleArgs.js";
import { BUNDLE_FORMAT, listFiles, MANIFEST_FILES, type ManifestEntry, sha256 } from "./manifest.js";
import type { BundleRecord } from "./recordBundle.js";
import { type RunCli, replay } from "./replay.js";

/** One difference between what the bundle holds and what the replay computed. */
export interface Difference {
  /** A JSON path (`windows[0].upper`) or a line (`line 12`). */
  readonly where: string;
  readonly bundle: string;
  readonly recomputed: string;
}

/** How one file of the bundle fared: against its manifest entry, and against the replay. */
export interface FileCheck {
  readonly path: string;
  /** intact: as the manifest says; changed / missing / unlisted: tampered with or damaged. */
  readonly integrity: "intact" | "changed" | "missing" | "unlisted";
}

export interface OutputCheck {
  readonly path: string;
  readonly status: "reproduced" | "differs" | "not recomputed" | "not in the bundle" | "not compared";
  /** Numbers compared, for JSON files. */
  readonly figures: number;
  readonly differences: readonly Difference[];
}

/** The verdict on a bundle. */
export interface Verification {
  readonly bundle: string;
  readonly command: string;
  readonly bundleVersion: string;
  readonly version: string;
  readonly files: readonly FileCheck[];
  readonly outputs: readonly OutputCheck[];
  /** Every file intact and every output reproduced. */
  readonly verified: boolean;
}

function readJson(field: string, path: string): unknown {
  if (!existsSync(path)) throw new InputError(field, messages.bundleUnreadable(path));
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw asReadError(field, path, error);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(field, messages.bundleUnreadable(path));
  }
}

/** Flags whose value is a path: in a bundle, always one inside it. */
const PATH_FLAGS = ["--out", "--scenario", "--volume", "--cases", "--case-file"];

/** Paths a bundle's arguments may name: inside its inputs/ or outputs/ folder, never above it. */
function insideBundle(path: string): boolean {
  return /^(inputs|outputs)\/[^/]/.test(path) && !path.split("/").includes("..");
}

function checkRecord(dir: string, field: string, record: unknown): BundleRecord {
  const r = record as Partial<BundleRecord> | null;
  if (
    r === null ||
    typeof r !== "object" ||
    r.format !== BUNDLE_FORMAT ||
    !Array.isArray(r.args) ||
    !Array.isArray(r.inputs) ||
    typeof r.sourceDateEpoch !== "string" ||
    !(BUNDLE_COMMANDS as readonly unknown[]).includes(r.args[0])
  )
    throw new InputError(field, messages.bundleUnreadable(join(dir, "command.json")));
  const args = r.args as string[];
  args.forEach((arg, i) => {
    const inline = arg.startsWith("--") && arg.includes("=");
    const flag = inline ? arg.slice(0, arg.indexOf("=")) : arg;
    const value = inline ? arg.slice(arg.indexOf("=") + 1) : args[i + 1];
    if (flag === "--bundle" || flag === "--bundle-cases")
      throw new InputError(field, messages.bundleUnsafe(flag));
    if (!PATH_FLAGS.includes(flag) || value === undefined) return;
    // --cases is a count or a file; a file of a bundle is always under inputs/.
    if (flag === "--cases" && isNumeral(value)) return;
    if (!insideBundle(value)) throw new InputError(field, messages.bundleUnsafe(`${flag} ${value}`));
  });
  return r as BundleRecord;
}

/** Compares two JSON values leaf by leaf, counting the numbers compared. */
function compareJson(bundle: unknown, recomputed: unknown, where: string, found: Difference[]): number {
  if (Array.isArray(bundle) && Array.isArray(recomputed)) {
    let figures = 0;
    const length = Math.max(bundle.length, recomputed.length);
    for (let i = 0; i < length; i++)
      figures += compareJson(bundle[i], recomputed[i], `${where}[${i}]`, found);
    return figures;
  }
  if (isObject(bundle) && isObject(recomputed)) {
    let figures = 0;
    for (const key of new Set([...Object.keys(bundle), ...Object.keys(recomputed)]))
      figures += compareJson(bundle[key], recomputed[key], where === "" ? key : `${where}.${key}`, found);
    return figures;
  }
  if (!Object.is(bundle, recomputed))
    found.push({ where: where || "(the whole record)", bundle: show(bundle), recomputed: show(recomputed) });
  return typeof bundle === "number" || typeof recomputed === "number" ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

/** Compares two texts line by line: the first differing line, or none. */
function compareText(bundle: string, recomputed: string): Difference[] {
  if (bundle === recomputed) return [];
  const a = bundle.split("\n");
  const b = recomputed.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return [{ where: `line ${at + 1}`, bundle: show(a[at]), recomputed: show(b[at]) }];
}

function compareOutput(path: string, bundle: Buffer, recomputed: Buffer): OutputCheck {
  // Chromium stamps each PDF with the time it was printed: the PDF is checked through the HTML it prints.
  if (path.endsWith(".pdf")) return { path, status: "not compared", figures: 0, differences: [] };
  const differences: Difference[] = [];
  let figures = 0;
  if (path.endsWith(".json")) {
    try {
      figures = compareJson(
        JSON.parse(bundle.toString("utf8")),
        JSON.parse(recomputed.toString("utf8")),
        "",
        differences,
      );
    } catch {
      differences.push(...compareText(bundle.toString("utf8"), recomputed.toString("utf8")));
    }
  } else if (!bundle.equals(recomputed)) {
    differences.push(...compareText(bundle.toString("utf8"), recomputed.toString("utf8")));
  }
  return { path, status: differences.length === 0 ? "reproduced" : "differs", figures, differences };
}

/**
 * Verifies an audit bundle: every file against the manifest's SHA-256, then the recorded command replayed
 * from the bundle's inputs in a temporary folder, with every output and the result record compared with
 * the bundle's, number by number for JSON and byte by byte otherwise. Case files left out of the bundle are
 * supplied with `extraInputs` and recognised by their SHA-256.
 */
export async function verifyBundle(
  dir: string,
  extraInputs: readonly string[],
  run: RunCli,
): Promise<Verification> {
  // Named as the user gave it, and never mistaken for a flag's name.
  const field = `bundle "${dir}"`;
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(field, messages.bundleNotAFolder());
  const manifest = readJson(field, join(dir, "manifest.json")) as { format?: unknown; files?: unknown };
  if (manifest?.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files))
    throw new InputError(field, messages.bundleUnreadable(join(dir, "manifest.json")));
  const entries = manifest.files as ManifestEntry[];
  const listed = new Set(entries.map((e) => e.path));
  const files: FileCheck[] = entries.map(({ path, sha256: expected }) => {
    const file = join(dir, path);
    if (!existsSync(file)) return { path, integrity: "missing" };
    return { path, integrity: sha256(readFileSync(file)) === expected ? "intact" : "changed" };
  });
  for (const path of listFiles(dir)) {
    if (!listed.has(path) && !(MANIFEST_FILES as readonly string[]).includes(path))
      files.push({ path, integrity: "unlisted" });
  }
  const record = checkRecord(dir, field, readJson(field, join(dir, "command.json")));
  const work = mkdtempSync(join(tmpdir(), "adequacy-verify-"));
  try {
    mkdirSync(join(work, "inputs"));
    mkdirSync(join(work, "outputs"));
    const supplied = extraInputs.map((path) => {
      try {
        return { path, sha256: sha256(readFileSync(path)) };
      } catch (error) {
        throw asReadError("--input", path, error);
      }
    });
    for (const input of record.inputs) {
      if (!insideBundle(input.bundled)) throw new InputError(field, messages.bundleUnsafe(input.bundled));
      mkdirSync(dirname(join(work, input.bundled)), { recursive: true });
      if (input.included) {
        if (existsSync(join(dir, input.bundled)))
          copyFileSync(join(dir, input.bundled), join(work, input.bundled));
        continue;
      }
      const match = supplied.find((s) => s.sha256 === input.sha256);
      if (match === undefined)
        throw new InputError("--input", messages.bundleNeedsInput(input.given, input.sha256));
      copyFileSync(match.path, join(work, input.bundled));
    }
    const unused = supplied.filter((s) => !record.inputs.some((i) => !i.included && i.sha256 === s.sha256));
    if (unused[0] !== undefined) throw new InputError("--input", messages.bundleInputUnused(unused[0].path));
    const replayed = await replay(run, work, record.args, record.sourceDateEpoch);
    const outputs: OutputCheck[] = [];
    const recomputed = new Map<string, Buffer>();
    if (replayed.stdout !== "") recomputed.set("outputs/stdout.txt", Buffer.from(replayed.stdout));
    if (replayed.stderr !== "") recomputed.set("outputs/stderr.txt", Buffer.from(replayed.stderr));
    for (const path of listFiles(work).filter((p) => p.startsWith("outputs/")))
      recomputed.set(path, readFileSync(join(work, path)));
    if (record.result !== undefined) {
      const json = await replay(run, work, jsonArgs(record.args), record.sourceDateEpoch);
      recomputed.set(record.result, Buffer.from(json.stdout));
    }
    const held = entries.map((e) => e.path).filter((p) => p.startsWith("outputs/") || p === record.result);
    for (const path of held) {
      const mine = recomputed.get(path);
      const theirs = join(dir, path);
      if (mine === undefined) outputs.push({ path, status: "not recomputed", figures: 0, differences: [] });
      else if (!existsSync(theirs))
        outputs.push({ path, status: "not in the bundle", figures: 0, differences: [] });
      else outputs.push(compareOutput(path, readFileSync(theirs), mine));
    }
    for (const path of recomputed.keys()) {
      if (!held.includes(path))
        outputs.push({ path, status: "not in the bundle", figures: 0, differences: [] });
    }
    const verified =
      files.every((f) => f.integrity === "intact") &&
      outputs.every((o) => o.status === "reproduced" || o.status === "not compared");
    return {
      bundle: dir,
      command: record.command,
      bundleVersion: record.version,
      version: VERSION,
      files,
      outputs,
      verified,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
