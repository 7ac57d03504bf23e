/**
 * ⌈x⌉ for an expected count such as n × rate, tolerant of binary rounding: 400 × 0.035 is
 * 14.000000000000002 in floating point, and the published tables (AICPA Appendix A) treat it as 14.
 * Values within 1e-9 (relative) above an integer are taken as that integer.
 */
export function ceilCount(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}
