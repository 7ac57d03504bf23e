import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { skipHelpCache } from "../../src/cli/skipHelpCache.js";
import { run } from "../helpers/runCli.js";

type Usage = { hasCachedHelpMessage(): boolean };
const usageOf = (parser: object) =>
  (parser as { getInternalMethods(): { getUsageInstance(): Usage } }).getInternalMethods().getUsageInstance();

function parserWithCommand() {
  return yargs(["go"])
    .command("go", "a command", {}, () => {})
    .exitProcess(false);
}

describe("skipHelpCache(parser)", () => {
  it("still finds yargs' help cache: without it a command leaves help cached, with it none", async () => {
    const plain = parserWithCommand();
    await plain.parseAsync();
    expect(usageOf(plain).hasCachedHelpMessage()).toBe(true);

    const skipped = parserWithCommand();
    expect(skipHelpCache(skipped)).toBe(true);
    await skipped.parseAsync();
    expect(usageOf(skipped).hasCachedHelpMessage()).toBe(false);
  });

  it("does nothing to an object without yargs' internals", () => {
    expect(skipHelpCache({})).toBe(false);
    expect(skipHelpCache({ getInternalMethods: () => ({}) })).toBe(false);
  });

  it("leaves help that is asked for intact", async () => {
    const r = await run("bound", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--population");
    expect(r.stdout).toContain("adequacy bound -N 609 -n 109 -k 1 --sided upper");
  });
});
