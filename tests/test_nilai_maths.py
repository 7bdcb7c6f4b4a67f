"""Capaian to nilai (0-120), PermenPANRB 8/2021: the regulation's worked examples and each band's ends by hand."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.sakip import nilai_capaian

pytestmark = pytest.mark.maths


def test_the_regulations_worked_examples():
    assert nilai_capaian(100) == 109           # 85 of 85: Baik 109
    assert nilai_capaian(98) == pytest.approx(88)  # 98 %: Cukup 88
    assert nilai_capaian(93 / 95 * 100) == pytest.approx(88)  # the example's 93 of 95 (97.9 %), printed "98 %"


@pytest.mark.parametrize("capaian, nilai", [
    (80, 70), (99, 89), (90, 70 + 19 / 19 * 10),        # Cukup: 70 + (89 - 70) / (99 - 80) x (capaian - 80)
    (60, 50), (79, 69), (70, 60),                        # Kurang: 50 + (69 - 50) / (79 - 60) x (capaian - 60)
    (59, 49), (0, 0), (30, 30 / 59 * 49),                # Sangat Kurang: capaian / 59 x 49
    (111, 120), (250, 120),                              # above 110 %: 120
])
def test_each_band_at_its_ends_by_hand(capaian, nilai):
    assert nilai_capaian(capaian) == pytest.approx(nilai)


@pytest.mark.parametrize("capaian, nilai", [
    (99.4, 89), (99.5, 109), (100.4, 109),   # whole percents, as the bands are written: 99.5 % is 100 %
    (79.5, 70), (59.5, 50), (110.5, 120),
])
def test_the_capaian_is_read_as_a_whole_percent(capaian, nilai):
    assert nilai_capaian(capaian) == pytest.approx(nilai)


@pytest.mark.parametrize("capaian", [100.5, 101, 105, 110, 110.4, -0.6, -150, np.nan])
def test_no_nilai_where_the_formula_is_not_verified_or_off_the_scale(capaian):
    assert np.isnan(nilai_capaian(capaian))  # 101 %-110 %: Sangat Baik's formula is not verified


def test_a_target_already_at_its_most_reached_scores_120_and_only_at_100_percent():
    assert nilai_capaian(100, at_most=True) == 120
    assert nilai_capaian(98, at_most=True) == pytest.approx(88)


def test_arrays_in_arrays_out():
    found = nilai_capaian(np.array([[100, 98], [105, 50]]), at_most=np.array([[True, False], [False, False]]))
    assert found.shape == (2, 2)
    np.testing.assert_allclose(found, [[120, 88], [np.nan, 50 / 59 * 49]])
