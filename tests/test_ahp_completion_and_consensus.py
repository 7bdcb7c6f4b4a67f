"""Optimal completion against its former, slow method; Goepel's consensus against the published formula."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ahp import (
    complete,
    consensus,
    consensus_word,
    consistency,
    largest_cluster,
    random_index,
    random_matrices,
    relative_homogeneity,
    unlinked_elements,
)
from analysis.ahp.eigen import perron
from analysis.messages import InputError
from tests.completion_oracle import complete_by_coordinate_descent

pytestmark = pytest.mark.maths


def with_dont_knows(A, rng, share=0.5):
    """A copy of A with about ``share`` of its pairs unanswered, keeping the chain 0-1-2-... that links them all."""
    A = A.copy()
    n = A.shape[0]
    for i, j in zip(*np.triu_indices(n, k=1)):
        if j != i + 1 and rng.random() < share:
            A[i, j] = A[j, i] = np.nan
    return A


@pytest.mark.parametrize("seed", range(8))
def test_completion_equals_the_former_coordinate_descent_to_a_millionth(seed):
    rng = np.random.default_rng(seed)
    n = 4 + seed % 5
    A = with_dont_knows(random_matrices(1, n, rng)[0], rng)
    assert np.isnan(A).any()
    fast, slow = complete(A), complete_by_coordinate_descent(A)
    np.testing.assert_allclose(fast, slow, rtol=1e-6)
    assert perron(fast)[0] <= perron(slow)[0] + 1e-12  # never less optimal than the oracle


def test_a_half_answered_20_element_matrix_is_completed_to_the_minimum_of_lambda_max():
    rng = np.random.default_rng(20)
    A = with_dont_knows(random_matrices(1, 20, rng)[0], rng)
    filled = complete(A)
    np.testing.assert_array_equal(filled[~np.isnan(A)], A[~np.isnan(A)])  # given judgments untouched
    np.testing.assert_allclose(filled * filled.T, 1.0)
    best = perron(filled)[0]
    for i, j in list(zip(*np.nonzero(np.triu(np.isnan(A)))))[::7]:
        for factor in (1.001, 1 / 1.001):  # moving any filled pair either way raises lambda_max
            moved = filled.copy()
            moved[i, j] *= factor
            moved[j, i] = 1 / moved[i, j]
            assert perron(moved)[0] > best


def test_unlinked_elements_are_those_no_chain_of_judgments_reaches():
    A = np.full((5, 5), np.nan)
    np.fill_diagonal(A, 1)
    for i, j, value in [(0, 1, 3), (1, 3, 2), (2, 4, 5)]:
        A[i, j], A[j, i] = value, 1 / value
    assert unlinked_elements(A).tolist() == [2, 4]
    A[3, 4], A[4, 3] = 2, 0.5
    assert unlinked_elements(A).tolist() == []
    assert unlinked_elements(np.array([[1, np.nan], [np.nan, 1]])).tolist() == [1]


def test_alonso_lamata_random_index_extends_to_any_cluster_size_by_its_formula():
    assert largest_cluster("alonso_lamata") is None
    assert random_index(15, "alonso_lamata") == pytest.approx(1.5838)  # the published table
    for n in (16, 20, 30):
        assert random_index(n, "alonso_lamata") == pytest.approx((1.7699 * n - 4.3513) / (n - 1))
    assert consistency(np.ones((25, 25)), ri="alonso_lamata").cr == pytest.approx(0)


def test_a_table_too_short_for_a_cluster_says_where_it_stops():
    assert (largest_cluster("saaty"), largest_cluster("donegan_dodd")) == (15, 20)
    with pytest.raises(InputError, match="17-element cluster is too large for the saaty random index table, "
                                         "which stops at 15 elements") as error:
        consistency(np.ones((17, 17)))
    assert error.value.values == {"n": 17, "table": "saaty", "largest": 15}


def published_s_star(priorities, weights, scale_max=9):
    """S* written out term by term from Goepel (2018) / AHP-OS, independently of analysis.ahp."""
    k, n = len(priorities), len(priorities[0])
    total = sum(weights)
    lam = [w / total for w in weights]
    h_alpha = sum(lam[r] * -sum(p * math.log(p) for p in priorities[r]) for r in range(k))
    mean = [sum(lam[r] * priorities[r][i] for r in range(k)) for i in range(n)]
    h_gamma = -sum(p * math.log(p) for p in mean)
    d_beta = math.exp(h_gamma) / math.exp(h_alpha)
    extreme = [scale_max / (scale_max + n - 1)] + [1 / (scale_max + n - 1)] * (n - 1)
    h_alpha_min = -sum(p * math.log(p) for p in extreme)
    c = n / math.exp(h_alpha_min)
    return (1 / d_beta - 1 / c) / (1 - 1 / c)


def extreme_priorities(n, favourite, scale_max=9):
    """The priorities of a respondent who puts one element scale_max times above all others."""
    A = np.ones((n, n))
    A[favourite, :], A[:, favourite] = scale_max, 1 / scale_max
    A[favourite, favourite] = 1
    return perron(A)[1]


@pytest.mark.parametrize("n", [2, 3, 5, 9])
def test_consensus_is_zero_when_each_respondent_puts_a_different_element_far_above_the_rest(n):
    group = np.stack([extreme_priorities(n, k) for k in range(n)])
    assert consensus(group) == pytest.approx(0, abs=1e-9)
    assert relative_homogeneity(group) > 0.3  # the uncorrected measure reads far above zero here
    assert consensus_word(consensus(group)) == "very low"


def test_consensus_is_one_when_every_respondent_gives_the_same_priorities():
    same = np.tile(extreme_priorities(4, 2), (5, 1))
    assert consensus(same) == pytest.approx(1) and relative_homogeneity(same) == pytest.approx(1)
    assert consensus_word(1.0) == "very high"


def test_consensus_equals_the_published_formula_on_random_groups():
    rng = np.random.default_rng(11)
    for _ in range(50):
        n, k = rng.integers(2, 9), rng.integers(2, 12)
        group = perron(random_matrices(k, n, rng))[1]
        weights = rng.uniform(0.5, 3, size=k)
        expected = published_s_star(group.tolist(), weights.tolist())
        assert consensus(group, weights) == pytest.approx(min(max(expected, 0), 1), abs=1e-12)
        assert consensus(group, weights) <= relative_homogeneity(group, weights) + 1e-12


def test_the_scales_maximum_sets_the_zero_of_consensus():
    group = np.stack([extreme_priorities(3, k, scale_max=5) for k in range(3)])
    assert consensus(group, scale_max=5) == pytest.approx(0, abs=1e-9)
    assert consensus(group, scale_max=9) > 0.1  # on a 1-9 scale these respondents are not the most apart
    with pytest.raises(ValueError, match="scale's maximum must be a number above 1"):
        consensus(group, scale_max=1)


@pytest.mark.parametrize("value, word", [(0.49, "very low"), (0.5, "low"), (0.62, "low"), (0.625, "moderate"),
                                         (0.75, "high"), (0.874, "high"), (0.875, "very high")])
def test_consensus_words_follow_goepels_scale(value, word):
    assert consensus_word(value) == word


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 12), st.integers(0, 10_000))
def test_completing_a_consistent_matrix_with_gaps_gives_back_the_consistent_matrix(n, seed):
    rng = np.random.default_rng(seed)
    w = rng.uniform(0.2, 3, size=n)
    consistent = w[:, None] / w[None, :]
    np.testing.assert_allclose(complete(with_dont_knows(consistent, rng, 0.6)), consistent, rtol=1e-8)
