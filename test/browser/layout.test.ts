// The page-side checks below run in Chromium: tsconfig.browser.json typechecks this file with the DOM types.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleSizeChart } from "../../src/charts/index.js";
import { CHROMIUM_ARGS } from "../../src/cli/printPdf.js";
import { renderHtml, renderSvg } from "../../src/cli/render.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { stratumPlanCurve } from "../../src/investigation/stratumPlanCurve.js";
import { buildReport } from "../../src/report/buildReport.js";
import { renderReportHtml } from "../../src/report/renderReportHtml.js";
import { examples } from "../../src/scenario/examples.js";
import { CHROMIUM, hasBrowser, hasPoppler } from "../helpers/browser.js";
import { everyChart } from "../helpers/everyChart.js";
import { run } from "../helpers/runCli.js";
import { axeViolations } from "./axeViolations.js";
import { overflowInPage } from "./overflowInPage.js";

// Layout as a reader sees it: every chart page and every report page type, screenshotted at a phone's and a
// desktop's width (files in $TMPDIR/adequacy-layout), with text overflow measured in the page itself; the
// report checked by axe-core; the PDF's paper size and page numbers read from the PDF (poppler's pdfinfo
// and pdftotext, installed by .ci/run).
const WIDTHS = [390, 1280] as const;
// Chromium and the renderer share the machine with every other suite: generous limits, not timing checks.
const SLOW = 120_000;
const out = join(tmpdir(), "adequacy-layout");

describe.runIf(hasBrowser)("layout in headless Chromium", () => {
  let browser: Browser;
  const sscs = assessInvestigation({ ...examples["hmcts-sscs"], materiality: 1000 });
  // Every chart, the sample-size chart for the report's largest stratum as the report draws it.
  const charts = { ...everyChart, "sample-size": sampleSizeChart(stratumPlanCurve(sscs.adequatePlan).curve) };

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string, width: number, media: "screen" | "print" = "screen"): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.emulateMedia({ media });
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState("load");
    return page;
  }

  it("the overflow check finds text wider than its box and text outside its chart", async () => {
    const file = join(out, "overflowing.html");
    writeFileSync(
      file,
      '<!doctype html><p style="width:40px;white-space:nowrap;overflow:hidden">a line much wider than its box</p><svg width="100" height="40" viewBox="0 0 100 40"><text x="60" y="20">clipped label</text></svg>',
    );
    const page = await open(file, 390);
    const problems = await page.evaluate(overflowInPage);
    await page.close();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^P: "a line much wider/);
    expect(problems[1]).toBe('svg text "clipped label" outside its chart');
  });

  for (const [name, spec] of Object.entries(charts)) {
    it.each(WIDTHS)(
      `chart ${name} at %i px: no text overflows`,
      async (width) => {
        const file = join(out, `${name}.html`);
        writeFileSync(file, renderHtml(spec));
        const page = await open(file, width);
        await page.waitForSelector("#chart svg", { timeout: 15_000 });
        await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
        expect(await page.evaluate(overflowInPage)).toEqual([]);
        await page.close();
      },
      SLOW,
    );
  }

  describe("the report", () => {
    const file = join(out, "report.html");
    beforeAll(async () => {
      const doc = buildReport(sscs, {
        version: "0.1.0",
        generatedAt: "2026-11-22T00:00:00Z",
        command: "adequacy report --example hmcts-sscs --format html",
        scenarioYaml: "name: hmcts-sscs\n",
      });
      const svgs: Record<string, string> = {};
      for (const section of doc.sections)
        for (const block of section.blocks)
          if (block.kind === "chart") svgs[block.id] = await renderSvg(block.spec);
      writeFileSync(file, renderReportHtml(doc, svgs));
    }, SLOW);

    it.each([
      [390, "screen"],
      [1280, "screen"],
      [794, "print"],
    ] as const)(
      "at %i px on %s: no text overflows",
      async (width, media) => {
        const page = await open(file, width, media);
        await page.screenshot({ path: join(out, `report-${media}-${width}.png`), fullPage: true });
        expect(await page.evaluate(overflowInPage)).toEqual([]);
        await page.close();
      },
      SLOW,
    );

    it(
      "passes axe-core's WCAG 2 A and AA checks",
      async () => {
        const page = await open(file, 1280);
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        await page.close();
      },
      SLOW,
    );
  });

  describe.runIf(hasPoppler)("the PDF", () => {
    const pdf = (paper: string) => join(out, `report-${paper}.pdf`);
    beforeAll(async () => {
      for (const paper of ["a4", "letter"]) {
        const r = await run(
          "report",
          "--example",
          "hmcts-sscs",
          "--format",
          "pdf",
          "--paper",
          paper,
          "--out",
          pdf(paper),
        );
        expect(r.code, r.stderr).toBe(0);
      }
    }, 120_000);

    const info = (file: string) => {
      const text = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout;
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
      return {
        pages: Number(/Pages:\s+(\d+)/.exec(text)?.[1]),
        width: Number(size?.[1]),
        height: Number(size?.[2]),
      };
    };

    it("is A4 by default and US Letter on request, at most 10 pages for hmcts-sscs", () => {
      const a4 = info(pdf("a4"));
      expect(a4.width).toBeCloseTo(595.3, 0);
      expect(a4.height).toBeCloseTo(841.9, 0);
      expect(a4.pages).toBeLessThanOrEqual(10);
      const letter = info(pdf("letter"));
      expect([letter.width, letter.height]).toEqual([612, 792]);
    });

    it("numbers every page and repeats the running title", () => {
      const { pages } = info(pdf("a4"));
      for (let n = 1; n <= pages; n++) {
        const text = spawnSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf("a4"), "-"], {
          encoding: "utf8",
        }).stdout;
        expect(text, `page ${n}`).toContain(`Page ${n} of ${pages}`);
        expect(text, `page ${n}`).toContain("hmcts-sscs: how much could the review have missed?");
      }
    });
  });
});
