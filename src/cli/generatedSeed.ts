import type { GeneratorId } from "../planning/random/generatorIds.js";
import { formatFixed } from "../text/format.js";

/**
 * A seed for a selection made without one: 24 random decimal digits for sha256 (as Rivest recommends,
 * from the operating system's generator instead of dice), a whole 32-bit number otherwise, with two
 * decimals for rat-stats as RAT-STATS' own seeds have.
 */
export async function generatedSeed(generator: GeneratorId): Promise<string> {
  const { randomInt } = await import("node:crypto");
  if (generator === "sha256") return Array.from({ length: 24 }, () => randomInt(0, 10)).join("");
  if (generator === "rat-stats") return formatFixed(randomInt(0, 10_000_000) / 100, 2);
  return String(randomInt(0, 2 ** 32));
}
