/** Where a command writes: process streams in `main.ts`, strings in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
