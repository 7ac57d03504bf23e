import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { messages } from "../validation/messages.js";
import { MissingToolError } from "./MissingToolError.js";

/** Flags for headless Chromium on a machine with no network, a fresh profile and no sandbox (runs as root in CI). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** The Chromium to print with: $CHROMIUM_PATH, else the usual install locations. */
export function findChromium(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Prints an HTML page to PDF with headless Chromium's print-to-PDF (A4, no header or footer), returning
 * the PDF's bytes.
 */
export function printPdf(html: string): Buffer {
  const chromium = findChromium();
  if (!chromium) {
    throw new MissingToolError(messages.chromiumMissing(process.env.CHROMIUM_PATH ?? CANDIDATES.join(", ")));
  }
  const dir = mkdtempSync(join(tmpdir(), "adequacy-pdf-"));
  try {
    const page = join(dir, "report.html");
    const pdf = join(dir, "report.pdf");
    writeFileSync(page, html);
    const run = spawnSync(
      chromium,
      [
        ...CHROMIUM_ARGS,
        `--user-data-dir=${join(dir, "profile")}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (run.status !== 0 || !existsSync(pdf) || statSync(pdf).size === 0) {
      throw new MissingToolError(
        messages.chromiumFailed(
          chromium,
          (run.stderr || run.error?.message || "").trim().split("\n").slice(-2).join(" "),
        ),
      );
    }
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
