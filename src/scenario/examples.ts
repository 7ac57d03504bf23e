import type { ScenarioInput } from "./scenario.js";

/**
 * Built-in scenarios. Figures marked public come from the published reporting summarised in the
 * project's case studies; everything else is an assumption, stated in `sources`, that a user should
 * change to fit what they know.
 */
export const examples: Readonly<Record<string, ScenarioInput>> = Object.freeze(
  // No prototype: a name such as "constructor" or "__proto__" finds nothing rather than Object's own.
  Object.assign(Object.create(null) as Record<string, ScenarioInput>, {
    "hmcts-sscs": {
      name: "hmcts-sscs",
      description:
        "SSCS Tribunal data-loss review: a bug in the case-management software thought to have been live for years; the initial review looked only at the most recent three months.",
      span: "2019-01-01/2024-02-29",
      windows: [
        {
          label: "review window",
          period: "2023-12-01/2024-02-29",
          flagged: 609,
          reviewed: 109,
          found: 1,
          selection: "unknown",
        },
      ],
      sources: [
        {
          field: "windows[0].flagged",
          status: "public",
          note: "609 cases identified as having potential issues (BBC News, \"Courts service 'covered up' IT bug that caused evidence to go missing\", August 2025, quoting a November 2024 internal report)",
          url: "https://www.bbc.co.uk/search?q=Courts+service+covered+up+IT+bug+that+caused+evidence+to+go+missing",
        },
        {
          field: "windows[0].reviewed",
          status: "public",
          note: "109 (17%) selected for further investigation",
        },
        {
          field: "windows[0].found",
          status: "public",
          note: "1 said to have had potentially significant impact",
        },
        {
          field: "windows[0].period",
          status: "assumed",
          note: "'the most recent three months' before the March 2024 briefing, taken as 2023-12-01 to 2024-02-29",
        },
        {
          field: "span",
          status: "assumed",
          note: "the bug's start date is not public; warnings date from 2019, so the span is taken from 2019-01-01",
        },
        {
          field: "windows[0].selection",
          status: "assumed",
          note: "how the 109 were chosen is not public, so the selection is taken as unknown",
        },
        {
          field: "volume",
          status: "assumed",
          note: "case volumes are not public; a uniform number of flagged cases per day is assumed",
        },
      ],
    },
    "family-court-documents": {
      name: "family-court-documents",
      description:
        "Family courts: a flaw discovered in 2023 caused more than 4,000 documents to go missing from hundreds of public family law cases; no investigation of the impact on outcomes was carried out. The planning question: how many cases to review, and how, to bound the share whose outcome could have changed.",
      span: "2020-01-01/2023-12-31",
      cases: 400,
      windows: [],
      tolerable: 0.05,
      materiality: 10,
      stratify: "year",
      sources: [
        {
          field: "description",
          status: "public",
          note: "more than 4,000 documents missing from hundreds of public family law cases; flaw discovered in 2023; no investigation of outcomes (BBC, August 2025)",
        },
        {
          field: "cases",
          status: "assumed",
          note: "'hundreds of cases' taken as 400 affected cases; change to the real count",
        },
        {
          field: "span",
          status: "assumed",
          note: "the flaw was 'possibly present for years'; taken as 2020 to 2023",
        },
        {
          field: "tolerable",
          status: "assumed",
          note: "a 5% share of cases with outcome impact as the rate the review must be able to rule out",
        },
        {
          field: "materiality",
          status: "assumed",
          note: "10 cases with outcome impact taken as the number that would matter",
        },
      ],
    },
  }),
);
