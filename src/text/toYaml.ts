import { stringify } from "yaml";

/**
 * A value as YAML, as the CLI and the web page write a scenario. A module of its own with a static
 * import: the bundler turns a dynamic import of a CommonJS package (yaml, under Node) into a default-only
 * module, losing its named exports.
 *
 * @example
 * toYaml({ name: "review", windows: [] }); // "name: review\nwindows: []\n"
 */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 100 });
}
