import { describe, expect, it } from "vitest";
import { missedChart, timelineChart } from "../../src/charts/index.js";
import { renderHtml, renderPng, renderSvg } from "../../src/cli/render.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";

const sscs = assessInvestigation(examples["hmcts-sscs"]);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("renderSvg", () => {
  it("draws the timeline with the window label and the examined share", async () => {
    const svg = await renderSvg(timelineChart(sscs));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("review window");
    expect(svg).toContain("91 of 1,886 days, 4.8%");
  });
  it("draws the bound a reader needs: at most 24 of 609, 23 not detected", async () => {
    const svg = await renderSvg(missedChart(sscs));
    expect(svg).toContain("at most 24 of 609");
    expect(svg).toMatch(/>23</);
    // The constant-rate bound outside the window (outsideUpper in the mpmath reference for hmcts-sscs).
    expect(svg).toMatch(/>588</);
  });
});

describe("renderPng", () => {
  it("writes a PNG of the requested size times the scale", async () => {
    const png = await renderPng(timelineChart(sscs, { width: 800, height: 500 }), 2);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual([1600, 1000]);
    const single = await renderPng(timelineChart(sscs), 1);
    expect(pngSize(single)).toEqual([640, 420]);
  });
});

describe("renderHtml", () => {
  const html = renderHtml(missedChart(sscs));
  it("inlines vega, vega-lite and vega-embed and loads nothing from elsewhere", () => {
    expect(html).toContain("vegaEmbed(");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
  });
  it("escapes the spec so that user text cannot close the script", () => {
    const hostile = renderHtml(
      timelineChart(
        assessInvestigation({ ...examples["hmcts-sscs"], name: "</script><script>alert(1)</script>" }),
      ),
    );
    expect(hostile).not.toContain("</script><script>alert(1)");
    expect(hostile).toContain("\\u003c/script>");
  });
});
