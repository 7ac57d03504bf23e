import type { ArgumentsCamelCase, Argv } from "yargs";
import { InputError, isInputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { parseNumberText } from "../validation/parseNumber.js";
import { numberOption } from "./commonOptions.js";
import { parseNumber, single } from "./flags.js";
import type { Io } from "./Io.js";
import { writeResult } from "./writeResult.js";

const UNIT = /^(?:(.+):)?([^,:]+),([^,]+),([^,]+)$/;

/** `adequacy appraise --unit …`'s own options: the sampled units, and the universe's counts. */
export function twoStageOptions(yargs: Argv): Argv {
  return yargs
    .option("unit", {
      type: "string",
      describe:
        "Two-stage: a sampled unit (e.g. a court) as M,m,found or LABEL:M,m,found (its cases, examined, affected); repeat for each",
      requiresArg: true,
    })
    .option(
      "primary-units",
      numberOption("Two-stage: units in the universe (N), of which the --unit were drawn"),
    )
    .option(
      "universe",
      numberOption(
        "Two-stage: cases in the whole universe (M), if known: gives the unbiased estimate and a total",
      ),
    );
}

/** `adequacy appraise --unit …`: two-stage (cluster) appraisal, RAT-STATS' estimators. */
export async function appraiseTwoStageHandler(
  io: Io,
  argv: ArgumentsCamelCase,
  sided: "two" | "upper",
  confidence: number | undefined,
  notes: readonly string[],
): Promise<void> {
  for (const key of ["stratum", "cases"] as const)
    if (argv[key] !== undefined) throw new InputError(`--${key}`, messages.exclusive("--unit"));
  const given = (Array.isArray(argv.unit) ? argv.unit : [argv.unit]).map(String);
  const clusters = given.map((text, i) => {
    const match = UNIT.exec(text.trim());
    if (!match) throw new InputError(`--unit (${i + 1})`, messages.twoStageUnitShape(text));
    // The three numbers' groups are not optional: a match always has them (the "" only satisfies the type).
    const [, label, M = "", m = "", a = ""] = match;
    return {
      ...(label === undefined ? {} : { label }),
      universe: parseNumberText("--unit", M),
      sample: parseNumberText("--unit", m),
      found: parseNumberText("--unit", a),
    };
  });
  const primaryUnits = parseNumber("--primary-units", argv.primaryUnits);
  if (primaryUnits === undefined) throw new InputError("--primary-units", messages.required());
  const universe = parseNumber("--universe", argv.universe);
  const [{ appraiseTwoStage }, { twoStageBriefing }] = await Promise.all([
    import("../planning/appraiseTwoStage.js"),
    import("../report/twoStageBriefing.js"),
  ]);
  let result: ReturnType<typeof appraiseTwoStage>;
  try {
    result = appraiseTwoStage({
      primaryUnits,
      clusters,
      sided,
      ...(universe === undefined ? {} : { universe }),
      ...(confidence === undefined ? {} : { confidence }),
    });
  } catch (error) {
    if (isInputError(error)) {
      const at = /^clusters\[(\d+)\]\.(\w+)$/.exec(error.field);
      if (at)
        throw new InputError(
          `--unit (${Number(at[1]) + 1})`,
          `${at[2]} ${error.detail.replace(/clusters\[\d+\]\./g, "")}`,
        );
      if (error.field === "clusters") throw new InputError("--unit", error.detail);
    }
    throw error;
  }
  writeResult(
    io,
    result,
    (r) => {
      const parts = twoStageBriefing(r);
      return notes.length > 0 ? [...parts, { title: "Notes", rows: [], notes }] : parts;
    },
    single("--format", argv.format),
  );
}
