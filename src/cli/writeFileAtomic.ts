import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { asWriteError } from "./fileErrors.js";

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so that a reader
 * never sees half a file. Refuses to write over any of `inputs` (files the command read), whether named
 * by the same path or reached through a symbolic or hard link. Any refusal by the file system (no such
 * folder, a file where a folder belongs, permission denied) is an error naming `flag`; removing the
 * temporary file afterwards never throws in its place. `data` may be a function that writes the file in
 * chunks.
 */
export function writeFileAtomic(
  flag: string,
  path: string,
  data: string | Uint8Array | ((write: (chunk: string) => void) => void),
  inputs: readonly string[] = [],
): void {
  if (inputs.some((input) => sameFile(input, path))) {
    throw new InputError(flag, messages.wouldOverwriteInput(path));
  }
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    if (typeof data === "function") {
      // Written in chunks as the caller produces them, for outputs too large to hold as one string.
      const fd = openSync(temporary, "w");
      try {
        data((chunk) => writeSync(fd, chunk));
      } finally {
        closeSync(fd);
      }
    } else writeFileSync(temporary, data);
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file was never created where it cannot be removed (its folder is missing or a file).
    }
    throw asWriteError(flag, path, error);
  }
}

/** Creates a folder (and its parents) for output; a file in the way is an error naming `flag`. */
export function makeFolder(flag: string, path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw asWriteError(flag, path, error);
  }
}

/** The same path, or two paths to one file (a symbolic or hard link): same device and inode. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const first = statQuietly(a);
  const second = statQuietly(b);
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}

/** A path's status, or undefined when it cannot be had (missing, or under a file): then it is no input. */
function statQuietly(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
