import { formatCount } from "./format.js";

/** What a phrase on random selection needs of a scenario: each window's selection and the inputs' provenance. */
export interface SelectionRecord {
  readonly windows: readonly { readonly selection: string }[];
  readonly sources?: readonly { readonly field: string; readonly status: string }[];
}

/**
 * The condition every sampling bound rests on, for the sentence itself: "if the 109 were drawn at random,
 * as stated", "… (how they were chosen was not given)" when random is only the default, and "if the 109
 * had been drawn at random (…)" when they were chosen by judgement or in a way not known. Statements and
 * chart subtitles say it in the same words.
 *
 * @example
 * drawnAtRandom(109, { windows: [{ selection: "unknown" }] }); // "if the 109 had been drawn at random (how they were chosen is not known)"
 */
export function drawnAtRandom(reviewed: number, scenario: SelectionRecord): string {
  const n = formatCount(reviewed);
  if (scenario.windows.some((w) => w.selection === "judgmental"))
    return `if the ${n} had been drawn at random (they were chosen by judgement)`;
  if (scenario.windows.some((w) => w.selection === "unknown"))
    return `if the ${n} had been drawn at random (how they were chosen is not known)`;
  const defaulted = (scenario.sources ?? []).some(
    (x) => x.status === "default" && /^windows\[\d+\]\.selection$/.test(x.field),
  );
  return defaulted
    ? `if the ${n} were drawn at random (how they were chosen was not given)`
    : `if the ${n} were drawn at random, as stated`;
}
