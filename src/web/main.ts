// The web calculator: four pages over the library, their inputs in the URL hash. It presents: every
// number and sentence comes from the library's results and report/ (see library.ts).
import { loadCharts } from "./charts.js";
import { type Errors, errorId, type Group, h, type Outcome, renderForm, showErrors } from "./form.js";
import {
  type AssessmentRecord,
  assessmentBriefing,
  type Briefing,
  buildReport,
  examples,
  type ReportDocument,
  renderBriefing,
  renderReportHtml,
  renderReportMarkdown,
  toYaml,
  VERSION,
} from "./library.js";
import { assess, assessDefaults, assessGroups, exampleState } from "./pages/assess.js";
import {
  type Briefed,
  bound,
  boundGroups,
  detect,
  detectGroups,
  type PageChart,
  plan,
  planGroups,
} from "./pages/simple.js";
import { fromHash, PAGES, type PageId, type State, toHash } from "./permalink.js";
import { text } from "./text.js";

interface PageSpec {
  readonly heading: string;
  readonly intro: string;
  readonly defaults: () => State;
  readonly groups: (state: State) => Group[];
  readonly show: (state: State, output: HTMLElement) => Errors | "incomplete" | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let charts: PageChart[] = [];
let chartsWanted = false;
let chartTimer: number | undefined;
let chartGeneration = 0;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "adequacy"
  );
}

/** Saves text or a data URL as a file the browser downloads. */
function save(filename: string, content: string, type: string): void {
  const url = content.startsWith("data:") ? content : URL.createObjectURL(new Blob([content], { type }));
  const link = h("a", { href: url, download: filename, hidden: "" });
  document.body.append(link);
  link.click();
  link.remove();
  if (!content.startsWith("data:")) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function button(label: string, action: () => void | Promise<void>, attributes: Record<string, string> = {}) {
  const b = h("button", { type: "button", ...attributes }, label);
  b.addEventListener("click", () => {
    Promise.resolve(action()).catch((error: unknown) => {
      $("general-error").textContent = text.chartsFailed(
        error instanceof Error ? error.message : String(error),
      );
    });
  });
  return b;
}

function briefingView(briefings: readonly Briefing[]): HTMLElement {
  return h(
    "div",
    { class: "briefing" },
    ...briefings.map((b) =>
      h(
        "section",
        { class: "brief" },
        h("h4", {}, b.title),
        b.rows.length > 0
          ? h(
              "table",
              {},
              h(
                "tbody",
                {},
                ...b.rows.map(([label, value]) =>
                  h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, value)),
                ),
              ),
            )
          : null,
        b.notes.length > 0 ? h("ul", { class: "notes" }, ...b.notes.map((note) => h("li", {}, note))) : null,
      ),
    ),
  );
}

function chartsView(list: readonly PageChart[], name: string): HTMLElement {
  const section = h(
    "section",
    { id: "charts", "aria-labelledby": "charts-heading" },
    h("h3", { id: "charts-heading" }, text.charts),
  );
  for (const chart of list) {
    section.append(
      h(
        "figure",
        { id: `figure-${chart.id}` },
        h(
          "div",
          { class: "chart", role: "img", "aria-label": chart.alt, "data-chart": chart.id },
          text.chartsLoading,
        ),
        h("figcaption", {}, chart.caption),
        h(
          "p",
          { class: "chart-downloads" },
          button(`${text.download.svg}: ${chart.id}`, async () =>
            save(
              `${slug(name)}-${chart.id}.svg`,
              await (await loadCharts()).svg(chart.spec),
              "image/svg+xml",
            ),
          ),
          " ",
          button(`${text.download.png}: ${chart.id}`, async () =>
            save(`${slug(name)}-${chart.id}.png`, await (await loadCharts()).png(chart.spec, 2), "image/png"),
          ),
        ),
      ),
    );
  }
  return section;
}

/** Draws the charts once they are wanted (scrolled into view), a moment after the inputs settle. */
function scheduleCharts(): void {
  if (!chartsWanted) return;
  window.clearTimeout(chartTimer);
  const generation = ++chartGeneration;
  delete document.body.dataset.chartsDrawn;
  chartTimer = window.setTimeout(async () => {
    try {
      const api = await loadCharts();
      for (const chart of charts) {
        // One chart at a time, yielding between them, and none for inputs already replaced: typing
        // stays as quick as the results while the charts catch up.
        await new Promise((resolve) => window.setTimeout(resolve));
        if (generation !== chartGeneration) return;
        const slot = document.querySelector<HTMLElement>(`[data-chart="${chart.id}"]`);
        if (!slot) continue;
        slot.replaceChildren();
        await api.draw(slot, chart.spec);
      }
      document.body.dataset.chartsDrawn = String(charts.length);
    } catch (error) {
      for (const slot of document.querySelectorAll<HTMLElement>("[data-chart]")) {
        slot.textContent = text.chartsFailed(error instanceof Error ? error.message : String(error));
      }
    }
  }, 150);
}

