import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { examples } from "../../src/scenario/examples.js";
import {
  normalizeScenario,
  scenarioJsonSchema,
  scenarioRecordJsonSchema,
  scenarioSchema,
  scenarioToInput,
} from "../../src/scenario/scenario.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";

const schema = scenarioJsonSchema();
const ajv = new Ajv2020({ strict: true, allErrors: true });
// A URI has a scheme (RFC 3986 §3); ajv leaves formats to a plug-in, so this one is given here.
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\S+$/i);
const validate = ajv.compile(schema);

/** Every sub-schema of a JSON Schema with the path to it. */
function walk(node: unknown, path: string, out: [string, Record<string, unknown>][]) {
  if (node === null || typeof node !== "object") return out;
  const record = node as Record<string, unknown>;
  if ("type" in record) out.push([path, record]);
  for (const [key, value] of Object.entries(record)) {
    if (key === "properties") {
      for (const [name, child] of Object.entries(value as object)) walk(child, `${path}.${name}`, out);
    } else if (key === "items") walk(value, `${path}[]`, out);
    else if (key === "anyOf") {
      for (const [i, child] of (value as unknown[]).entries()) walk(child, `${path}|${i}`, out);
    }
  }
  return out;
}

const valid = examples["hmcts-sscs"] as Record<string, unknown> & { windows: Record<string, unknown>[] };
const window0 = (change: Record<string, unknown>) => ({
  ...valid,
  windows: [{ ...valid.windows[0], ...change }],
});

describe("adequacy schema (scenarioJsonSchema)", () => {
  it.each(Object.keys(examples))("accepts the built-in example %s", (name) => {
    expect(validate(examples[name]), JSON.stringify(validate.errors)).toBe(true);
  });

  it("gives every number its range and whole counts the integer type", () => {
    const numbers = walk(schema, "", []).filter(([, s]) => s.type === "number" || s.type === "integer");
    // 14 counts, 2 sensitivities, the tolerable rate, the drift values, the selection biases and the
    // confidence as a number.
    expect(numbers).toHaveLength(20);
    for (const [path, s] of numbers) {
      expect("minimum" in s || "exclusiveMinimum" in s, `${path} has a lower end`).toBe(true);
      expect("maximum" in s || "exclusiveMaximum" in s, `${path} has an upper end`).toBe(true);
    }
    const counts = [".cases", ".windows[].reviewed", ".windows[].found", ".volume[].flagged", ".materiality"];
    for (const path of counts) {
      expect(numbers.find(([p]) => p === path)?.[1]).toMatchObject({ type: "integer" });
    }
    const intervals = walk(schema, "", []).filter(([p]) => /(^\.span|period)$/.test(p));
    expect(intervals.map(([p]) => p).sort()).toEqual([".span", ".volume[].period", ".windows[].period"]);
    for (const [, s] of intervals) expect(s).toHaveProperty("pattern");
    expect(walk(schema, "", []).find(([p]) => p === ".url")?.[1]).toMatchObject({ format: "uri" });
  });

  it.each([
    ["windows[0].reviewed 0", window0({ reviewed: 0 })],
    ["windows[0].found -1", window0({ found: -1 })],
    ["windows[0].found 1.5", window0({ found: 1.5 })],
    ["confidence 0.4", { ...valid, confidence: 0.4 }],
    ["confidence 1", { ...valid, confidence: 1 }],
    ["drift [0]", { ...valid, drift: [0] }],
    ["drift [1001]", { ...valid, drift: [1001] }],
    ["screeningSensitivity 1.2", { ...valid, screeningSensitivity: 1.2 }],
    ["tolerable 1", { ...valid, tolerable: 1 }],
    ["materiality 0", { ...valid, materiality: 0 }],
    ["cases 2^53", { ...valid, cases: 2 ** 53 }],
    ["span 2023", { ...valid, span: "2023" }],
    ["drift []", { ...valid, drift: [] }],
    ["url 'not a url'", { ...valid, url: "not a url" }],
    ["confidence true", { ...valid, confidence: true }],
  ])("refuses %s, as the validator does", (_, scenario) => {
    expect(validate(scenario)).toBe(false);
    expect(() => normalizeScenario(scenario)).toThrow(InputError);
  });
});

