import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import type { Statement } from "./statements.js";

/**
 * A report as structure, rendered to Markdown or HTML. Text in `paragraph`, `list`, `table` and `code`
 * blocks is plain text (renderers escape it); only `methods` holds Markdown, quoted from docs/methods.md.
 */
export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | {
      readonly kind: "table";
      readonly headers: readonly string[];
      readonly rows: readonly (readonly string[])[];
    }
  | {
      readonly kind: "chart";
      readonly id: string;
      readonly caption: string;
      /** The chart in words with its key numbers, for readers who cannot see it. */
      readonly alt: string;
      readonly spec: TopLevelSpec;
    }
  /** A boxed list a reader should not miss, such as what the report does not show. */
  | { readonly kind: "box"; readonly heading: string; readonly items: readonly string[] }
  /**
   * A list of citations, each linked when it has a web address (http or https only), under its own
   * heading when it has one (one level below the section's).
   */
  | {
      readonly kind: "links";
      readonly heading?: string;
      readonly items: readonly { readonly text: string; readonly url?: string }[];
    }
  | { readonly kind: "code"; readonly language: string; readonly text: string }
  | { readonly kind: "methods"; readonly markdown: string };

export interface Section {
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  readonly version: string;
  readonly generatedAt: string;
  readonly command: string;
  /** The running title printed at the top of every PDF page. */
  readonly runningTitle: string;
  readonly sections: readonly Section[];
  readonly assessment: Assessment;
  /** The citable sentences of the summary, with the number each states and what it rests on. */
  readonly statements: readonly Statement[];
}