const observer =
  typeof IntersectionObserver === "undefined"
    ? undefined
    : new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          chartsWanted = true;
          scheduleCharts();
        }
      });

function reportDoc(a: AssessmentRecord): ReportDocument {
  const file = `${slug(a.name)}.yaml`;
  return buildReport(a, {
    version: VERSION,
    generatedAt: new Date().toISOString(),
    command: text.reportCommand(file),
    scenarioYaml: toYaml(a.scenario),
  });
}

function showAssessment(a: AssessmentRecord, output: HTMLElement): void {
  const doc = reportDoc(a);
  charts = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "chart" ? [b] : [])));
  const name = slug(a.name);
  const downloads = h(
    "section",
    { "aria-labelledby": "downloads-heading" },
    h("h3", { id: "downloads-heading" }, text.downloads),
    h(
      "p",
      { class: "downloads" },
      button(text.download.reportHtml, async () => {
        const api = await loadCharts();
        const fresh = reportDoc(a);
        const svgs: Record<string, string> = {};
        for (const chart of charts) svgs[chart.id] = await api.svg(chart.spec);
        save(`${name}-report.html`, renderReportHtml(fresh, svgs), "text/html");
      }),
      " ",
      button(text.download.reportMarkdown, () =>
        save(`${name}-report.md`, renderReportMarkdown(reportDoc(a)), "text/markdown"),
      ),
      " ",
      button(text.download.scenario, () => save(`${name}.yaml`, toYaml(a.scenario), "application/yaml")),
      " ",
      button(text.download.results, () =>
        save(`${name}-results.json`, `${JSON.stringify(a, null, 2)}\n`, "application/json"),
      ),
    ),
    h("p", { class: "hint" }, text.markdownCharts),
  );
  output.replaceChildren(
    h(
      "section",
      { "aria-labelledby": "statements-heading" },
      h("h3", { id: "statements-heading" }, text.statements),
      h("ul", { class: "statements" }, ...a.statements.map((s) => h("li", {}, s.text))),
    ),
    a.warnings.length > 0
      ? h(
          "section",
          { class: "warnings", "aria-labelledby": "warnings-heading" },
          h("h3", { id: "warnings-heading" }, text.warnings),
          h("ul", {}, ...a.warnings.map((w) => h("li", {}, w.text))),
        )
      : "",
    h(
      "section",
      { "aria-labelledby": "briefing-heading" },
      h("h3", { id: "briefing-heading" }, text.briefing),
      // The briefing ends with the statements and warnings, shown above it already.
      briefingView(
        assessmentBriefing(a).filter(
          (b) =>
            b.rows.length > 0 ||
            (b.notes !== undefined &&
              !sameList(
                b.notes,
                a.statements.map((s) => s.text),
              ) &&
              !sameList(
                b.notes,
                a.warnings.map((w) => w.text),
              )),
        ),
      ),
    ),
    chartsView(charts, a.name),
    downloads,
  );
  watchCharts(output);
}

/** Draws the charts when their section comes into view, and again as inputs change. */
function watchCharts(output: HTMLElement): void {
  const section = output.querySelector("#charts");
  if (section && observer) observer.observe(section);
  scheduleCharts();
}

function showBriefed(page: PageId, r: Briefed, output: HTMLElement): void {
  charts = r.chart ? [r.chart] : [];
  output.replaceChildren(
    briefingView([r.briefing]),
    charts.length > 0 ? chartsView(charts, page) : "",
    h(
      "section",
      { "aria-labelledby": "downloads-heading" },
      h("h3", { id: "downloads-heading" }, text.downloads),
      h(
        "p",
        { class: "downloads" },
        button(text.download.results, () =>
          save(`${page}-results.json`, `${JSON.stringify(r.record, null, 2)}\n`, "application/json"),
        ),
        " ",
        button(text.download.briefing, () =>
          save(`${page}.md`, renderBriefing(r.briefing, "markdown"), "text/markdown"),
        ),
      ),
    ),
  );
  watchCharts(output);
}

function shower<R>(run: (state: State) => Outcome<R>, render: (r: R, output: HTMLElement) => void) {
  return (state: State, output: HTMLElement): Errors | "incomplete" | null => {
    const outcome = run(state);
    if (outcome.kind === "result") {
      render(outcome.result, output);
      return null;
    }
    return outcome.kind === "incomplete" ? "incomplete" : outcome.errors;
  };
}

const SPECS: Record<PageId, PageSpec> = {
  assess: {
    heading: text.headings.assess,
    intro: text.intros.assess,
    defaults: assessDefaults,
    groups: assessGroups,
    show: shower(assess, showAssessment),
  },
  bound: {
    heading: text.headings.bound,
    intro: text.intros.bound,
    defaults: () => ({}),
    groups: boundGroups,
    show: shower(bound, (r, output) => showBriefed("bound", r, output)),
  },
  plan: {
    heading: text.headings.plan,
    intro: text.intros.plan,
    defaults: () => ({}),
    groups: planGroups,
    show: shower(plan, (r, output) => showBriefed("plan", r, output)),
  },
  detect: {
    heading: text.headings.detect,
    intro: text.intros.detect,
    defaults: () => ({}),
    groups: detectGroups,
    show: shower(detect, (r, output) => showBriefed("detect", r, output)),
  },
};

