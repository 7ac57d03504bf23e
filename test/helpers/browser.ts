import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * The browser suite drives Debian's Chromium (apt-get install chromium) through playwright-core.
 * CHROMIUM_PATH points elsewhere. The PDF checks also need pdfinfo and pdftotext (apt-get install
 * poppler-utils). test/helpers/globalSetup.ts says once when either is absent, and fails the run in CI,
 * where both must run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when the browser suite can run here. */
export const hasBrowser = existsSync(CHROMIUM);

/** True when the PDF checks can run here (poppler-utils' pdfinfo and pdftotext). */
export const hasPoppler = spawnSync("pdfinfo", ["-v"]).status === 0;
