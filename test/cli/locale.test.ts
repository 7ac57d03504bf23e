import { afterEach, describe, expect, it } from "vitest";
import { run } from "../helpers/runCli.js";

// yargs words its own texts in the language LC_ALL, LC_MESSAGES, LANG or LANGUAGE name; the CLI fixes
// English, so help, usage errors and their restatement are the same whatever the user's locale.
const LOCALE_VARIABLES = ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] as const;
const saved = Object.fromEntries(LOCALE_VARIABLES.map((name) => [name, process.env[name]]));

function setLocale(locale: string): void {
  for (const name of LOCALE_VARIABLES) process.env[name] = locale;
}

afterEach(() => {
  for (const name of LOCALE_VARIABLES) {
    const value = saved[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("runCli(args) under another locale", () => {
  it.each([
    ["help", ["bound", "--help"]],
    ["an unknown flag", ["bound", "-N", "609", "-n", "109", "-k", "1", "--sidde", "upper"]],
    ["a flag without its value", ["bound", "-N", "609", "-n", "109", "-k"]],
    ["a value not among the choices", ["bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "lower"]],
    ["an unknown command", ["bund", "-N", "609"]],
    ["no command", []],
  ])("prints %s as under C, in English", async (_, args) => {
    setLocale("C");
    const english = await run(...args);
    for (const locale of ["de_DE.UTF-8", "fr_FR.UTF-8", "ja_JP.UTF-8"]) {
      setLocale(locale);
      expect(await run(...args), `${locale}: adequacy ${args.join(" ")}`).toEqual(english);
    }
  });
});
