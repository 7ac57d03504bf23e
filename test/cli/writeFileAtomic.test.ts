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
import { makeFolder, writeFileAtomic } from "../../src/cli/writeFileAtomic.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";

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

describe("writeFileAtomic(flag, path, data) and makeFolder(flag, path) where a file stands in the way", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "adequacy-write-"));
    file = join(dir, "f.txt");
    writeFileSync(file, "kept\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("names the flag, not the temporary file, when a file stands where a folder is needed", () => {
    const out = join(file, "t.svg");
    expect(() => writeFileAtomic("--out", out, "x")).toThrow(InputError);
    expect(() => writeFileAtomic("--out", out, "x")).toThrow(`--out ${messages.cannotWrite(out, "ENOTDIR")}`);
    expect(readFileSync(file, "utf8")).toBe("kept\n");
  });

  it("refuses a folder over a file, or under one, naming the flag", () => {
    expect(() => makeFolder("--out-dir", file)).toThrow(`--out-dir ${messages.cannotWrite(file, "EEXIST")}`);
    const below = join(file, "charts");
    expect(() => makeFolder("--out-dir", below)).toThrow(
      `--out-dir ${messages.cannotWrite(below, "ENOTDIR")}`,
    );
    expect(readFileSync(file, "utf8")).toBe("kept\n");
  });

  it("refuses to write over a folder", () => {
    expect(() => writeFileAtomic("--out", dir, "x")).toThrow(`--out ${messages.cannotWrite(dir, "EISDIR")}`);
    expect(readdirSync(dir)).toEqual(["f.txt"]);
  });
});
