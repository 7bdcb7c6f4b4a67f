"""Intervals from the respondents: the bootstrap against a direct resampling written here, and its
coverage on simulated rounds whose true weights are known."""
import numpy as np
import pytest

from analysis.ahp import aggregate, aggregate_priorities, complete, priorities
from analysis.rating import group_rating
from analysis.uncertainty import (
    COIN_TOSS,
    aij_draws,
    draws_to_complete,
    aip_draws,
    intervals,
    rating_draws,
    resample_counts,
)

pytestmark = pytest.mark.maths


def respondents_around(true_weights, count, spread, rng, dont_know=0.0):
    """Matrices of ``count`` respondents: a_ij = w_i / w_j times log-normal noise; some pairs not judged."""
    n = len(true_weights)
    stack = np.ones((count, n, n))
    for i in range(n):
        for j in range(i + 1, n):
            a = true_weights[i] / true_weights[j] * np.exp(rng.normal(0, spread, count))
            a = np.where(rng.random(count) < dont_know, np.nan, a)
            stack[:, i, j], stack[:, j, i] = a, 1 / a
    return stack


def direct_draws(counts_row_source, given, weights, statistic):
    """The plain way: for each draw, stack the drawn respondents (a respondent drawn twice appears twice)."""
    rng = np.random.default_rng(counts_row_source["seed"])
    k = len(given)
    found = []
    for draw in rng.integers(0, k, size=(counts_row_source["resamples"], k)):
        found.append(statistic(given[draw], np.asarray(weights)[draw]))
    return np.array(found)


def test_aij_draws_equal_a_direct_resampling_with_the_same_seed():
    rng = np.random.default_rng(7)
    given = respondents_around(np.array([0.4, 0.3, 0.2, 0.1]), 12, 0.6, rng, dont_know=0.15)
    weights = rng.uniform(0.5, 2.0, 12)
    counts = resample_counts(12, 300, seed=11)

    def aij(stack, lam):
        group = aggregate(stack, lam)
        return priorities(complete(group) if np.isnan(group).any() else group)
    expected = direct_draws({"seed": 11, "resamples": 300}, given, weights, aij)
    assert np.abs(aij_draws(given, counts, weights) - expected).max() < 1e-12


def test_aip_and_rating_draws_equal_a_direct_resampling_with_the_same_seed():
    rng = np.random.default_rng(3)
    individual = priorities(complete(respondents_around(np.array([0.5, 0.3, 0.2]), 9, 0.5, rng, 0.2)))
    weights = np.ones(9)
    counts = resample_counts(9, 200, seed=5)
    expected = direct_draws({"seed": 5, "resamples": 200}, individual, weights,
                            lambda stack, lam: aggregate_priorities(stack, lam))
    assert np.abs(aip_draws(individual, counts, weights) - expected).max() < 1e-12

    ratings = np.where(rng.random((9, 4)) < 0.1, np.nan, rng.integers(1, 11, (9, 4)).astype(float))
    for mean in ("arithmetic", "geometric"):
        expected = direct_draws({"seed": 5, "resamples": 200}, ratings, weights,
                                lambda stack, lam: group_rating(stack, mean, lam).weights)
        assert np.abs(rating_draws(ratings, counts, mean, weights) - expected).max() < 1e-12


def test_ninety_percent_intervals_contain_the_true_weights_in_85_to_95_percent_of_200_rounds():
    rng = np.random.default_rng(2026)
    true = np.array([0.45, 0.25, 0.2, 0.1])
    inside = []
    for round_number in range(200):
        given = respondents_around(true, 25, 0.7, rng)
        estimate = priorities(aggregate(given))
        found = intervals(estimate, aij_draws(given, resample_counts(25, 400, seed=round_number)))
        inside.append((found.low <= true) & (true <= found.high))
    coverage = np.mean(inside)
    assert 0.85 <= coverage <= 0.95, coverage


def test_ranks_and_coin_tosses_read_from_the_draws():
    rng = np.random.default_rng(1)
    # Half the group says 1 is twice 2, the other half the reverse: their order is a coin toss, while
    # element 0, far heavier for everyone, keeps its rank.
    given = respondents_around(np.array([0.6, 0.2, 0.2]), 20, 0.3, rng)
    given[:, 1, 2] = np.where(np.arange(20) % 2, 2.0, 0.5)
    given[:, 2, 1] = 1 / given[:, 1, 2]
    found = intervals(priorities(aggregate(given)), aij_draws(given, resample_counts(20, 1000, seed=2)))
    assert found.rank_kept[0] > 0.99 and found.rank_kept[1] < 0.7
    first, second = sorted((1, 2), key=lambda e: -found.estimate[e])
    assert found.coin_tosses() == [(first, second)]
    assert found.order_held[second, first] > COIN_TOSS and found.order_held[first, second] > COIN_TOSS
    ties = found.order_held + found.order_held.T
    assert np.all(ties <= 1 + 1e-12) and np.all(np.diag(ties) == 0)
    assert np.all(found.low <= found.estimate) and np.all(found.estimate <= found.high)


def test_a_draw_whose_respondents_never_link_an_element_gives_no_weights_and_is_left_out():
    # Respondent 0 judged only (0, 1), respondent 1 only (1, 2): a draw of one of them twice links nothing.
    nan = np.nan
    given = np.array([[[1, 2, nan], [0.5, 1, nan], [nan, nan, 1]],
                      [[1, nan, nan], [nan, 1, 3], [nan, 1 / 3, 1]]])
    counts = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, 2.0]])
    draws = aij_draws(given, counts)
    assert np.isnan(draws[0]).all() and np.isnan(draws[2]).all()
    assert np.allclose(draws[1], priorities(complete(aggregate(given))))
    assert intervals(draws[1], draws).draws == 1


def test_elements_equal_in_every_draw_are_equal_not_a_coin_toss():
    weights = np.array([0.5, 0.25, 0.25])
    found = intervals(weights, np.tile(weights, (10, 1)))
    assert found.coin_tosses() == [] and np.all(found.rank_kept == 1.0)


def test_the_draws_needing_a_completion_are_counted_as_aij_draws_meets_them():
    rng = np.random.default_rng(5)
    given = respondents_around(np.array([0.4, 0.3, 0.2, 0.1]), 4, 0.4, rng, dont_know=0.4)
    counts = resample_counts(4, 300, seed=3)
    by_hand = sum(bool(np.isnan(aggregate(given[np.repeat(np.arange(4), row.astype(int))])).any()) for row in counts)
    assert draws_to_complete(given, counts) == by_hand > 0
