import { csvRecords } from "../data/csvRecords.js";
import { fnv64 } from "../data/idHash.js";
import { sheetRecords } from "../data/readCaseSheet.js";
import {
  type CaseSummary,
  type KeptRows,
  type ReadCasesOptions,
  readCaseRecords,
} from "../data/readCases.js";
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
 * Duplicate ids are found once the file is read, among the kept rows, with the same 64-bit hashes as
 * {@link readCases} (so the summary and the rejected rows are the same as readCases gives), but bucket
 * by bucket of the hashes' leading bits, each bucket's table small enough to stay in the processor's
 * cache, instead of one table as large as the file, which a streaming reader must grow as it goes and
 * which costs a cache miss a row.
 *
 * Memory: the ids' UTF-8 bytes plus 8 bytes a row, in typed arrays (about 180 MB for ten million ids of
 * ten characters); while reading, 13 bytes a row more (the line, the booleans and the id's hash), and
 * 4 bytes a row while duplicates are sought.
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
  const rows = new KeptCaseRows();
  if (workbook) {
    if (!(source instanceof Uint8Array))
      throw new InputError("cases", messages.wrongType("a workbook's bytes (a Uint8Array)", source));
    hash.update(source);
    const summary = await readCaseRecords(await sheetRecords(source, sheet), read, "row", rows);
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
  const summary = await readCaseRecords(
    (onRecord) => csvRecords(hashed(), onRecord, read.delimiter),
    read,
    "line",
    rows,
  );
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
  protected bytes = new Uint8Array(1 << 16);
  protected ends = new Uint32Array(1 << 12);
  protected days = new Int32Array(1 << 12);
  protected used = 0;
  protected rowCount = 0;
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

  // id and day read the arrays at a row below rowCount, which they always hold, with a cast rather than
  // math/at.ts: a selection reads every row's day, ten million of them in a large case file.

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

/** Rows in a bucket of hashes, on average, when duplicates are sought: a table of them fits in the cache. */
const BUCKET_ROWS = 4096;

/**
 * The rows of a case file as readCaseFrame reads it: {@link CaseRows}, and while reading each row's
 * line, booleans and id hash, for the duplicate check made once the file is read
 * ({@link KeptCaseRows.removeDuplicates}).
 *
 * Its typed-array reads are cast rather than checked with math/at.ts, once or more per row of a file of
 * up to ten million: every index is a row below rowCount, a bucket below the bucket count (the hash's
 * leading bits), a sorted position below rowCount, or a slot masked to the table's size.
 */
class KeptCaseRows extends CaseRows implements KeptRows {
  private lines = new Int32Array(1 << 12);
  /** Bit 0 flagged, bit 1 reviewed, bit 2 impact. */
  private flags = new Uint8Array(1 << 12);
  private high = new Int32Array(1 << 12);
  private low = new Int32Array(1 << 12);

  keep(id: string, day: number, line: number, flagged: boolean, reviewed: boolean, impact: boolean): void {
    const row = this.rowCount;
    this.add(id, day);
    if (row === this.lines.length) {
      this.lines = grown(this.lines, new Int32Array(row * 2));
      this.flags = grown(this.flags, new Uint8Array(row * 2));
      this.high = grown(this.high, new Int32Array(row * 2));
      this.low = grown(this.low, new Int32Array(row * 2));
    }
    const [high, low] = fnv64(id);
    this.lines[row] = line;
    this.flags[row] = (flagged ? 1 : 0) | (reviewed ? 2 : 0) | (impact ? 4 : 0);
    this.high[row] = high;
    this.low[row] = low;
  }

  row(row: number) {
    const flags = this.flags[row] as number;
    return {
      id: this.id(row),
      day: this.day(row),
      line: this.lines[row] as number,
      flagged: (flags & 1) !== 0,
      reviewed: (flags & 2) !== 0,
      impact: (flags & 4) !== 0,
    };
  }

  /**
   * Finds the rows whose id hash an earlier row has: a stable counting sort of the rows by the hash's
   * leading bits, then, bucket by bucket in row order, an open-addressing table of the bucket's hashes
   * (the first row of each hash keeps its slot, as in readCases' streaming table). The table is not
   * cleared between buckets: a slot holds the sorted position of its row, and a position before the
   * bucket's start marks it free.
   */
  removeDuplicates(visit: (row: number, first: number) => void): void {
    const count = this.rowCount;
    const { high, low } = this;
    const bits = Math.min(16, Math.max(1, Math.ceil(Math.log2(count / BUCKET_ROWS))));
    const shift = 32 - bits;
    const starts = new Int32Array((1 << bits) + 1);
    for (let row = 0; row < count; row++) {
      const bucket = ((high[row] as number) >>> shift) + 1;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    let largest = 0;
    for (let b = 1; b < starts.length; b++) {
      largest = Math.max(largest, starts[b] as number);
      starts[b] = (starts[b] as number) + (starts[b - 1] as number);
    }
    const next = starts.slice(0, -1);
    const sorted = new Int32Array(count);
    for (let row = 0; row < count; row++) {
      const bucket = (high[row] as number) >>> shift;
      sorted[next[bucket] as number] = row;
      next[bucket] = (next[bucket] as number) + 1;
    }
    // Three numbers a slot: the hash's halves and the sorted position plus one. Room for the largest
    // bucket at most half full, up to four average buckets; beyond that the table grows while a bucket's
    // distinct hashes fill half of it (a bucket of many repeats of one id holds few).
    let slots = 1 << Math.ceil(Math.log2(Math.max(2, Math.min(largest, BUCKET_ROWS * 2) * 2)));
    let table = new Int32Array(slots * 3);
    let firstOf: Int32Array | undefined;
    for (let b = 0; b + 1 < starts.length; b++) {
      const start = starts[b] as number;
      const end = starts[b + 1] as number;
      let distinct = 0;
      for (let at = start; at < end; at++) {
        const row = sorted[at] as number;
        const h = high[row] as number;
        const l = low[row] as number;
        if (distinct * 2 >= slots) {
          table = regrown(table, start);
          slots = table.length / 3;
        }
        const mask = slots - 1;
        let slot = (l ^ (h >>> 7)) & mask;
        for (;;) {
          const held = table[slot * 3 + 2] as number;
          if (held <= start) {
            table[slot * 3] = h;
            table[slot * 3 + 1] = l;
            table[slot * 3 + 2] = at + 1;
            distinct++;
            break;
          }
          if (table[slot * 3] === h && table[slot * 3 + 1] === l) {
            firstOf ??= new Int32Array(count).fill(-1);
            firstOf[row] = sorted[held - 1] as number;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    if (firstOf !== undefined) {
      for (let row = 0; row < count; row++) {
        const first = firstOf[row] as number;
        if (first >= 0) visit(row, first);
      }
      this.remove(firstOf);
    }
    this.lines = new Int32Array(0);
    this.flags = new Uint8Array(0);
    this.high = new Int32Array(0);
    this.low = new Int32Array(0);
  }

  /** Removes the rows with `firstOf[row] >= 0`, keeping the others in order. */
  private remove(firstOf: Int32Array): void {
    const { bytes, ends, days } = this;
    let kept = 0;
    let used = 0;
    let start = 0;
    for (let row = 0; row < this.rowCount; row++) {
      const end = ends[row] as number;
      if ((firstOf[row] as number) < 0) {
        bytes.copyWithin(used, start, end);
        used += end - start;
        ends[kept] = used;
        days[kept] = days[row] as number;
        kept++;
      }
      start = end;
    }
    this.rowCount = kept;
    this.used = used;
  }
}

/** The table at twice the slots, keeping the entries of the bucket that starts at `start`. */
function regrown(table: Int32Array, start: number): Int32Array<ArrayBuffer> {
  const slots = (table.length / 3) * 2;
  const next = new Int32Array(slots * 3);
  const mask = slots - 1;
  for (let old = 0; old < table.length; old += 3) {
    if ((table[old + 2] as number) <= start) continue;
    const h = table[old] as number;
    const l = table[old + 1] as number;
    let slot = (l ^ (h >>> 7)) & mask;
    while ((next[slot * 3 + 2] as number) !== 0) slot = (slot + 1) & mask;
    next.set(table.subarray(old, old + 3), slot * 3);
  }
  return next;
}

function grown<T extends Uint8Array | Uint32Array | Int32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
