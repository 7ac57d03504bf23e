/** Chart output formats, in a module of their own so that the CLI lists them without loading vega. */
export const CHART_FORMATS = ["vl.json", "svg", "png", "html"] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];
