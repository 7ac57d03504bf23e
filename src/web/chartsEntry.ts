// The charts bundle (charts.js), loaded only when a chart is shown or downloaded: vega, vega-lite and
// vega-embed are four fifths of the page's weight. It draws the specs the library's chart builders make.
import * as vega from "vega";
import embed from "vega-embed";
import { compile, type TopLevelSpec } from "vega-lite";

/** The charts bundle's API, set on `window.adequacyCharts`. */
export interface ChartsApi {
  /** Draws a chart into an element, as SVG. */
  draw(element: HTMLElement, spec: TopLevelSpec): Promise<void>;
  /** The chart as an SVG document, laid out with this browser's text metrics. */
  svg(spec: TopLevelSpec): Promise<string>;
  /** The chart as a PNG data URL at `scale` pixels per unit. */
  png(spec: TopLevelSpec, scale: number): Promise<string>;
}

async function withView<T>(spec: TopLevelSpec, use: (view: vega.View) => Promise<T>): Promise<T> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await use(view);
  } finally {
    view.finalize();
  }
}

const api: ChartsApi = {
  async draw(element, spec) {
    const result = await embed(element, spec, { actions: false, renderer: "svg" });
    element.dataset.drawn = "true";
    void result;
  },
  svg: (spec) => withView(spec, (view) => view.toSVG()),
  png: (spec, scale) => withView(spec, (view) => view.toImageURL("png", scale)),
};

(window as unknown as { adequacyCharts: ChartsApi }).adequacyCharts = api;
