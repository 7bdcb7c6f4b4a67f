"""ANP supermatrices, the scorecard tree and direct rating."""
import numpy as np
import pytest

from analysis.anp import cluster_normalised, limit_supermatrix, unweighted_supermatrix, weighted_supermatrix
from analysis.hierarchy import Hierarchy
from analysis.rating import direct_rating_weights, group_direct_rating, group_rating, rating_range

pytestmark = pytest.mark.maths


def test_global_weights_are_products_along_the_path_and_sum_to_one():
    tree = Hierarchy.from_parents({"F": None, "C": None, "F1": "F", "C1": "C", "C2": "C",
                                   "F1a": "F1", "C1a": "C1", "C1b": "C1", "C2a": "C2"})
    local = {"F": 0.4, "C": 0.6, "F1": 1, "C1": 0.75, "C2": 0.25, "F1a": 1, "C1a": 0.2, "C1b": 0.8, "C2a": 1}
    leaves = tree.global_leaf_weights(local)
    assert leaves == pytest.approx({"F1a": 0.4, "C1a": 0.09, "C1b": 0.36, "C2a": 0.15})
    assert sum(leaves.values()) == pytest.approx(1)
    assert tree.clusters() == {None: ["F", "C"], "F": ["F1"], "C": ["C1", "C2"], "F1": ["F1a"],
                               "C1": ["C1a", "C1b"], "C2": ["C2a"]}


def test_a_tree_of_any_depth_and_names_works():
    tree = Hierarchy.from_parents({"Keuangan": None, "Pelanggan": None, "K1": "Keuangan", "P1": "Pelanggan"})
    assert tree.global_leaf_weights([0.3, 0.7, 1, 1]) == {"K1": 0.3, "P1": 0.7}


@pytest.mark.parametrize("parents, local, message", [
    ({"a": None, "b": "zzz"}, [1, 1], "not in the scorecard"),
    ({"a": "b", "b": "a"}, [1, 1], "cycle"),
    ({"a": None, "b": None}, [0.5, 0.6], "top level sum to 1.1"),
    ({"a": None}, [-1], "non-negative"),
])
def test_bad_trees_and_weights_are_refused(parents, local, message):
    with pytest.raises(ValueError, match=message):
        Hierarchy.from_parents(parents).global_weights(local)


def test_limit_of_a_primitive_supermatrix_has_identical_columns():
    W = np.array([[0.0, 0.5, 0.3], [0.6, 0.0, 0.7], [0.4, 0.5, 0.0]])
    limit = limit_supermatrix(W)
    np.testing.assert_allclose(limit, limit @ W, atol=1e-10)
    np.testing.assert_allclose(limit[:, 0], limit[:, 1], atol=1e-10)
    values, vectors = np.linalg.eig(W)
    stationary = np.abs(vectors[:, np.argmax(values.real)].real)
    np.testing.assert_allclose(limit[:, 0], stationary / stationary.sum(), atol=1e-10)


def test_a_cycling_supermatrix_gives_the_cesaro_average():
    W = np.array([[0.0, 1.0], [1.0, 0.0]])  # powers alternate between W and I
    np.testing.assert_allclose(limit_supermatrix(W), np.full((2, 2), 0.5))


def test_anp_network_from_local_priorities_to_cluster_weights():
    elements = ["Cost", "Quality", "A", "B"]
    clusters = ["criteria", "criteria", "options", "options"]
    priorities = {
        ("Cost", "options"): {"A": 0.7, "B": 0.3}, ("Quality", "options"): {"A": 0.2, "B": 0.8},
        ("A", "criteria"): {"Cost": 0.6, "Quality": 0.4}, ("B", "criteria"): {"Cost": 0.3, "Quality": 0.7},
        ("Cost", "criteria"): {"Cost": 0.0, "Quality": 1.0}, ("Quality", "criteria"): {"Cost": 1.0, "Quality": 0.0},
    }
    W = unweighted_supermatrix(elements, clusters, priorities)
    weighted = weighted_supermatrix(W, clusters, {("options", "criteria"): 0.5, ("criteria", "criteria"): 0.5,
                                                  ("criteria", "options"): 1.0})
    np.testing.assert_allclose(weighted.sum(axis=0), 1.0)
    weights = cluster_normalised(limit_supermatrix(weighted), clusters)
    assert weights["criteria"].sum() == pytest.approx(1) and weights["options"].sum() == pytest.approx(1)
    assert np.all(weights["options"] > 0)


