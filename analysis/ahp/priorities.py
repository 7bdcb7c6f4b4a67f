"""Priority vectors (weights) of pairwise comparison matrices."""
from __future__ import annotations

import numpy as np

from .completion import complete
from .eigen import geometric_mean_rows, perron
from .matrices import validate

METHODS = ("eigen", "geometric", "approximate")


def priorities(A: np.ndarray, method: str = "eigen") -> np.ndarray:
    """Weights summing to 1 for a matrix ``(n, n)`` or a stack ``(..., n, n)``; result ``(..., n)``.

    - ``eigen``: principal right eigenvector (Saaty 1977), the standard.
    - ``geometric``: normalised row geometric mean (Crawford & Williams 1985).
    - ``approximate``: divide each column by its sum, average each row, as in many
      published hand calculations.
    Missing judgments (nan) are first completed by :func:`complete`.
    """
    A = validate(A)
    if np.isnan(A).any():
        A = complete(A)
    if method == "eigen":
        return perron(A)[1]
    if method == "geometric":
        return geometric_mean_rows(A)
    if method == "approximate":
        return (A / A.sum(axis=-2, keepdims=True)).mean(axis=-1)
    raise ValueError(f"unknown priority method {method!r}; choose one of {METHODS}")
