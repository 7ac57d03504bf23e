import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../helpers/runCli.js";

const root = mkdtempSync(join(tmpdir(), "adequacy-bundle-"));
let count = 0;
const fresh = () => join(root, `b${++count}`);

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Re-hashes every file into the manifest and SHA256SUMS, as someone hiding a change would. */
function rehash(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  for (const file of manifest.files) {
    file.sha256 = sha(join(dir, file.path));
    file.bytes = readFileSync(join(dir, file.path)).length;
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
}

function caseFile(): string {
  const path = join(root, `cases-${++count}.csv`);
  const rows = Array.from({ length: 240 }, (_, i) => `c${i + 1},2023-0${(i % 9) + 1}-1${i % 9},1,0,0`);
  writeFileSync(path, `id,date,flagged,reviewed,impact\n${rows.join("\n")}\n`);
  return path;
}

describe("assess --bundle and adequacy verify", () => {
  it("writes inputs, command, outputs, result and a manifest that sha256sum -c accepts", async () => {
    const dir = fresh();
    const r = await run("assess", "--example", "hmcts-sscs", "--bundle", dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote the audit bundle ${dir}`);
    const command = JSON.parse(readFileSync(join(dir, "command.json"), "utf8"));
    expect(command.args).toEqual(["assess", "--example", "hmcts-sscs"]);
    expect(command.version).toMatch(/^\d+\.\d+\.\d+/);
    // The bundle's result is the command's own JSON output, and its printed output the user's.
    const json = await run("assess", "--example", "hmcts-sscs", "--format", "json");
    expect(readFileSync(join(dir, "result.json"), "utf8")).toBe(json.stdout);
    expect(readFileSync(join(dir, "outputs", "stdout.txt"), "utf8")).toBe(r.stdout);
    // Checked by coreutils, not by our code.
    const check = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split("\n")).toHaveLength(3);
    const v = await run("verify", dir);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain("Verdict: every file intact and every output reproduced.");
  });

  it("detects a changed number even when the manifest is re-hashed to hide it (exit 1)", async () => {
    const dir = fresh();
    await run("assess", "--example", "hmcts-sscs", "--bundle", dir);
    const path = join(dir, "result.json");
    const result = JSON.parse(readFileSync(path, "utf8"));
    const upper = result.window.affected.upper as number;
    result.window.affected.upper = upper - 1;
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    const tampered = await run("verify", dir);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("result.json: changed since the bundle was written");
    rehash(dir);
    const hidden = await run("verify", dir);
    expect(hidden.code).toBe(1);
    expect(hidden.stdout).toContain(
      `window.affected.upper: the bundle has ${upper - 1}, recomputed ${upper}`,
    );
    expect(hidden.stderr).toContain("did not verify");
  });

  it("detects an added file and a changed printed output", async () => {
    const dir = fresh();
    await run("assess", "--example", "hmcts-sscs", "--bundle", dir);
    writeFileSync(join(dir, "outputs", "extra.txt"), "x");
    const added = await run("verify", dir);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain("outputs/extra.txt: not in the manifest");
    const other = fresh();
    await run("assess", "--example", "hmcts-sscs", "--bundle", other);
    const stdout = join(other, "outputs", "stdout.txt");
    writeFileSync(stdout, readFileSync(stdout, "utf8").replace("1,886 days", "1,885 days"));
    rehash(other);
    const changed = await run("verify", other);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(
      /outputs\/stdout\.txt: differs\n {4}line \d+: the bundle has .*1,885 days/,
    );
  });

  it("verify --format json gives the verification record", async () => {
    const dir = fresh();
    await run("assess", "--example", "hmcts-sscs", "--bundle", dir, "--confidence", "0.9");
    const v = await run("verify", dir, "--format", "json");
    expect(v.code).toBe(0);
    const record = JSON.parse(v.stdout);
    expect(record.verified).toBe(true);
    expect(record.command).toBe("adequacy assess --example hmcts-sscs --confidence 0.9");
    expect(record.outputs.find((o: { path: string }) => o.path === "result.json").figures).toBeGreaterThan(
      100,
    );
  });
});

describe("report --bundle", () => {
  it("keeps the Markdown report and its charts, and they reproduce byte for byte", async () => {
    const dir = fresh();
    const out = join(root, "r.md");
    const r = await run("report", "--example", "hmcts-sscs", "--out", out, "--bundle", dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "outputs", "r.md"))).toBe(true);
    expect(existsSync(join(dir, "outputs", "r.charts", "timeline.svg"))).toBe(true);
    const v = await run("verify", dir);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain("outputs/r.charts/timeline.svg: reproduced");
  });
});

describe("select --bundle", () => {
  it("leaves the case file out unless asked, and verify takes it back by its SHA-256", async () => {
    const cases = caseFile();
    const dir = fresh();
    const r = await run("select", "--cases", cases, "--size", "10", "--seed", "7", "--bundle", dir);
    expect(r.code, r.stderr).toBe(0);
    const command = JSON.parse(readFileSync(join(dir, "command.json"), "utf8"));
    expect(command.inputs).toEqual([
      expect.objectContaining({ flag: "--cases", included: false, sha256: sha(cases) }),
    ]);
    expect(existsSync(join(dir, "inputs", command.inputs[0].bundled.slice("inputs/".length)))).toBe(false);
    const without = await run("verify", dir);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(`--input is needed: the bundle left out the case file "${cases}"`);
    const withIt = await run("verify", dir, "--input", cases);
    expect(withIt.code, withIt.stdout).toBe(0);
    const kept = fresh();
    await run("select", "--cases", cases, "--size", "10", "--seed", "7", "--bundle", kept, "--bundle-cases");
    expect((await run("verify", kept)).code).toBe(0);
  });

  it("records a generated seed, so the selection replays", async () => {
    const dir = fresh();
    const r = await run("select", "--frame", "1000", "--size", "10", "--bundle", dir);
    expect(r.code).toBe(0);
    const seed = /seed (\d+) \(generated/.exec(r.stderr)?.[1];
    expect(seed).toMatch(/^\d{24}$/);
    expect(r.stdout).toContain(`# seed: ${seed}\n`);
    const command = JSON.parse(readFileSync(join(dir, "command.json"), "utf8"));
    expect(command.args.slice(-2)).toEqual(["--seed", seed]);
    expect((await run("verify", dir)).code).toBe(0);
  });
});

describe("bundles refuse what they cannot record or replay (exit 2)", () => {
  it("never writes into a folder that is not empty", async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, "keep.txt"), "mine");
    const r = await run("assess", "--example", "hmcts-sscs", "--bundle", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--bundle cannot be "${dir}": it exists and is not empty`);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("mine");
  });

  it("refuses standard input, which it cannot keep", async () => {
    const r = await run("assess", "--scenario", "-", "--bundle", fresh());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot record standard input (--scenario -)");
  });

  it("does not replay a command that would write outside the bundle", async () => {
    const dir = fresh();
    await run("assess", "--example", "hmcts-sscs", "--bundle", dir);
    const path = join(dir, "command.json");
    const record = JSON.parse(readFileSync(path, "utf8"));
    record.args = ["report", "--example", "hmcts-sscs", "--out", "../escaped.md"];
    writeFileSync(path, JSON.stringify(record));
    rehash(dir);
    const v = await run("verify", dir);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain("is not replayed: its command names --out ../escaped.md");
    expect(existsSync(join(root, "escaped.md"))).toBe(false);
  });

  it("names the folder given when it holds no bundle", async () => {
    const missing = await run("verify", join(root, "nowhere"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `bundle "${join(root, "nowhere")}" is not a folder holding an audit bundle`,
    );
    const empty = fresh();
    mkdirSync(empty);
    const r = await run("verify", empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not an audit bundle that adequacy can read");
  });
});
