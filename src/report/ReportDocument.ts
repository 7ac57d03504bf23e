import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";

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
  | { readonly kind: "chart"; readonly id: string; readonly caption: string; readonly spec: TopLevelSpec }
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
  readonly sections: readonly Section[];
  readonly assessment: Assessment;
}
