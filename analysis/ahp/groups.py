"""Combining several respondents: AIJ, AIP and how much the group agrees."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .matrices import validate


def respondent_weights(weights: Sequence[float] | None, count: int) -> np.ndarray:
    """Respondent weights lambda_k >= 0 normalised to sum 1 (equal when None)."""
    if weights is None:
        return np.full(count, 1.0 / count)
    weights = np.asarray(weights, dtype=float)
    if weights.shape != (count,):
        raise ValueError(f"{weights.size} respondent weights given for {count} respondents")
    if np.any(~np.isfinite(weights)) or np.any(weights < 0):
        raise ValueError("respondent weights must be non-negative numbers")
    if weights.sum() <= 0:
        raise ValueError("at least one respondent must have a positive weight")
    return weights / weights.sum()


def aggregate(matrices: np.ndarray, weights: Sequence[float] | None = None) -> np.ndarray:
    """AIJ: element-wise weighted geometric mean g_ij = prod_k a_ij(k)^lambda_k (Aczél & Saaty 1983).

    ``matrices`` is ``(k, n, n)`` (or ``(..., k, n, n)``); a nan judgment means that
    respondent skipped the pair and is left out of that pair's mean, the others'
    weights renormalised. A pair nobody judged stays nan. The result is reciprocal.
    """
    matrices = validate(matrices)
    if matrices.ndim < 3:
        raise ValueError("aggregate takes a stack of matrices (respondents, n, n)")
    lam = respondent_weights(weights, matrices.shape[-3])[:, None, None]
    answered = ~np.isnan(matrices)
    log_judgments = np.where(answered, np.log(np.where(answered, matrices, 1.0)), 0.0)
    weight_present = (lam * answered).sum(axis=-3)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_log = (lam * log_judgments).sum(axis=-3) / weight_present
    return np.where(weight_present > 0, np.exp(mean_log), np.nan)


def aggregate_priorities(priorities: np.ndarray, weights: Sequence[float] | None = None,
                         mean: str = "geometric") -> np.ndarray:
    """AIP: combine individual priority vectors ``(k, n)`` into one (Forman & Peniwati 1998).

    ``geometric`` (weighted geometric mean, renormalised) or ``arithmetic``.
    """
    priorities = _priority_stack(priorities)
    lam = respondent_weights(weights, priorities.shape[0])[:, None]
    if mean == "geometric":
        combined = np.exp((lam * np.log(priorities)).sum(axis=0))
    elif mean == "arithmetic":
        combined = (lam * priorities).sum(axis=0)
    else:
        raise ValueError(f"unknown mean {mean!r}; choose 'geometric' or 'arithmetic'")
    return combined / combined.sum()


def consensus(priorities: np.ndarray, weights: Sequence[float] | None = None) -> float:
    """Group agreement S* in 0..1 from Shannon entropy diversity (Goepel, IJAHP 10(3), 2018).

    H_alpha = mean individual entropy, H_gamma = entropy of the mean priorities,
    D = exp(H); relative homogeneity S = D_alpha / D_gamma, rescaled so that
    S* = 1 when everyone agrees and 0 at the largest possible diversity:
    S* = (S - 1/n) / (1 - 1/n).
    """
    priorities = _priority_stack(priorities)
    lam = respondent_weights(weights, priorities.shape[0])
    n = priorities.shape[1]
    if n < 2:
        return 1.0
    entropies = -(priorities * np.log(priorities)).sum(axis=1)
    mean_priorities = lam @ priorities
    h_alpha = float(lam @ entropies)
    h_gamma = float(-(mean_priorities * np.log(mean_priorities)).sum())
    homogeneity = np.exp(h_alpha - h_gamma)
    return float(np.clip((homogeneity - 1 / n) / (1 - 1 / n), 0.0, 1.0))


def _priority_stack(priorities: np.ndarray) -> np.ndarray:
    priorities = np.asarray(priorities, dtype=float)
    if priorities.ndim != 2 or priorities.shape[0] == 0:
        raise ValueError("give one priority vector per respondent: shape (respondents, n)")
    if np.any(~np.isfinite(priorities)) or np.any(priorities <= 0):
        raise ValueError("priority vectors must be positive (weights of a reciprocal matrix always are)")
    if not np.allclose(priorities.sum(axis=1), 1.0, atol=1e-6):
        raise ValueError("each priority vector must sum to 1")
    return priorities
