import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { formatCount } from "../text/format.js";
import { type ChartOptions, frame, PALETTE } from "./theme.js";

/**
 * Detection power: probability of finding at least one affected case against the number affected over the
 * span, one line per temporal profile, solid for the review as run and dashed for the adequate plan.
 */
export function powerChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const p = a.detectionPower;
  const asRun = "review as run";
  const planned = `adequate plan (${formatCount(a.adequatePlan.total)} cases)`;
  const rows = p.curves.flatMap((curve) =>
    p.totals.flatMap((total, i) => [
      {
        profile: curve.profile,
        description: curve.description,
        plan: asRun,
        total,
        probability: curve.review[i] as number,
      },
      {
        profile: curve.profile,
        description: curve.description,
        plan: planned,
        total,
        probability: curve.adequatePlan[i] as number,
      },
    ]),
  );
  return {
    ...frame(
      `Probability that the review of ${a.name}, and the adequate plan, find at least one affected case, by the number affected and how they are spread in time.`,
      `${a.name}: could the review have found it?`,
      [
        "Chance of finding at least one affected case; solid: the review as run, dashed: the adequate plan",
        "A problem that ended before the window cannot be found by reviewing the window,",
        "however many cases it affected: the declining and ended-before-window lines lie at 0%",
      ],
      options,
    ),
    data: { values: rows },
    mark: { type: "line", strokeWidth: 2, point: { size: 25 } },
    encoding: {
      x: {
        field: "total",
        type: "quantitative",
        title: "Affected cases over the exposure period (log scale)",
        scale: { type: "log" },
        axis: { format: ",d" },
      },
      y: {
        field: "probability",
        type: "quantitative",
        title: "Probability of finding at least one",
        axis: { format: ".0%" },
        scale: { domain: [0, 1] },
      },
      color: {
        field: "profile",
        type: "nominal",
        title: "How affected cases are spread in time",
        scale: { range: [...PALETTE] },
      },
      // An explicit domain: sorted alphabetically, the plan would take the solid line.
      strokeDash: {
        field: "plan",
        type: "nominal",
        title: "Review",
        scale: {
          domain: [asRun, planned],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
      },
      tooltip: [
        { field: "profile", title: "Profile" },
        { field: "description", title: "Meaning" },
        { field: "plan", title: "Review" },
        { field: "total", title: "Affected", format: "," },
        { field: "probability", title: "P(find ≥ 1)", format: ".3f" },
      ],
    },
  } as TopLevelSpec;
}
