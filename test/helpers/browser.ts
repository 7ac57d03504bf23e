import { existsSync } from "node:fs";

/**
 * The browser suite drives Debian's Chromium (apt-get install chromium) through playwright-core.
 * CHROMIUM_PATH points elsewhere; test/helpers/globalSetup.ts says once when it is absent, and fails
 * the run in CI, where the suite must run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when the browser suite can run here. */
export const hasBrowser = existsSync(CHROMIUM);
