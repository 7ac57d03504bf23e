/** The random number generators a selection can use; `sha256` is the default for new selections. */
export const GENERATORS = ["sha256", "rat-stats", "xoroshiro", "xoroshiro-unmixed"] as const;
export type GeneratorId = (typeof GENERATORS)[number];
export const DEFAULT_GENERATOR: GeneratorId = "sha256";
