import { describe, expect, it } from "vitest";
import { run } from "../helpers/runCli.js";

const base = ["bound", "-N", "609", "-n", "109", "-k", "1"];

describe("bad input: exit code 2, a message naming the flag, no stack trace, no number", () => {
  it.each([
    [
      ["bound", "-N", "609", "-n", "109", "-k", "110"],
      "--found must be a whole number from 0 to sample (109); got 110",
    ],
    [
      ["bound", "-N", "100", "-n", "109", "-k", "1"],
      "--sample must be a whole number from 1 to population (100); got 109",
    ],
    [
      ["bound", "-N", "609", "-n", "109", "-k", "-1"],
      "--found must be a whole number from 0 to sample (109); got -1",
    ],
    [
      ["bound", "-N", "609", "-n", "10.5", "-k", "1"],
      "--sample must be a whole number from 1 to population (609); got 10.5",
    ],
    [["bound", "-N", "609", "-n", "109", "-k", "abc"], '--found must be a number; got "abc"'],
    [["bound", "-N", "609", "-n", "", "-k", "1"], "--sample must be a number; got an empty value"],
    [[...base, "--confidence", "1e400"], '--confidence must be a finite number; got "1e400"'],
    [[...base, "--confidence", "1.5"], "--confidence must be strictly between 0 and 1; got 1.5"],
    [[...base, "--confidence", "0"], "--confidence must be strictly between 0 and 1; got 0"],
    [
      [...base, "--confidence", "95"],
      "--confidence must be strictly between 0 and 1; got 95 (for 95%, write 0.95 or 95%)",
    ],
    [
      [...base, "--confidence", "0.95%"],
      "--confidence must be at least 0.5 (50%) and below 1: a bound at a lower confidence is more likely wrong than right; got 0.0095 (0.95% was probably meant as 95%: write 0.95 or 95%)",
    ],
    [
      [...base, "--confidence", "0.05"],
      "--confidence must be at least 0.5 (50%) and below 1: a bound at a lower confidence is more likely wrong than right; got 0.05 (if 0.05 is the risk of being wrong, the confidence is 0.95: write 0.95)",
    ],
    [["plan", "--tolerable", "5%", "--confidence", "0.3"], "--confidence must be at least 0.5 (50%)"],
    [["detect", "-N", "609", "--affected", "5", "--confidence", "0.1"], "--confidence must be at least 0.5"],
    [
      ["assess", "--example", "hmcts-sscs", "--confidence", "0.49"],
      "--confidence must be at least 0.5 (50%)",
    ],
    [
      ["bound", "-N", "9007199254740993", "-n", "109", "-k", "1"],
      "--population must be a whole number from 1 to 9007199254740991",
    ],
    [["bound", "-n", "109"], "--found is required"],
    [
      ["bound", "-n", "109", "-k", "1", "--method", "hypergeometric"],
      "--population is required by --method hypergeometric",
    ],
    [
      ["bound", "-N", "609", "-n", "109", "-k", "1", "--method", "wilson"],
      "--population applies only to --method hypergeometric",
    ],
    [
      [...base, "--method", "exact"],
      '--method must be one of hypergeometric, clopper-pearson, wilson, jeffreys, agresti-coull, wald, poisson, bayes; got "exact"',
    ],
    [[...base, "--sided", "lower"], '--sided must be one of upper, two; got "lower"'],
    [
      ["bound", "-N", "609", "-n", "109", "-k", "1e-400"],
      '--found is too small for a double-precision number (it would read as 0); got "1e-400"',
    ],
    [
      ["bound", "-N", "609", "-n", "109", "-k", "1.0000000000000001"],
      '--found has more digits than a double-precision number holds: it would read as the whole number 1; got "1.0000000000000001"',
    ],
    [[...base, "-k", "2"], "-k was given more than once; give it once"],
    [[...base, "--format", "json", "--format", "table"], "--format was given more than once; give it once"],
    [["bound", "-n", "109", "-k"], "-k needs a value"],
    [
      ["bound", "-n", "-Infinity", "-k", "1"],
      `-n needs a value; to give one that starts with "-", write -n=-Infinity`,
    ],
    [["bound", "-n", "109", "--found"], "--found needs a value"],
    [
      ["chart"],
      "give the kind of chart to draw: timeline, missed, sensitivity, power, intervals, sample-size, confidence-curve, screen, selection-bias or all",
    ],
    [["example", "constructor"], 'name must be one of hmcts-sscs, family-court-documents; got "constructor"'],
    [["example", "toString"], 'name must be one of hmcts-sscs, family-court-documents; got "toString"'],
    [["example", "__proto__"], 'name must be one of hmcts-sscs, family-court-documents; got "__proto__"'],
    [
      ["assess", "--example", "constructor"],
      '--example must be one of hmcts-sscs, family-court-documents; got "constructor"',
    ],
    [
      ["select", "--frame", "100", "--sizes", "all=3,all=4", "--seed", "1"],
      '--sizes names the stratum "all" more than once; give it once',
    ],
    [
      [
        "assess",
        "--span",
        "2019-01-01/2024-02-29",
        "--window",
        "2023-12/2024-02",
        "--cases",
        "1000",
        "--reviewed",
        "109",
        "--found",
        "1",
      ],
      "--reviewed (109) is more than the window's 48 cases, pro-rated from the cases over the span; give the window's own count (--window-cases)",
    ],
    [["plan"], "--tolerable is required"],
    [["plan", "--tolerable", "0"], "--tolerable must be strictly between 0 and 1; got 0"],
    [["plan", "--tolerable", "5%", "--model", "hypergeometric"], "--population is required"],
    [
      ["plan", "--tolerable", "5%", "--expected-rate", "6%"],
      "--expected-rate (0.06) must be below the tolerable rate (0.05)",
    ],
    [
      ["plan", "--tolerable", "5%", "--allowed", "1", "--expected-rate", "1%"],
      "--allowed cannot be given together with --expected-rate",
    ],
    [
      ["detect", "-N", "609", "--affected", "5", "--prevalence", "0.01", "-n", "109"],
      "--affected cannot be given together with --prevalence",
    ],
    [["detect", "-N", "609", "-n", "109"], "--affected needs one of --affected or --prevalence"],
    [["detect", "-n", "109"], "--prevalence needs one of --population with --affected or --prevalence"],
    [
      ["detect", "-N", "609", "--affected", "5", "-n", "109", "--sensitivity", "0"],
      "--sensitivity must be greater than 0 and at most 1; got 0",
    ],
    [
      ["detect", "-N", "10", "--affected", "1", "--sensitivity", "0.5", "--confidence", "0.9"],
      "--confidence cannot be met",
    ],
    [["frobnicate"], '"frobnicate" is not a command'],
    [["boud", "-n", "5"], '"boud" is not a command; did you mean bound?'],
    [
      [...base, "--foo", "3"],
      "--foo is not an option of adequacy bound\nRun 'adequacy bound --help' for its options.",
    ],
    [[...base, "extra"], '"extra" is not an argument of adequacy bound'],
    [[], "give a command"],
  ])("%j", async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });
});
