import { readCaseSheet } from "../data/readCaseSheet.js";
import { type CaseSummary, type ReadCasesOptions, readCases } from "../data/readCases.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { Sha256 } from "./random/sha256.js";

/** A streaming SHA-256 with node:crypto's `createHash("sha256")` interface. */
export interface StreamHash {
  update(bytes: Uint8Array): unknown;
  digest(encoding: "hex"): string;
}

export interface ReadCaseFrameOptions extends Omit<ReadCasesOptions, "onCase"> {
  /**
   * The hash the file's bytes go through as they are read; default the library's own SHA-256. Pass
   * node:crypto's `createHash("sha256")` where it exists: the digest is the same, and faster.
   */
  readonly hash?: StreamHash;
  /** The source is an Excel workbook's bytes (one Uint8Array), read by {@link readCaseSheet}. */
  readonly workbook?: boolean;
  /** With `workbook`: the sheet, by name or number from 1; default the first. */
  readonly sheet?: string | number;
}

/** A case file read for selection: its totals, its SHA-256, and every accepted row's id and day. */
export interface CaseFrame {
  readonly summary: CaseSummary;
  /** SHA-256 of the bytes read (text chunks are hashed as UTF-8), as 64 hex digits. */
  readonly sha256: string;
  readonly rows: CaseRows;
}

/**
 * Reads a case file once for a selection: {@link readCases}' totals and checks (or {@link readCaseSheet}'s,
 * for a workbook), the file's SHA-256
 * computed from the same bytes as they stream past, and the id and day of every accepted row in file
 * order, so that a drawn position can be turned into an id without reading the file again.
 *
 * Memory: the ids' UTF-8 bytes plus 8 bytes a row, in typed arrays (about 180 MB for ten million ids of
 * ten characters), besides readCases' duplicate check.
 *
 * @param source - the file's bytes or text in chunks, e.g. a Node read stream; with `workbook`, the
 *   workbook's bytes
 * @throws {InputError} as {@link readCases} and {@link readCaseSheet}
 * @example
 * ```ts
 * const frame = await readCaseFrame(["id,date,reviewed,impact\nA,2024-01-05,0,0\nB,2024-02-01,0,0\n"]);
 * frame.rows.id(1); // "B"
 * ```
 */
export async function readCaseFrame(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string> | Uint8Array,
  options: ReadCaseFrameOptions = {},
): Promise<CaseFrame> {
  const { hash = new Sha256(), workbook = false, sheet, ...read } = options;
  const rows = new CaseRows();
  const onCase = (id: string, day: number) => rows.add(id, day);
  if (workbook) {
    if (!(source instanceof Uint8Array))
      throw new InputError("cases", messages.wrongType("a workbook's bytes (a Uint8Array)", source));
    hash.update(source);
    const summary = await readCaseSheet(source, {
      ...read,
      ...(sheet === undefined ? {} : { sheet }),
      onCase,
    });
    return { summary, sha256: hash.digest("hex"), rows };
  }
  if (source instanceof Uint8Array)
    throw new InputError(
      "cases",
      messages.wrongType("chunks of text or bytes (a workbook needs workbook: true)", source),
    );
  const encoder = new TextEncoder();
  async function* hashed() {
    for await (const chunk of source as AsyncIterable<Buffer | string> | Iterable<Buffer | string>) {
      hash.update(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      yield chunk;
    }
  }
  const summary = await readCases(hashed(), { ...read, onCase });
  return { summary, sha256: hash.digest("hex"), rows };
}

/** The largest total of id bytes kept (offsets are 32-bit). */
const MAX_ID_BYTES = 2 ** 32 - 1;

/**
 * The accepted rows of a case file, in file order: each id's UTF-8 bytes in one growing buffer and its day
 * in an Int32Array. Hand-written because an array of ten million strings takes several times the memory
 * and keeps the garbage collector busy.
 */
export class CaseRows {
  private bytes = new Uint8Array(1 << 16);
  private ends = new Uint32Array(1 << 12);
  private days = new Int32Array(1 << 12);
  private used = 0;
  private rowCount = 0;
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  /** Rows kept. */
  get count(): number {
    return this.rowCount;
  }

  add(id: string, day: number): void {
    if (this.rowCount === this.ends.length) {
      this.ends = grown(this.ends, new Uint32Array(this.ends.length * 2));
      this.days = grown(this.days, new Int32Array(this.days.length * 2));
    }
    // At most three UTF-8 bytes per UTF-16 code unit.
    const room = this.used + id.length * 3;
    if (room > MAX_ID_BYTES) throw new InputError("cases", messages.idsTooLong(MAX_ID_BYTES));
    if (room > this.bytes.length)
      this.bytes = grown(
        this.bytes,
        new Uint8Array(Math.min(MAX_ID_BYTES, Math.max(room, this.bytes.length * 2))),
      );
    let at = this.used;
    const bytes = this.bytes;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code >= 0x80) {
        at = this.used + this.encoder.encodeInto(id, bytes.subarray(this.used)).written;
        break;
      }
      bytes[at++] = code;
    }
    this.used = at;
    this.ends[this.rowCount] = at;
    this.days[this.rowCount] = day;
    this.rowCount++;
  }

  /** The id of row `row` (0-based, in file order among accepted rows). */
  id(row: number): string {
    const start = row === 0 ? 0 : (this.ends[row - 1] as number);
    return this.decoder.decode(this.bytes.subarray(start, this.ends[row] as number));
  }

  /** The day (days since 1970-01-01) of row `row`. */
  day(row: number): number {
    return this.days[row] as number;
  }
}

function grown<T extends Uint8Array | Uint32Array | Int32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
