"""The IKM of PermenPANRB 14/2017 and the Krejcie-Morgan minimum sample (analysis/ikm.py)."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.ikm import GRADES, grade, ikm, minimum_sample, nrr

pytestmark = pytest.mark.maths

# Krejcie & Morgan (1970), "Table for determining sample size from a given population", as reprinted e.g.
# at kenpro.org/?p=2289 and bikolkal.web.app/sampling-table-krejcie-and-morgan.html: N -> S.
KREJCIE_MORGAN = {10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 35: 32, 40: 36, 45: 40, 50: 44, 55: 48, 60: 52, 65: 56,
                  70: 59, 75: 63, 80: 66, 85: 70, 90: 73, 95: 76, 100: 80, 110: 86, 120: 92, 130: 97, 140: 103,
                  150: 108, 160: 113, 170: 118, 180: 123, 190: 127, 200: 132, 210: 136, 220: 140, 230: 144,
                  240: 148, 250: 152, 260: 155, 270: 159, 280: 162, 290: 165, 300: 169, 320: 175, 340: 181,
                  360: 186, 380: 191, 400: 196, 420: 201, 440: 205, 460: 210, 480: 214, 500: 217, 550: 226,
                  600: 234, 650: 242, 700: 248, 750: 254, 800: 260, 850: 265, 900: 269, 950: 274, 1000: 278,
                  1100: 285, 1200: 291, 1300: 297, 1400: 302, 1500: 306, 1600: 310, 1700: 313, 1800: 317,
                  1900: 320, 2000: 322, 2200: 327, 2400: 331, 2600: 335, 2800: 338, 3000: 341, 3500: 346,
                  4000: 351, 4500: 354, 5000: 357, 6000: 361, 7000: 364, 8000: 367, 9000: 368, 10000: 370,
                  15000: 375, 20000: 377, 30000: 379, 40000: 380, 50000: 381, 75000: 382, 1000000: 384}


def answers_with_column_sums(sums, respondents):
    """A respondents x unsur table of 1-4 answers whose columns add up to ``sums`` (the published totals)."""
    table = np.zeros((respondents, len(sums)))
    for k, total in enumerate(sums):
        fours = total - 3 * respondents  # everyone answers 3, some answer 4 (or 2 when the total is lower)
        table[:, k] = 3
        if fours >= 0:
            table[:fours, k] = 4
        else:
            table[:-fours, k] = 2
        assert table[:, k].sum() == total
    return table


def test_the_published_tulang_bawang_barat_report_is_reproduced():
    """Disdukcapil Tulang Bawang Barat, SKM 2023 semester 1 (e-smile.tubaba.go.id/main/skm/laporan/online):
    one respondent answering 4 on U1-U9; NRR per unsur 4, NRR tertimbang 0,44 each, IKM 100, "Sangat Baik"."""
    result = ikm(np.full((1, 9), 4.0))
    assert result.nrr.tolist() == [4.0] * 9
    assert np.round(result.weighted, 2).tolist() == [0.44] * 9
    assert result.converted == pytest.approx(100.0)
    assert (result.grade, result.label) == ("A", "Sangat Baik")


def test_nrr_and_converted_values_of_a_published_table_are_reproduced_for_any_number_of_unsur():
    """Puskesmas Mijen, 30 respondents, 14 unsur (vdokumen.com/lampiran-4-561693da8f0f1.html): "jumlah nilai"
    per unsur and the NRR and converted value it printed (cut, not rounded, to two decimals)."""
    sums = [89, 90, 83, 85, 88, 88, 86, 89, 87, 89, 93, 91, 87, 89]
    printed_nrr = [2.96, 3.00, 2.76, 2.83, 2.93, 2.93, 2.86, 2.96, 2.90, 2.96, 3.10, 3.03, 2.90, 2.96]
    printed_converted = [74.16, 75.00, 69.16, 70.83, 73.33, 73.33, 71.66, 74.16, 72.5, 74.16, 77.5, 75.83, 72.5, 74.16]
    result = ikm(answers_with_column_sums(sums, 30))
    assert (np.floor(result.nrr * 100 + 1e-9) / 100).tolist() == printed_nrr
    assert (np.floor(result.nrr * 25 * 100 + 1e-9) / 100).tolist() == printed_converted
    # The index weighs each of the 14 unsur 1/14: the mean of all 420 answers, 1234/420.
    assert result.index == pytest.approx(1234 / 420)
    assert result.converted == pytest.approx(1234 / 420 * 25)
    assert (result.grade, result.label) == ("C", "Kurang Baik")  # 73,45 under the 2017 table


def test_ikm_by_hand_with_nine_unsur_and_a_missing_answer():
    answers = np.array([[4, 3, 3, 4, 3, 3, 4, 3, 2],
                        [3, 3, 2, 4, 3, 4, 4, 3, 3],
                        [3, 2, 3, 4, 4, 3, 3, np.nan, 3]])
    result = ikm(answers)
    by_hand = [10 / 3, 8 / 3, 8 / 3, 4, 10 / 3, 10 / 3, 11 / 3, 3, 8 / 3]
    assert result.nrr == pytest.approx(by_hand)
    assert result.index == pytest.approx(sum(by_hand) / 9)
    assert result.converted == pytest.approx(sum(by_hand) / 9 * 25)  # 79,63: B
    assert (result.grade, result.label) == ("B", "Baik")
    assert result.respondents == 2


@pytest.mark.parametrize("converted, expected", [
    (100, "A"), (88.31, "A"), (88.30, "B"), (76.61, "B"), (76.605, "C"), (76.60, "C"), (65.0, "C"),
    (64.99, "D"), (25, "D")])
def test_grade_follows_the_annex_lower_bounds(converted, expected):
    assert grade(converted)[0] == expected


def test_the_one_to_four_interval_bounds_give_the_same_grades_as_the_converted_ones():
    for value, expected in [(3.5324, "A"), (3.532, "B"), (3.0644, "B"), (3.064, "C"), (2.60, "C"), (2.5996, "D")]:
        assert grade(value * 25)[0] == expected
    assert [g[2] for g in GRADES] == ["Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"]


def test_nrr_ignores_unanswered_cells():
    assert nrr([[4, np.nan], [2, 3]]).tolist() == [3.0, 3.0]


@pytest.mark.parametrize("bad, message", [
    ([[5, 3]], "not on the scale 1-4"), ([[0.5, 3]], "not on the scale 1-4"), ([1, 2], "respondents x unsur"),
    ([[4, np.nan]], "every unsur needs at least one answer"), (np.zeros((0, 9)), "every unsur needs")])
def test_bad_answers_are_named(bad, message):
    with pytest.raises(ValueError, match=message):
        ikm(bad)


@pytest.mark.parametrize("value", [24.9, 100.01, float("nan")])
def test_grade_outside_the_scale_is_refused(value):
    with pytest.raises(ValueError, match="outside 25-100"):
        grade(value)


def test_minimum_sample_is_every_row_of_the_krejcie_morgan_table():
    assert {n: minimum_sample(n) for n in KREJCIE_MORGAN} == KREJCIE_MORGAN
    assert [minimum_sample(n) for n in (100, 1000, 10000, 1000000)] == [80, 278, 370, 384]


def test_minimum_sample_of_a_tiny_population_is_everyone():
    assert [minimum_sample(n) for n in (1, 2, 5)] == [1, 2, 5]


@pytest.mark.parametrize("population", [0, -5, 2.5, True, "100"])
def test_minimum_sample_refuses_what_is_not_a_population(population):
    with pytest.raises(ValueError, match="whole number of at least 1"):
        minimum_sample(population)
