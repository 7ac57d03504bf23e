import { describe, expect, it } from "vitest";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

describe("adequacy appraise", () => {
  it("--stratum ×3 of 2^53 − 1 exits 2 naming --stratum, with the exact sum (not a rounded double)", async () => {
    const stratum = `${Number.MAX_SAFE_INTEGER},100,2`;
    const r = await run("appraise", "--stratum", stratum, "--stratum", stratum, "--stratum", stratum);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `--stratum ${messages.combinedBeyondCount(3n * BigInt(Number.MAX_SAFE_INTEGER))}`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
