"""Weights x scores -> KPI values, perspective subtotals, indexes, trends and rankings.

Two entry points share the scoring of analysis.scoring:
- :func:`score_table` and friends take a long pandas table (one row per who,
  period and KPI), for office scorecards and reports;
- :func:`personal_scorecards` takes plain arrays (people x KPIs), for ranking
  thousands of employees at numpy speed.
A KPI's value is level x global weight; the index (0-10 when the weights sum
to 1) is the sum of values. A KPI with no performance has no level, no light
and no value: it is counted as missing, not scored as 0.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from .scoring import LIGHT_NAMES, LIGHT_THRESHOLDS, NO_DATA, Ladder, light, light_codes

#: Totals equal to this many decimals tie: sums in another order differ in the last bits.
RANK_DECIMALS = 9
REQUIRED_COLUMNS = ("period", "kpi", "perspective", "weight", "performance", "ladder")


def score_table(table: pd.DataFrame, snap: str | None = None,
                thresholds: Sequence[float] = LIGHT_THRESHOLDS) -> pd.DataFrame:
    """Add ``level``, ``light`` and ``value`` to a long table of KPI performances.

    Columns: ``period``, ``kpi``, ``perspective``, ``weight`` (global), ``performance``,
    ``ladder`` (a :class:`~analysis.scoring.Ladder` per row), optionally ``who``
    (default: one office) and ``objective``.
    """
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        raise ValueError(f"the scorecard table lacks column(s) {missing}")
    scored = table.copy()
    if "who" not in scored.columns:
        scored["who"] = "office"
    not_ladders = ~scored["ladder"].map(lambda item: isinstance(item, Ladder))
    if not_ladders.any():
        first = scored.loc[not_ladders].iloc[0]
        raise ValueError(f"KPI {first['kpi']!r} ({first['period']}) has no ladder to score it with")
    performance = pd.to_numeric(scored["performance"], errors="coerce").to_numpy(dtype=float)
    levels = np.full(len(scored), np.nan)
    codes, ladders = pd.factorize(scored["ladder"].map(id))
    by_id = {id(ladder): ladder for ladder in scored["ladder"]}
    for code, ladder_id in enumerate(ladders):
        rows = codes == code
        levels[rows] = by_id[ladder_id].level(performance[rows], snap=snap)
    scored["level"] = levels
    return score_levels(scored, thresholds)


def score_levels(table: pd.DataFrame, thresholds: Sequence[float] = LIGHT_THRESHOLDS) -> pd.DataFrame:
    """Add ``light`` and ``value`` to a table whose ``level`` is already known (e.g. entered by hand)."""
    scored = table.copy()
    if "who" not in scored.columns:
        scored["who"] = "office"
    weights = pd.to_numeric(scored["weight"], errors="coerce").to_numpy(dtype=float)
    if np.any(~np.isfinite(weights)) or np.any(weights < 0):
        raise ValueError("global weights must be non-negative numbers")
    levels = pd.to_numeric(scored["level"], errors="coerce").to_numpy(dtype=float)
    if np.any(levels[~np.isnan(levels)] < 0) or np.any(levels[~np.isnan(levels)] > 10):
        raise ValueError("levels lie between 0 and 10")
    scored["light"] = light(levels, thresholds) if len(scored) else []
    scored["value"] = levels * weights
    return scored


def perspective_subtotals(scored: pd.DataFrame) -> pd.DataFrame:
    """Sum of values per who, period and perspective (perspectives in the table's order)."""
    order = list(dict.fromkeys(scored["perspective"]))
    subtotals = (scored.groupby(["who", "period", "perspective"], sort=False)["value"]
                 .sum(min_count=1).rename("subtotal").reset_index())
    subtotals["perspective"] = pd.Categorical(subtotals["perspective"], categories=order, ordered=True)
    return subtotals.sort_values(["who", "period", "perspective"]).reset_index(drop=True)


def indexes(scored: pd.DataFrame, thresholds: Sequence[float] = LIGHT_THRESHOLDS) -> pd.DataFrame:
    """Per who and period: the index, its light (the same thresholds as a KPI), the count
    of KPIs per light and without data, and the change against that who's previous period.
    """
    grouped = scored.groupby(["who", "period"], sort=True)
    result = grouped["value"].sum(min_count=1).rename("index").to_frame()
    counts = pd.crosstab([scored["who"], scored["period"]], scored["light"])
    for name in LIGHT_NAMES + (NO_DATA,):
        result[name if name != NO_DATA else "missing"] = counts[name] if name in counts else 0
    result = result.reset_index()
    result["light"] = light(result["index"].to_numpy(dtype=float), thresholds) if len(result) else []
    result["change"] = result.groupby("who")["index"].diff()
    return result


def ranking(index_table: pd.DataFrame, period) -> pd.DataFrame:
    """Everyone's index in one period, best first, with a competition rank (ties share the better rank)."""
    one_period = index_table[index_table["period"] == period].copy()
    if one_period.empty:
        raise ValueError(f"no scores for period {period!r}")
    one_period["rank"] = (one_period["index"].round(RANK_DECIMALS)
                          .rank(method="min", ascending=False).astype("Int64"))
    return one_period.sort_values(["rank", "who"]).reset_index(drop=True)


@dataclass(frozen=True)
class PersonalScores:
    """Personal scorecards of people x KPIs: arrays aligned with the inputs.

    ``lights`` and ``classes`` are light codes: 0 red, 1 yellow, 2 green, -1 no data.
    """

    levels: np.ndarray
    lights: np.ndarray
    values: np.ndarray
    totals: np.ndarray
    classes: np.ndarray
    missing: np.ndarray
    ranks: np.ndarray


def personal_scorecards(performance: np.ndarray, ladders: Sequence[Ladder], weights: Sequence[float],
                        snap: str | None = None, thresholds: Sequence[float] = LIGHT_THRESHOLDS) -> PersonalScores:
    """Score ``performance`` (people x KPIs, nan = not reported) against one ladder and
    global weight per KPI; rank people by total (1 = best; ties share the better rank).
    """
    performance = np.asarray(performance, dtype=float)
    weights = np.asarray(weights, dtype=float)
    if performance.ndim != 2:
        raise ValueError("performance is a people x KPIs table")
    if len(ladders) != performance.shape[1] or weights.shape != (performance.shape[1],):
        raise ValueError(f"{performance.shape[1]} KPIs need as many ladders and weights "
                         f"(got {len(ladders)} ladders, {weights.size} weights)")
    if np.any(~np.isfinite(weights)) or np.any(weights < 0):
        raise ValueError("global weights must be non-negative numbers")
    levels = np.empty_like(performance)
    for column, ladder in enumerate(ladders):
        levels[:, column] = ladder.level(performance[:, column], snap=snap)
    values = levels * weights
    totals = np.nansum(values, axis=1)
    settled = -np.round(totals, RANK_DECIMALS)
    ranks = np.searchsorted(np.sort(settled), settled, side="left") + 1
    return PersonalScores(levels=levels, lights=light_codes(levels, thresholds), values=values, totals=totals,
                          classes=light_codes(totals, thresholds), missing=np.isnan(levels).sum(axis=1),
                          ranks=ranks)