describe("normalizeScenario(input) words the schema's refusals from the messages module", () => {
  it.each([
    [
      window0({ reviewed: 0 }),
      "windows[0].reviewed",
      messages.wholeInRange(1, "windows[0].flagged (609)", 0),
    ],
    [window0({ found: 1.5 }), "windows[0].found", messages.wholeInRange(0, "windows[0].reviewed (109)", 1.5)],
    [window0({ found: 110 }), "windows[0].found", messages.wholeInRange(0, "windows[0].reviewed (109)", 110)],
    [{ ...valid, cases: 2 ** 53 }, "cases", messages.wholeInRange(1, Number.MAX_SAFE_INTEGER, 2 ** 53)],
    [{ ...valid, drift: [1, 1001] }, "drift[1]", messages.driftRange(1001)],
    [{ ...valid, drift: [] }, "drift", messages.listsNothing()],
    [{ ...valid, selectionBias: [0] }, "selectionBias[0]", messages.biasRange(0)],
    [{ ...valid, reviewSensitivity: 0 }, "reviewSensitivity", messages.halfOpenUnit(0)],
    [{ ...valid, tolerable: 1 }, "tolerable", messages.openUnit(1)],
    [{ ...valid, confidence: 0.4 }, "confidence", messages.confidenceBelowHalf(0.4)],
    [{ ...valid, confidence: "95" }, "confidence", messages.openUnit(95)],
    [{ ...valid, confidence: "ninety" }, "confidence", messages.notANumber("ninety")],
    [{ ...valid, url: "not a url" }, "url", messages.notAUrl("not a url")],
    [{ ...valid, span: "2023-02-30/2023-03-01" }, "span", messages.notACalendarDate("2023-02-30")],
    [{ ...valid, span: "2023" }, "span", messages.intervalParts("2023")],
    [
      window0({ period: "2018-01" }),
      "windows[0].period",
      messages.withinSpan("2018-01-01/2018-01-31", "2019-01-01/2024-02-29"),
    ],
    [{ ...valid, extra: 1 }, "scenario", messages.unknownKeys(["extra"])],
    [
      window0({ selection: "any" }),
      "windows[0].selection",
      messages.oneOf(["random", "judgmental", "unknown"], "any"),
    ],
    [window0({ reviewed: "109" }), "windows[0].reviewed", messages.wrongType("a number", "109")],
    [window0({ reviewed: undefined }), "windows[0].reviewed", messages.required()],
  ])("%j: %s", (scenario, field, detail) => {
    expect(() => normalizeScenario(scenario)).toThrow(new InputError(field, detail));
  });

  it('a choice left out is required, naming the choices (found by the fuzz: it said got "undefined")', () => {
    const scenario = { ...valid, sources: [{ field: "span", note: "the review's own" }] };
    expect(() => normalizeScenario(scenario)).toThrow(
      new InputError(
        "sources[0].status",
        "is required: give one of public, given, default, assumed, derived",
      ),
    );
  });

  it("names the field that bounds an elusion count, so the command line can name its flag", () => {
    const screened = {
      ...valid,
      windows: [{ ...valid.windows[0], cases: 10_000, unflaggedReviewed: 0, unflaggedFound: 0 }],
    };
    expect(() => normalizeScenario(screened)).toThrow(
      new InputError(
        "windows[0].unflaggedReviewed",
        messages.wholeInRange(1, "windows[0].unflagged (9391)", 0),
        ["windows[0].unflagged"],
      ),
    );
    try {
      normalizeScenario(screened);
    } catch (error) {
      expect((error as InputError).mentions).toEqual(["windows[0].unflagged"]);
    }
  });
});

