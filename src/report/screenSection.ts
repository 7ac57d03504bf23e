import { screenChart } from "../charts/screenChart.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { formatConfidence, formatCount, formatPercent } from "../text/format.js";
import { messages } from "../validation/messages.js";
import type { Block, Section } from "./ReportDocument.js";
import { screenBriefing } from "./screenBriefing.js";
import { statements } from "./statements.js";

/** The report's section on the screen: the elusion and recall statement, its table and the placement chart. */
export function screenSection(a: Assessment): Section {
  const screen = a.screen;
  if (screen === null) throw new RangeError(messages.needsElusionSample("screenSection"));
  const briefing = screenBriefing(screen);
  const statement = statements(a).find((s) => s.id === "screen");
  const p = screen.placement;
  const blocks: Block[] = [
    ...(statement ? [{ kind: "paragraph" as const, text: statement.text }] : []),
    {
      kind: "table",
      headers: ["Quantity", "Value"],
      rows: briefing.rows.map(([label, value]) => [label, value]),
    },
    {
      kind: "chart",
      id: "screen",
      caption: `Where the affected cases could be, by the screen (bounds together at ${formatConfidence(a.confidence)}).`,
      alt: `${formatCount(p.found)} found in review; up to ${formatCount(p.flaggedUnreviewed.upper)} among the flagged cases not reviewed and up to ${formatCount(p.unflaggedUnreviewed.upper)} among the unflagged cases not reviewed, ${formatCount(p.undetected.upper)} undetected in all, each side bounded at ${formatPercent(p.sideConfidence)}.`,
      spec: screenChart(a),
    },
    ...briefing.notes.map((text) => ({ kind: "paragraph" as const, text })),
  ];
  return { id: "screen", heading: "Did the screen miss affected cases?", blocks };
}
