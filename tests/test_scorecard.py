"""Office and personal scorecards: the SAMSAT 2010 index and thousands of employees."""
import numpy as np
import pandas as pd
import pytest

from analysis.indicators import Formula, compute_indicators
from analysis.scorecard import indexes, personal_scorecards, perspective_subtotals, ranking, score_levels, score_table
from analysis.scoring import Ladder
from tests.reference import samsat
from tests.samsat_scorecard import samsat_table

pytestmark = pytest.mark.maths

OMAX = samsat()["omax_2010"]


def test_samsat_index_from_the_published_levels_is_7_9005():
    table = samsat_table()
    table["level"] = [OMAX["kpis"][kpi]["level"] for kpi in table["kpi"]]
    scored = score_levels(table)
    index = indexes(scored).iloc[0]
    assert index["index"] == pytest.approx(OMAX["index_total"], abs=0.001)
    assert index["light"] == OMAX["index_light"]
    subtotals = perspective_subtotals(scored).set_index("perspective")["subtotal"]
    for perspective, published in OMAX["perspective_index"].items():
        assert subtotals[perspective] == pytest.approx(published, abs=0.001)


def test_samsat_index_recomputed_from_performances_is_7_90():
    scored = score_table(samsat_table())
    index = indexes(scored).iloc[0]
    assert index["index"] == pytest.approx(OMAX["index_total"], abs=0.01)
    assert (index["green"], index["yellow"], index["red"], index["missing"]) == (15, 4, 3, 0)
    subtotals = perspective_subtotals(scored)
    assert subtotals["perspective"].tolist() == ["F", "C", "I", "L"]
    assert subtotals["subtotal"].to_numpy() == pytest.approx(list(OMAX["perspective_index"].values()), abs=0.01)


def test_change_against_the_previous_period_and_missing_data():
    table = pd.concat([samsat_table().assign(period=2009), samsat_table()], ignore_index=True)
    table.loc[(table["period"] == 2009) & (table["kpi"] == "C1b"), "performance"] = 7  # worse in 2009
    table.loc[(table["period"] == 2010) & (table["kpi"] == "I3a"), "performance"] = np.nan
    result = indexes(score_table(table)).set_index("period")
    assert result.loc[2010, "missing"] == 1
    assert np.isnan(result.loc[2009, "change"])
    assert result.loc[2010, "change"] == pytest.approx(result.loc[2010, "index"] - result.loc[2009, "index"])
    assert result.loc[2010, "change"] > 0


def test_a_row_without_a_ladder_is_named():
    table = samsat_table()
    table.loc[3, "ladder"] = None
    with pytest.raises(ValueError, match="KPI 'F2b'"):
        score_table(table)


def test_personal_scorecards_rank_people_and_agree_with_the_table_path():
    rng = np.random.default_rng(1)
    ladders = [Ladder({0: 0, 3: 50, 10: 100}), Ladder({0: 30, 3: 10, 10: 1}), Ladder({0: 0, 10: 5})]
    weights = np.array([0.5, 0.3, 0.2])
    performance = np.column_stack([rng.uniform(0, 120, 50), rng.uniform(0, 40, 50), rng.uniform(0, 6, 50)])
    performance[7, 1] = np.nan
    scores = personal_scorecards(performance, ladders, weights, snap="round_half_up")
    long = pd.DataFrame([{"who": person, "period": 1, "kpi": k, "perspective": "P", "weight": weights[k],
                          "performance": performance[person, k], "ladder": ladders[k]}
                         for person in range(50) for k in range(3)])
    table_index = indexes(score_table(long, snap="round_half_up")).set_index("who")["index"]
    np.testing.assert_allclose(scores.totals, table_index.sort_index().to_numpy())
    assert scores.missing[7] == 1 and scores.lights[7, 1] == -1
    assert np.all(np.isin(scores.levels[~np.isnan(scores.levels)], np.arange(11)))
    best = np.argmax(scores.totals)
    assert scores.ranks[best] == 1
    order = np.argsort(scores.ranks, kind="stable")
    assert np.all(np.diff(scores.totals[order]) <= 1e-9)
    ranked = ranking(indexes(score_table(long, snap="round_half_up")), 1)
    assert ranked.iloc[0]["who"] == best and ranked["rank"].tolist() == sorted(scores.ranks.tolist())


def test_ties_share_the_better_rank():
    ladder = Ladder({0: 0, 10: 10})
    scores = personal_scorecards(np.array([[5.0], [7.0], [5.0], [1.0]]), [ladder], [1.0])
    assert scores.ranks.tolist() == [2, 1, 2, 4]


def test_personal_scorecards_refuse_mismatched_shapes():
    with pytest.raises(ValueError, match="need as many ladders and weights"):
        personal_scorecards(np.ones((3, 2)), [Ladder({0: 0, 10: 1})], [1.0])


def test_formula_kpis_are_computed_per_period_and_errors_stay_per_kpi():
    inputs = {2009: {"revenue": 80.0, "trained": 0, "staff": 0, "new": 5, "total": 20},
              2010: {"revenue": 100.0, "trained": 12, "staff": 16, "new": 6, "total": 24}}
    result = compute_indicators({"F2a": "growth(revenue, prev_revenue)", "L1a": "share(trained, staff)",
                                 "C1": "new / total * 100", "X": "import_os()", "Y": "share(trained, absent)"},
                                inputs).set_index(["kpi", "period"])
    assert result.loc[("F2a", 2010), "value"] == pytest.approx(25)
    assert "previous period" in result.loc[("F2a", 2009), "error"]
    assert result.loc[("L1a", 2010), "value"] == pytest.approx(75)
    assert "division by zero (staff = 0, trained = 0)" in result.loc[("L1a", 2009), "error"]
    assert result.loc[("C1", 2009), "value"] == pytest.approx(25)
    assert "unknown function" in result.loc[("X", 2010), "error"]
    assert "'absent' is missing" in result.loc[("Y", 2010), "error"]


@pytest.mark.parametrize("expression, message", [("share(a,", "not a valid expression"),
                                                 ("__import__('os')", "unknown function"),
                                                 ("a.__class__", "cannot compute")])
def test_formulas_cannot_escape_the_expression_language(expression, message):
    with pytest.raises(ValueError, match=message):
        Formula.parse(expression).evaluate({"a": 1})


def test_formula_inputs_can_be_checked_when_defined():
    with pytest.raises(ValueError, match=r"unknown input\(s\) \['staf'\]"):
        Formula.parse("share(trained, staf)", known_inputs={"trained", "staff"})
