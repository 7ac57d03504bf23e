import { InputError, messages, parseNumberText } from "./library.js";
import type { State } from "./permalink.js";
import { text } from "./text.js";

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * A select's choices: first the default, shown as `fallback` and sent as "" (not given), then each value by
 * name, the default too, so that a scenario that states it (an example) shows it as given.
 */
export const choices = (values: readonly string[], fallback: string): Choice[] => [
  { value: "", label: text.defaultOption(fallback) },
  ...values.map((value) => ({ value, label: value })),
];

/** One input. `key` is its state key and the id its error is shown under. */
export interface Field {
  readonly key: string;
  readonly label: string;
  readonly kind: "text" | "number" | "date" | "select";
  readonly hint?: string;
  readonly placeholder?: string;
  readonly choices?: readonly Choice[];
  readonly required?: boolean;
}

/** A fieldset: fields that belong together, with an error of its own (`errorKey`, e.g. a period). */
export interface Group {
  readonly legend: string;
  readonly fields: readonly Field[];
  readonly errorKey?: string;
  readonly hint?: string;
  readonly action?: { readonly label: string; readonly apply: (state: State) => State };
}

/** Errors by field or group key; `""` holds one that belongs to no field shown. */
export type Errors = Map<string, string>;

/** What a page made of its inputs: nothing yet, errors beside fields, or results to show. */
export type Outcome<R> =
  | { readonly kind: "incomplete" }
  | { readonly kind: "errors"; readonly errors: Errors }
  | { readonly kind: "result"; readonly result: R };

/**
 * Reads typed numbers with the CLI's own parser and messages, collecting an error per field instead of
 * stopping at the first, so every wrong field is marked at once.
 */
export class Reader {
  readonly errors: Errors = new Map();
  constructor(private readonly state: State) {}

  text(key: string): string | undefined {
    const value = (this.state[key] ?? "").trim();
    return value === "" ? undefined : value;
  }

  number(key: string, options: { percent?: boolean; required?: boolean } = {}): number | undefined {
    const raw = this.text(key);
    if (raw === undefined) {
      if (options.required) this.errors.set(key, messages.required());
      return undefined;
    }
    try {
      return parseNumberText(key, raw, options.percent ?? false);
    } catch (error) {
      if (error instanceof InputError) {
        this.errors.set(key, error.detail);
        return undefined;
      }
      throw error;
    }
  }

  required(key: string): string | undefined {
    const value = this.text(key);
    if (value === undefined) this.errors.set(key, messages.required());
    return value;
  }
}

/** Adds a value under `key` when it is defined (the library's options are exact: no undefined values). */
export function given<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A library error shown beside the field it names (`fieldOf` maps the library's path to a key). */
export function libraryError(
  error: unknown,
  fieldOf: (field: string) => string,
  keys: readonly string[],
): Errors {
  if (!(error instanceof InputError)) throw error;
  const key = fieldOf(error.field);
  return new Map([[keys.includes(key) ? key : "", keys.includes(key) ? error.detail : error.message]]);
}

/** Builds an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** A safe DOM id for a field key (`w1.found` → `f-w1-found`). */
export const fieldId = (key: string) => `f-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
export const errorId = (key: string) => `e-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** Renders the groups into `form`, wired to `onInput`, with an error slot beside every field. */
export function renderForm(
  form: HTMLElement,
  groups: readonly Group[],
  state: State,
  onInput: (key: string, value: string) => void,
  onAction: (apply: (state: State) => State) => void,
): void {
  form.replaceChildren(
    ...groups.map((group) => {
      const set = h("fieldset", {}, h("legend", {}, group.legend));
      if (group.hint) set.append(h("p", { class: "hint" }, group.hint));
      for (const field of group.fields) set.append(renderField(field, state[field.key] ?? "", onInput));
      if (group.errorKey)
        set.append(h("p", { class: "error", id: errorId(group.errorKey), "aria-live": "polite" }));
      if (group.action) {
        const apply = group.action.apply;
        const button = h("button", { type: "button", class: "secondary" }, group.action.label);
        button.addEventListener("click", () => onAction(apply));
        set.append(button);
      }
      return set;
    }),
  );
}

function renderField(
  field: Field,
  value: string,
  onInput: (key: string, value: string) => void,
): HTMLElement {
  const id = fieldId(field.key);
  const described = [field.hint ? `${id}-hint` : undefined, errorId(field.key)].filter(Boolean).join(" ");
  const label = h(
    "label",
    { for: id },
    field.label,
    field.required ? h("span", { class: "tag" }, ` (${text.required})`) : "",
  );
  let input: HTMLInputElement | HTMLSelectElement;
  if (field.kind === "select") {
    input = h("select", { id, name: field.key, "aria-describedby": described });
    for (const choice of field.choices ?? [])
      input.append(h("option", { value: choice.value }, choice.label));
    input.value = value;
  } else {
    input = h("input", {
      id,
      name: field.key,
      type: field.kind === "date" ? "date" : "text",
      inputmode: field.kind === "number" ? "decimal" : undefined,
      autocomplete: "off",
      placeholder: field.placeholder,
      "aria-describedby": described,
      "aria-required": field.required ? "true" : undefined,
    });
    input.value = value;
  }
  input.addEventListener(field.kind === "select" ? "change" : "input", () => onInput(field.key, input.value));
  return h(
    "div",
    { class: "field" },
    label,
    input,
    field.hint ? h("p", { class: "hint", id: `${id}-hint` }, field.hint) : null,
    h("p", { class: "error", id: errorId(field.key), "aria-live": "polite" }),
  );
}

/** Shows each error beside its field (and marks the field invalid); clears the others. */
export function showErrors(root: HTMLElement, errors: Errors, general: HTMLElement): void {
  for (const slot of root.querySelectorAll<HTMLElement>("p.error")) {
    const key = slot.id;
    let message = "";
    for (const [field, detail] of errors) if (field !== "" && errorId(field) === key) message = detail;
    slot.textContent = message;
  }
  for (const input of root.querySelectorAll<HTMLElement>("input, select")) {
    const slot = input.getAttribute("aria-describedby")?.split(" ").at(-1);
    const invalid = slot !== undefined && (root.querySelector(`#${slot}`)?.textContent ?? "") !== "";
    if (invalid) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  const unplaced = [...errors].filter(([field]) => field === "" || !root.querySelector(`#${errorId(field)}`));
  general.textContent = unplaced.map(([, detail]) => detail).join(" ");
}
