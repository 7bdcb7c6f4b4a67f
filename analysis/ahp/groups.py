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


#: Goepel's word scale for S* (BPMSG, "AHP consensus word scale"; from 140 nodes of 35 group projects):
#: below 0.5 very low, then low, moderate and high in steps of 0.125, very high above 0.875.
CONSENSUS_WORDS = ((0.5, "very low"), (0.625, "low"), (0.75, "moderate"), (0.875, "high"), (np.inf, "very high"))


def consensus(priorities: np.ndarray, weights: Sequence[float] | None = None, scale_max: float = 9.0) -> float:
    """Goepel's AHP consensus S* in 0..1 (Goepel, IJAHP 10(3), 2018; as computed by AHP-OS).

    Shannon entropies of the respondents' priorities: H_alpha the (weighted) mean individual entropy,
    H_gamma the entropy of the mean priorities, D = exp(H), D_beta = D_gamma / D_alpha. With
    H_alpha,min the entropy of the most extreme vector a respondent can give on a scale up to M,
    [M, 1, ..., 1] / (M + n - 1), and c = n / exp(H_alpha,min) the largest D_beta possible:
    S* = (1/D_beta - 1/c) / (1 - 1/c): 1 when all agree, 0 when each puts a different element M times
    above the rest.
    """
    priorities = _priority_stack(priorities)
    n = priorities.shape[1]
    if n < 2:
        return 1.0
    lam = respondent_weights(weights, priorities.shape[0])
    if not np.isfinite(scale_max) or scale_max <= 1:
        raise ValueError(f"the scale's maximum must be a number above 1, got {scale_max!r}")
    extreme = np.array([scale_max] + [1.0] * (n - 1)) / (scale_max + n - 1)
    largest_beta = n / np.exp(_entropy(extreme))
    return _rescaled(1 / _beta_diversity(priorities, lam), 1 / largest_beta)


def relative_homogeneity(priorities: np.ndarray, weights: Sequence[float] | None = None) -> float:
    """The uncorrected relative homogeneity (1/D_beta - 1/n) / (1 - 1/n) in 0..1 (Goepel 2018, eq. 1.5).

    It takes n (every respondent wholly for one element, impossible on a bounded scale) as the largest
    D_beta, so it reads higher than S* for the same group.
    """
    priorities = _priority_stack(priorities)
    n = priorities.shape[1]
    if n < 2:
        return 1.0
    lam = respondent_weights(weights, priorities.shape[0])
    return _rescaled(1 / _beta_diversity(priorities, lam), 1 / n)


def consensus_word(value: float) -> str:
    """Goepel's word for an S* value: 'very low', 'low', 'moderate', 'high' or 'very high'."""
    return next(word for limit, word in CONSENSUS_WORDS if value < limit)


def _beta_diversity(priorities: np.ndarray, lam: np.ndarray) -> float:
    """D_beta = exp(H_gamma - H_alpha), 1 when every respondent gives the same priorities."""
    h_alpha = float(lam @ _entropy(priorities))
    h_gamma = float(_entropy(lam @ priorities))
    return float(np.exp(h_gamma - h_alpha))


def _entropy(p: np.ndarray) -> np.ndarray:
    return -(p * np.log(p)).sum(axis=-1)


def _rescaled(similarity: float, lowest: float) -> float:
    # Clipped: priorities from inconsistent judgments can be a little more extreme than [M, 1, ..., 1].
    return float(np.clip((similarity - lowest) / (1 - lowest), 0.0, 1.0))


def _priority_stack(priorities: np.ndarray) -> np.ndarray:
    priorities = np.asarray(priorities, dtype=float)
    if priorities.ndim != 2 or priorities.shape[0] == 0:
        raise ValueError("give one priority vector per respondent: shape (respondents, n)")
    if np.any(~np.isfinite(priorities)) or np.any(priorities <= 0):
        raise ValueError("priority vectors must be positive (weights of a reciprocal matrix always are)")
    if not np.allclose(priorities.sum(axis=1), 1.0, atol=1e-6):
        raise ValueError("each priority vector must sum to 1")
    return priorities
