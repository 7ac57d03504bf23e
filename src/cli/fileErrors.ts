import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** An error from the operating system (Node's fs and streams): it carries the failed system call. */
function systemCode(error: unknown): string | undefined {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return typeof code === "string" && typeof syscall === "string" ? code : undefined;
}

/**
 * A file the user named could not be read: any error from the operating system becomes a message naming
 * the flag and the path (exit code 2); anything else is returned unchanged.
 */
export function asReadError(flag: string, path: string, error: unknown): unknown {
  const code = systemCode(error);
  return code === undefined ? error : new InputError(flag, messages.cannotRead(path, code));
}

/** As {@link asReadError}, for a file or folder the user named to be written. */
export function asWriteError(flag: string, path: string, error: unknown): unknown {
  const code = systemCode(error);
  return code === undefined ? error : new InputError(flag, messages.cannotWrite(path, code));
}
