import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";
import { run } from "../helpers/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-report-"));

describe("adequacy report", () => {
  beforeEach(() => {
    process.env.SOURCE_DATE_EPOCH = "1795305600";
  });
  afterEach(() => {
    delete process.env.SOURCE_DATE_EPOCH;
  });

  it("writes Markdown with its charts and their specs beside it", async () => {
    const out = join(dir, "sscs.md");
    const r = await run("report", "--example", "hmcts-sscs", "--out", out);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("](sscs.charts/timeline.svg)");
    expect(readdirSync(join(dir, "sscs.charts"))).toEqual(
      expect.arrayContaining(["timeline.svg", "timeline.vl.json", "power.svg"]),
    );
    expect(text).toContain("Generated: 2026-11-22T00:00:00.000Z");
  });

  it("reproduces: the scenario it prints gives the same assessment", async () => {
    const r = await run("report", "--example", "hmcts-sscs", "--confidence", "0.9");
    const yaml = /```yaml\n([\s\S]*?)\n```/.exec(r.stdout)?.[1] ?? "";
    const again = assessInvestigation(parse(yaml));
    const direct = assessInvestigation({ ...examples["hmcts-sscs"], confidence: 0.9 });
    expect(again.window).toEqual(direct.window);
    expect(again.extrapolated).toEqual(direct.extrapolated);
    expect(r.stdout).toContain("Command: adequacy report --example hmcts-sscs --confidence 0.9");
  });

  it("writes one self-contained HTML page with inline SVG charts", async () => {
    const out = join(dir, "sscs.html");
    expect((await run("report", "--example", "hmcts-sscs", "--format", "html", "--out", out)).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.match(/<div class="chart" role="img" aria-label="[^"]+"><svg/g)?.length).toBe(6);
    expect(html).not.toMatch(/<script|<link/);
  });

  it("takes the format from --out's extension when --format is not given", async () => {
    const html = join(dir, "by-extension.html");
    expect((await run("report", "--example", "hmcts-sscs", "--out", html)).code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>/i);
    const json = join(dir, "by-extension.json");
    expect((await run("report", "--example", "hmcts-sscs", "--out", json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).assessment.window.affected.upper).toBe(24);
    const named = join(dir, "named.html");
    expect(
      (await run("report", "--example", "hmcts-sscs", "--format", "markdown", "--out", named)).code,
    ).toBe(0);
    expect(readFileSync(named, "utf8")).toMatch(/^# How much could the review have missed\?/);
  });

  it("makes a PDF for --out x.pdf (never Markdown under a .pdf name)", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const r = await run("report", "--example", "hmcts-sscs", "--out", join(dir, "by-extension.pdf"));
      expect(r.stderr).toContain("cannot make a PDF: no Chromium found");
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });

  it("prints JSON with the assessment inside", async () => {
    const r = await run("report", "--example", "hmcts-sscs", "--format", "json");
    const doc = JSON.parse(r.stdout);
    expect(doc.assessment.window.affected.upper).toBe(24);
    expect(doc.sections.map((s: { id: string }) => s.id)).toContain("methods");
  });

  it("refuses a PDF without --out", async () => {
    const r = await run("report", "--example", "hmcts-sscs", "--format", "pdf");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out is required for PDF");
  });

  it("says how to install a browser when PDF has none", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const r = await run(
        "report",
        "--example",
        "hmcts-sscs",
        "--format",
        "pdf",
        "--out",
        join(dir, "x.pdf"),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("cannot make a PDF: no Chromium found");
      expect(r.stderr).toContain("apt-get install chromium");
      expect(r.stderr).not.toContain("internal error");
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });
});
