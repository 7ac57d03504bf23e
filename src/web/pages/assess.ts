import {
  choices,
  type Errors,
  type Field,
  type Group,
  given,
  libraryError,
  type Outcome,
  Reader,
} from "../form.js";
import {
  type AssessmentRecord,
  assessInvestigation,
  assessmentRecord,
  examples,
  type ScenarioInput,
  SELECTIONS,
  STRATA,
} from "../library.js";
import type { State } from "../permalink.js";
import { text } from "../text.js";

/** The window fields, by the scenario's own names. */
const WINDOW_FIELDS = [
  "label",
  "start",
  "end",
  "cases",
  "flagged",
  "reviewed",
  "found",
  "selection",
] as const;

/** How a window's field reads in an error that names it (`windows[0].reviewed` → "reviewed"). */
const WINDOW_WORDS: Readonly<Record<string, string>> = {
  period: "the window's period",
  cases: "cases in the window",
  flagged: "flagged",
  reviewed: "reviewed",
  found: "found affected",
  selection: "selection",
};

export const windowCount = (state: State) => {
  const n = Number(state.windows ?? "1");
  return Number.isInteger(n) && n >= 0 && n <= 20 ? n : 1;
};

/** The assess page starts empty, with one window to fill in. */
export function assessDefaults(): State {
  return { windows: "1" };
}

/** The form's state for a built-in example, as if its figures had been typed. */
export function exampleState(name: string): State {
  const scenario = examples[name] as ScenarioInput;
  const [spanStart = "", spanEnd = ""] = scenario.span.split("/");
  const state: Record<string, string> = {
    example: name,
    name: scenario.name,
    spanStart,
    spanEnd,
    windows: String(scenario.windows.length),
  };
  const put = (key: string, value: unknown) => {
    if (value !== undefined) state[key] = Array.isArray(value) ? value.join(", ") : String(value);
  };
  put("cases", scenario.cases);
  scenario.windows.forEach((w, i) => {
    const [start = "", end = ""] = w.period.split("/");
    const at = `w${i + 1}.`;
    put(`${at}label`, w.label);
    put(`${at}start`, start);
    put(`${at}end`, end);
    put(`${at}cases`, w.cases);
    put(`${at}flagged`, w.flagged);
    put(`${at}reviewed`, w.reviewed);
    put(`${at}found`, w.found);
    put(`${at}selection`, w.selection);
  });
  put("drift", scenario.drift);
  put("screeningSensitivity", scenario.screeningSensitivity);
  put("reviewSensitivity", scenario.reviewSensitivity);
  put("materiality", scenario.materiality);
  put("confidence", scenario.confidence);
  put("sided", scenario.sided);
  put("tolerable", scenario.tolerable);
  put("stratify", scenario.stratify);
  return state;
}

function windowGroup(i: number): Group {
  const at = `w${i}.`;
  const field = (key: string, label: string, rest: Partial<Field> = {}): Field => ({
    key: `${at}${key}`,
    label,
    kind: "number",
    ...rest,
  });
  return {
    legend: text.window(i),
    errorKey: `${at}period`,
    fields: [
      field("start", "First day examined", { kind: "date", required: true }),
      field("end", "Last day examined", { kind: "date", required: true }),
      field("flagged", "Cases flagged by the screen", {
        hint: "The cases the review sampled from, when a screen picked them.",
      }),
      field("cases", "All cases in the window", {
        hint: `${text.optional}; else pro-rated from the cases over the period`,
      }),
      field("reviewed", "Cases reviewed", { required: true }),
      field("found", "Reviewed cases found affected", { required: true }),
      field("selection", "How the reviewed cases were chosen", {
        kind: "select",
        choices: choices(SELECTIONS, "random"),
      }),
      field("label", "Name of the window", { kind: "text", hint: text.optional }),
    ],
    action: {
      label: text.removeWindow(i),
      apply: (state) => removeWindow(state, i),
    },
  };
}

