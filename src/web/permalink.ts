/** The pages of the calculator, in the order the navigation lists them. */
export const PAGES = ["assess", "bound", "plan", "detect"] as const;
export type PageId = (typeof PAGES)[number];

/** A page's inputs exactly as typed, by field key (`reviewed`, `w1.found`); never case-level data. */
export type State = Readonly<Record<string, string>>;

export interface Permalink {
  readonly page: PageId;
  /** The tool version that made the link, when the link names one. */
  readonly version: string | undefined;
  readonly state: State;
}

/** Keys the link itself uses; no field may be called this. */
const RESERVED = new Set(["page", "v"]);

/**
 * The URL hash for a page's inputs: `#page=assess&v=0.1.0&name=…&w1.reviewed=109`. Blank fields are left
 * out, so a link holds only what was typed. Hashes never reach a server.
 */
export function toHash(page: PageId, version: string, state: State): string {
  const params = new URLSearchParams({ page, v: version });
  for (const [key, value] of Object.entries(state)) {
    if (!RESERVED.has(key) && value !== "") params.append(key, value);
  }
  return `#${params.toString()}`;
}

/** Reads a hash made by {@link toHash}; an unknown page reads as the first. */
export function fromHash(hash: string): Permalink {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const named = params.get("page");
  const page = PAGES.find((p) => p === named) ?? PAGES[0];
  const state: Record<string, string> = {};
  for (const [key, value] of params) if (!RESERVED.has(key)) state[key] = value;
  return { page, version: params.get("v") ?? undefined, state };
}
