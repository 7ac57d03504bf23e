import { assessInvestigation } from "./src/investigation/assessInvestigation.js";
import { examples } from "./src/investigation/examples.js";

const a = assessInvestigation({ ...examples["hmcts-sscs"], materiality: 100 });
const { scenario, detectionPower, ...rest } = a;
console.log(JSON.stringify(rest, null, 1).slice(0, 6000));
console.log(
  detectionPower.totals,
  detectionPower.curves.map((c) => [
    c.profile,
    c.windowShare.toFixed(3),
    c.review.map((x) => x.toFixed(3)).join(" "),
    c.adequatePlan.map((x) => x.toFixed(3)).join(" "),
  ]),
);
console.time("assess");
for (let i = 0; i < 20; i++) assessInvestigation(examples["hmcts-sscs"]);
console.timeEnd("assess");
const b = assessInvestigation(examples["family-court-documents"]);
console.log(b.statements.map((s) => s.text).join("\n"), b.adequatePlan);
