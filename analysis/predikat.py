"""Capaian kinerja and the predikat bands Indonesian offices report in, beside the OMAX levels.

Capaian kinerja (%) follows the LKjIP formula of PermenPANRB 8/2021 (annex): realisasi / target x 100
when higher is better, (1 + (1 - realisasi / target)) x 100 when lower is better. A predikat is the word
for a percentage by bands each office sets itself (../shared/DOMAIN.md section 6): lower bounds, best
first, the last band taking everything below the one before it. An index or a personal total on the 0-10
OMAX scale is read as a percentage of level 10.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from .messages import InputError
from .scoring import achievement


def capaian(realisasi, target, better: str = "higher"):
    """Capaian kinerja in %: R/T x 100 (higher is better) or (1 + (1 - R/T)) x 100 (lower is better),
    PermenPANRB 8/2021; a zero target scores 100 when met and 0 when missed; nan where either is missing."""
    return achievement(realisasi, target, better, lower_rule="government")


@dataclass(frozen=True)
class Band:
    """A predikat from ``lower`` % up to the next band's bound, with its words in Indonesian and English."""

    lower: float
    label_id: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_id if language == "id" else self.label_en


#: Presets offices start from. "LKjIP district": a district's LKjIP (91-100 Sangat Baik, 76-90 Baik,
#: 66-75 Cukup, 51-65 Kurang, 50 and below Sangat Kurang). "PermenPANRB 6/2022 appraisal": that
#: regulation's five words for an employee's rating; it rates by a matrix of work results and behaviour,
#: not by a number, so the bounds are those of the SKP score ranges (PP 46/2011: 91, 76, 61, 51) that
#: offices keep using to read a numeric total. The last band's bound is 0 and takes anything below too.
PRESETS: dict[str, tuple[Band, ...]] = {
    "lkjip_district": (Band(91, "Sangat Baik", "Very good"), Band(76, "Baik", "Good"), Band(66, "Cukup", "Fair"),
                       Band(51, "Kurang", "Poor"), Band(0, "Sangat Kurang", "Very poor")),
    "permenpanrb_6_2022": (Band(91, "Sangat Baik", "Very good"), Band(76, "Baik", "Good"),
                           Band(61, "Butuh Perbaikan", "Needs improvement"), Band(51, "Kurang", "Poor"),
                           Band(0, "Sangat Kurang", "Very poor")),
}
DEFAULT_PRESET = "lkjip_district"
MAX_BANDS = 7


def checked_bands(bands: Sequence[Band]) -> tuple[Band, ...]:
    """Bands best first with strictly falling finite bounds and words in both languages, 2 to MAX_BANDS."""
    bands = tuple(bands)
    if not 2 <= len(bands) <= MAX_BANDS:
        raise InputError("give between 2 and %(most)s predikat bands", most=MAX_BANDS)
    for band in bands:
        if not np.isfinite(band.lower):
            raise InputError("the lower bound of %(label)s is not a number", label=band.label_id or band.label_en)
        if not band.label_id.strip() or not band.label_en.strip():
            raise InputError("the band from %(lower)s needs its name in Indonesian and in English", lower=band.lower)
    for better, worse in pairwise(bands):
        if worse.lower >= better.lower:
            raise InputError("list the bands best first: %(worse)s must start below %(better)s",
                             worse=worse.label_id, better=better.label_id)
    return bands


def predikat_index(percent, bands: Sequence[Band]):
    """Position of each percentage's band in ``bands`` (0 the best); -1 where there is no number."""
    bounds = np.array([band.lower for band in bands], dtype=float)
    percent = np.asarray(percent, dtype=float)
    index = np.minimum((percent[..., None] < bounds).sum(axis=-1), len(bands) - 1)
    index = np.where(np.isnan(percent), -1, index)
    return int(index) if index.ndim == 0 else index


def predikat(percent, bands: Sequence[Band], language: str = "id"):
    """The predikat of a percentage (or an array of them) in ``language``; '' where there is no number."""
    labels = np.array([band.label(language) for band in bands] + [""], dtype=object)
    found = labels[np.asarray(predikat_index(percent, bands))]
    return str(found) if np.ndim(found) == 0 else found


def level_percent(level):
    """A level, index or total on the 0-10 OMAX scale as a percentage of level 10."""
    return np.asarray(level, dtype=float) * 10 if np.ndim(level) else float(level) * 10
