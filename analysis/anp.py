"""The Analytic Network Process: weights when elements influence each other.

Saaty, "Theory and Applications of the Analytic Network Process" (2005).
Column j of the supermatrix holds, cluster by cluster, the local priorities of
the elements that influence element j. Cluster weights make the columns sum
to 1 (the weighted supermatrix); its powers converge to the limit supermatrix,
whose rows give each element's weight. When the powers cycle (a periodic
network) the limit is the Cesàro average of one cycle.
"""
from __future__ import annotations

from typing import Hashable, Mapping, Sequence

import numpy as np

STOCHASTIC_TOLERANCE = 1e-9
LIMIT_TOLERANCE = 1e-12
MAX_POWERS = 100_000


def unweighted_supermatrix(elements: Sequence[Hashable], clusters: Sequence[Hashable],
                           priorities: Mapping[tuple[Hashable, Hashable], Mapping[Hashable, float]]) -> np.ndarray:
    """Supermatrix from ``{(influenced element, cluster): {element of that cluster: local priority}}``.

    Each given vector must cover exactly the elements of that cluster and sum to 1.
    """
    if len(elements) != len(clusters):
        raise ValueError("give one cluster per element")
    index = {element: position for position, element in enumerate(elements)}
    members = _members(elements, clusters)
    W = np.zeros((len(elements), len(elements)))
    for (target, cluster), vector in priorities.items():
        if target not in index:
            raise ValueError(f"priorities are given with respect to {target!r}, which is not an element")
        if cluster not in members:
            raise ValueError(f"{cluster!r} is not a cluster of this network")
        if set(vector) != set(members[cluster]):
            raise ValueError(f"the priorities of cluster {cluster!r} with respect to {target!r} must cover "
                             f"exactly its elements {members[cluster]}")
        values = np.array([vector[element] for element in members[cluster]], dtype=float)
        if np.any(~np.isfinite(values)) or np.any(values < 0) or abs(values.sum() - 1) > 1e-6:
            raise ValueError(f"the priorities of cluster {cluster!r} with respect to {target!r} must be "
                             "non-negative and sum to 1")
        W[[index[element] for element in members[cluster]], index[target]] = values
    return W


def weighted_supermatrix(W: np.ndarray, clusters: Sequence[Hashable],
                         cluster_weights: Mapping[tuple[Hashable, Hashable], float]) -> np.ndarray:
    """Scale each block by the weight of cluster ``c`` with respect to cluster ``d``, ``{(c, d): weight}``.

    Columns are then renormalised over the blocks that actually influence them,
    as Super Decisions does, so every non-empty column sums to 1.
    """
    W = _square(W)
    labels = np.asarray(clusters, dtype=object)
    if labels.shape != (W.shape[0],):
        raise ValueError("give one cluster per element")
    weighted = np.zeros_like(W)
    for (c, d), weight in cluster_weights.items():
        if weight < 0 or not np.isfinite(weight):
            raise ValueError(f"cluster weight ({c!r}, {d!r}) must be a non-negative number")
        rows, cols = labels == c, labels == d
        if not rows.any() or not cols.any():
            raise ValueError(f"cluster weight ({c!r}, {d!r}) names a cluster with no elements")
        weighted[np.ix_(rows, cols)] = W[np.ix_(rows, cols)] * weight
    totals = weighted.sum(axis=0)
    return np.divide(weighted, totals, out=np.zeros_like(weighted), where=totals > 0)


def limit_supermatrix(W: np.ndarray, tolerance: float = LIMIT_TOLERANCE, max_powers: int = MAX_POWERS) -> np.ndarray:
    """lim W^k of a column-stochastic supermatrix; the Cesàro average when the powers cycle."""
    W = _column_stochastic(W)
    n = W.shape[0]
    history = [W]
    power = W
    for _ in range(max_powers):
        power = power @ W
        for period in range(1, min(len(history), n) + 1):
            if np.abs(power - history[-period]).max() < tolerance:
                cycle = history[-period:]
                return np.mean(cycle, axis=0) if period > 1 else power
        history = (history + [power])[-n:]
    raise ValueError(f"the supermatrix powers did not settle after {max_powers} steps")


#: A cluster whose share of the limit weight is below this receives none: in a reducible network the weight
#: of a transient cluster decays towards zero (to ~1e-13 after the powers settle), and normalising that
#: residue would make up a vector from the direction of decay.
NO_WEIGHT_SHARE = 1e-9


def cluster_normalised(limit: np.ndarray, clusters: Sequence[Hashable]) -> dict[Hashable, np.ndarray | None]:
    """Weights per cluster from the limit supermatrix: each element's row value, normalised within its cluster.

    A cluster that receives no weight in the limit (nothing influences it, or its weight decays away in a
    reducible network) maps to None: it has no limit priorities, and the caller says so.
    """
    limit = _square(limit)
    values = limit.mean(axis=1)  # every column is the same once the limit is reached; averaging is robust to sinks
    labels = np.asarray(clusters, dtype=object)
    weights: dict[Hashable, np.ndarray | None] = {}
    for cluster in dict.fromkeys(clusters):
        inside = values[labels == cluster]
        total = inside.sum()
        weights[cluster] = inside / total if total > NO_WEIGHT_SHARE * values.sum() else None
    return weights


def _members(elements, clusters) -> dict[Hashable, list[Hashable]]:
    members: dict[Hashable, list[Hashable]] = {}
    for element, cluster in zip(elements, clusters):
        members.setdefault(cluster, []).append(element)
    return members


def _square(W: np.ndarray) -> np.ndarray:
    W = np.asarray(W, dtype=float)
    if W.ndim != 2 or W.shape[0] != W.shape[1] or W.shape[0] == 0:
        raise ValueError(f"a supermatrix must be square, got shape {W.shape}")
    if np.any(~np.isfinite(W)) or np.any(W < 0):
        raise ValueError("a supermatrix holds non-negative priorities")
    return W


def _column_stochastic(W: np.ndarray) -> np.ndarray:
    W = _square(W)
    totals = W.sum(axis=0)
    wrong = np.flatnonzero(np.abs(totals - 1) > STOCHASTIC_TOLERANCE)
    if wrong.size:
        raise ValueError(
            f"the supermatrix is not column-stochastic: column {wrong[0]} sums to {totals[wrong[0]]:.6g}; "
            "weight it by cluster weights first, and give every element at least one influence"
        )
    return W
