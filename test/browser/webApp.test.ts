// The page-side checks below run in Chromium: tsconfig.browser.json typechecks this file with the DOM types.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHROMIUM_ARGS } from "../../src/cli/printPdf.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { statements } from "../../src/report/statements.js";
import { messages } from "../../src/validation/messages.js";
import { VERSION } from "../../src/version.js";
import { CHROMIUM, hasBrowser } from "../helpers/browser.js";
import { run } from "../helpers/runCli.js";
import { sscsFlags } from "../helpers/sscs.js";
import { axeViolations } from "./axeViolations.js";
import { overflowInPage } from "./overflowInPage.js";

// The web calculator as a reader uses it: built by npm run build (dist/web), opened from a file and from
// adequacy app, every request outside the page's own files refused and counted; screenshots in
// $TMPDIR/adequacy-web.
const root = resolve(import.meta.dirname, "../..");
const FILE_URL = pathToFileURL(join(root, "dist/web/index.html")).href;
const SLOW = 120_000;
const out = join(tmpdir(), "adequacy-web");

// The SSCS review as published: 1 found in 109 reviewed of 609 flagged (see the hmcts-sscs example).
const SSCS_FLAGS = [...sscsFlags, "--name", "SSCS"];
const sscs = assessInvestigation({
  name: "SSCS",
  span: "2019-01-01/2024-02-29",
  windows: [{ period: "2023-12-01/2024-02-29", flagged: 609, reviewed: 109, found: 1, selection: "unknown" }],
});

async function enterSscs(page: Page): Promise<void> {
  await page.fill("#f-name", "SSCS");
  await page.fill("#f-spanStart", "2019-01-01");
  await page.fill("#f-spanEnd", "2024-02-29");
  await page.fill("#f-w1-start", "2023-12-01");
  await page.fill("#f-w1-end", "2024-02-29");
  await page.fill("#f-w1-flagged", "609");
  await page.fill("#f-w1-reviewed", "109");
  await page.fill("#f-w1-found", "1");
  await page.selectOption("#f-w1-selection", "unknown");
}

/**
 * The CLI's record with every fraction matched to 1e-12 relative and every integer exactly: Chromium's
 * V8 and Node's round a few Math functions differently in the last bit (seen: 0.7486071069181891 against
 * 0.748607106918189 in the confidence curve), which no printed figure shows.
 */
function closely(value: unknown): unknown {
  if (typeof value === "number" && !Number.isInteger(value)) {
    return (expect as unknown as { toBeCloseRelative: (x: number, t: number) => unknown }).toBeCloseRelative(
      value,
      1e-12,
    );
  }
  if (Array.isArray(value)) return value.map(closely);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closely(v)]));
  }
  return value;
}

const statementsShown = (page: Page) => page.locator(".statements li").allTextContents();

/** Elements of the calculator that reach past the right edge of the viewport. */
function pastTheEdge(): string[] {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("label, legend, h4, button, input, select, figure, svg, nav")]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .map(
      (el) =>
        `${el.tagName} "${(el.textContent ?? "").slice(0, 40)}" reaches ${el.getBoundingClientRect().right}`,
    );
}

