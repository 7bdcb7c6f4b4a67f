"""The scorecard tree (perspective -> objective -> KPI, any depth): local to global weights.

A tree is given by each node's parent (``None`` for a top-level node). Siblings
form a *cluster*: the group one pairwise questionnaire page compares. A node's
global weight is the product of the local weights on its path from the top.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Mapping, Sequence

import numpy as np

SIBLING_SUM_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Hierarchy:
    """Nodes in a fixed order with the index of each one's parent (-1 at the top)."""

    keys: tuple[Hashable, ...]
    parent: np.ndarray

    @classmethod
    def from_parents(cls, parents: Mapping[Hashable, Hashable | None]) -> "Hierarchy":
        """Build from ``{node: parent or None}``; parents must be nodes too and the tree acyclic."""
        keys = tuple(parents)
        index = {key: position for position, key in enumerate(keys)}
        parent = np.full(len(keys), -1)
        for key, up in parents.items():
            if up is not None:
                if up not in index:
                    raise ValueError(f"{key!r} hangs under {up!r}, which is not in the scorecard")
                parent[index[key]] = index[up]
        hierarchy = cls(keys, parent)
        hierarchy.depth()  # raises on a cycle
        return hierarchy

    def depth(self) -> np.ndarray:
        """Depth of each node (0 at the top)."""
        depth = np.zeros(len(self.keys), dtype=int)
        for node in range(len(self.keys)):
            up, steps = self.parent[node], 0
            while up >= 0:
                steps += 1
                if steps > len(self.keys):
                    raise ValueError(f"the scorecard tree has a cycle through {self.keys[node]!r}")
                up = self.parent[up]
            depth[node] = steps
        return depth

    def clusters(self) -> dict[Hashable | None, list[Hashable]]:
        """Groups of siblings keyed by their parent (None for the top level), in tree order."""
        groups: dict[Hashable | None, list[Hashable]] = {}
        for key, up in zip(self.keys, self.parent):
            groups.setdefault(None if up < 0 else self.keys[up], []).append(key)
        return groups

    def leaves(self) -> list[Hashable]:
        """Nodes with no children (the KPIs of a three-level scorecard)."""
        has_children = np.zeros(len(self.keys), dtype=bool)
        has_children[self.parent[self.parent >= 0]] = True
        return [key for key, inner in zip(self.keys, has_children) if not inner]

    def global_weights(self, local: Mapping[Hashable, float] | Sequence[float],
                       sibling_tolerance: float = SIBLING_SUM_TOLERANCE) -> np.ndarray:
        """Global weight of every node: the product of local weights from the top down to it.

        Siblings' local weights must sum to 1 within ``sibling_tolerance`` (loosen it
        only for published weights rounded to a few decimals).
        """
        local = self._aligned(local)
        self._check_siblings(local, sibling_tolerance)
        weights = local.copy()
        order = np.argsort(self.depth(), kind="stable")
        for node in order:
            if self.parent[node] >= 0:
                weights[node] = local[node] * weights[self.parent[node]]
        return weights

    def global_leaf_weights(self, local: Mapping[Hashable, float] | Sequence[float],
                            sibling_tolerance: float = SIBLING_SUM_TOLERANCE) -> dict[Hashable, float]:
        """``{leaf: global weight}``; they sum to 1."""
        weights = dict(zip(self.keys, self.global_weights(local, sibling_tolerance)))
        return {leaf: float(weights[leaf]) for leaf in self.leaves()}

    def local_from_given(self, given: Mapping[Hashable, float]) -> np.ndarray:
        """Local weights from any positive numbers per node, normalised within each cluster of siblings
        (weights given by a decree or by HR, e.g. 40/30/30); a node alone in its cluster needs none."""
        position = {key: index for index, key in enumerate(self.keys)}
        local = np.ones(len(self.keys))
        for up, members in self.clusters().items():
            if len(members) == 1:
                continue
            values = np.array([given.get(key, np.nan) for key in members], dtype=float)
            if np.any(~np.isfinite(values)) or np.any(values <= 0):
                bad = members[int(np.flatnonzero(~(np.isfinite(values) & (values > 0)))[0])]
                raise ValueError(f"{bad!r} needs a positive weight")
            local[[position[key] for key in members]] = values / values.sum()
        return local

    def local_from_leaves(self, leaves: Mapping[Hashable, float]) -> np.ndarray:
        """Local weights from positive global weights of the leaves (normalised to sum 1): an inner node
        weighs the sum of its leaves, and a node's local weight is its share of its parent's."""
        missing = [leaf for leaf in self.leaves() if not (np.isfinite(leaves.get(leaf, np.nan)) and
                                                          leaves.get(leaf, 0) > 0)]
        if missing:
            raise ValueError(f"{missing[0]!r} needs a positive weight")
        position = {key: index for index, key in enumerate(self.keys)}
        total = np.zeros(len(self.keys))
        for leaf in self.leaves():
            node = position[leaf]
            while node >= 0:  # add the leaf's weight to it and every node above it
                total[node] += leaves[leaf]
                node = self.parent[node]
        above = np.where(self.parent >= 0, total[np.maximum(self.parent, 0)], total[self.parent < 0].sum())
        return total / above

    def left_out(self, groups: Sequence[tuple[Hashable | None, Sequence[Hashable]]]) -> list[Hashable]:
        """Nodes that comparison ``groups`` give no weight: in no group, and with no member below them of a
        group anchored above them (see ``global_from_groups``), in tree order."""
        position = {key: index for index, key in enumerate(self.keys)}
        anchor_of = self._anchors(groups, position)
        covered = np.zeros(len(self.keys), dtype=bool)
        for member, anchor in anchor_of.items():
            covered[member] = True
            up = self.parent[member]
            while up >= 0 and up != anchor:  # the nodes between a member and its anchor weigh what lies below
                covered[up] = True
                up = self.parent[up]
        return [key for key, done in zip(self.keys, covered) if not done]

    def global_from_groups(self, groups: Sequence[tuple[Hashable | None, Sequence[Hashable]]],
                           weights: Mapping[Hashable, float]) -> np.ndarray:
        """Global weights when each comparison group shares out its anchor's weight (1 for anchor None).

        A group ``(anchor, members)`` compares nodes below ``anchor`` (anywhere when None) and gives them
        ``weights`` summing to 1: a member's global weight is its anchor's times its own. A node between
        members and their anchor is not compared: it weighs the sum of those members below it (all the
        objectives compared together: a perspective weighs the sum of its objectives). Groups of siblings
        give the usual product of local weights down the tree. Each weight may be an array of the same
        shape (one per draw of a bootstrap, or per step of a scan; single numbers broadcast): the result
        is then ``(nodes, *shape)``.
        """
        position = {key: index for index, key in enumerate(self.keys)}
        anchor_of = self._anchors(groups, position)
        missing = self.left_out(groups)
        if missing:
            raise ValueError(f"no comparison group gives {missing[0]!r} a weight")
        shape = np.broadcast_shapes(*(np.shape(weights[self.keys[node]]) for node in anchor_of))
        found = np.full((len(self.keys),) + shape, np.nan)
        for node in np.argsort(self.depth(), kind="stable"):  # anchors lie above their members
            if node in anchor_of:
                anchor = anchor_of[node]
                weight = np.asarray(weights[self.keys[node]], dtype=float)
                found[node] = weight * (1.0 if anchor < 0 else found[anchor])
        for member, anchor in anchor_of.items():
            up = self.parent[member]
            while up >= 0 and up != anchor:
                found[up] = np.where(np.isnan(found[up]), 0.0, found[up]) + found[member]
                up = self.parent[up]
        return found

    def local_from_global(self, global_weights: Sequence[float]) -> np.ndarray:
        """Each node's share of its parent's global weight (a top node's is its global weight)."""
        weights = np.asarray(global_weights, dtype=float)
        above = np.where(self.parent >= 0, weights[np.maximum(self.parent, 0)], 1.0)
        return weights / above

    def _anchors(self, groups, position) -> dict[int, int]:
        """{member index: anchor index, -1 for none}; a member is in one group, below its anchor."""
        anchor_of: dict[int, int] = {}
        for anchor, members in groups:
            top = -1 if anchor is None else position[anchor]
            for key in members:
                node = position[key]
                if node in anchor_of:
                    raise ValueError(f"{key!r} is in two comparison groups")
                up = self.parent[node]
                while up >= 0 and up != top:
                    up = self.parent[up]
                if up != top:
                    raise ValueError(f"{key!r} is compared under {anchor!r}, which is not above it")
                anchor_of[node] = top
        for node, top in anchor_of.items():
            if top >= 0 and top not in anchor_of:
                raise ValueError(f"{self.keys[top]!r} anchors a comparison group but is in none itself")
            up = self.parent[node]
            while up >= 0 and up != top:
                if up in anchor_of:
                    raise ValueError(f"{self.keys[up]!r} is compared, and also weighs what is compared below it")
                up = self.parent[up]
        return anchor_of

    def _aligned(self, local) -> np.ndarray:
        if isinstance(local, Mapping):
            missing = [key for key in self.keys if key not in local]
            if missing:
                raise ValueError(f"no local weight for {missing[0]!r}")
            local = [local[key] for key in self.keys]
        local = np.asarray(local, dtype=float)
        if local.shape != (len(self.keys),):
            raise ValueError(f"{local.size} local weights given for {len(self.keys)} nodes")
        if np.any(~np.isfinite(local)) or np.any(local < 0):
            raise ValueError("local weights must be non-negative numbers")
        return local

    def _check_siblings(self, local: np.ndarray, tolerance: float) -> None:
        position = {key: index for index, key in enumerate(self.keys)}
        for up, members in self.clusters().items():
            total = sum(local[position[key]] for key in members)
            if abs(total - 1.0) > tolerance:
                where = "the top level" if up is None else f"the children of {up!r}"
                raise ValueError(f"local weights of {where} sum to {total:.6g}, not 1")
