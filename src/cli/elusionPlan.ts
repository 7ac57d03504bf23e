import type { ArgumentsCamelCase, Argv } from "yargs";
import { requireCount } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { numberOption } from "./commonOptions.js";
import { parseNumber } from "./flags.js";
import type { Io } from "./Io.js";
import { writeResult } from "./writeResult.js";

/** `adequacy plan --elusion`'s own options: the discard pile, the target, and the flagged side for a recall target. */
export function elusionPlanOptions(yargs: Argv): Argv {
  return yargs
    .option("elusion", {
      type: "boolean",
      describe:
        "Plan an elusion sample of the unflagged cases instead (with --unflagged and --max-elusion or --recall)",
    })
    .option(
      "unflagged",
      numberOption("With --elusion: cases the screen passed (the elusion sample's population)"),
    )
    .option("max-elusion", numberOption("With --elusion: show the elusion rate is at most this, e.g. 1%"))
    .option("recall", numberOption("With --elusion: show the screen's recall is at least this, e.g. 90%"))
    .option("flagged", numberOption("With --recall: cases the screen flagged"))
    .option(
      "flagged-reviewed",
      numberOption("With --recall: flagged cases reviewed at random (all of them for a census)"),
    )
    .option("flagged-found", numberOption("With --recall: reviewed flagged cases found affected"));
}

const ELUSION_ONLY = [
  "unflagged",
  "maxElusion",
  "recall",
  "flagged",
  "flaggedReviewed",
  "flaggedFound",
] as const;
const RATE_ONLY = ["tolerable", "model", "population", "expectedRate"] as const;
const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Whether the command asks for an elusion plan; the flags of the other kind of plan are refused. */
export function wantsElusionPlan(argv: ArgumentsCamelCase): boolean {
  if (argv.elusion === true) {
    const clash = RATE_ONLY.find((key) => argv[key] !== undefined);
    if (clash) throw new InputError(flag(clash), messages.exclusive("--elusion"));
    return true;
  }
  const stray = ELUSION_ONLY.find((key) => argv[key] !== undefined);
  if (stray) throw new InputError(flag(stray), messages.onlyWith("--elusion"));
  return false;
}

/** The elusion plan: parse, call elusionSampleSize, write. */
export async function elusionPlanHandler(io: Io, argv: ArgumentsCamelCase): Promise<void> {
  const unflagged = parseNumber("--unflagged", argv.unflagged);
  if (unflagged === undefined) throw new InputError("--unflagged", messages.required());
  const maxElusion = parseNumber("--max-elusion", argv.maxElusion, true);
  const recall = parseNumber("--recall", argv.recall, true);
  const confidence = parseNumber("--confidence", argv.confidence, true);
  const allowed = parseNumber("--allowed", argv.allowed);
  let flagged: { population: number; sample: number; found: number } | undefined;
  const flaggedCount = parseNumber("--flagged", argv.flagged);
  if (recall !== undefined || flaggedCount !== undefined) {
    if (flaggedCount === undefined) throw new InputError("--flagged", messages.required(), ["--recall"]);
    const population = requireCount("--flagged", flaggedCount, 1);
    const reviewed = parseNumber("--flagged-reviewed", argv.flaggedReviewed);
    const found = parseNumber("--flagged-found", argv.flaggedFound);
    if (reviewed === undefined) throw new InputError("--flagged-reviewed", messages.required());
    if (found === undefined) throw new InputError("--flagged-found", messages.required());
    const sample = requireCount("--flagged-reviewed", reviewed, 0, population, `--flagged (${population})`);
    flagged = {
      population,
      sample,
      found: requireCount("--flagged-found", found, 0, sample, `--flagged-reviewed (${sample})`),
    };
  }
  const { elusionSampleSize } = await import("../planning/elusionSampleSize.js");
  const { elusionPlanBriefing } = await import("../report/elusionPlanBriefing.js");
  const result = elusionSampleSize({
    unflagged,
    ...(maxElusion === undefined ? {} : { maxElusion }),
    ...(recall === undefined ? {} : { recall }),
    ...(flagged === undefined ? {} : { flagged }),
    ...(confidence === undefined ? {} : { confidence }),
    ...(allowed === undefined ? {} : { allowed }),
  });
  writeResult(io, result, elusionPlanBriefing, argv.format);
}
