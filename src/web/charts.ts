import type { ChartsApi } from "./chartsEntry.js";

let loading: Promise<ChartsApi> | undefined;

/**
 * Loads charts.js with a classic script tag, once: a page opened from file:// may not load ES modules or
 * fetch files, but it may run a script beside it.
 */
export function loadCharts(): Promise<ChartsApi> {
  loading ??= new Promise<ChartsApi>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "charts.js";
    script.onload = () => {
      const api = (window as unknown as { adequacyCharts?: ChartsApi }).adequacyCharts;
      if (api) resolve(api);
      else reject(new Error("charts.js did not load"));
    };
    script.onerror = () => {
      loading = undefined;
      reject(new Error("charts.js could not be read"));
    };
    document.head.append(script);
  });
  return loading;
}
