// The calculator's own words: headings, labels and notices. Error texts are the library's and the CLI's
// (validation/messages.ts); numbers and sentences about results come from report/.
export const text = {
  pages: {
    assess: "Assess",
    bound: "Bound",
    plan: "Plan",
    detect: "Detect",
  },
  headings: {
    assess: "Assess an investigation",
    bound: "Bound affected cases",
    plan: "Plan a sample",
    detect: "Detect at least one",
  },
  intros: {
    assess:
      "How much could a review have missed? Give the exposure period, the windows examined and what their reviews found; the assumptions below are the command line's defaults until you change them.",
    bound: "Exact bounds on how many cases are affected, from k found in a random sample of n (of N).",
    plan: "The sample size whose one-sided upper bound rules out a tolerable rate.",
    detect:
      "The chance that a random review finds at least one affected case, or the sample size that would.",
  },
  statements: "Statements you can cite",
  briefing: "Briefing",
  warnings: "Warnings",
  charts: "Charts",
  chartsLoading: "Drawing the charts…",
  chartsFailed: (message: string) => `The charts could not be drawn: ${message}`,
  downloads: "Downloads",
  incomplete: "Fill in the fields marked required to see the results.",
  fixFields: "Correct the marked fields to see the results.",
  versionMismatch: (linked: string, running: string) =>
    `This link was made with sampling-adequacy ${linked}; this page is version ${running}. The numbers can differ between versions: check them against a run of ${linked} before citing them.`,
  driftValue: (detail: string, position: number) => `value ${position}: ${detail}`,
  optional: "optional",
  required: "required",
  example: "Start from an example",
  exampleNone: "(choose one)",
  addWindow: "Add a window",
  removeWindow: (n: number) => `Remove window ${n}`,
  window: (n: number) => `Window ${n}`,
  defaultOption: (what: string) => `${what} (default)`,
  download: {
    reportHtml: "Report (HTML)",
    reportMarkdown: "Report (Markdown)",
    scenario: "Scenario (YAML)",
    results: "Results (JSON)",
    briefing: "Briefing (Markdown)",
    svg: "SVG",
    png: "PNG",
  },
  markdownCharts:
    "The Markdown report lists its charts by name; download each chart's SVG below to go with it (the command line writes them into a folder beside the report).",
  reportCommand: (file: string) => `adequacy report --scenario ${file} --format html`,
} as const;
