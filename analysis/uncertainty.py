"""How sure a group's weights are: a bootstrap over the respondents themselves.

The round's respondents are drawn again with replacement, ``resamples`` times from one seed, and each
draw's weights are computed exactly as the round computes them: AIJ, the weighted geometric mean of the
judgments as given, each pair from those who judged it, then a pair nobody in the draw judged completed
as a "don't know" is; AIP, the weighted geometric mean of the respondents' own priorities; direct
rating, the weighted mean rating. A respondent drawn twice counts twice (their weight times two), so a
draw is a vector of counts and every page's group computation is one matrix product for all draws.

The same draws serve every page of a round (a respondent answers all of them), so global weights and
ranks get their intervals from the same draws. An interval is the 5th to 95th percentile of the draws
(90 %); a rank is "kept" in the share of draws that give the element the rank the round's weights give
it; two elements whose reverse order comes out in more than a third of the draws are as good as a coin
toss (elements equal in every draw are equal, not a toss).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .ahp.completion import complete, unlinked_elements
from .ahp.groups import respondent_weights
from .ahp.priorities import priorities

RESAMPLES = 2000
LEVEL = 0.90
#: Two elements' order is a coin toss when the reverse order comes out in more than this share of the draws.
COIN_TOSS = 1 / 3


def resample_counts(respondents: int, resamples: int = RESAMPLES, seed: int = 0) -> np.ndarray:
    """``(resamples, respondents)``: how often each respondent is drawn in each draw of ``respondents``."""
    if respondents < 1 or resamples < 1:
        raise ValueError("a bootstrap needs at least one respondent and one draw")
    draws = np.random.default_rng(seed).integers(0, respondents, size=(resamples, respondents))
    offsets = (draws + respondents * np.arange(resamples)[:, None]).ravel()
    return np.bincount(offsets, minlength=resamples * respondents).reshape(resamples, respondents).astype(float)


def aij_draws(given: np.ndarray, counts: np.ndarray, weights: Sequence[float] | None = None,
              method: str = "eigen") -> np.ndarray:
    """Each draw's group priorities ``(draws, n)`` from matrices as given ``(k, n, n)`` (NaN: not judged).

    A draw whose drawn respondents never link some element to the others gives NaN weights."""
    given = np.asarray(given, dtype=float)
    k, n, _ = given.shape
    lam = counts * respondent_weights(weights, k)  # (draws, k): each respondent's weight times its draws
    answered = ~np.isnan(given).reshape(k, n * n)
    logs = np.where(answered, np.log(np.where(answered, given.reshape(k, n * n), 1.0)), 0.0)
    present = lam @ answered
    with np.errstate(invalid="ignore", divide="ignore"):
        groups = np.where(present > 0, np.exp((lam @ logs) / present), np.nan).reshape(-1, n, n)
    result = np.full((groups.shape[0], n), np.nan)
    gaps = np.isnan(groups).any(axis=(1, 2))
    if (~gaps).any():
        result[~gaps] = priorities(groups[~gaps], method)
    for draw in np.flatnonzero(gaps):  # pairs nobody in the draw judged: completed as "don't know"
        if lam[draw].sum() > 0 and unlinked_elements(groups[draw]).size == 0:
            result[draw] = priorities(complete(groups[draw]), method)
    return result


def draws_to_complete(given: np.ndarray, counts: np.ndarray) -> int:
    """How many draws leave some pair unjudged by everyone drawn: each needs an optimal completion, by far
    the costliest step (a Newton iteration per draw), so callers can size the bootstrap beforehand."""
    given = np.asarray(given, dtype=float)
    k, n, _ = given.shape
    answered = (~np.isnan(given)).reshape(k, n * n).astype(float)
    return int(((counts @ answered) == 0).any(axis=1).sum())


def aip_draws(individual: np.ndarray, counts: np.ndarray, weights: Sequence[float] | None = None) -> np.ndarray:
    """Each draw's weighted geometric mean of individual priorities ``(k, n)``, normalised: ``(draws, n)``."""
    individual = np.asarray(individual, dtype=float)
    lam = counts * respondent_weights(weights, individual.shape[0])
    with np.errstate(invalid="ignore", divide="ignore"):
        combined = np.exp((lam @ np.log(individual)) / lam.sum(axis=1, keepdims=True))
        return combined / combined.sum(axis=1, keepdims=True)


