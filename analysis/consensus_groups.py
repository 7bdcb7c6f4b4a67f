"""Who agrees with whom: consensus groups of respondents, and the judgments that separate the groups.

The similarity of two respondents is Goepel's S* of the two of them alone (analysis.ahp.groups.consensus,
the same entropy measure as the round's S*): 1 when their priorities are equal, 0 when each puts a
different element as far above the rest as the scale allows. Per page it is read from the page's
priorities, overall from the respondents' global weights. Groups are found by complete linkage at a
threshold HR can move (as AHP-OS's consensus cluster analysis does): the most similar groups merge first,
and two groups merge only while every pair across them is at least that similar, so any two members of
a group are. What separates groups is read from the judgments themselves: for every page and pair, each
group's weighted geometric mean judgment, the pairs whose group judgments lie furthest apart first
(as Riskion's consensus view orders them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .ahp.groups import aggregate

#: Goepel's word scale calls S* above 0.75 "high": members of a group agree at least that much.
THRESHOLD = 0.75
SCALE_MAX = 9.0


def similarity(priorities: np.ndarray, scale_max: float = SCALE_MAX) -> np.ndarray:
    """``(k, k)``: S* of every two respondents from their priorities ``(k, n)`` (1 on the diagonal)."""
    p = np.asarray(priorities, dtype=float)
    n = p.shape[1]
    if n < 2:
        return np.ones((len(p), len(p)))
    own = _entropy(p)
    mixed = _entropy((p[:, None, :] + p[None, :, :]) / 2)
    beta = np.exp(mixed - (own[:, None] + own[None, :]) / 2)
    extreme = np.array([scale_max] + [1.0] * (n - 1)) / (scale_max + n - 1)
    lowest = 1 / (n / np.exp(_entropy(extreme)))
    return np.clip((1 / beta - lowest) / (1 - lowest), 0.0, 1.0)


def groups_at(similar: np.ndarray, threshold: float = THRESHOLD) -> list[list[int]]:
    """Respondents in groups by complete linkage at ``threshold``, largest group first (then by first member)."""
    similar = np.asarray(similar, dtype=float)
    groups = [[k] for k in range(len(similar))]
    while len(groups) > 1:
        best, pair = -np.inf, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                linkage = similar[np.ix_(groups[a], groups[b])].min()
                if linkage > best:
                    best, pair = linkage, (a, b)
        if best < threshold:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    return sorted(groups, key=lambda members: (-len(members), members[0]))


@dataclass(frozen=True)
class Separation:
    """One pair of one page: each group's judgment of it (NaN: nobody in the group judged it)."""
    page: object
    row: int
    column: int
    judgments: np.ndarray  # one per group, a_row,column
    spread: float          # |ln| of the largest ratio between two groups' judgments


def separating_pairs(pages: Mapping[object, tuple[np.ndarray, Sequence[int]]], groups: list[list[int]],
                     weights: Sequence[float] | None = None) -> list[Separation]:
    """Every judged pair of every page, the pairs whose groups disagree most first.

    ``pages``: {page: (matrices as given (k_page, n, n), the round's index of each of their respondents)};
    ``weights``: the round's respondent weights, by the round's index (None: equal)."""
    found = []
    for page, (given, who) in pages.items():
        given, who = np.asarray(given, dtype=float), list(who)
        per_group = []
        for members in groups:
            rows = [k for k, respondent in enumerate(who) if respondent in members]
            lam = None if weights is None else [weights[who[k]] for k in rows]
            per_group.append(aggregate(given[rows], lam) if rows else np.full(given.shape[1:], np.nan))
        stack = np.log(np.stack(per_group))
        n = given.shape[-1]
        for i in range(n):
            for j in range(i + 1, n):
                logs = stack[:, i, j]
                known = logs[~np.isnan(logs)]
                spread = float(known.max() - known.min()) if len(known) > 1 else 0.0
                found.append(Separation(page, i, j, np.exp(logs), spread))
    return sorted(found, key=lambda separation: -separation.spread)


def _entropy(p: np.ndarray) -> np.ndarray:
    return -(p * np.log(p)).sum(axis=-1)
