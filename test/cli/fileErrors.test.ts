import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asReadError, asWriteError } from "../../src/cli/fileErrors.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

describe("asReadError(flag, path, error) and asWriteError(flag, path, error)", () => {
  it("turn an operating-system error into a message naming the flag and the path", () => {
    const error = Object.assign(new Error("ENXIO: no such device or address"), {
      code: "ENXIO",
      syscall: "open",
    });
    expect(asReadError("--cases", "/dev/stdin", error)).toEqual(
      new InputError("--cases", 'cannot read "/dev/stdin": it is not a regular file (ENXIO)'),
    );
    expect(asWriteError("--out", "x/y.svg", { ...error, code: "ENOTDIR" })).toEqual(
      new InputError("--out", 'cannot write "x/y.svg": a file stands where a folder is needed'),
    );
  });

  it("leave any other error as it is", () => {
    const bug = new TypeError("x is undefined");
    expect(asReadError("--cases", "a.csv", bug)).toBe(bug);
    const parse = Object.assign(new Error("Invalid Closing Quote"), { code: "CSV_INVALID_CLOSING_QUOTE" });
    expect(asWriteError("--out", "a.csv", parse)).toBe(parse);
  });
});

describe("files that cannot be read or written: exit 2 naming the flag", () => {
  let dir: string;
  let socket: string;
  let server: Server;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "adequacy-files-"));
    writeFileSync(join(dir, "f.txt"), "a file\n");
    socket = join(dir, "stdin.sock");
    server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("a case file that is a socket (standard input from a socket)", async () => {
    for (const command of ["appraise", "assess", "select"]) {
      const flag = "--case-file";
      const args = [command, flag, socket, ...(command === "select" ? ["--size", "1"] : [])];
      const { code, stderr } = await run(...args);
      expect({ args, code, stderr }).toEqual({
        args,
        code: 2,
        stderr: `adequacy: ${flag} ${messages.cannotRead(socket, "ENXIO")}\n`,
      });
    }
  });

  it("a scenario that is a socket", async () => {
    const { code, stderr } = await run("assess", "--scenario", socket);
    expect(code).toBe(2);
    expect(stderr).toBe(`adequacy: --scenario ${messages.cannotRead(socket, "ENXIO")}\n`);
  });

  it("chart and report outputs under a file", async () => {
    const file = join(dir, "f.txt");
    const cases: [string[], string][] = [
      [["chart", "timeline", "--example", "hmcts-sscs", "--out", join(file, "t.svg")], "--out"],
      [["chart", "all", "--example", "hmcts-sscs", "--out-dir", file], "--out-dir"],
      [["report", "--example", "hmcts-sscs", "--out", join(dir, "f.md")], "--out"],
    ];
    writeFileSync(join(dir, "f.charts"), "a file\n");
    for (const [args, flag] of cases) {
      const { code, stderr } = await run(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(
        new RegExp(`^adequacy: ${flag} cannot write ".*": a file stands where a folder is needed\\n$`),
      );
    }
  });
});
