/**
 * The element at `index` of an array or typed array whose elements are all defined, for a read the
 * surrounding code keeps in range (a loop bound, an index computed from the same array's length).
 * Under `noUncheckedIndexedAccess` such a read types as `T | undefined`; this states "in range" once and
 * checks it, instead of a cast that would let a wrong index turn into `undefined`, then `NaN`, in silence.
 * Out of range is a fault in this library, never bad input, so it throws a plain Error.
 *
 * Not for hot loops over typed arrays: its one load site sees every caller's kind of array, so V8 cannot
 * specialise it, and a function too large to inline it into pays a call per read (the SHA-256 compression
 * ran three times slower with it). There, a cast with a comment giving the loop's bound stays.
 *
 * @param values - an array or typed array with no holes and no `undefined` elements
 * @param index - a whole number in [0, values.length)
 * @returns `values[index]`
 * @throws Error when `values[index]` is undefined (an index out of range)
 *
 * @example
 * ```ts
 * at(new Float64Array([0.25, 0.5]), 1); // 0.5
 * ```
 */
export function at<T>(values: ArrayLike<T>, index: number): T {
  const value = values[index];
  if (value === undefined) throw new Error(`at: index ${index} outside an array of length ${values.length}`);
  return value;
}
