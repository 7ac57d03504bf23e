import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../src/cli/printPdf.js";
import { renderSvg } from "../../src/cli/render.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { buildReport } from "../../src/report/buildReport.js";
import { renderReportHtml } from "../../src/report/renderReportHtml.js";
import { examples } from "../../src/scenario/examples.js";
import { CHROMIUM, hasBrowser } from "../helpers/browser.js";
import { run } from "../helpers/runCli.js";

describe.runIf(hasBrowser)("report HTML and PDF in headless Chromium", () => {
  const out = join(tmpdir(), "adequacy-browser");
  mkdirSync(out, { recursive: true });

  it("opens without console errors or network requests, and shows a hostile name as text", async () => {
    const name = "<script>alert(1)</script>";
    const a = assessInvestigation({
      ...examples["hmcts-sscs"],
      name,
      description: "<img src=x onerror=alert(2)>",
    });
    const doc = buildReport(a, {
      version: "0.1.0",
      generatedAt: "2026-11-22T00:00:00Z",
      command: "adequacy report",
      scenarioYaml: "",
    });
    const svgs: Record<string, string> = {};
    for (const section of doc.sections) {
      for (const block of section.blocks)
        if (block.kind === "chart") svgs[block.id] = await renderSvg(block.spec);
    }
    const file = join(out, "report.html");
    writeFileSync(file, renderReportHtml(doc, svgs));
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const requests: string[] = [];
      const problems: string[] = [];
      const dialogs: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState("load");
      const heading = await page.locator("h1").textContent();
      await page.screenshot({ path: join(out, "report.png") });
      expect(heading).toContain(name);
      expect(await page.locator("figure svg").count()).toBe(6);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("adequacy report --format pdf writes a multi-page PDF", async () => {
    const path = join(out, "report.pdf");
    const r = await run("report", "--example", "hmcts-sscs", "--format", "pdf", "--out", path);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
  });
});
