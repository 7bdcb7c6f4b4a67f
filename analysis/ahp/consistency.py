"""How consistent a respondent's judgments are: lambda_max, CI, CR and GCI."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .completion import complete
from .eigen import geometric_mean_rows, perron
from .matrices import validate
from .scale import cr_threshold, random_index


@dataclass(frozen=True)
class Consistency:
    """Consistency of one matrix (floats) or of a stack (arrays shaped like the stack).

    ``threshold`` is the largest acceptable CR for this size under the chosen rule.
    """

    n: int
    lambda_max: np.ndarray | float
    ci: np.ndarray | float
    cr: np.ndarray | float
    gci: np.ndarray | float
    threshold: float

    @property
    def acceptable(self) -> np.ndarray | bool:
        """CR at or below the threshold (n <= 2 is always consistent)."""
        accepted = np.asarray(self.cr) <= self.threshold + 1e-12
        return bool(accepted) if accepted.ndim == 0 else accepted


def consistency(A: np.ndarray, ri: str | Sequence[float] = "saaty", threshold: str = "flat") -> Consistency:
    """Saaty's consistency of a matrix or stack; see :func:`weights_and_consistency`."""
    return weights_and_consistency(A, ri, threshold)[1]


def weights_and_consistency(A: np.ndarray, ri: str | Sequence[float] = "saaty",
                            threshold: str = "flat") -> tuple[np.ndarray, Consistency]:
    """Eigenvector weights and Saaty's consistency in one pass (both need the Perron eigenpair).

    lambda_max = principal eigenvalue; CI = (lambda_max - n)/(n - 1); CR = CI / RI(n).
    GCI = 2/((n-1)(n-2)) * sum_{i<j} ln^2(a_ij w_j / w_i) with w the row geometric mean
    (Aguarón & Moreno-Jiménez 2003). ``ri`` names an RI table or gives one; ``threshold``
    is ``"flat"`` (0.10) or ``"by_size"`` (0.05 for n = 3, 0.08 for n = 4, 0.10 above).
    """
    A = validate(A)
    if np.isnan(A).any():
        A = complete(A)
    n = A.shape[-1]
    limit = cr_threshold(n, threshold)
    rindex = random_index(n, ri)
    lambda_max, weights = perron(A)
    if n <= 2:
        zero = np.zeros(A.shape[:-2])
        return weights, _result(n, np.full(A.shape[:-2], float(n)), zero, zero, zero, limit)
    ci = np.maximum((lambda_max - n) / (n - 1), 0.0)
    return weights, _result(n, lambda_max, ci, ci / rindex, geometric_consistency_index(A), limit)


def geometric_consistency_index(A: np.ndarray) -> np.ndarray:
    """GCI of complete matrices (0 for n <= 2)."""
    n = A.shape[-1]
    if n <= 2:
        return np.zeros(A.shape[:-2])
    w = geometric_mean_rows(A)
    log_error = np.log(A) + np.log(w)[..., None, :] - np.log(w)[..., :, None]
    i, j = np.triu_indices(n, k=1)
    return 2.0 / ((n - 1) * (n - 2)) * (log_error[..., i, j] ** 2).sum(axis=-1)


def _result(n, lambda_max, ci, cr, gci, limit) -> Consistency:
    def plain(x):
        x = np.asarray(x, dtype=float)
        return float(x) if x.ndim == 0 else x

    return Consistency(n, plain(lambda_max), plain(ci), plain(cr), plain(gci), limit)
