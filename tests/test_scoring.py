"""OMAX ladders, traffic lights, percent-of-target bands and three-point scores."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.scoring import (
    Ladder,
    achievement,
    band,
    light,
    place_on_ladder,
    snap_level,
    three_point,
    three_point_class,
)
from tests.reference import samsat

pytestmark = pytest.mark.maths

PUBLISHED = samsat()["omax_2010"]["kpis"]


def published_ladder(kpi):
    return Ladder({int(level): value for level, value in PUBLISHED[kpi]["anchors"].items()})


@pytest.mark.parametrize("kpi", list(PUBLISHED))
def test_every_samsat_level_and_light_is_reproduced(kpi):
    level = published_ladder(kpi).level(PUBLISHED[kpi]["performance"])
    assert level == pytest.approx(PUBLISHED[kpi]["level"], abs=0.02)
    assert light(level) == PUBLISHED[kpi]["light"]


def test_samsat_lights_count_15_green_4_yellow_3_red():
    lights = [light(published_ladder(kpi).level(PUBLISHED[kpi]["performance"])) for kpi in PUBLISHED]
    assert {colour: lights.count(colour) for colour in ("green", "yellow", "red")} == \
        samsat()["omax_2010"]["counts"]


def test_ladder_values_are_the_anchors_with_linear_steps_between():
    values = published_ladder("F2a").values()  # anchors 0: 2, 3: 5, 10: 33.75
    assert values[[0, 3, 10]].tolist() == [2, 5, 33.75]
    np.testing.assert_allclose(values[:4], [2, 3, 4, 5])
    np.testing.assert_allclose(np.diff(values[3:]), (33.75 - 5) / 7)
    lower = published_ladder("C1b").values()  # lower is better: 10 -> 7 -> 2 days
    assert lower[0] == 10 and lower[3] == 7 and lower[10] == 2 and np.all(np.diff(lower) <= 0)


def test_a_fourth_anchor_puts_the_target_at_level_8():
    ladder = Ladder.from_target(75, baseline=70, worst=50, best=100, target_level=8)
    assert ladder.values()[[0, 3, 8, 10]].tolist() == [50, 70, 75, 100]
    assert ladder.level(81.25) == pytest.approx(8.5)  # L1c as published


def test_builder_takes_the_worst_observed_performance():
    ladder = Ladder.from_target(100, baseline=60, observed=[90, 40, np.nan, 75])
    assert ladder.anchors == {0: 40, 3: 60, 10: 100}
    days = Ladder.from_target(2, baseline=5, observed=[3, 9, 4], better="lower")
    assert days.anchors == {0: 9, 3: 5, 10: 2} and days.better == "lower"


def test_performance_is_capped_to_levels_0_and_10():
    ladder = Ladder({0: 0, 3: 30, 10: 100})
    np.testing.assert_allclose(ladder.level([-5, 0, 150, 100]), [0, 0, 10, 10])


def test_a_flat_stretch_takes_the_highest_level_reached():
    ladder = Ladder({0: 0, 3: 100, 10: 100}, better="higher")  # target met already at baseline
    assert ladder.level(100) == 10
    assert ladder.level(50) == pytest.approx(1.5)


def test_a_flat_ladder_is_pass_or_fail():
    ladder = Ladder({0: 1, 10: 1}, better="lower")
    assert ladder.level(1) == 10 and ladder.level(2) == 0


@pytest.mark.parametrize("snap, expected", [(None, 8.5), ("round_half_up", 9), ("floor", 8), ("ceil", 9)])
def test_offices_can_score_whole_levels(snap, expected):
    assert Ladder({0: 50, 3: 70, 8: 75, 10: 100}).level(81.25, snap=snap) == expected


def test_round_half_up_is_not_fooled_by_floating_point_noise():
    assert snap_level(np.array([2.4999999999999, 7.5, 0.5]), "round_half_up").tolist() == [3, 8, 1]


@pytest.mark.parametrize("anchors, better, message", [
    ({0: 0, 5: 50, 10: 20}, None, "reverses direction"),
    ({3: 0, 10: 20}, None, "anchor at level 0"),
    ({0: 0, 3: 5}, None, "anchor at level 10"),
    ({0: 0, 10: 0}, None, "flat"),
    ({0: 0, 11: 5, 10: 9}, None, "whole number 0..10"),
    ({0: 10, 10: 2}, "higher", "says lower is better"),
])
def test_bad_ladders_are_refused(anchors, better, message):
    with pytest.raises(ValueError, match=message) as refused:
        Ladder(anchors, better=better)
    # It says what is wrong with this ladder, and keeps the template an app translates.
    assert str(refused.value) == refused.value.template % refused.value.values


@given(st.lists(st.floats(-1e6, 1e6), min_size=4, max_size=4), st.lists(st.floats(-2e6, 2e6), min_size=2))
def test_levels_are_monotone_in_performance_and_stay_in_0_to_10(raw, performances):
    values = sorted(raw)
    if values[0] == values[-1]:
        values[-1] += 1
    for better, anchors in (("higher", values), ("lower", values[::-1])):
        ladder = Ladder({0: anchors[0], 3: anchors[1], 7: anchors[2], 10: anchors[3]}, better=better)
        x = np.sort(np.asarray(performances))
        levels = ladder.level(x)
        assert np.all((levels >= 0) & (levels <= 10))
        steps = np.diff(levels)
        assert np.all(steps >= -1e-9) if better == "higher" else np.all(steps <= 1e-9)


def test_place_on_ladder_keeps_missing_performance_missing():
    assert np.isnan(place_on_ladder(np.arange(11.0), np.array([np.nan]))[0])
    assert light(np.nan) == "none"


def test_lights_follow_the_thresholds_and_can_be_configured():
    assert light([3.99, 4, 7.99, 8, 10]).tolist() == ["red", "yellow", "yellow", "green", "green"]
    assert light(6, thresholds=(5, 7)) == "yellow"
    with pytest.raises(ValueError, match="two rising levels"):
        light(6, thresholds=(8, 4))


def test_percent_of_target_for_higher_and_lower_is_better():
    assert achievement(90, 100) == pytest.approx(90)
    assert achievement(4, 2, better="lower") == pytest.approx(50)
    assert achievement(3, 2, better="lower", lower_rule="government") == pytest.approx(50)
    assert achievement(0, 0, better="lower") == 100  # zero complaints targeted and reached
    assert achievement(11, 0, better="lower") == 0
    assert achievement(11, 0, better="lower", lower_rule="government") == 0


def test_bands_class_percent_of_target():
    assert band([100, 84, 83.9, 60, 40, 25, 5]).tolist() == \
        ["Very good", "Very good", "Good", "Fair", "Poor", "Very poor", "Very poor"]
    assert band(70, bands=[(75, "Baik"), (0, "Kurang")]) == "Kurang"


def test_three_point_scoring_classes_a_unit():
    scores = three_point([30, 50, 80, 81, 95])
    assert scores.tolist() == [-1, 0, 0, 1, 1]
    assert three_point_class(scores.mean()) == "fair"
    assert three_point_class(1.0) == "good" and three_point_class(-0.5) == "poor"
