import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseDocument } from "yaml";
import { InputError } from "../validation/InputError.js";
import { asReadError } from "./fileErrors.js";

/** Reads a scenario from JSON or YAML; a syntax error names the file, line and column. */
export function readScenarioFile(flag: string, path: string): unknown {
  const text = readText(flag, path);
  const extension = extname(path).toLowerCase();
  if (extension === ".json") {
    try {
      return JSON.parse(text);
    } catch (error) {
      // Node's JSON errors give no line; YAML, a superset of JSON, stops at the same place and says where.
      const located = parseDocument(text, { uniqueKeys: true }).errors[0]?.linePos?.[0];
      const position = /position (\d+)/.exec((error as Error).message);
      const where = located
        ? ` line ${located.line}, column ${located.col}`
        : position
          ? lineAndColumn(text, Number(position[1]))
          : "";
      const reason = ((error as Error).message.split("\n")[0] ?? "").replace(
        / in JSON at position \d+.*$/,
        "",
      );
      throw new InputError(flag, `${path}${where}: not valid JSON (${reason})`);
    }
  }
  if (extension !== ".yaml" && extension !== ".yml") {
    throw new InputError(flag, `must be a .json, .yaml or .yml file; got "${path}"`);
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const at = problem.linePos?.[0];
    const where = at ? ` line ${at.line}, column ${at.col}` : "";
    const reason = (problem.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new InputError(flag, `${path}${where}: not valid YAML (${reason})`);
  }
  return doc.toJS();
}

/** Reads a text file, turning a missing or unreadable file into a message naming the flag. */
export function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw asReadError(flag, path, error);
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return ` line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
