import type { Config } from "vega-lite";

/** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#000000",
] as const;

/**
 * Shades for what must stand out from the white background (WCAG 2.2): a line or rule at least 3:1
 * (1.4.11, non-text contrast), text at least 4.5:1 (1.4.3, AA). The palette's orange is 2.2:1 and its pink
 * 3.1:1; each shade keeps its colour's OKLCH hue and chroma and is only darker (contrasts in
 * test/charts/contrast.test.ts).
 */
export const SHADES = {
  /** Orange for lines and rules, 3.3:1. */
  orangeLine: "#bd8200",
  /** Orange for text, 5.9:1. */
  orangeText: "#8a5a00",
  /** Vermilion for text, 6.0:1. */
  vermilionText: "#a34800",
  /** Pink for text and the lines it labels, 6.2:1. */
  pinkText: "#9e3d78",
  /** Bluish green for text, 5.0:1. */
  greenText: "#007f5c",
  /** Blue-grey for months not examined, 3.3:1 (a lighter #9db4c8 was 2.1:1). */
  unexamined: "#7890a6",
  /** Near-black for text and reference lines that need no hue, 15.9:1. */
  ink: "#222222",
} as const;

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Width of the whole chart in pixels, titles and legends included; default 640. */
  readonly width?: number;
  /** Height of the whole chart in pixels; default 420. */
  readonly height?: number;
  /** Replaces the chart's title. */
  readonly title?: string;
}

export const FONT = "DejaVu Sans";

/** Shared configuration: readable type, the palette, thousands separators. */
export const CONFIG: Config = {
  font: FONT,
  numberFormat: ",",
  range: { category: [...PALETTE] },
  title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: "#444", anchor: "start", offset: 12 },
  // Labels closer than 4 px read as one number ("1,1001,200"): vega drops every other one instead.
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    gridColor: "#e6e6e6",
    labelSeparation: 4,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    orient: "bottom",
    direction: "vertical",
    labelLimit: 480,
    titleLimit: 480,
    // vega-lite draws legend symbols at 0.7 opacity: the orange line shade would fall to 2.2:1.
    symbolOpacity: 1,
  },
  view: { stroke: null },
};

/** The parts every spec carries: schema, description, size, title with subtitle, config. */
export function frame(
  description: string,
  title: string,
  subtitle: readonly string[],
  options: ChartOptions,
): {
  $schema: string;
  description: string;
  width: number;
  height: number;
  autosize: { type: "fit"; contains: "padding" };
  title: { text: string | string[]; subtitle: string[] };
  config: Config;
} {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    width: options.width ?? 640,
    height: options.height ?? 420,
    // The whole chart, axes, titles and legends included, fits the requested size.
    autosize: { type: "fit", contains: "padding" },
    title: {
      text: wrapTitle(options.title ?? title, options.width ?? 640),
      subtitle: subtitle.flatMap((line) => wrap(line, charsPerLine(options.width ?? 640))),
    },
    // Legend labels never run past the chart's width (vega shortens them with an ellipsis).
    config: {
      ...CONFIG,
      legend: { ...CONFIG.legend, labelLimit: labelLimit(options), titleLimit: labelLimit(options) },
    },
  };
}

/**
 * The rows of a chart that draws one horizontal bar per part (missed, screen): the parts down the y axis in
 * the rows' order, with room right of the plot for the last axis label, which may sit at its edge.
 */
export function partRows(values: readonly { part: string }[], options: ChartOptions) {
  return {
    padding: { left: 5, top: 5, bottom: 5, right: 28 },
    data: { values },
    encoding: {
      y: {
        field: "part",
        type: "nominal",
        title: null,
        sort: values.map((r) => r.part),
        axis: { labelLimit: labelLimit(options, 0.45) },
      },
    },
  };
}

/**
 * Each row's bound drawn as a whisker from its `whiskerFrom` field to its `upper`, capped by a tick and
 * labelled with the upper bound; `transform`, when given, picks the rows that have one.
 */
export function boundWhiskers(transform?: readonly object[]): object[] {
  const only = () => (transform === undefined ? {} : { transform: [...transform] });
  return [
    {
      ...only(),
      mark: { type: "rule", color: "#222", strokeWidth: 2 },
      encoding: { x: { field: "whiskerFrom", type: "quantitative" }, x2: { field: "upper" } },
    },
    {
      ...only(),
      mark: { type: "tick", color: "#222", thickness: 2, size: 14 },
      encoding: { x: { field: "upper", type: "quantitative" } },
    },
    {
      ...only(),
      mark: { type: "text", align: "left", dx: 6, fontSize: 11 },
      encoding: {
        x: { field: "upper", type: "quantitative" },
        text: { field: "upper", type: "quantitative", format: ",d" },
      },
    },
  ];
}

/** The widest a legend or axis label may be: the chart's width less room for a symbol and margins. */
export function labelLimit(options: ChartOptions, share = 1): number {
  return Math.max(60, Math.floor(((options.width ?? 640) - 60) * share));
}

/** The title on as many lines as it needs: 15 px bold DejaVu Sans averages about 0.68 em a character. */
function wrapTitle(text: string, width: number): string | string[] {
  const lines = wrap(text, Math.max(20, Math.floor((width - 24) / (15 * 0.68))));
  return lines.length === 1 ? (lines[0] as string) : lines;
}

/** Characters of 12 px DejaVu Sans that fit a line (its average advance is about 0.58 em). */
function charsPerLine(width: number): number {
  return Math.max(30, Math.floor((width - 24) / (12 * 0.6)));
}

/** Word-wraps a subtitle line so that it is not clipped by the chart's fixed width. */
export function wrap(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
