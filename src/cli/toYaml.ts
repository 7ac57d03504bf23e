import { stringify } from "yaml";

/**
 * A value as YAML. A module of its own with a static import: the bundler turns a dynamic import of a
 * CommonJS package (yaml, under Node) into a default-only module, losing its named exports.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 100 });
}
