/**
 * yargs renders the whole help text after every command it runs and caches it, to print it should the
 * command fail later (`showHelpOnFail`). This CLI never prints help on failure (its `.fail` handler
 * throws, and errors are reported without help), so the render is wasted work: for `assess`, with its
 * many options, it measured 11 ms of a 115 ms run. Help that is asked for is rendered as before. The
 * hook is yargs-internal: if a yargs release moves it, this does nothing and only speed is lost (a test
 * pins that it still applies). `npm run bench` (bench/startup.mjs) times the CLI with and without it.
 */
export function skipHelpCache(parser: object): boolean {
  const internals = (parser as { getInternalMethods?: () => { getUsageInstance?: () => unknown } })
    .getInternalMethods;
  const usage = typeof internals === "function" ? internals.call(parser).getUsageInstance?.() : undefined;
  if (usage === null || typeof usage !== "object" || !("cacheHelpMessage" in usage)) return false;
  (usage as { cacheHelpMessage: () => void }).cacheHelpMessage = () => {};
  return true;
}
