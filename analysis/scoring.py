"""Scoring KPIs on a common 0-10 scale: Objective Matrix ladders, traffic lights, bands.

Performance comes in rupiah, %, days or counts; the Objective Matrix (OMAX,
Riggs 1986) maps each KPI onto levels 0..10 through a ladder of 11 values:
level 10 holds the target, level 3 the baseline, level 0 the worst value,
levels in between spaced linearly between neighbouring anchors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from .messages import InputError

LEVELS = np.arange(11, dtype=float)
#: Traffic lights by level: red below 4 (act now), yellow below 8 (watch), green from 8 (target reached).
LIGHT_THRESHOLDS = (4.0, 8.0)
LIGHT_NAMES = ("red", "yellow", "green")
NO_DATA = "none"
SNAP_RULES = ("round_half_up", "floor", "ceil")
#: Percent-of-target bands (lower bound, class), best first; the lowest band also takes anything below it.
DEFAULT_BANDS = ((84.0, "Very good"), (68.0, "Good"), (52.0, "Fair"), (36.0, "Poor"), (20.0, "Very poor"))
#: Three-point scoring: -1 below 50% of target, +1 above 80%, 0 between.
THREE_POINT_LIMITS = (50.0, 80.0)


@dataclass(frozen=True)
class Ladder:
    """An OMAX ladder from anchors ``{level: value}``; levels 0 and 10 are required.

    ``better`` ("higher" or "lower") follows from the anchors; it must be given
    for a flat ladder, which then scores pass (10) or fail (0).
    """

    anchors: Mapping[int, float]
    better: str | None = None
    _values: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        anchors = _checked_anchors(self.anchors)
        levels = np.array(sorted(anchors), dtype=float)
        values = np.array([anchors[int(level)] for level in levels])
        steps = np.diff(values)
        direction = "higher" if (steps > 0).any() else "lower" if (steps < 0).any() else None
        if (steps > 0).any() and (steps < 0).any():
            raise InputError("ladder %(anchors)s reverses direction: values must rise (or fall) with the level",
                             anchors=anchors)
        if self.better not in (None, "higher", "lower"):
            raise ValueError(f"better must be 'higher' or 'lower', not {self.better!r}")
        if direction and self.better and direction != self.better:
            raise InputError("ladder %(anchors)s says %(direction)s is better but better=%(better)r was given",
                             anchors=anchors, direction=direction, better=self.better)
        if direction is None and self.better is None:
            raise InputError("ladder %(anchors)s is flat: say better='higher' or 'lower' (it then scores pass/fail)",
                             anchors=anchors)
        object.__setattr__(self, "anchors", anchors)
        object.__setattr__(self, "better", self.better or direction)
        object.__setattr__(self, "_values", np.interp(LEVELS, levels, values))

    @classmethod
    def from_target(cls, target: float, baseline: float, worst: float | None = None, *,
                    observed: Sequence[float] | None = None, better: str = "higher",
                    best: float | None = None, target_level: int = 10) -> "Ladder":
        """Ladder with the target at ``target_level`` (10, or 8 when ``best`` holds level 10),
        the baseline (last period's actual, or a standard) at 3, and the worst value at 0:
        given, or the worst of ``observed`` performances and the baseline.
        """
        if worst is None:
            if observed is None or len(observed) == 0:
                raise InputError("give the worst value, or the observed performances to take it from")
            pool = np.append(np.asarray(observed, dtype=float), baseline)
            pool = pool[np.isfinite(pool)]
            worst = float(pool.min() if better == "higher" else pool.max())
        anchors = {0: worst, 3: baseline, target_level: target}
        if best is not None:
            if target_level >= 10:
                raise ValueError("with a best value at level 10 the target needs a lower level, e.g. 8")
            anchors[10] = best
        elif target_level != 10:
            raise ValueError("a target below level 10 needs the best value for level 10")
        return cls(anchors, better=better)

    def values(self) -> np.ndarray:
        """The 11 values of levels 0..10, as printed in the OMAX table."""
        return self._values.copy()

    def level(self, performance, snap: str | None = None):
        """Fractional level(s) of one performance or an array; nan stays nan."""
        ascending, x = self._values, np.asarray(performance, dtype=float)
        if self.better == "lower":
            ascending, x = -ascending, -x
        levels = snap_level(place_on_ladder(ascending, x), snap)
        return float(levels) if levels.ndim == 0 else levels


def place_on_ladder(ascending: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Level of x on a non-decreasing ladder of 11 values: linear between the two bracketing
    levels, the highest level reached on a flat stretch, 0 below the ladder and 10 above it.
    """
    x = np.asarray(x, dtype=float)
    below = np.searchsorted(ascending, x, side="right") - 1  # highest level whose value x reaches
    inside = np.clip(below, 0, 9)
    low, high = ascending[inside], ascending[inside + 1]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):  # the ends are replaced just below
        level = inside + (x - low) / (high - low)
    level = np.where(below >= 10, 10.0, np.where(below < 0, 0.0, level))
    return np.where(np.isnan(x), np.nan, level)