describe("scenarioSchema", () => {
  it.each(Object.keys(examples))("parses %s into what normalizeScenario returns", (name) => {
    expect(scenarioSchema.parse(examples[name])).toEqual(normalizeScenario(examples[name]));
  });

  it.each(Object.keys(examples))(
    "writes %s back as a record the JSON Schema accepts and the reader reads to the same scenario",
    (name) => {
      const record = scenarioToInput(normalizeScenario(examples[name]));
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
      expect(normalizeScenario(record)).toEqual(normalizeScenario(examples[name]));
    },
  );
});

describe("scenarioToInput(scenario) and scenarioRecordJsonSchema()", () => {
  // Draft-07, as the assessment record's schema that holds it.
  const recordAjv = new Ajv({ strict: true, allErrors: true });
  recordAjv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\S+$/i);
  const validateRecord = recordAjv.compile(scenarioRecordJsonSchema());
  /** Every kind of field: a volume profile counting flagged cases, a window's and the span's elusion
   * samples cannot come together, so the window has one; a percentage confidence, biases, sources, columns. */
  const full = {
    name: "full",
    description: "every kind of field",
    author: "A. Author",
    url: "https://example.org/analysis",
    span: "2023-01/2023-12",
    volume: [
      { period: "2023-01/2023-06", cases: 600, flagged: 60 },
      { period: "2023-07/2023-12", cases: 600, flagged: 40 },
    ],
    windows: [
      { period: "2023-01/2023-06", cases: 600, flagged: 60, reviewed: 20, found: 1 },
      {
        period: "2023-07/2023-12",
        flagged: 40,
        reviewed: 10,
        found: 0,
        unflagged: 560,
        unflaggedReviewed: 30,
        unflaggedFound: 0,
      },
    ],
    confidence: "90%",
    selectionBias: [2, 1],
    sources: [{ field: "cases", status: "public", note: "annual report", url: "https://example.org/r" }],
    columns: { id: "ID" },
  };

  it.each([...Object.keys(examples), "full"])(
    "writes %s with every default, a record its schema accepts and the reader reads to the same scenario",
    (name) => {
      const scenario = normalizeScenario(name === "full" ? full : examples[name]);
      const record = scenarioToInput(scenario);
      expect(validateRecord(record), JSON.stringify(validateRecord.errors)).toBe(true);
      expect(normalizeScenario(record)).toEqual(scenario);
    },
  );

  it("writes dates as start/end days, the elusion sample as its fields, and no case-file columns", () => {
    const record = scenarioToInput(normalizeScenario(full));
    expect(record).toMatchObject({
      span: "2023-01-01/2023-12-31",
      confidence: 0.9,
      selectionBias: [1, 2],
      biasModel: "wallenius",
      volume: [
        { period: "2023-01-01/2023-06-30", cases: 600, flagged: 60 },
        { period: "2023-07-01/2023-12-31" },
      ],
    });
    expect(record.windows[1]).toEqual({
      label: "window 2",
      period: "2023-07-01/2023-12-31",
      cases: 600,
      flagged: 40,
      reviewed: 10,
      found: 0,
      unflagged: 560,
      unflaggedReviewed: 30,
      unflaggedFound: 0,
      selection: "random",
    });
    expect(record).not.toHaveProperty("columns");
  });

  it("refuses a record without a default written out, a percentage, case-file columns or a fractional count", () => {
    const record = scenarioToInput(normalizeScenario(examples["hmcts-sscs"]));
    const { confidence: _, ...noConfidence } = record;
    const [first] = record.windows;
    const { label: __, ...unlabelled } = first as NonNullable<typeof first>;
    expect(validateRecord(record)).toBe(true);
    expect(validateRecord(noConfidence)).toBe(false);
    expect(validateRecord({ ...record, windows: [unlabelled] })).toBe(false);
    expect(validateRecord({ ...record, confidence: "95%" })).toBe(false);
    expect(validateRecord({ ...record, columns: { id: "ID" } })).toBe(false);
    expect(validateRecord({ ...record, windows: [{ ...first, reviewed: 108.5 }] })).toBe(false);
  });
});
