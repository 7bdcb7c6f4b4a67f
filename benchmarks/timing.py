"""Shared timing helpers: the best of several runs, and the quick mode every benchmark has.

Quick mode (``NERACA_BENCH_QUICK=1`` or ``--quick``): tiny sizes and one run of each timing, so that
tests/test_benchmarks_run.py can check every benchmark still runs and prints its figures. Its
figures then measure nothing and its targets do not apply.
"""
from __future__ import annotations

import os
import sys
import time

QUICK = os.environ.get("NERACA_BENCH_QUICK") == "1" or "--quick" in sys.argv[1:]


def sized(full, quick):
    """A benchmark's size: ``full``, or ``quick`` in quick mode."""
    return quick if QUICK else full


def best_of(repeats, function):
    """(shortest wall time in seconds, result of the last run); one run in quick mode."""
    times = []
    for _ in range(sized(repeats, 1)):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def quick_note() -> None:
    """The first line of a quick run, so its figures are not read as measurements."""
    if QUICK:
        print("quick mode: tiny sizes, one run each; the figures below check that this runs, they measure nothing")
