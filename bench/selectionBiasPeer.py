#!/usr/bin/env python3
"""Peer timings for bench/selectionBias.mjs: one-sided upper count bounds under selection bias with scipy's
nchypergeom_wallenius / nchypergeom_fisher (odds 1/bias), by bisection over K on their CDFs."""
import json
import sys
import time

import numpy as np
from scipy import stats


def upper(c):
    dist = stats.nchypergeom_wallenius if c["biasModel"] == "wallenius" else stats.nchypergeom_fisher
    k, n, N, odds, alpha = c["found"], c["sample"], int(c["population"]), 1 / c["bias"], 0.05
    lo, hi = k, N - n + k + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if dist.cdf(k, N, mid, n, odds) > alpha:
            lo = mid
        else:
            hi = mid
    return lo


def main():
    out = []
    for c in json.load(sys.stdin):
        result = upper(c)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            upper(c)
            times.append((time.perf_counter() - t) * 1000)
        out.append({"ms": float(np.median(times)), "upper": result})
    json.dump(out, sys.stdout)


main()