def rating_draws(ratings: np.ndarray, counts: np.ndarray, mean: str = "arithmetic",
                 weights: Sequence[float] | None = None) -> np.ndarray:
    """Each draw's direct-rating weights from ratings ``(k, n)`` (NaN: "don't know"): ``(draws, n)``.

    As analysis.rating.group_rating: each criterion's weighted mean over those who rated it, normalised."""
    ratings = np.asarray(ratings, dtype=float)
    lam = counts * respondent_weights(weights, ratings.shape[0])
    rated = ~np.isnan(ratings)
    values = np.where(rated, ratings, 0.0) if mean == "arithmetic" else \
        np.where(rated, np.log(np.where(rated, ratings, 1.0)), 0.0)
    present = lam @ rated
    with np.errstate(invalid="ignore", divide="ignore"):
        means = (lam @ values) / present
        means = means if mean == "arithmetic" else np.exp(means)
        means = np.where(present > 0, means, np.nan)
        return means / means.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Intervals:
    """What the draws say about one weight vector (a page's local weights or the KPIs' global weights)."""
    estimate: np.ndarray     # the round's own weights
    low: np.ndarray          # 5th percentile of the draws
    high: np.ndarray         # 95th percentile
    rank_kept: np.ndarray    # share of draws giving each element the rank the estimate gives it
    order_held: np.ndarray   # [i, j]: share of draws with w_i > w_j
    draws: int               # draws that gave weights (a draw with an unlinked element gives none)

    def bounds(self) -> list[tuple[float, float]]:
        """(low, high) per element, e.g. for a chart's error bars."""
        return [(float(low), float(high)) for low, high in zip(self.low, self.high)]

    def coin_tosses(self) -> list[tuple[int, int]]:
        """(i, j) with i ranked just above j where j comes out above i in more than a third of the draws."""
        order = ranking(self.estimate)
        return [(int(i), int(j)) for i, j in zip(order[:-1], order[1:]) if self.order_held[j, i] > COIN_TOSS]


def intervals(estimate: np.ndarray, draws: np.ndarray, level: float = LEVEL) -> Intervals:
    """Percentile intervals, kept ranks and held orders of ``draws (resamples, n)`` around ``estimate``."""
    estimate = np.asarray(estimate, dtype=float)
    usable = draws[~np.isnan(draws).any(axis=1)]
    if not len(usable):
        nothing = np.full(estimate.shape, np.nan)
        return Intervals(estimate, nothing, nothing, nothing, np.full((estimate.size,) * 2, np.nan), 0)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(usable, [tail, 100 - tail], axis=0)
    ranks = ranks_of(usable)
    rank_kept = (ranks == ranks_of(estimate[None, :])).mean(axis=0)
    order_held = (usable[:, :, None] > usable[:, None, :]).mean(axis=0)
    return Intervals(estimate, low, high, rank_kept, order_held, len(usable))


def ranking(weights: np.ndarray) -> np.ndarray:
    """Element indices heaviest first (ties in the given order)."""
    return np.argsort(-np.asarray(weights, dtype=float), kind="stable")


def ranks_of(weights: np.ndarray) -> np.ndarray:
    """Rank of each element (0 the heaviest) in each row of ``weights (rows, n)``."""
    order = np.argsort(-weights, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(weights.shape[1])[None, :].repeat(len(weights), 0), axis=1)
    return ranks


def global_draws(tree, groups, local: dict) -> np.ndarray:
    """``(draws, nodes)`` global weights from each draw's local weights ``{member: (draws,)}`` of every
    comparison group (analysis.hierarchy.Hierarchy.global_from_groups); NaN rows where a page gave none."""
    found = tree.global_from_groups(groups, local).T
    failed = np.isnan(np.array([local[member] for _, members in groups for member in members])).any(axis=0)
    found[failed] = np.nan
    return found
