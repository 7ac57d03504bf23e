import fc from "fast-check";

/**
 * A population of `population.min` to `population.max` cases and a sample of 1 up to the smaller of the
 * population and `maxSample`, drawn as a uniform fraction of that range and rounded.
 */
export function populationAndSample(
  population: { min: number; max: number },
  maxSample: number,
): fc.Arbitrary<{ population: number; sample: number }> {
  return fc
    .record({ population: fc.integer(population), a: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ population, a }) => ({
      population,
      sample: Math.max(1, Math.round(a * Math.min(population, maxSample))),
    }));
}
