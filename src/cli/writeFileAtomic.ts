import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../validation/InputError.js";

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so that a reader
 * never sees half a file. Refuses to write over any of `inputs` (files the command read).
 */
export function writeFileAtomic(
  flag: string,
  path: string,
  data: string | Uint8Array,
  inputs: readonly string[] = [],
): void {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new InputError(flag, `would write over the input file "${path}"; choose another name`);
  }
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
