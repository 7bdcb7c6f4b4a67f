"""Sensitivity of the published SAMSAT case: the exact thresholds against a brute-force scan that moves
each weight step by step, recomputes every global weight through the tree and reads the ranking, the
light and the predikat again."""
import numpy as np
import pytest

from analysis.ahp import priorities
from analysis.hierarchy import Hierarchy
from analysis.predikat import DEFAULT_PRESET, PRESETS, level_percent, predikat_index
from analysis.scoring import LIGHT_THRESHOLDS, light_codes
from analysis.sensitivity import index_thresholds, leaf_lines, order_thresholds
from tests.reference import cluster_matrix, samsat

pytestmark = pytest.mark.maths

BANDS = PRESETS[DEFAULT_PRESET]
CUTS = list(LIGHT_THRESHOLDS) + [band.lower / 10 for band in BANDS]
STEP, TOLERANCE = 1e-3, 1e-10


def samsat_case():
    parents = {}
    for perspective, body in samsat()["hierarchy"].items():
        parents[perspective] = None
        for objective, inner in body["objectives"].items():
            parents[objective] = perspective
            parents.update({kpi: objective for kpi in inner["kpis"]})
    tree = Hierarchy.from_parents(parents)
    groups = [(parent, members) for parent, members in tree.clusters().items()]
    weights = {}
    for parent, members in groups:
        if len(members) == 1:
            weights[members[0]] = 1.0
            continue
        order, matrix = cluster_matrix("perspectives" if parent is None else parent)
        weights.update(dict(zip(order, priorities(matrix))))
    levels = {kpi: body["level"] for kpi, body in samsat()["omax_2010"]["kpis"].items()}
    return tree, groups, weights, levels


def moved(groups, weights, member, t):
    """The weights with ``member`` at t and its group's other members rescaled proportionally."""
    mates = next(members for _, members in groups if member in members)
    scale = (1 - t) / (1 - weights[member])
    return {**weights, **{mate: weights[mate] * scale for mate in mates if mate != member}, member: t}


def leaf_weights(tree, groups, weights):
    position = {key: k for k, key in enumerate(tree.keys)}
    found = tree.global_from_groups(groups, {key: np.asarray(w, dtype=float) for key, w in weights.items()})
    return found[[position[leaf] for leaf in tree.leaves()]]


def first_change(changed, start, end):
    """Walk from ``start`` to ``end`` in steps (all at once: ``changed`` takes an array of weights), then
    halve the step where ``changed`` first turns true."""
    direction = np.sign(end - start)
    grid = np.append(start + direction * STEP * np.arange(1, int(abs(end - start) / STEP) + 1), end)
    hits = np.flatnonzero(changed(grid))
    if not len(hits):
        return None
    high = grid[hits[0]]
    low = grid[hits[0] - 1] if hits[0] else start
    while abs(high - low) > TOLERANCE:
        middle = (low + high) / 2
        low, high = (low, middle) if changed(np.array([middle]))[0] else (middle, high)
    return float(high)


def test_order_thresholds_equal_a_brute_force_scan_on_the_samsat_case():
    tree, groups, weights, _ = samsat_case()
    now = leaf_weights(tree, groups, weights)
    top = np.flatnonzero(now >= np.sort(now)[::-1][2] - 1e-12)  # the three heaviest, ties included
    pairs = [(k, m) for k in top for m in range(len(now)) if m != k and abs(now[k] - now[m]) > 1e-12]

    def order_changed(member):
        def changed(t):
            then = leaf_weights(tree, groups, moved(groups, weights, member, t))  # (leaves, len(t))
            return np.any([np.sign(then[k] - then[m]) != np.sign(now[k] - now[m]) for k, m in pairs], axis=0)
        return changed
    found = {threshold.member: threshold for threshold in order_thresholds(tree, groups, weights)}
    assert set(found) == {m for _, members in groups if len(members) > 1 for m in members}
    compared = 0
    for member, threshold in found.items():
        changed = order_changed(member)
        for exact, end in ((threshold.below, 0.0), (threshold.above, 1.0)):
            scanned = first_change(changed, weights[member], end)
            assert (exact is None) == (scanned is None), (member, exact, scanned)
            if exact is not None:
                assert abs(exact - scanned) < 1e-6, (member, exact, scanned)
                compared += 1
    assert compared >= 20


def test_index_thresholds_equal_a_brute_force_scan_of_the_light_and_predikat_on_the_samsat_case():
    tree, groups, weights, levels = samsat_case()
    leaves = tree.leaves()
    level = np.array([levels[leaf] for leaf in leaves])

    def signal(w):
        index = level @ leaf_weights(tree, groups, w)
        return np.stack([light_codes(index), predikat_index(level_percent(index), BANDS)])
    start = signal(weights).reshape(2, 1)  # (light, predikat) now
    found = index_thresholds(tree, groups, weights, levels, CUTS)
    compared = 0
    for threshold in found:
        def changed(t, member=threshold.member):
            return (signal(moved(groups, weights, member, t)) != start).any(axis=0)
        for exact, end in ((threshold.below, 0.0), (threshold.above, 1.0)):
            scanned = first_change(changed, weights[threshold.member], end)
            assert (exact is None) == (scanned is None), (threshold.member, exact, scanned)
            if exact is not None:
                assert abs(exact - scanned) < 1e-6
                compared += 1
    assert compared >= 5
    # The case itself: an index of about 7.9, yellow and "Baik": the closest threshold is the light's 8.
    closest = min((t for t in found if t.margin is not None), key=lambda t: t.margin)
    assert closest.margin < 0.2


def test_a_leafs_global_weight_is_the_line_the_thresholds_solve():
    tree, groups, weights, _ = samsat_case()
    for member in ("C", "C1", "C1b", "L2a"):
        a, b = leaf_lines(tree, groups, weights, member)
        for t in (0.05, 0.3, 0.77):
            assert np.allclose(a + b * t, leaf_weights(tree, groups, moved(groups, weights, member, t)), atol=1e-15)


def test_a_member_holding_all_or_none_of_its_group_has_no_threshold_and_computes_no_division_by_zero():
    """A weight of 1 leaves its mates nothing to rescale in proportion, a weight of 0 gives its KPIs no share to
    scale: where a move would change the result is undefined, so the member is not offered (the rest are)."""
    tree, groups, weights, levels = samsat_case()
    group = next(members for _, members in groups if len(members) > 2)
    whole, empty, other = group[0], group[1], group[2]
    edge = {**weights, **{member: 0.0 for member in group}, whole: 1.0}
    with np.errstate(all="raise"):  # a 0/0 or x/0 anywhere fails the test
        found = [*order_thresholds(tree, groups, edge), *index_thresholds(tree, groups, edge, levels, CUTS)]
    members = {threshold.member for threshold in found}
    assert whole not in members and empty not in members and other not in members
    assert members and all(0 < edge[member] < 1 for member in members)
    usual = {threshold.member for threshold in order_thresholds(tree, groups, weights)}
    assert {whole, empty, other} <= usual  # the same members are offered at ordinary weights