const states = new Map<PageId, State>();
let page: PageId = "assess";

function writeHash(): void {
  const hash = toHash(page, VERSION, states.get(page) ?? {});
  history.replaceState(null, "", hash);
  $<HTMLInputElement>("permalink").value = location.href;
}

/**
 * The errors listed beside the results too, each linked to its field, so that one below the fold is
 * found: the field's label (or its group's legend) and the message shown beside it.
 */
function errorSummary(form: HTMLElement, errors: Errors): HTMLElement {
  const items: HTMLElement[] = [];
  for (const [key, detail] of errors) {
    const slot = key === "" ? null : form.querySelector(`#${errorId(key)}`);
    const holder = slot?.closest(".field") ?? slot?.closest("fieldset");
    const input = holder?.querySelector<HTMLElement>("input, select");
    const name = holder?.querySelector(".field > label, legend")?.firstChild?.textContent ?? "";
    if (!input) continue;
    const link = h("a", { href: `#${input.id}` }, `${name}: ${detail}`);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      input.focus();
    });
    items.push(h("li", {}, link));
  }
  return h("ul", { class: "error-summary" }, ...items);
}

/** Recomputes the page's results from its state: the measured path (bench/web.mjs reads the measures). */
function update(): void {
  performance.mark("adequacy:input");
  const state = states.get(page) ?? {};
  const output = $("output");
  const form = $("inputs");
  const result = SPECS[page].show(state, output);
  const general = $("general-error");
  if (result === null) {
    showErrors(form, new Map(), general);
    output.removeAttribute("aria-busy");
    $("status").textContent = "";
  } else if (result === "incomplete") {
    showErrors(form, new Map(), general);
    charts = [];
    output.replaceChildren();
    $("status").textContent = text.incomplete;
  } else {
    showErrors(form, result, general);
    charts = [];
    output.replaceChildren(errorSummary(form, result));
    $("status").textContent = text.fixFields;
  }
  writeHash();
  performance.measure("adequacy:update", "adequacy:input");
}

function renderPage(): void {
  const spec = SPECS[page];
  document.title = `${spec.heading}: sampling-adequacy`;
  $("page-title").textContent = spec.heading;
  $("page-intro").textContent = spec.intro;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    if (link.dataset.page === page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const state = states.get(page) ?? spec.defaults();
  states.set(page, state);
  const form = $("inputs");
  const groups = spec.groups(state);
  renderForm(
    form,
    groups,
    state,
    (key, value) => {
      states.set(page, { ...(states.get(page) ?? {}), [key]: value });
      update();
    },
    (apply) => {
      states.set(page, apply(states.get(page) ?? {}));
      renderPage();
    },
  );
  if (page === "assess") form.prepend(exampleChooser(state));
  update();
}

function exampleChooser(state: State): HTMLElement {
  const select = h("select", { id: "example" }, h("option", { value: "" }, text.exampleNone));
  for (const name of Object.keys(examples)) select.append(h("option", { value: name }, name));
  select.value = state.example ?? "";
  select.addEventListener("change", () => {
    states.set("assess", select.value === "" ? assessDefaults() : exampleState(select.value));
    renderPage();
  });
  const description = state.example ? examples[state.example]?.description : undefined;
  return h(
    "div",
    { class: "field example" },
    h("label", { for: "example" }, text.example),
    select,
    description ? h("p", { class: "hint" }, description) : null,
  );
}

let opened = false;

function openHash(): void {
  // An in-page anchor (the skip link's #main) is not a link to inputs: the page and its inputs stay,
  // and the address goes back to them once the browser has moved to the anchor.
  if (opened && !new URLSearchParams(location.hash.slice(1)).has("page")) {
    writeHash();
    return;
  }
  opened = true;
  const link = fromHash(location.hash);
  page = link.page;
  const warning = $("version-warning");
  if (link.version !== undefined && link.version !== VERSION) {
    warning.textContent = text.versionMismatch(link.version, VERSION);
    warning.hidden = false;
  } else if (link.version !== undefined) {
    warning.hidden = true;
  }
  // A link from the navigation carries only the page: keep what was typed there before.
  if (link.version !== undefined || Object.keys(link.state).length > 0) states.set(page, link.state);
  renderPage();
}

function start(): void {
  $("version").textContent = VERSION;
  const nav = $("pages");
  for (const id of PAGES) {
    nav.append(h("li", {}, h("a", { href: `#page=${id}`, "data-page": id }, text.pages[id])));
  }
  window.addEventListener("hashchange", openHash);
  openHash();
}

start();
