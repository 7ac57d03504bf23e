import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { VERSION } from "../../version.js";
import { asWriteError } from "../fileErrors.js";
import type { Io } from "../Io.js";
import { quoteArg } from "../quoteArg.js";
import { type BundleRequest, jsonArgs } from "./bundleArgs.js";
import { BUNDLE_FORMAT, manifestOf, sha256, sha256sums } from "./manifest.js";
import { type RunCli, replay } from "./replay.js";

/** What command.json records: enough to replay the command, and where its inputs came from. */
export interface BundleRecord {
  readonly format: typeof BUNDLE_FORMAT;
  readonly tool: "sampling-adequacy";
  readonly version: string;
  readonly node: string;
  readonly command: string;
  /** The arguments replayed inside the bundle's folder (after `adequacy`). */
  readonly args: readonly string[];
  /** The command line as the user typed it. */
  readonly given: readonly string[];
  /** The report's date: SOURCE_DATE_EPOCH during the replay, in seconds. */
  readonly sourceDateEpoch: string;
  readonly inputs: readonly {
    readonly flag: string;
    readonly given: string;
    readonly bundled: string;
    readonly included: boolean;
    readonly sha256: string;
    readonly bytes: number;
  }[];
  /** The result record as JSON (the command with --format json), when the command has one. */
  readonly result: string | undefined;
}

/** Commands whose --format json prints their result record. */
const JSON_RESULTS = new Set(["assess", "report"]);

/** The folder must be new (or empty), in a folder that exists: a bundle never writes over anything. */
function checkTarget(dir: string): void {
  if (existsSync(dir)) {
    const empty = statSync(dir).isDirectory() && readdirSync(dir).length === 0;
    if (!empty) throw new InputError("--bundle", messages.bundleExists(dir));
  }
  if (!existsSync(dirname(dir)) || !statSync(dirname(dir)).isDirectory())
    throw new InputError("--bundle", messages.cannotWrite(dir, "ENOENT"));
}

/**
 * Writes an audit bundle: the command's inputs, the command itself with the tool's version, its outputs
 * and its result record, each produced by replaying the command inside the bundle, and a manifest with the
 * SHA-256 of every file. The bundle is built in a temporary folder beside the target and renamed into
 * place at the end, so that a bundle is either whole or absent. `adequacy verify DIR` replays it.
 */
export async function recordBundle(
  request: BundleRequest,
  given: readonly string[],
  run: RunCli,
  io: Io,
): Promise<void> {
  checkTarget(request.dir);
  const partial = join(dirname(request.dir), `.${request.dir.replace(/.*[\\/]/, "")}.${process.pid}.partial`);
  try {
    mkdirSync(join(partial, "inputs"), { recursive: true });
    mkdirSync(join(partial, "outputs"), { recursive: true });
    for (const input of request.inputs) copyFileSync(input.given, join(partial, input.bundled));
    const epoch = process.env.SOURCE_DATE_EPOCH ?? String(Math.floor(Date.now() / 1000));
    const replayed = await replay(run, partial, request.replayArgs, epoch);
    if (replayed.code !== 0) throw new Error(messages.bundleReplayFailed(replayed.code, replayed.stderr));
    if (replayed.stdout !== "") writeFileSync(join(partial, "outputs", "stdout.txt"), replayed.stdout);
    if (replayed.stderr !== "") writeFileSync(join(partial, "outputs", "stderr.txt"), replayed.stderr);
    let result: string | undefined;
    if (JSON_RESULTS.has(request.command)) {
      const json = await replay(run, partial, jsonArgs(request.replayArgs), epoch);
      if (json.code !== 0) throw new Error(messages.bundleReplayFailed(json.code, json.stderr));
      result = "result.json";
      writeFileSync(join(partial, result), json.stdout);
    }
    const inputs = request.inputs.map((input) => {
      const data = readFileSync(join(partial, input.bundled));
      if (!input.included) rmSync(join(partial, input.bundled));
      return { ...input, sha256: sha256(data), bytes: data.length };
    });
    const record: BundleRecord = {
      format: BUNDLE_FORMAT,
      tool: "sampling-adequacy",
      version: VERSION,
      node: process.version,
      command: `adequacy ${request.replayArgs.map(quoteArg).join(" ")}`,
      args: request.replayArgs,
      given,
      sourceDateEpoch: epoch,
      inputs,
      result,
    };
    writeFileSync(join(partial, "command.json"), `${JSON.stringify(record, null, 2)}\n`);
    const entries = manifestOf(partial);
    writeFileSync(
      join(partial, "manifest.json"),
      `${JSON.stringify({ format: BUNDLE_FORMAT, files: entries }, null, 2)}\n`,
    );
    writeFileSync(join(partial, "SHA256SUMS"), sha256sums(entries));
    if (existsSync(request.dir)) rmdirSync(request.dir);
    renameSync(partial, request.dir);
    io.err(`adequacy: ${messages.bundleWritten(request.dir, entries.length + 2)}\n`);
  } catch (error) {
    try {
      rmSync(partial, { recursive: true, force: true });
    } catch {
      // The partial folder is named as temporary; leaving it is better than hiding the first error.
    }
    throw asWriteError("--bundle", request.dir, error);
  }
}
