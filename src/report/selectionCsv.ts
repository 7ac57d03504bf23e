import type { CaseSelection, SelectedCase } from "../planning/selectCases.js";
import { VERSION } from "../version.js";

export interface SelectionCsvOptions {
  /** How the header names the case file (its path as given); default "case file". */
  readonly source?: string;
  /** The command's arguments after `adequacy`, recorded so the selection can be repeated. */
  readonly command?: readonly string[];
  /** The seed was generated, not given: the header says so and how to repeat the selection. */
  readonly seedGenerated?: boolean;
}

/** Chunks are written at this many characters or more, so that a large selection is never held whole. */
const CHUNK = 1 << 16;

/**
 * A selection as CSV with its provenance: a header of `#` lines (tool and version, seed, generator and
 * algorithm, the frame with the case file's SHA-256, the strata, the command), then `order,id,stratum,role`
 * for each case `cases` visits (forEachSelectedCase, which draws them), in draw order. Written through
 * `write` in chunks of about 64 KiB as the cases come, never whole.
 *
 * @example
 * ```ts
 * const selection = selectCases({ low: 1, high: 100 }, { size: 2, seed: "7" });
 * let csv = "";
 * selectionCsv(selection, (visit) => forEachSelectedCase(selection, undefined, visit), {}, (chunk) => {
 *   csv += chunk;
 * });
 * ```
 */
export function selectionCsv(
  selection: CaseSelection,
  cases: (visit: (selected: SelectedCase) => void) => void,
  options: SelectionCsvOptions,
  write: (chunk: string) => void,
): void {
  const { frame: from } = selection;
  const frameNote =
    from.kind === "numbers"
      ? `cases numbered ${from.low} to ${from.high}`
      : `${options.source ?? "case file"}: ${from.rowsUsed} cases (${from.rowsRejected} rows rejected), sha256 ${from.sha256}`;
  const strata = selection.strata
    .map((s) => `${s.label} ${s.size} of ${s.population}${s.spares ? ` + ${s.spares} spares` : ""}`)
    .join("; ");
  const header = [
    `# sampling-adequacy ${VERSION}: random selection`,
    `# seed: ${selection.seed}${options.seedGenerated ? " (generated; give --seed to repeat this selection)" : ""}`,
    `# generator: ${selection.generator}: ${selection.description}`,
    `# algorithm: ${selection.algorithm}`,
    `# frame: ${frameNote}`,
    `# strata: ${strata} (${selection.allocation})`,
    ...(options.command === undefined
      ? []
      : [`# command: adequacy ${options.command.map(shellWord).join(" ")}`]),
    "order,id,stratum,role",
  ];
  let chunk = `${header.join("\n")}\n`;
  cases((c) => {
    chunk += `${c.order},${csvField(c.id)},${csvField(c.stratum)},${c.role}\n`;
    if (chunk.length >= CHUNK) {
      write(chunk);
      chunk = "";
    }
  });
  if (chunk !== "") write(chunk);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An argument as a shell reads it back: bare when safe, else in single quotes. */
function shellWord(arg: string): string {
  return /^[\w./:%,=@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
