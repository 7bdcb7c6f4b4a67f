"""Completing matrices with missing judgments ("don't know" answers).

Bozóki, Fülöp & Rónyai, "On optimal completion of incomplete pairwise
comparison matrices", Math. Comput. Modelling 52 (2010) 318-333: choose the
missing entries so that lambda_max is as small as possible, i.e. the completed
matrix is as consistent as the given judgments allow. With x = e^t, lambda_max
is convex in t, so cyclic coordinate descent over the missing pairs converges.
It starts from the logarithmic least squares completion, which is close.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar

from .eigen import perron
from .matrices import validate

CYCLE_TOLERANCE = 1e-10
MAX_CYCLES = 200


def complete(A: np.ndarray) -> np.ndarray:
    """Fill the nan judgments of a matrix or stack so that each lambda_max is minimal."""
    A = validate(A)
    if not np.isnan(A).any():
        return A.copy()
    n = A.shape[-1]
    completed = A.reshape(-1, n, n).copy()
    for k in range(completed.shape[0]):
        if np.isnan(completed[k]).any():
            completed[k] = _complete_one(completed[k])
    return completed.reshape(A.shape)


def _complete_one(A: np.ndarray) -> np.ndarray:
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


def _log_least_squares(A: np.ndarray) -> np.ndarray:
    """log w minimising the squared log errors over the judged pairs; the judged pairs must connect all elements."""
    n = A.shape[0]
    known = ~np.isnan(A)
    np.fill_diagonal(known, False)
    _require_connected(known)
    laplacian = np.diag(known.sum(axis=1)).astype(float) - known
    rhs = np.where(known, np.log(np.where(known, A, 1.0)), 0.0).sum(axis=1)
    # Fix the free additive constant by solving the system with the mean of log w pinned at 0.
    laplacian += 1.0 / n
    return np.linalg.solve(laplacian, rhs)


def _require_connected(known: np.ndarray) -> None:
    n = known.shape[0]
    reached, frontier = {0}, [0]
    while frontier:
        i = frontier.pop()
        for j in np.flatnonzero(known[i]):
            if j not in reached:
                reached.add(int(j))
                frontier.append(int(j))
    if len(reached) < n:
        unreached = min(set(range(n)) - reached)
        raise ValueError(
            f"the judgments given never compare element {unreached} with element 0, directly or through "
            "other elements; at least n-1 judgments linking every element are needed"
        )
