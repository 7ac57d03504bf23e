// Runs in Chromium (page.evaluate): tsconfig.browser.json typechecks this file with the DOM types.

/**
 * Runs in the page: every text container whose content is wider than its box, a page that scrolls
 * sideways, and every SVG text that lies outside its SVG.
 */
export function overflowInPage(): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    problems.push(`page: ${doc.scrollWidth} px wide in ${doc.clientWidth}`);
  for (const el of document.querySelectorAll("h1, h2, h3, p, li, th, td, pre, figcaption, aside, table")) {
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(
        `${el.tagName}: "${(el.textContent ?? "").slice(0, 50)}" ${el.scrollWidth} px in ${el.clientWidth}`,
      );
    }
  }
  for (const svg of document.querySelectorAll("svg")) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll("text")) {
      if (!(text.textContent ?? "").trim()) continue;
      const r = text.getBoundingClientRect();
      if (
        r.left < box.left - 1 ||
        r.right > box.right + 1 ||
        r.top < box.top - 1 ||
        r.bottom > box.bottom + 1
      ) {
        problems.push(`svg text "${text.textContent}" outside its chart`);
      }
    }
  }
  return problems;
}
