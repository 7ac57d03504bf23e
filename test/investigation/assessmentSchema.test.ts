import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { assessmentSchema, SCHEMA_PATH } from "../../scripts/result-schema.mjs";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { assessmentRecord } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";

const committed = readFileSync(SCHEMA_PATH, "utf8");
const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(committed));

/** The record as `adequacy assess --format json` prints it. */
const asPrinted = (input: unknown) =>
  JSON.parse(JSON.stringify(assessmentRecord(assessInvestigation(input))));

describe("docs/schema/assessment.schema.json", () => {
  it("is the schema the library's types give today (regenerate: npm run schema:results)", () => {
    expect(committed, "docs/schema/assessment.schema.json is stale: run npm run schema:results").toBe(
      assessmentSchema(),
    );
  }, 120_000);

  it.each(Object.keys(examples))("validates the assessment of the built-in example %s", (name) => {
    const record = asPrinted(examples[name]);
    expect(validate(record), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("rejects a record with a misspelt key or a number where a count belongs", () => {
    const record = asPrinted(examples["hmcts-sscs"]);
    expect(validate({ ...record, confidance: 0.95 })).toBe(false);
    expect(validate({ ...record, window: { ...record.window, reviewed: "109" } })).toBe(false);
  });

  it("holds the echoed scenario to the scenario schema's ranges", () => {
    const record = asPrinted(examples["hmcts-sscs"]);
    const scenario = record.scenario;
    const window = { ...scenario.windows[0] };
    expect(validate({ ...record, scenario: { ...scenario, windows: [{ ...window, found: -1 }] } })).toBe(
      false,
    );
    expect(
      validate({ ...record, scenario: { ...scenario, windows: [{ ...window, reviewed: 108.5 }] } }),
    ).toBe(false);
    expect(validate({ ...record, scenario: { ...scenario, confidence: 1 } })).toBe(false);
    expect(validate({ ...record, scenario: { ...scenario, span: "last year" } })).toBe(false);
  });
});
