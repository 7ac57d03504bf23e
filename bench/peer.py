#!/usr/bin/env python3
"""Peer timings for bench/run.mjs: the same work done with scipy, printed as JSON.

countInterval peers: a bisection over scipy.stats.hypergeom.cdf (the natural scipy approach), and a scan
of every K (how jfa computes hypergeometric bounds), run where it finishes in seconds.
"""
import json
import sys
import time

import numpy as np
from scipy import stats


def median_ms(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return float(np.median(times))


def bisect_upper(k, n, N, alpha):
    lo, hi = k, N - n + k + 1  # P(lo) > alpha; hi is past the end
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if stats.hypergeom.cdf(k, N, mid, n) > alpha:
            lo = mid
        else:
            hi = mid
    return lo


def bisect_lower(k, n, N, alpha):
    if k == 0:
        return 0
    lo, hi = k - 1, N - n + k
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if stats.hypergeom.sf(k - 1, N, mid, n) > alpha:
            hi = mid
        else:
            lo = mid
    return hi


def scan(k, n, N, alpha):
    K = np.arange(k, N - n + k + 1)
    upper = K[stats.hypergeom.cdf(k, N, K, n) > alpha].max()
    lower = K[stats.hypergeom.sf(k - 1, N, K, n) > alpha].min() if k > 0 else 0
    return int(lower), int(upper)


def sample_size_hyper(N, t, conf):
    K = int(np.ceil(t * N))
    a = 1 - conf
    lo, hi = 0, N
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if stats.hypergeom.cdf(0, N, K, mid) <= a:
            hi = mid
        else:
            lo = mid
    return hi


def main():
    spec = json.load(sys.stdin)
    out = {"countInterval": [], "sampleSize": []}
    for case in spec["countInterval"]:
        k, n, N, a = case["found"], case["sample"], case["population"], case["alpha"]
        row = {"bisection_ms": median_ms(lambda: (bisect_lower(k, n, N, a), bisect_upper(k, n, N, a)), 5),
               "bisection": [bisect_lower(k, n, N, a), bisect_upper(k, n, N, a)]}
        if N <= case.get("scanUpTo", 0):
            row["scan_ms"] = median_ms(lambda: scan(k, n, N, a), 1)
            row["scan"] = list(scan(k, n, N, a))
        out["countInterval"].append(row)
    for case in spec["sampleSize"]:
        N, t, c = case["population"], case["tolerable"], case["confidence"]
        out["sampleSize"].append({"bisection_ms": median_ms(lambda: sample_size_hyper(N, t, c), 5),
                                  "sampleSize": sample_size_hyper(N, t, c)})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
