// The calculator's own words: headings, labels and notices. Error texts are the library's and the CLI's
// (validation/messages.ts); numbers and sentences about results come from report/.
export const text = {
  title: "How much could a review have missed?",
  tagline:
    "Exact bounds, sample sizes and detection power for case reviews. Everything is computed in this page, by the same library as the adequacy command line; nothing you type leaves your computer.",
  pages: {
    assess: "Assess",
    bound: "Bound",
    plan: "Plan",
    detect: "Detect",
  },
  results: "Results",
  statements: "Statements you can cite",
  briefing: "Briefing",
  warnings: "Warnings",
  charts: "Charts",
  chartsLoading: "Drawing the charts…",
  chartsFailed: (message: string) => `The charts could not be drawn: ${message}`,
  downloads: "Downloads",
  link: "Link to these inputs",
  linkHint:
    "The link holds every input on this page (no case-level data) and the tool's version; opening it gives the same numbers.",
  incomplete: "Fill in the fields marked required to see the results.",
  fixFields: "Correct the marked fields to see the results.",
  versionMismatch: (linked: string, running: string) =>
    `This link was made with sampling-adequacy ${linked}; this page is version ${running}. The numbers can differ between versions: check them against a run of ${linked} before citing them.`,
  optional: "optional",
  required: "required",
  example: "Start from an example",
  exampleNone: "(choose one)",
  addWindow: "Add a window",
  removeWindow: (n: number) => `Remove window ${n}`,
  window: (n: number) => `Window ${n}`,
  defaultOption: (what: string) => `${what} (default)`,
  elsewhere: "Another input",
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
