"""The former optimal completion, kept as a slow oracle for analysis.ahp.complete (cyclic coordinate descent).

Bozóki, Fülöp & Rónyai, "On optimal completion of incomplete pairwise
comparison matrices", Math. Comput. Modelling 52 (2010) 318-333: choose the
missing entries so that lambda_max is as small as possible, i.e. the completed
matrix is as consistent as the given judgments allow. With x = e^t, lambda_max
is convex in t, so cyclic coordinate descent over the missing pairs converges.
It starts from the logarithmic least squares completion, which is close. Thousands of eigenvalue
evaluations for a 10x10 matrix: the Newton method of analysis.ahp.completion replaced it.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar

from analysis.ahp.completion import _log_least_squares
from analysis.ahp.eigen import perron

CYCLE_TOLERANCE = 1e-10
MAX_CYCLES = 200


def complete_by_coordinate_descent(A: np.ndarray) -> np.ndarray:
    """One matrix's optimal completion, one missing pair at a time with a bounded scalar minimiser."""
    n = A.shape[0]
    log_weights = _log_least_squares(A)
    missing = [(i, j) for i in range(n) for j in range(i + 1, n) if np.isnan(A[i, j])]
    filled = A.copy()
    for i, j in missing:
        filled[i, j] = np.exp(log_weights[i] - log_weights[j])
        filled[j, i] = 1.0 / filled[i, j]
    bound = (n - 1) * np.log(9.0) + 1.0  # a chain of n-1 extreme judgments

    def lambda_max(t: float, i: int, j: int) -> float:
        filled[i, j], filled[j, i] = np.exp(t), np.exp(-t)
        return float(perron(filled)[0])

    for _ in range(MAX_CYCLES):
        largest_step = 0.0
        for i, j in missing:
            before = np.log(filled[i, j])
            current = lambda_max(before, i, j)
            result = minimize_scalar(lambda_max, bounds=(-bound, bound), args=(i, j), method="bounded",
                                     options={"xatol": 1e-12})
            # lambda_max is flat near its minimum: keep the old value unless the new one is really lower.
            best = result.x if result.fun < current - 1e-15 else before
            filled[i, j], filled[j, i] = np.exp(best), np.exp(-best)
            largest_step = max(largest_step, abs(best - before))
        if largest_step < CYCLE_TOLERANCE:
            break
    return filled
