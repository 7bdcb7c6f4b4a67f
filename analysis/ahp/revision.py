"""Which judgments to re-ask when a respondent's CR is too high.

For a judgment a_ij and weights w, the error e_ij = a_ij * w_j / w_i is 1 when
a_ij agrees with all other answers; the largest |ln e_ij| disagree most
(Saaty 2003, "Decision-making with the AHP: why is the principal eigenvector
necessary"). Each is shown with the value the *other* answers imply and the
nearest scale value, so the respondent sees a concrete alternative. That value
is the optimal completion of the matrix with this one judgment left out
(lambda_max-minimal, Bozóki et al. 2010): unlike w_i / w_j of the full matrix,
it is not pulled towards the very judgment being questioned.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .completion import complete
from .consistency import consistency
from .eigen import perron
from .matrices import validate
from .scale import SAATY_SCALE, nearest_scale_value


@dataclass(frozen=True)
class PairRevision:
    """A judgment worth re-asking: a_ij as given and what the rest of the matrix implies."""

    i: int
    j: int
    current: float
    implied: float
    implied_scale: float
    error: float
    cr_if_revised: float


def inconsistent_pairs(A: np.ndarray, top: int = 3, ri: str | Sequence[float] = "saaty",
                       scale: np.ndarray = SAATY_SCALE) -> list[PairRevision]:
    """The ``top`` given judgments with the largest |ln e_ij|, most inconsistent first.

    ``cr_if_revised`` is the CR the matrix would have if that one judgment took
    its implied scale value. Missing judgments are never proposed.
    """
    A = validate(A)
    if A.ndim != 2:
        raise ValueError("inconsistent_pairs takes one matrix, not a stack")
    if top < 1:
        raise ValueError("top must be at least 1")
    given = ~np.isnan(A)
    completed = complete(A)
    _, w = perron(completed)
    log_error = np.abs(np.log(completed) + np.log(w)[None, :] - np.log(w)[:, None])
    rows, cols = np.triu_indices(A.shape[0], k=1)
    judged = given[rows, cols]
    rows, cols = rows[judged], cols[judged]
    order = np.argsort(-log_error[rows, cols], kind="stable")[:top]
    revisions = []
    for i, j in zip(rows[order], cols[order]):
        implied = _implied_by_the_others(A, i, j, fallback=float(w[i] / w[j]))
        implied_scale = float(nearest_scale_value(implied, scale))
        revised = A.copy()
        revised[i, j], revised[j, i] = implied_scale, 1.0 / implied_scale
        revisions.append(PairRevision(
            i=int(i), j=int(j), current=float(A[i, j]), implied=implied, implied_scale=implied_scale,
            error=float(np.exp(log_error[i, j])), cr_if_revised=float(consistency(revised, ri=ri).cr),
        ))
    return revisions


def _implied_by_the_others(A: np.ndarray, i: int, j: int, fallback: float) -> float:
    without = A.copy()
    without[i, j] = without[j, i] = np.nan
    try:
        return float(complete(without)[i, j])
    except ValueError:  # the other answers do not link i and j: only the full weights say anything
        return fallback
