import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/cli/readScenarioFile.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";

describe("readScenarioFile(flag, path)", () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "adequacy-scenario-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a key given twice in JSON, which JSON.parse would silently take the last of", () => {
    const path = file("dup.json", '{"name": "a",\n "windows": [{"found": 0, "found": 1}]}');
    expect(() => readScenarioFile("--scenario", path)).toThrow(
      new InputError("--scenario", `${path} line 2, column 27: ${messages.keyGivenTwice("found")}`),
    );
  });

  it("refuses a key given twice in YAML, plain or quoted", () => {
    const plain = file("dup.yaml", "name: a\nspan: 2024\nname: b\n");
    expect(() => readScenarioFile("--scenario", plain)).toThrow(
      new InputError("--scenario", `${plain} line 3, column 1: ${messages.keyGivenTwice("name")}`),
    );
    const quoted = file("quoted.yml", "{'it''s': 1, 'it''s': 2}\n");
    expect(() => readScenarioFile("--scenario", quoted)).toThrow(messages.keyGivenTwice("it's"));
  });

  it("refuses a YAML alias bomb clearly instead of expanding it", () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const path = file("bomb.yaml", `${lines.join("\n")}\n`);
    expect(() => readScenarioFile("--scenario", path)).toThrow(
      new InputError("--scenario", messages.aliasBomb(path, 100)),
    );
  });

  it("still reads a file with a few aliases, and equal keys in different maps", () => {
    const path = file("ok.yaml", "a: &v [1, 2]\nb: *v\nc: {found: 1}\nd: {found: 2}\n");
    expect(readScenarioFile("--scenario", path)).toEqual({
      a: [1, 2],
      b: [1, 2],
      c: { found: 1 },
      d: { found: 2 },
    });
    expect(readScenarioFile("--scenario", file("ok.json", '{"c": {"found": 1}, "d": {"found": 2}}'))).toEqual(
      {
        c: { found: 1 },
        d: { found: 2 },
      },
    );
  });
});
