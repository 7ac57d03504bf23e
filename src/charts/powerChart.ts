import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { at } from "../math/at.js";
import { drawnAtRandom } from "../text/drawnAtRandom.js";
import { formatCount } from "../text/format.js";
import { type ChartOptions, frame, PALETTE } from "./theme.js";

/**
 * Line colours, one per profile (there are four): the palette's blue, pink, green and vermilion, each at
 * least 3:1 on white (WCAG 1.4.11), which its orange (2.2:1) is not, and apart from one another under each
 * colour-vision deficiency (test/charts/palette.test.ts). A darker orange would stay too close to the
 * vermilion for deuteranopes.
 */
const LINE_COLOURS = [PALETTE[0], PALETTE[4], PALETTE[2], PALETTE[3]] as const;

/** Point shapes per profile, so that profiles stay apart without colour and where lines coincide. */
const SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"] as const;

/**
 * Detection power: probability of finding at least one affected case against the number affected over the
 * span, one line per temporal profile, solid for the review as run and dashed for the adequate plan.
 * Profiles whose curves coincide are drawn wider underneath, so that no line hides another.
 *
 * @example
 * powerChart(assessInvestigation(examples["hmcts-sscs"])).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function powerChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const p = a.detectionPower;
  const asRun = "review as run";
  const planned = `adequate plan (${formatCount(a.adequatePlan.total)} cases)`;
  const profiles = p.curves.map((curve) => curve.profile);
  const reviewWidths = stackWidths(p.curves.map((curve) => curve.review));
  const planWidths = stackWidths(p.curves.map((curve) => curve.adequatePlan));
  const rows = p.curves.flatMap((curve, c) =>
    p.totals.flatMap((total, i) => [
      {
        profile: curve.profile,
        description: curve.description,
        plan: asRun,
        width: reviewWidths[c],
        total,
        probability: at(curve.review, i),
      },
      {
        profile: curve.profile,
        description: curve.description,
        plan: planned,
        width: planWidths[c],
        total,
        probability: at(curve.adequatePlan, i),
      },
    ]),
  );
  const unreachable = p.curves.filter((curve) => curve.windowShare === 0).map((curve) => curve.profile);
  const subtitle = [
    a.window === null
      ? "No case reviewed yet: the review as run (solid) lies at 0% for every spread; dashed: the adequate plan, drawn at random"
      : `Solid: the review as run, ${drawnAtRandom(a.window.reviewed, a.scenario)}; dashed: the adequate plan, drawn at random`,
  ];
  // Without a review there is no window to miss a problem: the first line has said why the solid lines lie at 0%.
  if (unreachable.length > 0 && a.window !== null) {
    subtitle.push(
      `Reviewing the window cannot find a problem with no affected cases in it: ${unreachable.join(" and ")} ${unreachable.length === 1 ? "lies" : "lie"} at 0%${unreachable.length > 1 ? ", one line inside the other" : ""}`,
    );
  }
  const profileLegend = { title: "How affected cases are spread in time", symbolStrokeWidth: 2 };
  return {
    ...frame(
      `Chance that the review of ${a.name}, and the adequate plan, find at least one affected case, by the number affected and how they are spread in time.`,
      `${a.name}: could the review have found it?`,
      subtitle,
      { height: 480, ...options },
    ),
    data: { values: rows },
    encoding: {
      x: {
        field: "total",
        type: "quantitative",
        title: "Affected cases over the exposure period (log scale)",
        // Not rounded out to the next power of ten: the axis ends where the totals do (200 of 400 cases, not 1,000).
        scale: { type: "log", nice: false },
        axis: { format: ",d" },
      },
      y: {
        field: "probability",
        type: "quantitative",
        title: "Chance of finding at least one",
        axis: { format: ".0%" },
        scale: { domain: [0, 1] },
      },
      color: {
        field: "profile",
        type: "nominal",
        title: profileLegend.title,
        scale: { domain: profiles, range: LINE_COLOURS.slice(0, profiles.length) },
        legend: profileLegend,
      },
      tooltip: [
        { field: "profile", title: "Profile" },
        { field: "description", title: "Meaning" },
        { field: "plan", title: "Review" },
        { field: "total", title: "Affected", format: "," },
        { field: "probability", title: "Chance of finding at least one", format: ".1%" },
      ],
    },
    layer: [
      {
        mark: { type: "line" },
        encoding: {
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
            legend: {
              symbolType: "stroke",
              symbolStrokeColor: "#222",
              symbolStrokeWidth: 2,
              symbolSize: 400,
            },
          },
          strokeWidth: { field: "width", type: "quantitative", scale: null },
        },
      },
      {
        mark: { type: "point", filled: true, size: 30, opacity: 1 },
        encoding: {
          shape: {
            field: "profile",
            type: "nominal",
            title: profileLegend.title,
            scale: { domain: profiles, range: SHAPES.slice(0, profiles.length) },
            legend: profileLegend,
          },
        },
      },
    ],
  } as TopLevelSpec;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Stroke widths for curves drawn in order: 2 px each, widened by 3 px for every later curve that coincides
 * with it, so that a curve covered by another shows as a border around it.
 */
function stackWidths(curves: readonly (readonly number[])[]): number[] {
  return curves.map((curve, i) => 2 + 3 * curves.slice(i + 1).filter((later) => same(later, curve)).length);
}
