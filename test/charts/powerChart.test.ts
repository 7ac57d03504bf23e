import { describe, expect, it } from "vitest";
import { powerChart } from "../../src/charts/index.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";

const subtitle = (spec: ReturnType<typeof powerChart>) =>
  ((spec as { title: { subtitle: string[] } }).title.subtitle ?? []).join(" ");

describe("powerChart(assessment)", () => {
  it("before any review says the review as run lies at 0% because nothing was reviewed", () => {
    const spec = powerChart(assessInvestigation(examples["family-court-documents"]));
    expect(subtitle(spec)).toContain(
      "No case reviewed yet: the review as run (solid) lies at 0% for every spread",
    );
    expect(subtitle(spec)).not.toContain("Reviewing the window");
  });

  it("after a review names the spreads that lie outside the window, and ends its axis at the last total", () => {
    const spec = powerChart(assessInvestigation(examples["hmcts-sscs"]));
    expect(subtitle(spec)).toContain("declining and ended-before-window lie at 0%");
    expect(JSON.stringify(spec)).toContain('"scale":{"type":"log","nice":false}');
  });
});
