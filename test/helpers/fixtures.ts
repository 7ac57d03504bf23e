import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/** The `cases` of a fixture written by test/fixtures/python/runner.py. */
export function reference<T>(name: string): T {
  return JSON.parse(readFileSync(join(root, "reference", name), "utf8")).cases as T;
}

/** A published table transcribed into test/fixtures/published. */
export function published<T>(name: string): T {
  return JSON.parse(readFileSync(join(root, "published", name), "utf8")) as T;
}

/** Labels a case with all its inputs, so that a failure names them. */
export function label(inputs: object): string {
  return Object.entries(inputs)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(" ");
}

/** A count interval decided by a reference runner (scipy proposes, mpmath or exact fractions decide). */
export interface CountBoundCase {
  found: number;
  sample: number;
  population: number;
  confidence: number;
  sided: "two" | "upper";
  lower: number;
  upper: number;
}
