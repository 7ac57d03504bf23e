import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { VERSION } from "../src/version.js";

const root = join(import.meta.dirname, "..");

it("VERSION matches package.json", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  expect(VERSION).toBe(pkg.version);
});

it("CITATION.cff has the fields Citation File Format 1.2.0 requires, and the package's version and licence", () => {
  const cff = parse(readFileSync(join(root, "CITATION.cff"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  expect(cff["cff-version"]).toBe("1.2.0");
  expect(typeof cff.message).toBe("string");
  expect(typeof cff.title).toBe("string");
  expect(cff.authors.length).toBeGreaterThan(0);
  expect(cff.version).toBe(pkg.version);
  expect(cff.license).toBe(pkg.license);
});
