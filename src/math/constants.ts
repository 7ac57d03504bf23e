/** ln(2π), the nearest double. */
export const LN_2PI = 1.8378770664093456;

/** ln(√(2π)), the nearest double. */
export const LN_SQRT_2PI = 0.9189385332046728;