function removeWindow(state: State, i: number): State {
  const n = windowCount(state);
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries(state)) {
    const m = /^w(\d+)\.(.+)$/.exec(key);
    if (!m) next[key] = value;
    else if (Number(m[1]) < i) next[key] = value;
    else if (Number(m[1]) > i) next[`w${Number(m[1]) - 1}.${m[2]}`] = value;
  }
  next.windows = String(n - 1);
  return next;
}

/** The assess page's fieldsets for the current number of windows. */
export function assessGroups(state: State): Group[] {
  const n = windowCount(state);
  const windows = Array.from({ length: n }, (_, i) => windowGroup(i + 1));
  return [
    {
      legend: "The review",
      fields: [
        { key: "name", label: "Name shown in the results", kind: "text", placeholder: "e.g. SSCS review" },
      ],
    },
    {
      legend: "Exposure period: when the problem could affect cases",
      errorKey: "span",
      fields: [
        { key: "spanStart", label: "First day", kind: "date", required: true },
        { key: "spanEnd", label: "Last day", kind: "date", required: true },
        {
          key: "cases",
          label: "Cases over the whole period",
          kind: "number",
          hint: `${text.optional}; else the same number per day as in the windows`,
        },
      ],
    },
    ...windows,
    {
      legend: "More windows",
      fields: [],
      action: {
        label: text.addWindow,
        apply: (state) => ({ ...state, windows: String(windowCount(state) + 1) }),
      },
    },
    {
      legend: "Assumptions",
      fields: [
        {
          key: "drift",
          label: "Outside-to-window rate ratios (drift)",
          kind: "text",
          placeholder: "0.5, 1, 2, 5, 10",
          hint: "Comma-separated; each is how many times the window's rate applied outside it.",
        },
        {
          key: "screeningSensitivity",
          label: "Screening sensitivity",
          kind: "number",
          placeholder: "1",
          hint: "Chance the screen flags an affected case, (0, 1]",
        },
        {
          key: "reviewSensitivity",
          label: "Review sensitivity",
          kind: "number",
          placeholder: "1",
          hint: "Chance a reviewer recognises an affected case, (0, 1]",
        },
        {
          key: "materiality",
          label: "Missed cases that would matter (materiality)",
          kind: "number",
          hint: `${text.optional}; gives the tipping point`,
        },
      ],
    },
    {
      legend: "Confidence and the adequate review",
      fields: [
        {
          key: "confidence",
          label: "Confidence",
          kind: "number",
          placeholder: "95%",
          hint: "e.g. 0.95 or 95%",
        },
        {
          key: "sided",
          label: "Bounds",
          kind: "select",
          choices: choices(["upper", "two"], "upper"),
          hint: "upper: how many could have been missed; two: a range",
        },
        {
          key: "tolerable",
          label: "Tolerable rate for the adequate review",
          kind: "number",
          hint: `${text.optional}; default the windows' upper bound`,
        },
        {
          key: "stratify",
          label: "Strata of the adequate review",
          kind: "select",
          choices: choices(STRATA, "year"),
        },
      ],
    },
  ];
}

