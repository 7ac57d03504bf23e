import type { Io } from "../Io.js";

/** The command line's entry point, passed in rather than imported so that bundles add no import cycle. */
export type RunCli = (args: readonly string[], io: Io, width?: number) => Promise<number>;

/** What a replayed command printed, and its exit code. */
export interface Replayed {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the command line in `folder`, with the report's date fixed by SOURCE_DATE_EPOCH, and captures what it
 * prints. The bundle's arguments name files relative to its folder (`inputs/…`, `outputs/…`), so the
 * command reads and writes only there and prints the same paths wherever the bundle is kept. The working
 * folder and the environment are restored afterwards, whatever happens.
 */
export async function replay(
  run: RunCli,
  folder: string,
  args: readonly string[],
  sourceDateEpoch: string,
): Promise<Replayed> {
  const previousFolder = process.cwd();
  const previousEpoch = process.env.SOURCE_DATE_EPOCH;
  let stdout = "";
  let stderr = "";
  process.chdir(folder);
  process.env.SOURCE_DATE_EPOCH = sourceDateEpoch;
  try {
    const code = await run(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previousFolder);
    if (previousEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = previousEpoch;
  }
}
