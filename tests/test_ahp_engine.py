"""The weighting engine against an independent implementation (ahpy) and its own invariants."""
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ahp import (
    RANDOM_INDEX,
    SAATY_SCALE,
    aggregate,
    complete,
    consistency,
    from_upper,
    inconsistent_pairs,
    matrix,
    priorities,
    random_matrices,
    validate,
)

pytestmark = pytest.mark.maths

ahpy = pytest.importorskip("ahpy")


def ahpy_compare(A, **options):
    names = [f"e{i}" for i in range(A.shape[0])]
    comparisons = {(names[i], names[j]): A[i, j] for i, j in itertools.combinations(range(A.shape[0]), 2)
                   if not np.isnan(A[i, j])}
    compare = ahpy.Compare("cluster", comparisons, precision=12, random_index="dd", **options)
    return np.array([compare.local_weights[name] for name in names]), compare.consistency_ratio


@pytest.mark.parametrize("n", [3, 4, 5, 7, 9])
def test_eigen_weights_and_cr_agree_with_ahpy_on_random_matrices(n):
    rng = np.random.default_rng(n)
    stack = random_matrices(40, n, rng)
    weights = priorities(stack)
    result = consistency(stack, ri="donegan_dodd")
    compared = 0
    for k, A in enumerate(stack):
        with np.errstate(over="ignore", invalid="ignore"):
            ahpy_weights, ahpy_cr = ahpy_compare(A)
        assert result.cr[k] == pytest.approx(ahpy_cr, abs=1e-9)
        if np.isfinite(ahpy_weights).all():  # ahpy squares without rescaling and can overflow
            np.testing.assert_allclose(weights[k], ahpy_weights, atol=1e-9, rtol=0)
            compared += 1
    assert compared >= 35


def test_completion_agrees_with_ahpy_on_an_incomplete_matrix():
    rng = np.random.default_rng(7)
    A = random_matrices(1, 5, rng)[0]
    for i, j in [(0, 3), (1, 4), (2, 4)]:
        A[i, j] = A[j, i] = np.nan
    ahpy_weights, _ = ahpy_compare(A, tolerance=1e-10)
    np.testing.assert_allclose(priorities(A), ahpy_weights, atol=1e-6)


def test_completion_recovers_the_missing_judgment_of_a_consistent_matrix():
    w = np.array([0.5, 0.25, 0.15, 0.1])
    A = w[:, None] / w[None, :]
    A[0, 2] = A[2, 0] = np.nan
    filled = complete(A)
    assert filled[0, 2] == pytest.approx(w[0] / w[2], rel=1e-8)
    assert consistency(A).cr == pytest.approx(0, abs=1e-9)


def test_completion_refuses_judgments_that_leave_an_element_unconnected():
    A = np.full((3, 3), np.nan)
    np.fill_diagonal(A, 1)
    A[0, 1], A[1, 0] = 3, 1 / 3
    with pytest.raises(ValueError, match="never compare element 2"):
        complete(A)


def test_completion_minimises_lambda_max():
    rng = np.random.default_rng(3)
    A = random_matrices(1, 5, rng)[0]
    A[0, 4] = A[4, 0] = np.nan
    best = consistency(A).lambda_max
    for x in [best * 0 + v for v in (0.2, 0.5, 1, 2, 5)]:
        trial = A.copy()
        trial[0, 4], trial[4, 0] = x, 1 / x
        assert consistency(trial).lambda_max >= best - 1e-9


# --- properties -------------------------------------------------------------------------------

weights_strategy = st.integers(3, 9).flatmap(
    lambda n: st.lists(st.floats(0.05, 1.0), min_size=n, max_size=n).map(np.array))
scale_judgments = st.integers(3, 8).flatmap(
    lambda n: st.lists(st.sampled_from(list(SAATY_SCALE)), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2)
    .map(lambda values: from_upper(values, n)))


@given(weights_strategy)
def test_a_consistent_matrix_gives_back_its_weights_and_cr_zero(w):
    A = w[:, None] / w[None, :]
    for method in ("eigen", "geometric", "approximate"):
        np.testing.assert_allclose(priorities(A, method), w / w.sum(), atol=1e-10)
    assert consistency(A).cr == pytest.approx(0, abs=1e-9)


@given(scale_judgments, st.randoms(use_true_random=False))
def test_permuting_elements_permutes_weights(A, random):
    order = list(range(A.shape[0]))
    random.shuffle(order)
    permuted = A[np.ix_(order, order)]
    np.testing.assert_allclose(priorities(permuted), priorities(A)[order], atol=1e-10)
    assert consistency(permuted).cr == pytest.approx(consistency(A).cr, abs=1e-10)


@given(st.lists(scale_judgments, min_size=1, max_size=1), st.integers(2, 6), st.integers(0, 2**31))
def test_aggregate_of_reciprocal_matrices_is_reciprocal(first, respondents, seed):
    A = first[0]
    rng = np.random.default_rng(seed)
    stack = np.concatenate([A[None], random_matrices(respondents - 1, A.shape[0], rng)])
    group = aggregate(stack, weights=rng.uniform(0.1, 1, respondents))
    validate(group)  # raises if not reciprocal
    np.testing.assert_allclose(group * group.T, 1.0, rtol=1e-12)