def snap_level(level: np.ndarray, snap: str | None) -> np.ndarray:
    """Whole levels for offices that score them: round half up, floor or ceil (None keeps fractions)."""
    level = np.asarray(level, dtype=float)
    if snap is None:
        return level
    # Interpolation leaves 8.4999999999 where the office wrote 8.5: settle such noise first.
    settled = np.round(level, 9)
    if snap == "round_half_up":
        return np.floor(settled + 0.5)
    if snap == "floor":
        return np.floor(settled)
    if snap == "ceil":
        return np.ceil(settled)
    raise ValueError(f"unknown snap rule {snap!r}; choose one of {SNAP_RULES} or None")


def light_codes(level, thresholds: Sequence[float] = LIGHT_THRESHOLDS) -> np.ndarray:
    """0 red, 1 yellow, 2 green; -1 where there is no level (no data)."""
    thresholds = _checked_thresholds(thresholds)
    level = np.asarray(level, dtype=float)
    codes = np.searchsorted(np.asarray(thresholds), level, side="right")
    return np.where(np.isnan(level), -1, codes)


def light(level, thresholds: Sequence[float] = LIGHT_THRESHOLDS):
    """'red' below the first threshold, 'yellow' below the second, 'green' otherwise ('none' for nan)."""
    names = np.array(LIGHT_NAMES + (NO_DATA,))
    lights = names[light_codes(level, thresholds)]
    return str(lights) if lights.ndim == 0 else lights


def achievement(actual, target, better: str = "higher", lower_rule: str = "ratio"):
    """Percent of target. Higher is better: actual / target x 100. Lower is better:
    ``"ratio"`` target / actual x 100, or ``"government"`` (2 - actual / target) x 100
    (Indonesian government guidance). A zero target (e.g. zero complaints) scores 100
    when met and 0 when missed, since the ratios are undefined there.
    """
    actual, target = np.asarray(actual, dtype=float), np.asarray(target, dtype=float)
    if better not in ("higher", "lower"):
        raise ValueError(f"better must be 'higher' or 'lower', not {better!r}")
    if lower_rule not in ("ratio", "government"):
        raise ValueError(f"lower_rule must be 'ratio' or 'government', not {lower_rule!r}")
    met = actual >= target if better == "higher" else actual <= target
    with np.errstate(invalid="ignore", divide="ignore"):
        if better == "higher":
            percent = actual / target * 100
        elif lower_rule == "ratio":
            percent = np.where(actual == 0, np.where(target >= 0, 100.0, 0.0), target / actual * 100)
        else:
            percent = (2 - actual / target) * 100
    percent = np.where(target == 0, np.where(met, 100.0, 0.0), percent)
    percent = np.where(np.isnan(actual) | np.isnan(target), np.nan, percent)
    return float(percent) if percent.ndim == 0 else percent


def band(percent, bands: Sequence[tuple[float, str]] = DEFAULT_BANDS):
    """Class of a percent-of-target by bands ``[(lower bound, label), ...]`` best first."""
    bounds = np.array([bound for bound, _ in bands], dtype=float)
    if np.any(np.diff(bounds) >= 0):
        raise ValueError("bands must be listed best first with strictly falling lower bounds")
    labels = np.array([label for _, label in bands] + [""], dtype=object)
    percent = np.asarray(percent, dtype=float)
    index = np.minimum((percent[..., None] < bounds).sum(axis=-1), len(bands) - 1)
    classes = np.where(np.isnan(percent), "", labels[index])
    return str(classes) if classes.ndim == 0 else classes


def three_point(percent, limits: Sequence[float] = THREE_POINT_LIMITS):
    """-1 (poor) below the first limit, +1 (good) above the second, 0 (fair) between."""
    low, high = limits
    percent = np.asarray(percent, dtype=float)
    score = np.where(percent < low, -1.0, np.where(percent > high, 1.0, 0.0))
    score = np.where(np.isnan(percent), np.nan, score)
    return float(score) if score.ndim == 0 else score


def three_point_class(mean_score: float) -> str:
    """A unit's class from its mean three-point score: thirds of the range -1..1."""
    if not -1 <= mean_score <= 1:
        raise ValueError("a mean three-point score lies between -1 and 1")
    return "good" if mean_score > 1 / 3 else "poor" if mean_score < -1 / 3 else "fair"


def _checked_anchors(anchors: Mapping) -> dict[int, float]:
    checked = {}
    for level, value in anchors.items():
        try:
            whole = int(level)
        except (TypeError, ValueError):
            raise InputError("ladder level %(level)r is not a whole number 0..10", level=level) from None
        if whole != float(level) or not 0 <= whole <= 10:
            raise InputError("ladder level %(level)r is not a whole number 0..10", level=level)
        value = float(value)
        if not np.isfinite(value):
            raise InputError("ladder value at level %(level)s must be a number, got %(value)r", level=whole, value=value)
        checked[whole] = value
    for required in (0, 10):
        if required not in checked:
            raise InputError("a ladder needs an anchor at level %(level)s", level=required)
    return dict(sorted(checked.items()))


def _checked_thresholds(thresholds: Sequence[float]) -> Sequence[float]:
    if len(thresholds) != 2 or not thresholds[0] < thresholds[1]:
        raise ValueError("light thresholds are two rising levels: (red below, yellow below)")
    return thresholds
