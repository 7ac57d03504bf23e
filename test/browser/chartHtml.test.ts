import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { missedChart, powerChart, timelineChart } from "../../src/charts/index.js";
import { CHROMIUM_ARGS } from "../../src/cli/printPdf.js";
import { renderHtml } from "../../src/cli/render.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";
import { CHROMIUM, hasBrowser } from "../helpers/browser.js";

describe.runIf(hasBrowser)("chart HTML in headless Chromium", () => {
  const out = join(tmpdir(), "adequacy-browser");
  mkdirSync(out, { recursive: true });
  const sscs = assessInvestigation(examples["hmcts-sscs"]);

  it.each([
    ["timeline", timelineChart(sscs), "review window"],
    ["missed", missedChart(sscs), "Undetected in the window"],
    ["power", powerChart(sscs), "could the review have found it?"],
  ] as const)(
    "%s renders from a file with no network request and no console error",
    async (name, spec, text) => {
      const { chromium } = await import("playwright-core");
      const file = join(out, `${name}.html`);
      writeFileSync(file, renderHtml(spec));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
      try {
        const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
        const requests: string[] = [];
        const problems: string[] = [];
        page.on("request", (request) => {
          if (!request.url().startsWith("file:")) requests.push(request.url());
        });
        page.on("console", (message) => {
          if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
        });
        page.on("pageerror", (error) => problems.push(error.message));
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector("#chart svg", { timeout: 15_000 });
        const rendered = await page.locator("#chart svg").textContent();
        await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
        expect(requests).toEqual([]);
        expect(problems).toEqual([]);
        expect(rendered).toContain(text);
      } finally {
        await browser.close();
      }
    },
  );
});