describe.runIf(hasBrowser)("the web calculator in headless Chromium", () => {
  let browser: Browser;
  let app: ChildProcess | undefined;
  let appUrl = "";
  let page: Page;
  /** Requests the page made beyond its own files (refused), and console errors. */
  const refused: string[] = [];
  const problems: string[] = [];
  let requested: string[] = [];
  let origin = "file:";

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      requested.push(url);
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:"))
        return route.continue();
      refused.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    app = spawn(process.execPath, [join(root, "bin/adequacy.cjs"), "app", "--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    appUrl = await new Promise<string>((resolveUrl, reject) => {
      let seen = "";
      app?.stdout?.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen)?.[0];
        if (url) resolveUrl(url);
      });
      app?.once("exit", (code) => reject(new Error(`adequacy app exited with ${code}: ${seen}`)));
    });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    app?.kill();
  });

  async function open(url: string): Promise<void> {
    origin = url.startsWith("file:") ? "file:" : new URL(url).origin;
    requested = [];
    refused.length = 0;
    problems.length = 0;
    // A new document even when only the hash differs.
    await page.goto("about:blank");
    await page.goto(url);
    await page.waitForSelector("nav a[aria-current=page]");
  }

  it.each([
    ["a file", () => FILE_URL],
    ["adequacy app", () => appUrl],
  ])(
    "from %s: the SSCS figures give at most 24 and the library's statements, with no network request and charts loaded on demand",
    async (_, url) => {
      await open(url());
      await enterSscs(page);
      expect(await statementsShown(page)).toEqual(statements(sscs).map((s) => s.text));
      expect(await page.locator("#output").textContent()).toContain("at most 24 of the 609 flagged cases");
      expect(requested.some((r) => r.endsWith("/charts.js"))).toBe(false);
      await page.locator("#charts").scrollIntoViewIfNeeded();
      await page.waitForSelector(`body[data-charts-drawn="${await page.locator("[data-chart]").count()}"]`, {
        timeout: 30_000,
      });
      expect(await page.locator("[data-chart] svg").count()).toBeGreaterThanOrEqual(5);
      expect(requested.some((r) => r.endsWith("/charts.js"))).toBe(true);
      expect(refused).toEqual([]);
      expect(problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "found > reviewed shows the library's message beside the found field, and no results",
    async () => {
      await open(FILE_URL);
      await enterSscs(page);
      await page.fill("#f-w1-found", "110");
      expect(await page.locator("#e-w1-found").textContent()).toBe(
        messages.wholeInRange(0, "reviewed (109)", 110),
      );
      expect(await page.getAttribute("#f-w1-found", "aria-invalid")).toBe("true");
      expect(await page.getAttribute("#f-w1-found", "aria-describedby")).toContain("e-w1-found");
      expect(await page.locator(".statements").count()).toBe(0);
      // Listed beside the results too, linked to the field.
      const summary = page.locator(".error-summary a");
      expect(await summary.allTextContents()).toEqual([
        `Reviewed cases found affected: ${messages.wholeInRange(0, "reviewed (109)", 110)}`,
      ]);
      await summary.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-w1-found");
      await page.fill("#f-w1-found", "1");
      expect(await page.locator("#e-w1-found").textContent()).toBe("");
      expect(await statementsShown(page)).toHaveLength(statements(sscs).length);
    },
    SLOW,
  );

  it(
    "a permalink reproduces the inputs and the numbers; one from another version warns",
    async () => {
      await open(FILE_URL);
      await enterSscs(page);
      await page.fill("#f-materiality", "100");
      const link = await page.inputValue("#permalink");
      const shown = await page.locator("#output").textContent();
      expect(link).toContain(`v=${VERSION}`);
      await open(link);
      expect(await page.inputValue("#f-w1-reviewed")).toBe("109");
      expect(await page.inputValue("#f-materiality")).toBe("100");
      expect(await page.locator("#output").textContent()).toBe(shown);
      expect(await page.isHidden("#version-warning")).toBe(true);
      await open(link.replace(`v=${VERSION}`, "v=0.0.1"));
      expect(await page.locator("#version-warning").textContent()).toContain(
        `This link was made with sampling-adequacy 0.0.1; this page is version ${VERSION}.`,
      );
      expect(await page.locator("#output").textContent()).toBe(shown);
      expect(refused).toEqual([]);
    },
    SLOW,
  );

  async function download(label: string | RegExp): Promise<Buffer> {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: label }).first().click(),
    ]);
    return readFileSync((await file.path()) as string);
  }

  it(
    "downloads are the CLI's outputs: results JSON, scenario YAML, the Markdown report, the HTML report with its charts, chart SVG and PNG",
    async () => {
      await open(FILE_URL);
      await enterSscs(page);
      const json = await run("assess", ...SSCS_FLAGS, "--format", "json");
      expect(JSON.parse((await download("Results (JSON)")).toString())).toEqual(
        closely(JSON.parse(json.stdout)),
      );
      expect(parse((await download("Scenario (YAML)")).toString())).toEqual(JSON.parse(json.stdout).scenario);
      // The reproducibility lines differ by design: when, and the command that reproduces the report.
      const stamp = (md: string) => md.replace(/^- (Generated|Command): .*$/gm, "- $1: …");
      const markdown = await run("report", ...SSCS_FLAGS, "--format", "markdown");
      expect(stamp((await download("Report (Markdown)")).toString())).toBe(stamp(markdown.stdout));
      const html = (await download("Report (HTML)")).toString();
      const figures = [
        ...html.matchAll(/<figure id="figure-([\w-]+)"><div class="chart" role="img"[^>]*><svg/g),
      ];
      expect(figures.map((m) => m[1]).sort()).toEqual(
        [
          ...(await page
            .locator("[data-chart]")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-chart")))),
        ].sort(),
      );
      for (const statement of statements(sscs))
        expect(html).toContain(statement.text.replaceAll("'", "&#39;"));
      const svg = (await download(/^SVG: timeline$/)).toString();
      expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain("SSCS: what the review examined");
      const png = await download(/^PNG: timeline$/);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(refused).toEqual([]);
    },
    SLOW,
  );

  const PAGES = [
    ["assess", enterSscs, "at most 24 of the 609"],
    [
      "bound",
      async (p: Page) => {
        await p.fill("#f-population", "609");
        await p.fill("#f-sample", "109");
        await p.fill("#f-found", "1");
        await p.selectOption("#f-sided", "upper");
      },
      "at most 24 of the 609",
    ],
    ["plan", (p: Page) => p.fill("#f-tolerable", "5%"), "59"],
    [
      "detect",
      async (p: Page) => {
        await p.fill("#f-population", "609");
        await p.fill("#f-affected", "5");
        await p.fill("#f-sample", "109");
      },
      // scipy: 1 − hypergeom(609, 5, 109).pmf(0) = 0.62829, shown as a chance, not a bare decimal.
      "Chance of finding at least one62.83%",
    ],
  ] as const;

  for (const [id, fill, expected] of PAGES) {
    it(
      `${id}: at phone and desktop widths nothing overflows, and axe-core finds no WCAG 2 A or AA violation`,
      async () => {
        await open(`${FILE_URL}#page=${id}`);
        await fill(page);
        expect(await page.locator("#output").textContent()).toContain(expected);
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          if (id !== "detect") {
            await page.locator("#charts").scrollIntoViewIfNeeded();
            await page.waitForSelector("body[data-charts-drawn]", { timeout: 30_000 });
            expect(await page.locator("[data-chart] svg").count()).toBe(
              await page.locator("[data-chart]").count(),
            );
          }
          await page.screenshot({ path: join(out, `${id}-${width}.png`), fullPage: true });
          expect([...(await page.evaluate(overflowInPage)), ...(await page.evaluate(pastTheEdge))]).toEqual(
            [],
          );
        }
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        expect(refused).toEqual([]);
        expect(problems).toEqual([]);
      },
      SLOW,
    );
  }

  it(
    "works from the keyboard: Tab reaches the pages, Enter opens one, a field takes typing, and the skip link keeps the page",
    async () => {
      await open(FILE_URL);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the calculator");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Bound");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#f-sample");
      expect(await page.locator("#page-title").textContent()).toBe("Bound affected cases");
      await page.focus("#f-sample");
      await page.keyboard.type("109");
      await page.keyboard.press("Tab");
      await page.keyboard.type("1");
      expect(await page.locator("#output").textContent()).toContain("Clopper");
      await page.focus("a.skip");
      await page.keyboard.press("Enter");
      expect(await page.locator("#page-title").textContent()).toBe("Bound affected cases");
      expect(await page.inputValue("#f-sample")).toBe("109");
      expect(await page.evaluate(() => location.hash)).toContain("page=bound&v=");
    },
    SLOW,
  );
});
