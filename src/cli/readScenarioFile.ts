import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseDocument } from "yaml";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { asReadError } from "./fileErrors.js";

/** Reads a scenario from JSON or YAML; a syntax error names the file, line and column. */
export function readScenarioFile(flag: string, path: string): unknown {
  const text = readText(flag, path);
  const extension = extname(path).toLowerCase();
  if (extension === ".json") {
    try {
      JSON.parse(text);
    } catch (error) {
      // Node's JSON errors give no line; YAML, a superset of JSON, stops at the same place and says where.
      const located = parseDocument(text, { uniqueKeys: true }).errors[0]?.linePos?.[0];
      const position = /position (\d+)/.exec((error as Error).message);
      const where = located
        ? messages.lineColumn(located.line, located.col)
        : position
          ? lineAndColumn(text, Number(position[1]))
          : "";
      const reason = ((error as Error).message.split("\n")[0] ?? "").replace(
        / in JSON at position \d+.*$/,
        "",
      );
      throw new InputError(flag, messages.notValidJson(path, where, reason));
    }
    // JSON.parse keeps the last of two equal keys without a word; YAML (a superset) finds them.
    refuseDuplicateKeys(flag, path, text, parseDocument(text, { uniqueKeys: true }).errors);
    return JSON.parse(text);
  }
  if (extension !== ".yaml" && extension !== ".yml") {
    throw new InputError(flag, messages.scenarioFileExtension(path));
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  refuseDuplicateKeys(flag, path, text, doc.errors);
  const problem = doc.errors[0];
  if (problem) {
    const at = problem.linePos?.[0];
    const where = at ? messages.lineColumn(at.line, at.col) : "";
    const reason = (problem.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new InputError(flag, messages.notValidYaml(path, where, reason));
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml refuses aliases that expand without bound (a "billion laughs" file) with a ReferenceError.
    if (error instanceof ReferenceError)
      throw new InputError(flag, messages.aliasBomb(path, MAX_ALIAS_COUNT));
    throw error;
  }
}

/** yaml's own default: a scenario has no use for more alias expansions than this. */
const MAX_ALIAS_COUNT = 100;

/** One rule for repeated values: a key given twice in a scenario file is an error naming it and its line. */
function refuseDuplicateKeys(
  flag: string,
  path: string,
  text: string,
  errors: readonly {
    code: string;
    pos: [number, number];
    linePos?: [{ line: number; col: number }, ...unknown[]];
  }[],
): void {
  const duplicate = errors.find((error) => error.code === "DUPLICATE_KEY");
  if (!duplicate) return;
  const at = duplicate.linePos?.[0];
  const where = at ? ` line ${at.line}, column ${at.col}` : "";
  throw new InputError(flag, `${path}${where}: ${messages.keyGivenTwice(keyAt(text, duplicate.pos[0]))}`);
}

/** The key written at `offset`: a quoted JSON or YAML string, or plain text up to the colon. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const quoted = /^"(?:[^"\\\n]|\\.)*"/.exec(rest)?.[0];
  if (quoted) {
    try {
      return String(JSON.parse(quoted));
    } catch {
      return quoted.slice(1, -1);
    }
  }
  const single = /^'((?:[^'\n]|'')*)'/.exec(rest);
  if (single) return (single[1] as string).replaceAll("''", "'");
  return (/^[^:\n]*/.exec(rest)?.[0] ?? "").trim();
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
  return messages.lineColumn(before.length, (before.at(-1)?.length ?? 0) + 1);
}
