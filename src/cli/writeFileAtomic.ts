import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../validation/InputError.js";

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so that a reader
 * never sees half a file. Refuses to write over any of `inputs` (files the command read), whether named
 * by the same path or reached through a symbolic or hard link.
 */
export function writeFileAtomic(
  flag: string,
  path: string,
  data: string | Uint8Array,
  inputs: readonly string[] = [],
): void {
  if (inputs.some((input) => sameFile(input, path))) {
    throw new InputError(flag, `would write over the input file "${path}"; choose another name`);
  }
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ENOTDIR") {
      throw new InputError(
        flag,
        `cannot write "${path}": ${code === "ENOENT" ? "no such folder" : code === "EACCES" ? "permission denied" : "not a file"}`,
      );
    }
    throw error;
  }
}

/** The same path, or two paths to one file (a symbolic or hard link): same device and inode. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const first = statSync(a, { throwIfNoEntry: false });
  const second = statSync(b, { throwIfNoEntry: false });
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}
