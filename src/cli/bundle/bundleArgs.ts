import { existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";

/** The commands that write an audit bundle with `--bundle DIR`. */
export const BUNDLE_COMMANDS = ["assess", "report", "select"] as const;

/** Flags whose value may be a file the command reads: copied into the bundle's inputs/ folder. */
const INPUT_FLAGS = ["--scenario", "--volume", "--cases", "--case-file"] as const;

/** Flags naming a case-level file: left out of the bundle (its SHA-256 kept) unless --bundle-cases. */
const CASE_FLAGS = new Set(["--cases", "--case-file"]);

/** Flags naming a file or folder the command writes: redirected into the bundle's outputs/ folder. */
const OUTPUT_FLAGS = ["--out"] as const;

/** An input file of the recorded command: where the user had it and where the bundle keeps it. */
export interface BundledInput {
  readonly flag: string;
  /** The path as the user gave it. */
  readonly given: string;
  /** The path within the bundle, relative to it (`inputs/cases.csv`). */
  readonly bundled: string;
  /** Whether the file itself is kept in the bundle (case files only with --bundle-cases). */
  readonly included: boolean;
}

/** A command line taken apart for recording: the bundle's folder, and the arguments to replay in it. */
export interface BundleRequest {
  readonly command: (typeof BUNDLE_COMMANDS)[number];
  readonly dir: string;
  readonly includeCases: boolean;
  /** The command's arguments with --bundle removed, inputs under inputs/ and outputs under outputs/. */
  readonly replayArgs: readonly string[];
  readonly inputs: readonly BundledInput[];
}

/** One flag occurrence: `--flag value` (two arguments) or `--flag=value` (one). */
interface Occurrence {
  readonly index: number;
  readonly flag: string;
  readonly value: string | undefined;
  readonly inline: boolean;
}

function occurrences(args: readonly string[], flag: string): Occurrence[] {
  const found: Occurrence[] = [];
  args.forEach((arg, index) => {
    if (arg === flag) found.push({ index, flag, value: args[index + 1], inline: false });
    else if (arg.startsWith(`${flag}=`))
      found.push({ index, flag, value: arg.slice(flag.length + 1), inline: true });
  });
  return found;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Takes a command line apart for an audit bundle, or returns undefined when it asks for none. The files it
 * reads become `inputs/NAME` and the file it writes `outputs/NAME`, so that replaying the arguments inside
 * the bundle's folder reads and writes only there, and prints the same paths wherever the bundle is kept.
 */
export function bundleRequest(args: readonly string[]): BundleRequest | undefined {
  const command = BUNDLE_COMMANDS.find((name) => name === args[0]);
  const bundles = occurrences(args, "--bundle");
  if (command === undefined || bundles.length === 0) return undefined;
  const dir = bundles[0]?.value;
  if (bundles.length > 1) throw new InputError("--bundle", messages.givenTwice());
  if (dir === "") throw new InputError("--bundle", messages.emptyPath());
  if (dir === undefined || dir.startsWith("-"))
    throw new InputError("--bundle", messages.needsValue("--bundle", dir));
  const replay = [...args];
  const drop = new Set<number>();
  const skip = (o: Occurrence) => {
    drop.add(o.index);
    if (!o.inline) drop.add(o.index + 1);
  };
  for (const o of bundles) skip(o);
  const includeCases = args.includes("--bundle-cases");
  args.forEach((arg, index) => {
    if (arg === "--bundle-cases") drop.add(index);
  });
  const inputs: BundledInput[] = [];
  const names = new Set<string>();
  const place = (folder: string, path: string) => {
    let name = basename(path) || "input";
    for (let i = 2; names.has(`${folder}/${name}`); i++) name = `${i}-${basename(path)}`;
    names.add(`${folder}/${name}`);
    return `${folder}/${name}`;
  };
  const rewrite = (o: Occurrence, value: string) => {
    if (o.inline) replay[o.index] = `${o.flag}=${value}`;
    else replay[o.index + 1] = value;
  };
  for (const flag of INPUT_FLAGS) {
    for (const o of occurrences(args, flag)) {
      if (o.value === undefined) continue;
      if (o.value === "-") throw new InputError("--bundle", messages.bundleStandardInput(flag));
      if (!isFile(o.value)) continue;
      const bundled = place("inputs", o.value);
      inputs.push({ flag, given: o.value, bundled, included: includeCases || !CASE_FLAGS.has(flag) });
      rewrite(o, bundled);
    }
  }
  for (const flag of OUTPUT_FLAGS) {
    for (const o of occurrences(args, flag)) if (o.value !== undefined) rewrite(o, place("outputs", o.value));
  }
  return {
    command,
    dir,
    includeCases,
    replayArgs: replay.filter((_, index) => !drop.has(index)),
    inputs,
  };
}

/** The arguments with `--format` set to json and any `--out` removed: the result record on standard output. */
export function jsonArgs(args: readonly string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--format" || arg === "--out") {
      i++;
      continue;
    }
    if (arg.startsWith("--format=") || arg.startsWith("--out=")) continue;
    result.push(arg);
  }
  return [...result, "--format", "json"];
}
