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

/** Chunks are written at this many bytes or more, so that a large selection is never held whole. */
const CHUNK = 1 << 16;
const COMMA = 44;
const SAMPLE = new TextEncoder().encode("sample\n");
const SPARE = new TextEncoder().encode("spare\n");

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
      : `${options.source ?? "case file"}: ${from.rowsUsed} ${from.rowsUsed === 1 ? "case" : "cases"} (${from.rowsRejected} ${from.rowsRejected === 1 ? "row" : "rows"} rejected), sha256 ${from.sha256}`;
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
  // Rows are written as UTF-8 bytes into one buffer and handed on as text a chunk at a time: at ten
  // million rows, building each row as a string took longer than drawing it.
  const rows = new RowBuffer(write);
  rows.text(`${header.join("\n")}\n`);
  let stratum: string | undefined;
  let stratumBytes = new Uint8Array(0);
  cases((c) => {
    if (c.stratum !== stratum) {
      stratum = c.stratum;
      stratumBytes = new TextEncoder().encode(csvField(c.stratum));
    }
    rows.row(c.order, c.id, stratumBytes, c.role === "sample" ? SAMPLE : SPARE);
  });
  rows.flush();
}

/** CSV rows as UTF-8 bytes in a buffer, handed to `write` as text whenever it holds CHUNK bytes. */
class RowBuffer {
  private readonly bytes = new Uint8Array(2 * CHUNK);
  private used = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(private readonly write: (chunk: string) => void) {}

  /** `order,id,stratum,role` and a line break; `stratum` and `role` already encoded (role with its line break). */
  row(order: number, id: string, stratum: Uint8Array, role: Uint8Array): void {
    if (this.used >= CHUNK) this.flush();
    const bytes = this.bytes;
    let at = this.whole(order);
    bytes[at++] = COMMA;
    at = this.field(id, at);
    bytes[at++] = COMMA;
    if (at + stratum.length + role.length > bytes.length) {
      this.used = at;
      this.flush();
      at = 0;
    }
    bytes.set(stratum, at);
    at += stratum.length;
    bytes[at++] = COMMA;
    bytes.set(role, at);
    this.used = at + role.length;
  }

  /** Text as it is, through the buffer. */
  text(text: string): void {
    this.flush();
    this.write(text);
  }

  flush(): void {
    if (this.used === 0) return;
    this.write(this.decoder.decode(this.bytes.subarray(0, this.used)));
    this.used = 0;
  }

  /** A whole number from 0 to 2^31 − 1 (a row's order: at most 25,000,000) in decimal digits, at the end of the buffer. */
  private whole(value: number): number {
    const bytes = this.bytes;
    let digits = 1;
    for (let power = 10; power <= value; power *= 10) digits++;
    const end = this.used + digits;
    // Integer division by 10 in 32 bits, which V8 compiles to a multiplication.
    let rest = value | 0;
    for (let at = end - 1; at >= this.used; at--) {
      const next = (rest / 10) | 0;
      bytes[at] = 48 + rest - next * 10;
      rest = next;
    }
    return end;
  }

  /** A CSV field at `at`: plain ASCII copied as it is, anything else quoted as needed and encoded. */
  private field(text: string, start: number): number {
    const bytes = this.bytes;
    let at = start;
    if (at + text.length < bytes.length) {
      let plain = true;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        // Quote, comma, CR, LF or beyond ASCII: the slow way below.
        if (code >= 0x80 || code === 34 || code === 44 || code === 13 || code === 10) {
          plain = false;
          break;
        }
        bytes[at++] = code;
      }
      if (plain) return at;
      at = start;
    }
    const quoted = csvField(text);
    // At most three UTF-8 bytes per UTF-16 code unit.
    if (at + quoted.length * 3 + 2 > bytes.length) {
      this.used = at;
      this.flush();
      at = 0;
      if (quoted.length * 3 + 2 > bytes.length) {
        this.write(quoted);
        return 0;
      }
    }
    return at + this.encoder.encodeInto(quoted, bytes.subarray(at)).written;
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An argument as a shell reads it back: bare when safe, else in single quotes. */
function shellWord(arg: string): string {
  return /^[\w./:%,=@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
