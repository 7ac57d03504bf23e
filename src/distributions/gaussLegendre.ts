/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1], found by Newton's method on the
 * Legendre polynomial from the Chebyshev starting values (Press et al. 2007, §4.6, `gauleg`). Computed
 * once per rule size; exact for polynomials of degree 2n − 1.
 *
 * Reference: W. H. Press et al. (2007), Numerical Recipes, 3rd ed., §4.6.
 *
 * @param n - number of nodes (≥ 1)
 * @returns the nodes in increasing order and their weights
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      derivative = (n * (z * p1 - p2)) / (z * z - 1);
      const previous = z;
      z = previous - p1 / derivative;
      if (Math.abs(z - previous) < 1e-16) break;
    }
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    const weight = 2 / ((1 - z * z) * derivative * derivative);
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  return { nodes, weights };
}
