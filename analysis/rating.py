"""Direct rating: the simple alternative to pairwise comparison (DOMAIN.md §2, "Direct rating").

A rater scores each criterion of a cluster on a scale (1-10, or 0-100); one rater's weights are the
scores over their sum. A group's weights are its mean ratings, normalised: w_i = m_i / sum(m), with
m_i the arithmetic mean of the ratings of criterion i, or their geometric mean (the analogue of AIJ's
element-wise geometric mean, DOMAIN.md §2 "Groups"), optionally weighted per rater (sum of weights 1).
A "don't know" (NaN) leaves the criterion's mean to the other raters.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SCORE = 100.0
MEANS = ("arithmetic", "geometric")
#: The scales a round may ask, by their top value: (lowest, highest) rating on each.
SCALES = {10: (1.0, 10.0), 100: (0.0, 100.0)}


def rating_range(scale: int, mean: str) -> tuple[float, float]:
    """The ratings a round takes. A geometric mean needs ratings above 0 (one rater's 0 would zero the
    criterion for everyone), so a 0-100 scale asked for a geometric mean starts at 1."""
    if scale not in SCALES:
        raise ValueError(f"the rating scale is one of {sorted(SCALES)}, not {scale!r}")
    if mean not in MEANS:
        raise ValueError(f"the mean of ratings is one of {MEANS}, not {mean!r}")
    lowest, highest = SCALES[scale]
    return (max(lowest, 1.0) if mean == "geometric" else lowest), highest


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


@dataclass(frozen=True)
class GroupRating:
    """A cluster's group result: each criterion's mean rating and number of raters, and the weights
    (None when no weights follow: a criterion nobody rated, or every mean 0)."""
    means: np.ndarray
    raters: np.ndarray
    weights: np.ndarray | None


def group_rating(ratings: np.ndarray, mean: str = "arithmetic", rater_weights=None) -> GroupRating:
    """Ratings ``(k raters, n criteria)``, NaN for "don't know": the group's means and weights w = m / sum(m)."""
    ratings = np.asarray(ratings, dtype=float)
    if ratings.ndim != 2 or ratings.shape[0] == 0 or ratings.shape[1] == 0:
        raise ValueError(f"ratings must be a (raters, criteria) table with at least one of each, got {ratings.shape}")
    if mean not in MEANS:
        raise ValueError(f"the mean of ratings is one of {MEANS}, not {mean!r}")
    given = ~np.isnan(ratings)
    if np.any(np.isinf(ratings)) or np.any(ratings[given] < 0):
        raise ValueError("a rating is a finite number of 0 or more (NaN for don't know)")
    if mean == "geometric" and np.any(ratings[given] == 0):
        raise ValueError("the geometric mean of ratings needs every rating above 0")
    lam = np.ones(ratings.shape[0]) if rater_weights is None else np.asarray(rater_weights, dtype=float)
    if lam.shape != (ratings.shape[0],) or np.any(~np.isfinite(lam)) or np.any(lam <= 0):
        raise ValueError(f"give one positive weight per rater ({ratings.shape[0]}), got {lam.tolist()}")
    return _group(ratings, given, mean, lam)


def _group(ratings: np.ndarray, given: np.ndarray, mean: str, lam: np.ndarray) -> GroupRating:
    """The kernel of ``group_rating``: each criterion's weighted mean over the raters who rated it."""
    share = np.where(given, lam[:, None], 0.0)
    raters = given.sum(axis=0)
    totals = share.sum(axis=0)
    values = np.log(np.where(given, ratings, 1.0)) if mean == "geometric" else np.where(given, ratings, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = (share * values).sum(axis=0) / totals
    if mean == "geometric":
        means = np.exp(means)
    means = np.where(raters > 0, means, np.nan)
    if np.any(raters == 0) or not means.sum() > 0:
        return GroupRating(means, raters, None)
    return GroupRating(means, raters, means / means.sum())


def group_direct_rating(scores: np.ndarray, mean: str = "arithmetic", rater_weights=None) -> np.ndarray:
    """Several raters ``(k, n)``: the normalised group mean ratings (see ``group_rating``); ValueError
    when no weights follow (a criterion nobody rated, or all ratings 0)."""
    result = group_rating(scores, mean, rater_weights)
    if result.weights is None:
        raise ValueError("no weights follow from these ratings: a criterion has no rating, or every mean is 0")
    return result.weights
