import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { recallInterval } from "../../src/intervals/recallInterval.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { evaluateScreen } from "../../src/investigation/evaluateScreen.js";
import { statements } from "../../src/report/statements.js";
import { normalizeScenario, scenarioToInput } from "../../src/scenario/scenario.js";
import { InputError } from "../../src/validation/InputError.js";
import { screenedSpan, screenedWindow } from "../helpers/screened.js";

const base = {
  name: "screened review",
  span: screenedSpan,
  windows: [screenedWindow],
};

describe("assessInvestigation(scenario).screen", () => {
  it("with one window's elusion sample is evaluateScreen on its two sides", () => {
    const a = assessInvestigation(base);
    const expected = evaluateScreen({
      flagged: { population: 609, sample: 109, found: 12 },
      unflagged: { population: 9391, sample: 400, found: 0 },
      sided: "upper",
    });
    expect(a.screen?.elusion).toEqual(expected.elusion);
    expect(a.screen?.placement).toEqual(expected.placement);
    expect(a.screen?.recall.lower).toBe(expected.recall?.lower);
    expect(a.screen?.scope).toBe("windows");
  });

  it("uses the recall's lower bound as the screening sensitivity instead of an assumed one", () => {
    const a = assessInvestigation(base);
    const lower = a.screen?.recall.lower as number;
    const {
      unflaggedReviewed: _r,
      unflaggedFound: _f,
      ...window
    } = base.windows[0] as (typeof base.windows)[0];
    const assumed = assessInvestigation({ ...base, windows: [window], screeningSensitivity: lower });
    expect(a.window?.affected).toEqual(assumed.window?.affected);
    expect(a.extrapolated?.undetected).toEqual(assumed.extrapolated?.undetected);
  });

  it("across the span: the windows' flagged review against the span's elusion sample, recall bounded from below only", () => {
    const {
      unflaggedReviewed: _r,
      unflaggedFound: _f,
      ...window
    } = base.windows[0] as (typeof base.windows)[0];
    const a = assessInvestigation({
      ...base,
      windows: [window],
      unflagged: 190_000,
      unflaggedReviewed: 5000,
      unflaggedFound: 0,
    });
    const expected = recallInterval({
      flagged: { population: 609, sample: 109, found: 12 },
      unflagged: { population: 190_000, sample: 5000, found: 0 },
      sided: "upper",
    });
    expect(a.screen?.scope).toBe("span");
    expect(a.screen?.recall.lower).toBe(expected.lower);
    expect(a.screen?.recall.upper).toBe(1);
    expect(a.screen?.elusion.affected.upper).toBe(
      countInterval({ found: 0, sample: 5000, population: 190_000, sided: "upper" }).upper,
    );
  });

  it("combines several windows by Bonferroni within each side and Šidák across the sides", () => {
    const second = {
      period: "2022-01-01/2022-03-31",
      cases: 8000,
      flagged: 500,
      reviewed: 100,
      found: 9,
      unflaggedReviewed: 300,
      unflaggedFound: 1,
    };
    const a = assessInvestigation({ ...base, windows: [second, base.windows[0]] });
    const side = Math.sqrt(0.95);
    // Each window's one-sided bound at 1 − (1 − √0.95)/2 (countInterval is checked against mpmath).
    const at = 1 - (1 - side) / 2;
    const upper = (found: number, sample: number, population: number) =>
      countInterval({ found, sample, population, confidence: at, sided: "upper" }).upper;
    const lower = (found: number, sample: number, population: number) =>
      countInterval({ found, sample, population, confidence: 1 - 2 * (1 - at), sided: "two" }).lower;
    const unflaggedUpper = upper(1, 300, 7500) + upper(0, 400, 9391);
    const flaggedLower = lower(9, 100, 500) + lower(12, 109, 609);
    expect(a.screen?.recall.unflagged.upper).toBe(unflaggedUpper);
    expect(a.screen?.recall.flagged.lower).toBe(flaggedLower);
    expect(a.screen?.recall.lower).toBe(flaggedLower / (flaggedLower + unflaggedUpper));
    expect(a.screen?.windows.map((w) => w.label)).toEqual(["window 1", "window 2"]);
  });

  it("states the elusion bound and the recall bound with their assumption", () => {
    const a = assessInvestigation(base);
    const statement = statements(a).find((s) => s.id === "screen");
    expect(statement?.text).toContain(
      "A review of 400 of the 9,391 cases the screen did not flag found 0 affected; if the 400 were drawn at random from them",
    );
    expect(statement?.text).toContain(
      `at most ${a.screen?.elusion.affected.upper} unflagged cases were affected`,
    );
    expect(statement?.text).toContain(
      "assuming reviewers recognised affected cases as well among the unflagged",
    );
    expect(statements(a).some((s) => s.id === "adequate-plan")).toBe(true);
  });

  it("is null without an elusion sample", () => {
    const {
      unflaggedReviewed: _r,
      unflaggedFound: _f,
      ...window
    } = base.windows[0] as (typeof base.windows)[0];
    expect(assessInvestigation({ ...base, windows: [window] }).screen).toBeNull();
  });
});

describe("normalizeScenario: elusion sample fields", () => {
  it("derives a window's unflagged cases as cases − flagged and writes them out", () => {
    const record = scenarioToInput(normalizeScenario(base));
    expect(record.windows[0]).toMatchObject({ unflagged: 9391, unflaggedReviewed: 400, unflaggedFound: 0 });
    expect(scenarioToInput(normalizeScenario(record))).toEqual(record);
  });

  it.each([
    [
      { windows: [{ ...base.windows[0], unflagged: 9000 }] },
      new InputError(
        "windows[0].unflagged",
        "(9000) must equal windows[0].cases − windows[0].flagged (9391)",
      ),
    ],
    [
      { windows: [{ ...base.windows[0], unflaggedFound: undefined }] },
      new InputError("windows[0].unflaggedFound", "is required with windows[0].unflaggedReviewed"),
    ],
    [
      { screeningSensitivity: 0.9 },
      new InputError(
        "screeningSensitivity",
        "cannot be given together with windows[0].unflaggedReviewed: the elusion sample measures the screen's recall",
      ),
    ],
    [
      { windows: [{ ...base.windows[0], unflaggedReviewed: 20_000 }] },
      new InputError(
        "windows[0].unflaggedReviewed",
        "must be a whole number from 1 to windows[0].unflagged (9391); got 20000",
        ["windows[0].unflagged"],
      ),
    ],
    [{ unflagged: 5000 }, new InputError("unflaggedReviewed", "is required with unflagged")],
  ])("refuses %j", (change, error) => {
    expect(() => normalizeScenario({ ...base, ...change })).toThrow(error);
  });
});
