import * as vega from "vega";
import { describe, expect, it } from "vitest";
import { timelineChart } from "../../src/charts/index.js";
import { compileSpec } from "../../src/charts/render.js";
import { SHADES } from "../../src/charts/theme.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";

interface Item {
  readonly x?: number;
  readonly x2?: number;
  readonly y?: number;
  readonly y2?: number;
  readonly width?: number;
  readonly height?: number;
  readonly stroke?: string;
  readonly fill?: string;
  readonly text?: string;
  readonly bounds?: { x1: number; x2: number; y1: number; y2: number };
  readonly items?: readonly Mark[];
}
interface Mark {
  readonly marktype: string;
  readonly role?: string;
  readonly items: readonly Item[];
}

/** The marks vega draws, in drawing order (later ones on top), with their items. */
async function scene(spec: Parameters<typeof compileSpec>[0]): Promise<{ marks: Mark[]; height: number }> {
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: "none" });
  await view.runAsync();
  const marks: Mark[] = [];
  const visit = (mark: Mark) => {
    marks.push(mark);
    for (const item of mark.items) for (const child of item.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: Mark }).root);
  const height = view.height();
  view.finalize();
  return { marks, height };
}

const two = assessInvestigation({
  ...examples["hmcts-sscs"],
  sources: [],
  windows: [
    { label: "pilot audit", period: "2020-03-01/2020-08-31", flagged: 1200, reviewed: 60, found: 0 },
    { label: "review window", period: "2023-12-01/2024-02-29", flagged: 609, reviewed: 109, found: 1 },
  ],
});

describe("timelineChart(assessment) marks each window as a window", () => {
  it("draws each window's start and end over the bars, the full height of the plot", async () => {
    const { marks, height } = await scene(timelineChart(two));
    const bars = marks.findIndex((m) => m.marktype === "rect" && m.role === "mark" && m.items.length > 12);
    const band = marks.find((m) => m.marktype === "rect" && m.role === "mark" && m.items.length === 2);
    const edges = marks
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.marktype === "rule" && m.role === "mark");
    expect(bars).toBeGreaterThan(-1);
    expect(edges.length).toBe(2);
    // Drawn after the bars, so on top of them.
    for (const { i } of edges) expect(i).toBeGreaterThan(bars);
    const xs = edges.flatMap(({ m }) => m.items.map((item) => item.x as number)).sort((a, b) => a - b);
    const bandEdges = (band?.items ?? [])
      .flatMap((item) => [item.x as number, (item.x as number) + (item.width as number)])
      .sort((a, b) => a - b);
    expect(xs).toHaveLength(4);
    const px = (x: number) => Math.round(x * 1000) / 1000;
    expect(xs.map(px)).toEqual(bandEdges.map(px));
    for (const { m } of edges)
      for (const item of m.items) {
        expect(item.stroke).toBe(SHADES.ink);
        expect([item.y ?? 0, item.y2 ?? height].sort((a, b) => a - b)).toEqual([0, height]);
      }
  });

  it("leaves headroom above the tallest month for the labels, each starting or ending at its window", async () => {
    const { marks } = await scene(timelineChart(two));
    const bars = marks.find((m) => m.marktype === "rect" && m.role === "mark" && m.items.length > 12);
    const top = Math.min(...(bars?.items ?? []).map((item) => item.y as number));
    const labels = marks.filter((m) => m.marktype === "text" && m.role === "mark").flatMap((m) => m.items);
    expect(labels.map((l) => l.text).sort()).toEqual(["pilot audit", "review window"]);
    for (const label of labels) expect(label.bounds?.y2 as number).toBeLessThan(top);
    // An early window's label starts at its start; a late one's ends at its end, inside the chart.
    const band = marks.find((m) => m.marktype === "rect" && m.role === "mark" && m.items.length === 2);
    const [pilot, review] = (band?.items ?? []) as Item[];
    const at = (text: string) => labels.find((l) => l.text === text)?.bounds;
    expect(at("pilot audit")?.x1 as number).toBeGreaterThanOrEqual(pilot?.x as number);
    expect(at("review window")?.x2 as number).toBeLessThanOrEqual(
      (review?.x as number) + (review?.width as number),
    );
  });

  it.each([
    ["one late window", assessInvestigation(examples["hmcts-sscs"])],
    ["two windows", two],
    ["no window", assessInvestigation(examples["family-court-documents"])],
  ] as const)("renders with %s and vega warns of nothing (no layer without data)", async (_, a) => {
    const warnings: string[] = [];
    const logger = {
      level: () => logger,
      warn: (...args: unknown[]) => warnings.push(args.join(" ")),
      error: (...args: unknown[]) => warnings.push(args.join(" ")),
      info: () => logger,
      debug: () => logger,
    };
    const view = new vega.View(vega.parse(compileSpec(timelineChart(a)).vega), {
      renderer: "none",
      logger: logger as unknown as vega.LoggerInterface,
      logLevel: vega.Warn,
    });
    await view.runAsync();
    view.finalize();
    expect(warnings).toEqual([]);
  });

  it("says in its description when no window was examined", () => {
    const none = assessInvestigation(examples["family-court-documents"]);
    expect(timelineChart(none).description).toContain("with no window examined; examined: 0 of 1,461 days");
  });

  it("names each window and its period in its description", () => {
    expect(timelineChart(two).description).toContain(
      "examined windows marked (pilot audit: 2020-03-01 to 2020-08-31; review window: 2023-12-01 to 2024-02-29)",
    );
  });
});
