import {
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/cli/writeFileAtomic.js";
import { InputError } from "../../src/validation/InputError.js";

describe("writeFileAtomic(flag, path, data, inputs)", () => {
  let dir: string;
  let input: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "adequacy-write-"));
    input = join(dir, "cases.csv");
    writeFileSync(input, "id\n1\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refuses = (path: string) => {
    expect(() => writeFileAtomic("--out", path, "x", [input])).toThrow(InputError);
    expect(() => writeFileAtomic("--out", path, "x", [input])).toThrow(
      `--out would write over the input file "${path}"; choose another name`,
    );
    expect(readFileSync(input, "utf8")).toBe("id\n1\n");
  };

  it("refuses the input's own path, written another way", () => {
    refuses(input);
    refuses(relative(process.cwd(), input));
    refuses(join(dir, ".", "cases.csv"));
  });

  it("refuses a symbolic or hard link to the input", () => {
    const soft = join(dir, "soft.csv");
    const hard = join(dir, "hard.csv");
    symlinkSync(input, soft);
    linkSync(input, hard);
    refuses(soft);
    refuses(hard);
  });

  it("writes a new file whole and leaves no temporary file behind", () => {
    const out = join(dir, "out.csv");
    writeFileAtomic("--out", out, "order,id\n1,7\n", [input]);
    expect(readFileSync(out, "utf8")).toBe("order,id\n1,7\n");
    expect(readdirSync(dir).sort()).toEqual(["cases.csv", "out.csv"]);
  });

  it("names the flag when the folder does not exist", () => {
    const out = join(dir, "missing", "out.csv");
    expect(() => writeFileAtomic("--out", out, "x")).toThrow(`--out cannot write "${out}": no such folder`);
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });
});
