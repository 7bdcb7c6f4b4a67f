"""Direct rating: the simple alternative to pairwise comparison.

A rater scores each criterion 0-100; its weight is the score over the sum.
"""
from __future__ import annotations

import numpy as np

MAX_SCORE = 100.0


def direct_rating_weights(scores: np.ndarray) -> np.ndarray:
    """Weights from 0-100 scores ``(..., n)``: w_i = s_i / sum(s); a rater must score something above 0."""
    scores = np.asarray(scores, dtype=float)
    if scores.ndim < 1 or scores.shape[-1] == 0:
        raise ValueError("give at least one score per rater")
    if np.any(~np.isfinite(scores)) or np.any(scores < 0) or np.any(scores > MAX_SCORE):
        raise ValueError(f"direct rating scores must be numbers from 0 to {MAX_SCORE:g}")
    totals = scores.sum(axis=-1, keepdims=True)
    if np.any(totals == 0):
        raise ValueError("a rater gave every criterion 0, so no weights follow from that rating")
    return scores / totals


def group_direct_rating(scores: np.ndarray) -> np.ndarray:
    """Several raters ``(k, n)``: the mean of their weights (each rater counts once)."""
    return direct_rating_weights(scores).mean(axis=-2)
