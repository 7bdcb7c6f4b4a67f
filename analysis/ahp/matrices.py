"""Pairwise comparison matrices: building them from judgments and checking them.

A matrix A has a_ij = how many times element i is as important as element j;
it is reciprocal (a_ji = 1/a_ij, a_ii = 1). ``nan`` marks a pair nobody judged
(an incomplete matrix), always on both sides of the diagonal.
"""
from __future__ import annotations

from typing import Hashable, Mapping, Sequence

import numpy as np

from .scale import SAATY_SCALE

#: Relative tolerance for a_ij * a_ji == 1 (judgments stored as floats, e.g. 1/3).
RECIPROCAL_RTOL = 1e-9


def matrix(elements: Sequence[Hashable], judgments: Mapping[tuple[Hashable, Hashable], float]) -> np.ndarray:
    """Reciprocal matrix from ``{(a, b): v}`` (a is v times as important as b); unjudged pairs are nan."""
    index = {element: position for position, element in enumerate(elements)}
    if len(index) != len(elements):
        raise ValueError("each element may appear only once in a cluster")
    n = len(elements)
    A = np.full((n, n), np.nan)
    np.fill_diagonal(A, 1.0)
    for (a, b), value in judgments.items():
        for element in (a, b):
            if element not in index:
                raise ValueError(f"judgment ({a!r}, {b!r}) names {element!r}, which is not in this cluster")
        i, j = index[a], index[b]
        if i == j:
            raise ValueError(f"judgment ({a!r}, {b!r}) compares an element with itself")
        value = float(value)
        if not np.isfinite(value) or value <= 0:
            raise ValueError(f"judgment ({a!r}, {b!r}) = {value!r}: judgments must be positive numbers")
        if not np.isnan(A[i, j]) and not np.isclose(A[i, j], value, rtol=RECIPROCAL_RTOL):
            raise ValueError(f"pair ({a!r}, {b!r}) is judged twice with different values")
        A[i, j], A[j, i] = value, 1.0 / value
    return A


def validate(A: np.ndarray, *, allow_missing: bool = True, scale: np.ndarray | None = None) -> np.ndarray:
    """Check a matrix or a stack ``(..., n, n)``: square, positive, reciprocal; return it as float.

    With ``scale`` every judgment must be one of its values (e.g. SAATY_SCALE).
    """
    A = np.asarray(A, dtype=float)
    if A.ndim < 2 or A.shape[-1] != A.shape[-2]:
        raise ValueError(f"a pairwise comparison matrix must be square, got shape {A.shape}")
    if A.shape[-1] == 0:
        raise ValueError("a pairwise comparison matrix needs at least one element")
    missing = np.isnan(A)
    if missing.any():
        if not allow_missing:
            raise ValueError(f"judgment {_first(missing)} is missing; this operation needs a complete matrix")
        mirrored = missing != np.swapaxes(missing, -1, -2)
        if mirrored.any():
            raise ValueError(f"judgment {_first(mirrored)} is missing but its reciprocal is given")
        known = ~missing
        if not (A[known] > 0).all() or np.isinf(A[known]).any():
            raise ValueError(f"judgment {_first(known & ~((A > 0) & np.isfinite(A)))} is not a positive finite number")
    elif not (A > 0).all() or np.isinf(A).any():
        raise ValueError(f"judgment {_first(~((A > 0) & np.isfinite(A)))} is not a positive finite number")
    diagonal = np.diagonal(A, axis1=-2, axis2=-1)
    if np.abs(diagonal - 1.0).max() > RECIPROCAL_RTOL:
        raise ValueError("the diagonal of a pairwise comparison matrix must be 1 (each element equals itself)")
    # nan products (missing pairs) compare False, so only given pairs can fail.
    not_reciprocal = np.abs(A * np.swapaxes(A, -1, -2) - 1.0) > RECIPROCAL_RTOL
    if not_reciprocal.any():
        index = _first_index(not_reciprocal)
        i, j = index[-2:]
        raise ValueError(
            f"matrix is not reciprocal: a[{i},{j}] = {A[index]:.6g} but a[{j},{i}] = "
            f"{A[index[:-2] + (j, i)]:.6g} (should be {1 / A[index]:.6g})"
        )
    if scale is not None:
        off_scale = ~missing & ~np.isclose(A[..., None], np.asarray(scale), rtol=1e-6, atol=0).any(axis=-1)
        if off_scale.any():
            index = _first_index(off_scale)
            raise ValueError(f"judgment a{list(index[-2:])} = {A[index]:.6g} is not on the judgment scale")
    return A


def is_complete(A: np.ndarray) -> bool:
    """True when every pair has a judgment."""
    return not np.isnan(A).any()


def upper_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of the n(n-1)/2 pairs i < j a questionnaire asks."""
    return np.triu_indices(n, k=1)


def from_upper(values: Sequence[float], n: int | None = None) -> np.ndarray:
    """Reciprocal matrix from the judgments above the diagonal, row by row (a_12, a_13, ..., a_23, ...)."""
    values = np.asarray(values, dtype=float)
    if n is None:
        n = int(round((1 + np.sqrt(1 + 8 * values.shape[-1])) / 2))
    if values.shape[-1] != n * (n - 1) // 2:
        raise ValueError(f"{values.shape[-1]} judgments do not fill the upper triangle of an {n}x{n} matrix")
    A = np.ones(values.shape[:-1] + (n, n))
    i, j = upper_pairs(n)
    A[..., i, j] = values
    A[..., j, i] = 1.0 / values
    return A


def random_matrices(count: int, n: int, rng: np.random.Generator, scale: np.ndarray = SAATY_SCALE) -> np.ndarray:
    """``count`` reciprocal matrices with judgments drawn uniformly from the scale (tests, benchmarks)."""
    return from_upper(rng.choice(scale, size=(count, n * (n - 1) // 2)), n)


def _first_index(mask: np.ndarray) -> tuple[int, ...]:
    return tuple(int(k) for k in np.argwhere(mask)[0])


def _first(mask: np.ndarray) -> str:
    index = _first_index(mask)
    return f"a[{index[-2]},{index[-1]}]"
