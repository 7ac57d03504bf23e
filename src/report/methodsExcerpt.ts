import { METHODS_DOC } from "./methodsDoc.js";

/**
 * The sections of docs/methods.md whose headings start with one of `headings`, in the page's order,
 * headings demoted by `demote` levels so they nest under a report section.
 */
export function methodsExcerpt(headings: readonly string[], demote = 1): string {
  const parts = METHODS_DOC.split(/^(?=## )/m).filter((part) =>
    headings.some((h) => part.startsWith(`## ${h}`)),
  );
  return parts
    .map((part) =>
      part.replace(/^(#+) /gm, (_, hashes: string) => `${"#".repeat(hashes.length + demote)} `).trim(),
    )
    .join("\n\n");
}
