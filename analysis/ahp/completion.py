"""Completing matrices with missing judgments ("don't know" answers).

Bozóki, Fülöp & Rónyai, "On optimal completion of incomplete pairwise
comparison matrices", Math. Comput. Modelling 52 (2010) 318-333: choose the
missing entries so that lambda_max is as small as possible, i.e. the completed
matrix is as consistent as the given judgments allow. With a_ij = e^t_ij,
lambda_max is a strictly convex function of the missing t when the judged
pairs link every element, so the optimum is unique.

We reach it with Newton's method on t, started from the logarithmic least
squares completion, with the exact gradient and Hessian of a simple
eigenvalue (w right and v left Perron vectors, v.w = 1, Z the group inverse
of lambda*I - A; Meyer & Stewart 1988):
    d lambda       = v' dA w
    d2 lambda      = 2 v' dA1 Z dA2 w (symmetrised) + v' d2A w.
A few steps reach machine precision where coordinate descent needed
thousands of eigenvalue evaluations.
"""
from __future__ import annotations

import numpy as np

from .eigen import perron
from .matrices import validate

#: Newton takes its last step when the largest step in log a_ij is below this: converging quadratically,
#: the error after it is of the order of its square, far below rounding.
FINAL_STEP = 1e-7
MAX_NEWTON_STEPS = 100


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


def unlinked_elements(A: np.ndarray) -> np.ndarray:
    """Indices of the elements that the judged pairs of one matrix never link to element 0 (empty: all linked).

    Optimal completion (and so weights and CR) exists only when every element is linked.
    """
    known = ~np.isnan(np.asarray(A, dtype=float))
    n = known.shape[-1]
    reached = np.zeros(n, dtype=bool)
    reached[0] = True
    while True:  # grow the set reached from element 0 one layer at a time: at most n layers
        grown = reached | known[reached].any(axis=0)
        if (grown == reached).all():
            break
        reached = grown
    return np.flatnonzero(~reached)


def _complete_one(A: np.ndarray) -> np.ndarray:
    n = A.shape[0]
    _require_connected(A)
    log_weights = _log_least_squares(A)
    rows, cols = np.nonzero(np.triu(np.isnan(A)))
    t = log_weights[rows] - log_weights[cols]
    filled = A.copy()
    diagonal = np.arange(n)
    _fill(filled, rows, cols, t)
    lam, gradient, hessian = _newton_terms(filled, rows, cols, diagonal)
    for _ in range(MAX_NEWTON_STEPS):
        step = _newton_step(gradient, hessian)
        if np.abs(step).max() < FINAL_STEP:  # quadratic convergence: this step lands within rounding
            t = t - step
            break
        # lambda_max is convex: halving a step until lambda_max does not rise keeps Newton from overshooting.
        for _ in range(60):
            _fill(filled, rows, cols, t - step)
            trial = _newton_terms(filled, rows, cols, diagonal)
            if trial[0] <= lam + 1e-14 * lam:
                break
            step = step / 2
        t = t - step
        lam, gradient, hessian = trial
    _fill(filled, rows, cols, t)
    return filled


def _fill(filled: np.ndarray, rows: np.ndarray, cols: np.ndarray, t: np.ndarray) -> None:
    filled[rows, cols] = np.exp(t)
    filled[cols, rows] = np.exp(-t)


def _newton_terms(A: np.ndarray, rows: np.ndarray, cols: np.ndarray, diagonal: np.ndarray):
    """lambda_max and its gradient and Hessian in t_p = log a_ij over the missing pairs p = (i, j)."""
    both = perron(np.stack([A, A.T]))
    lam, w, v = float(both[0][0]), both[1][0], both[1][1]
    v = v / (v @ w)
    upper, lower = A[rows, cols], A[cols, rows]
    m = rows.size
    # Columns of dA_p w and rows of v' dA_p, with dA_p = a_ij E_ij - a_ji E_ji.
    dA_w = np.zeros((A.shape[0], m))
    dA_w[rows, np.arange(m)] = upper * w[cols]
    dA_w[cols, np.arange(m)] -= lower * w[rows]
    v_dA = np.zeros((m, A.shape[0]))
    v_dA[np.arange(m), cols] = upper * v[rows]
    v_dA[np.arange(m), rows] -= lower * v[cols]
    gradient = upper * v[rows] * w[cols] - lower * v[cols] * w[rows]
    shifted = -A
    shifted[diagonal, diagonal] += lam
    shifted += np.outer(w, v)  # lambda*I - A + w v' is invertible; its inverse minus w v' is Z
    z_dA_w = np.linalg.solve(shifted, dA_w) - np.outer(w, v @ dA_w)
    cross = v_dA @ z_dA_w
    hessian = cross + cross.T
    hessian[np.arange(m), np.arange(m)] += upper * v[rows] * w[cols] + lower * v[cols] * w[rows]
    return lam, gradient, hessian


def _newton_step(gradient: np.ndarray, hessian: np.ndarray) -> np.ndarray:
    """H^-1 g, falling back to a steepest-descent step where H is not positive definite (far from the optimum)."""
    try:
        factor = np.linalg.cholesky(hessian)
    except np.linalg.LinAlgError:
        return gradient / max(np.abs(np.diag(hessian)).max(), 1e-12)
    return np.linalg.solve(factor.T, np.linalg.solve(factor, gradient))


def _log_least_squares(A: np.ndarray) -> np.ndarray:
    """log w minimising the squared log errors over the judged pairs (which must link all elements)."""
    n = A.shape[0]
    known = ~np.isnan(A)
    np.fill_diagonal(known, False)
    laplacian = np.diag(known.sum(axis=1)).astype(float) - known
    rhs = np.where(known, np.log(np.where(known, A, 1.0)), 0.0).sum(axis=1)
    # Fix the free additive constant by solving the system with the mean of log w pinned at 0.
    laplacian += 1.0 / n
    return np.linalg.solve(laplacian, rhs)


def _require_connected(A: np.ndarray) -> None:
    unreached = unlinked_elements(A)
    if unreached.size:
        raise ValueError(
            f"the judgments given never compare element {unreached[0]} with element 0, directly or through "
            "other elements; at least n-1 judgments linking every element are needed"
        )
