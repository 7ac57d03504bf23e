import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { examples } from "../../src/scenario/examples.js";
import { normalizeScenario, scenarioJsonSchema } from "../../src/scenario/scenario.js";
import { InputError } from "../../src/validation/InputError.js";

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
  ])("refuses %s, as the validator does", (_, scenario) => {
    expect(validate(scenario)).toBe(false);
    expect(() => normalizeScenario(scenario)).toThrow(InputError);
  });
});