def test_a_supermatrix_that_is_not_column_stochastic_is_refused():
    with pytest.raises(ValueError, match="column 1 sums to 0.5"):
        limit_supermatrix(np.array([[1.0, 0.2], [0.0, 0.3]]))


def test_local_priorities_must_cover_their_cluster():
    with pytest.raises(ValueError, match="cover exactly"):
        unweighted_supermatrix(["a", "b"], ["x", "x"], {("a", "x"): {"a": 1.0}})


def test_direct_rating_divides_scores_by_their_sum():
    np.testing.assert_allclose(direct_rating_weights([80, 60, 60]), [0.4, 0.3, 0.3])
    np.testing.assert_allclose(group_direct_rating([[80, 20], [50, 50]]), [0.65, 0.35])


@pytest.mark.parametrize("scores, message", [([0, 0], "every criterion 0"), ([120, 10], "from 0 to 100"),
                                             ([np.nan, 1], "from 0 to 100")])
def test_bad_direct_ratings_are_refused(scores, message):
    with pytest.raises(ValueError, match=message):
        direct_rating_weights(scores)


def test_a_groups_weights_are_its_mean_ratings_normalised_arithmetic_or_geometric():
    ratings = [[8, 2, 5], [6, 4, 5], [10, 3, 5]]
    np.testing.assert_allclose(group_direct_rating(ratings), np.array([8, 3, 5]) / 16)
    geometric = np.array([(8 * 6 * 10) ** (1 / 3), (2 * 4 * 3) ** (1 / 3), 5.0])
    np.testing.assert_allclose(group_direct_rating(ratings, "geometric"), geometric / geometric.sum())
    # Weighted per rater, as AIJ weights judgments: the second rater counts twice.
    np.testing.assert_allclose(group_rating(ratings, "arithmetic", [1, 2, 1]).means, [7.5, 3.25, 5])


def test_dont_know_leaves_a_criterions_mean_to_the_other_raters():
    found = group_rating([[np.nan, 4], [6, 2], [8, 6]])
    np.testing.assert_allclose(found.means, [7, 4])
    assert list(found.raters) == [2, 3]
    nobody = group_rating([[np.nan, 4], [np.nan, 2]])
    assert nobody.weights is None and np.isnan(nobody.means[0])  # a poor result, not NaN weights
    assert group_rating([[0, 0], [0, 0]]).weights is None


@pytest.mark.parametrize("call, message", [
    (lambda: group_rating([[1, 0]], "geometric"), "above 0"),
    (lambda: group_rating([[1, -1]]), "0 or more"),
    (lambda: group_rating([[1, np.inf]]), "finite"),
    (lambda: group_rating([[1, 2]], "median"), "arithmetic"),
    (lambda: group_rating([1, 2]), "raters, criteria"),
    (lambda: group_rating([[1, 2], [3, 4]], rater_weights=[1, 0]), "positive weight per rater"),
    (lambda: group_direct_rating([[np.nan, 2]]), "no weights follow"),
    (lambda: rating_range(7, "arithmetic"), "scale"),
    (lambda: rating_range(10, "mode"), "mean of ratings"),
])
def test_bad_group_ratings_are_refused_naming_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_a_geometric_mean_on_the_0_to_100_scale_starts_at_1():
    assert rating_range(100, "geometric") == (1.0, 100.0)
    assert rating_range(100, "arithmetic") == (0.0, 100.0) and rating_range(10, "geometric") == (1.0, 10.0)


def test_a_cluster_whose_limit_weight_decays_away_in_a_reducible_network_has_no_limit_priorities():
    # Cluster "source" influences "sink" but nothing flows back: the powers carry all weight into "sink",
    # and what is left in "source" decays like 0.5^k, about 1e-13 once the powers settle.
    clusters = ["source", "source", "sink", "sink"]
    W = np.array([[0.25, 0.25, 0.0, 0.0],
                  [0.25, 0.25, 0.0, 0.0],
                  [0.30, 0.10, 0.6, 0.3],
                  [0.20, 0.40, 0.4, 0.7]])
    limit = limit_supermatrix(W)
    assert 0 < limit[:2].sum() < 1e-9  # the decay residue the old code normalised into a vector
    weights = cluster_normalised(limit, clusters)
    assert weights["source"] is None
    np.testing.assert_allclose(weights["sink"], [3 / 7, 4 / 7])  # the stationary vector of the sink block