@given(scale_judgments, st.integers(1, 7))
def test_aggregating_identical_respondents_changes_nothing(A, respondents):
    np.testing.assert_allclose(aggregate(np.repeat(A[None], respondents, axis=0)), A, rtol=1e-12)


@settings(max_examples=50)
@given(scale_judgments)
def test_revising_the_most_inconsistent_pair_to_its_implied_value_never_raises_cr_much(A):
    worst = inconsistent_pairs(A, top=1)[0]
    assert worst.i < worst.j
    assert worst.implied_scale in SAATY_SCALE
    assert worst.cr_if_revised <= consistency(A).cr + 0.05


# --- groups, re-asking and errors ---------------------------------------------------------------

def test_group_judgment_is_the_geometric_mean_of_the_domain_example():
    stack = np.array([[[1, v], [1 / v, 1]] for v in (7, 1, 1 / 5, 7)])
    assert aggregate(stack)[0, 1] == pytest.approx(1.7693, abs=1e-4)


def test_a_skipped_judgment_is_left_out_of_that_pairs_mean():
    first = matrix("abc", {("a", "b"): 3, ("a", "c"): 5, ("b", "c"): 2})
    second = matrix("abc", {("a", "b"): 1 / 3, ("b", "c"): 8})
    group = aggregate(np.stack([first, second]))
    assert group[0, 1] == pytest.approx(1.0)
    assert group[0, 2] == pytest.approx(5.0)  # only the first respondent judged (a, c)
    assert group[1, 2] == pytest.approx(4.0)


def test_the_judgment_that_breaks_consistency_is_reasked_first():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    A = w[:, None] / w[None, :]
    A[0, 3], A[3, 0] = 1 / 4, 4  # should be 4: the respondent flipped the side
    worst = inconsistent_pairs(A, top=2)
    assert (worst[0].i, worst[0].j) == (0, 3)
    assert worst[0].current == pytest.approx(0.25)
    assert worst[0].implied > 1 and worst[0].implied_scale >= 2
    assert worst[0].cr_if_revised < consistency(A).cr


@pytest.mark.parametrize("bad, message", [
    (np.ones((2, 3)), "square"),
    (np.array([[1, -2], [-0.5, 1]]), "positive"),
    (np.array([[1, 3], [3, 1]]), r"not reciprocal: a\[0,1\] = 3"),
    (np.array([[2, 1], [1, 1]]), "diagonal"),
    (np.array([[1, np.nan], [1, 1]]), "missing but its reciprocal"),
])
def test_bad_matrices_are_refused_with_a_message_naming_the_problem(bad, message):
    with pytest.raises(ValueError, match=message):
        priorities(bad)


def test_off_scale_judgments_are_refused_when_a_scale_is_asked_for():
    with pytest.raises(ValueError, match="not on the judgment scale"):
        validate(np.array([[1, 10], [0.1, 1]]), scale=SAATY_SCALE)


def test_a_matrix_too_large_for_the_random_index_table_is_refused():
    with pytest.raises(ValueError, match="too large for the saaty random index table"):
        consistency(np.ones((16, 16)))
    assert consistency(np.ones((16, 16)), ri="donegan_dodd").cr == pytest.approx(0)


def test_random_index_tables_and_thresholds_are_parameters():
    A = matrix("abc", {("a", "b"): 2, ("a", "c"): 9, ("b", "c"): 2})
    saaty, alonso = consistency(A), consistency(A, ri="alonso_lamata", threshold="by_size")
    assert saaty.ci == pytest.approx(alonso.ci)
    assert saaty.cr == pytest.approx(saaty.ci / RANDOM_INDEX["saaty"][2])
    assert alonso.cr == pytest.approx(alonso.ci / 0.5245)
    assert (saaty.threshold, alonso.threshold) == (0.10, 0.05)
    assert consistency(A, ri=[0, 0, 1.0]).cr == pytest.approx(saaty.ci)


def test_two_element_clusters_are_always_consistent():
    result = consistency(matrix("ab", {("a", "b"): 9}))
    assert (result.lambda_max, result.cr, result.acceptable) == (2.0, 0.0, True)


def test_stacks_keep_their_batch_shape():
    rng = np.random.default_rng(0)
    stack = random_matrices(12, 4, rng).reshape(3, 4, 4, 4)
    assert priorities(stack).shape == (3, 4, 4)
    assert consistency(stack).cr.shape == (3, 4)
    np.testing.assert_allclose(priorities(stack)[1, 2], priorities(stack[1, 2]))


def test_gci_matches_its_definition():
    A = matrix("abc", {("a", "b"): 3, ("a", "c"): 1, ("b", "c"): 1 / 2})
    w = priorities(A, "geometric")
    expected = 2 / (2 * 1) * sum(np.log(A[i, j] * w[j] / w[i]) ** 2 for i, j in [(0, 1), (0, 2), (1, 2)])
    assert consistency(A).gci == pytest.approx(expected)
