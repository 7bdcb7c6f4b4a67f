"""Consensus groups: two planted camps are found, and the judgments that separate them come first."""
import itertools

import numpy as np
import pytest

from analysis.ahp import aggregate, consensus, priorities
from analysis.consensus_groups import THRESHOLD, groups_at, separating_pairs, similarity
from analysis.hierarchy import Hierarchy

pytestmark = pytest.mark.maths


def judged(weights, noise, rng):
    n = len(weights)
    a = np.ones((n, n))
    for i, j in itertools.combinations(range(n), 2):
        a[i, j] = weights[i] / weights[j] * np.exp(rng.normal(0, noise))
        a[j, i] = 1 / a[i, j]
    return a


def test_similarity_is_s_star_of_the_two_respondents_alone():
    rng = np.random.default_rng(4)
    p = rng.dirichlet(np.ones(5), 8)
    found = similarity(p)
    for i, j in itertools.combinations(range(8), 2):
        assert abs(found[i, j] - consensus(p[[i, j]])) < 1e-12
        assert found[i, j] == found[j, i]
    assert np.allclose(np.diag(found), 1.0)


def test_two_planted_camps_are_two_groups_and_the_pairs_that_separate_them_come_first():
    rng = np.random.default_rng(2026)
    tree = Hierarchy.from_parents({"P1": None, "P2": None, "P3": None, "P4": None,
                                   "K1": "P1", "K2": "P1", "K3": "P2", "K4": "P2"})
    camps = {0: [0.55, 0.2, 0.15, 0.1], 1: [0.1, 0.15, 0.2, 0.55]}  # opposite views of the perspectives
    who = list(range(12))
    camp_of = [k % 2 for k in who]
    pages = {"root": [judged(camps[camp_of[k]], 0.15, rng) for k in who],
             "P1": [judged([0.6, 0.4], 0.15, rng) for k in who],
             "P2": [judged([0.3, 0.7], 0.15, rng) for k in who]}
    local = {page: priorities(np.stack(matrices)) for page, matrices in pages.items()}
    groups_of_tree = [(None, ["P1", "P2", "P3", "P4"]), ("P1", ["K1", "K2"]), ("P2", ["K3", "K4"])]
    weights = {**{f"P{i + 1}": local["root"][:, i] for i in range(4)},
               "K1": local["P1"][:, 0], "K2": local["P1"][:, 1], "K3": local["P2"][:, 0], "K4": local["P2"][:, 1]}
    global_weights = tree.global_from_groups(groups_of_tree, weights).T  # (respondents, nodes)
    overall = global_weights / global_weights.sum(axis=1, keepdims=True)

    groups = groups_at(similarity(overall), THRESHOLD)
    assert sorted(map(sorted, groups)) == [[k for k in who if camp_of[k] == c] for c in (0, 1)]
    # Page by page: the camps part on the perspectives, agree below them.
    assert len(groups_at(similarity(local["root"]))) == 2
    assert groups_at(similarity(local["P1"])) == [who]

    separations = separating_pairs({page: (np.stack(m), who) for page, m in pages.items()}, groups)
    first = separations[0]
    assert first.page == "root" and (first.row, first.column) == (0, 3)  # P1 against P4: 5.5 against 1/5.5
    assert all(s.page == "root" for s in separations[:6])
    assert separations[6].spread < 0.5 * separations[5].spread
    members = groups[0]
    expected = aggregate(np.stack(pages["root"])[members])[0, 3]
    assert abs(first.judgments[0] - expected) < 1e-12


def test_everyone_alike_is_one_group_and_everyone_apart_is_alone():
    same = np.tile([0.4, 0.3, 0.2, 0.1], (5, 1))
    assert groups_at(similarity(same)) == [[0, 1, 2, 3, 4]]
    apart = np.eye(4) * 0.9 + 0.1 / 3 * (1 - np.eye(4))
    assert groups_at(similarity(apart)) == [[0], [1], [2], [3]]
