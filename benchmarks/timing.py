"""Shared timing helper: the best of several runs is the least noisy figure on a busy machine."""
from __future__ import annotations

import time


def best_of(repeats, function):
    """(shortest wall time in seconds, result of the last run)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result
