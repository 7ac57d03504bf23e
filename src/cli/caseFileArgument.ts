import type { ArgumentsCamelCase } from "yargs";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { isNumeral } from "../validation/parseNumber.js";
import { single } from "./flags.js";

/**
 * The case file of `appraise` and `select`: `--case-file FILE`, or, as before, `--cases FILE`, which still
 * works and asks for a note (`noted`) saying to write `--case-file`, as in assess, where `--cases` is a count.
 * Both together are refused, and so is `--cases N` with a number, which these commands do not take. (Kept
 * apart from caseFile.ts, which loads the readers, so that a command's options stay cheap to load.)
 */
export function caseFileArgument(
  argv: ArgumentsCamelCase,
  command: "appraise" | "select",
): { readonly flag: "--case-file" | "--cases"; readonly path: string; readonly noted: boolean } | undefined {
  const file = single("--case-file", argv.caseFile);
  const cases = single("--cases", argv.cases);
  if (file !== undefined && cases !== undefined)
    throw new InputError("--case-file", messages.exclusive("--cases"));
  if (file !== undefined) return { flag: "--case-file", path: file, noted: false };
  if (cases === undefined) return undefined;
  if (isNumeral(cases)) throw new InputError("--cases", messages.casesCountHere(command, cases.trim()));
  return { flag: "--cases", path: cases, noted: true };
}