/** The scenario the inputs describe, in the scenario file's form (what adequacy assess --scenario reads). */
export function scenarioOf(state: State): { scenario?: ScenarioInput; errors: Errors; blank: boolean } {
  const read = new Reader(state);
  const n = windowCount(state);
  const blank =
    !read.text("spanStart") &&
    !read.text("spanEnd") &&
    Array.from({ length: n }, (_, i) =>
      ["start", "end", "reviewed", "found", "flagged"].map((k) => `w${i + 1}.${k}`),
    )
      .flat()
      .every((key) => read.text(key) === undefined);
  const start = read.required("spanStart");
  const end = read.required("spanEnd");
  const windows = Array.from({ length: n }, (_, i) => {
    const at = `w${i + 1}.`;
    const wStart = read.required(`${at}start`);
    const wEnd = read.required(`${at}end`);
    const reviewed = read.number(`${at}reviewed`, { required: true });
    const found = read.number(`${at}found`, { required: true });
    return {
      period: `${wStart}/${wEnd}`,
      ...given("label", read.text(`${at}label`)),
      ...given("cases", read.number(`${at}cases`)),
      ...given("flagged", read.number(`${at}flagged`)),
      reviewed: reviewed ?? 0,
      found: found ?? 0,
      ...given("selection", read.text(`${at}selection`) as (typeof SELECTIONS)[number] | undefined),
    };
  });
  const driftText = read.text("drift");
  let drift: number[] | undefined;
  if (driftText !== undefined) {
    const parts = driftText.split(",").map((part, i) => {
      const sub = new Reader({ drift: part });
      const value = sub.number("drift", { required: true });
      if (sub.errors.size > 0)
        read.errors.set("drift", text.driftValue(sub.errors.get("drift") ?? "", i + 1));
      return value ?? 0;
    });
    drift = parts;
  }
  const scenario = {
    name: read.text("name") ?? "web calculator scenario",
    span: `${start}/${end}`,
    ...given("cases", read.number("cases")),
    windows,
    ...given("drift", drift),
    ...given("screeningSensitivity", read.number("screeningSensitivity", { percent: true })),
    ...given("reviewSensitivity", read.number("reviewSensitivity", { percent: true })),
    ...given("materiality", read.number("materiality")),
    ...given("confidence", read.number("confidence", { percent: true })),
    ...given("sided", read.text("sided") as "upper" | "two" | undefined),
    ...given("tolerable", read.number("tolerable", { percent: true })),
    ...given("stratify", read.text("stratify") as (typeof STRATA)[number] | undefined),
  } satisfies ScenarioInput;
  return read.errors.size > 0 ? { errors: read.errors, blank } : { scenario, errors: read.errors, blank };
}

/** Every key an error can be shown beside. */
function errorKeys(state: State): string[] {
  const keys = ["span", "cases", "drift", "screeningSensitivity", "reviewSensitivity", "materiality"];
  keys.push("confidence", "sided", "tolerable", "stratify", "name", "spanStart", "spanEnd");
  for (let i = 1; i <= windowCount(state); i++) {
    keys.push(`w${i}.period`, ...WINDOW_FIELDS.map((k) => `w${i}.${k}`));
  }
  return keys;
}

/** The library names a scenario path (`windows[0].found`, `drift[2]`); the page names its field. */
export function assessFieldOf(field: string): string {
  const w = /^windows\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (w) return `w${Number(w[1]) + 1}.${w[2] ?? "reviewed"}`;
  const drift = /^drift\[\d+\]$/.exec(field);
  if (drift) return "drift";
  return field;
}

/** A detail that names another window field (`windows[0].reviewed (109)`) in the page's words. */
function reword(detail: string, several: boolean): string {
  return detail.replace(/windows\[(\d+)\](?:\.(\w+))?/g, (_, i: string, key?: string) => {
    const which = several ? ` (window ${Number(i) + 1})` : "";
    return key ? `${WINDOW_WORDS[key] ?? key}${which}` : `window ${Number(i) + 1}`;
  });
}

/** The assessment for the inputs, or the errors to show beside the fields. */
export function assess(state: State): Outcome<AssessmentRecord> {
  const { scenario, errors, blank } = scenarioOf(state);
  if (blank) return { kind: "incomplete" };
  if (!scenario) return { kind: "errors", errors };
  try {
    return { kind: "result", result: assessmentRecord(assessInvestigation(scenario)) };
  } catch (error) {
    const placed = libraryError(error, assessFieldOf, errorKeys(state));
    const several = windowCount(state) > 1;
    return {
      kind: "errors",
      errors: new Map([...placed].map(([key, detail]) => [key, reword(detail, several)])),
    };
  }
}
