"""How far one weight may move before the ranking of the top KPIs or the office's signal changes.

Moving the weight of one member of a comparison group from w to t, the other members rescaled
proportionally (each times (1 - t)/(1 - w), so the group still sums to 1), multiplies the global weight of
every KPI below the member by t/w and of every KPI below the other members by (1 - t)/(1 - w), and leaves
every other KPI as it was. Each KPI's global weight is a straight line in t, and so is the office index
(the sum of level x weight): where two KPIs change places, and where the index crosses a light's or a
predikat's threshold, is where two lines meet, found exactly rather than searched for.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Mapping, Sequence

import numpy as np

from .hierarchy import Hierarchy

#: Two global weights or an index this close are equal: sums in another order differ in the last bits.
TIE = 1e-12
TOP = 3


@dataclass(frozen=True)
class Threshold:
    """The local weights of ``member`` at which the result first changes, moving down and moving up."""
    member: Hashable
    weight: float
    below: float | None  # the highest weight under ``weight`` that changes it (None: none down to 0)
    above: float | None  # the lowest weight over ``weight`` that changes it (None: none up to 1)

    @property
    def margin(self) -> float | None:
        """The smallest move, either way, that changes the result (None: no move changes it)."""
        moves = [abs(t - self.weight) for t in (self.below, self.above) if t is not None]
        return min(moves) if moves else None


def leaf_lines(tree: Hierarchy, groups, weights: Mapping, member) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) per leaf, in ``tree.leaves()`` order: the leaf's global weight is a + b t when ``member``'s
    local weight is t and its group's other members are rescaled proportionally."""
    position = {key: index for index, key in enumerate(tree.keys)}
    leaves = tree.leaves()
    found = tree.global_from_groups(groups, weights)
    now = found[[position[leaf] for leaf in leaves]]
    w = float(weights[member])
    mates = next(members for _, members in groups if member in members)
    a, b = now.copy(), np.zeros(len(leaves))
    for k, leaf in enumerate(leaves):
        below = _ancestors(tree, position[leaf], position)
        if member in below:
            a[k], b[k] = 0.0, now[k] / w
        elif any(mate in below for mate in mates if mate != member):
            a[k], b[k] = now[k] / (1 - w), -now[k] / (1 - w)
    return a, b


def order_thresholds(tree: Hierarchy, groups, weights: Mapping, top: int = TOP) -> list[Threshold]:
    """For each member of a group of two or more: where two KPIs change places, one of them among the
    ``top`` heaviest (KPIs tied with the top count among them; KPIs tied now are not said to change)."""
    found = []
    for member in _movable(groups, weights):
        a, b = leaf_lines(tree, groups, weights, member)
        now = a + b * float(weights[member])
        heaviest = np.sort(now)[::-1][min(top, len(now)) - 1]
        crossings = []
        for k in np.flatnonzero(now >= heaviest - TIE):
            others = np.arange(len(now)) != k
            with np.errstate(divide="ignore", invalid="ignore"):
                t = (a[others] - a[k]) / (b[k] - b[others])
            apart = np.abs(now[others] - now[k]) > TIE
            crossings.extend(t[apart & np.isfinite(t)])
        found.append(_nearest(member, float(weights[member]), np.array(crossings)))
    return found


def index_thresholds(tree: Hierarchy, groups, weights: Mapping, levels: Mapping,
                     cuts: Sequence[float]) -> list[Threshold]:
    """For each member of a group of two or more: where the index (sum of level x global weight over the
    KPIs with a level) crosses one of ``cuts``, the index values where its light or predikat changes."""
    leaves = tree.leaves()
    level = np.array([levels.get(leaf, np.nan) for leaf in leaves], dtype=float)
    scored = ~np.isnan(level)
    found = []
    for member in _movable(groups, weights):
        a, b = leaf_lines(tree, groups, weights, member)
        start, slope = float(level[scored] @ a[scored]), float(level[scored] @ b[scored])
        index = start + slope * float(weights[member])
        crossings = [(cut - start) / slope for cut in cuts if slope != 0 and abs(cut - index) > TIE]
        found.append(_nearest(member, float(weights[member]), np.array(crossings)))
    return found


def moved(groups, weights: Mapping, member, t: float) -> dict:
    """The local weights with ``member`` at ``t`` and the other members of its group rescaled
    proportionally (each times (1 - t)/(1 - w)), so the group still sums to 1."""
    mates = next(members for _, members in groups if member in members)
    scale = (1 - t) / (1 - weights[member])
    return {**weights, **{mate: weights[mate] * scale for mate in mates if mate != member}, member: t}


def _nearest(member, weight: float, crossings: np.ndarray) -> Threshold:
    inside = crossings[(crossings >= 0) & (crossings <= 1)]
    below, above = inside[inside < weight], inside[inside > weight]
    return Threshold(member, weight, float(below.max()) if len(below) else None,
                     float(above.min()) if len(above) else None)


def _movable(groups, weights: Mapping) -> list:
    """Members of groups of two or more whose weight is strictly between 0 and 1. A member holding the whole
    group leaves its mates nothing to rescale proportionally, and one holding none gives its KPIs no share of
    it to scale: where either would change the result is undefined, not a threshold."""
    return [member for _, members in groups if len(members) > 1 for member in members
            if 0 < float(weights[member]) < 1]


def _ancestors(tree: Hierarchy, node: int, position) -> set:
    """The node and every node above it, as keys."""
    found = set()
    while node >= 0:
        found.add(tree.keys[node])
        node = tree.parent[node]
    return found
