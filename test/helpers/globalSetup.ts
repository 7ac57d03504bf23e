import { CHROMIUM, hasBrowser, hasPoppler } from "./browser.js";
import { FC_SEED } from "./fastCheckSeed.js";

// Runs once per vitest run, in the main process, so what it prints is seen once and not per file.
export default function setup(): void {
  if (!hasBrowser) {
    if (process.env.CI) {
      throw new Error(`the browser suite must run in CI, but there is no Chromium at ${CHROMIUM}`);
    }
    process.stdout.write(
      `browser suite skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
    );
  }
  if (hasBrowser && !hasPoppler) {
    if (process.env.CI)
      throw new Error("the PDF checks must run in CI, but there is no pdfinfo (poppler-utils)");
    process.stdout.write("PDF checks skipped: no pdfinfo (apt-get install poppler-utils)\n");
  }
  process.stdout.write(`property tests: fast-check seed ${FC_SEED} (replay another with FC_SEED=…)\n`);
}
