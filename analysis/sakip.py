"""Capaian kinerja converted to a nilai on the 0-120 scale, by PermenPANRB 8/2021 (Lampiran, BAB VI.A.1.b.2,
"Menghitung Nilai Capaian IKI", items (e)-(i); checked in the regulation's text, ../shared/DOMAIN.md section 7).

Only the verified rules are used:

- Cukup (80 %-99 %): 70 + (89 - 70) / (99 % - 80 %) x (capaian - 80 %);
- Kurang (60 %-79 %): 50 + (69 - 50) / (79 % - 60 %) x (capaian - 60 %);
- Sangat Kurang (below 60 %): capaian / 59 % x 49;
- above 110 %: 120;
- 100 %: 109 (the regulation's worked example, Lampiran form "Baik 109"; its other example 93 of 95, 98 %,
  Cukup 88);
- 100 % of a target that is already the most the indicator can reach: 120 (item (i)).

The bands are written in whole percentages (80 %-99 %, 100 %, 101 %-110 %), leaving 99 %-100 % and 100 %-101 %
uncovered, and the worked example prints 93 of 95 (97.9 %) as "98 %": so the capaian is first rounded to a whole
percent (half up) and the band and its formula read that whole percent. The formula for 101 %-110 % (Sangat
Baik) is not verified: those capaian, a negative one (below the 0-120 scale) and a missing one get no nilai (nan).
"""
from __future__ import annotations

import numpy as np

#: The nilai of the verified points and the bands' ends (PermenPANRB 8/2021).
TARGET_MET = 109.0
MOST = 120.0


def nilai_capaian(capaian, at_most=False):
    """Nilai (0-120) of each capaian (%): nan where no verified rule applies (101 %-110 % after rounding to a
    whole percent, below 0 %, missing). ``at_most``: the target was already the most the indicator can reach."""
    percent = np.floor(np.asarray(capaian, dtype=float) + 0.5)  # whole percent, half up
    at_most = np.broadcast_to(np.asarray(at_most, dtype=bool), percent.shape)
    with np.errstate(invalid="ignore"):
        nilai = np.select(
            [percent < 0, percent < 60, percent < 80, percent < 100, percent == 100, percent > 110],
            [np.nan, percent / 59 * 49, 50 + (69 - 50) / (79 - 60) * (percent - 60),
             70 + (89 - 70) / (99 - 80) * (percent - 80), np.where(at_most, MOST, TARGET_MET), MOST],
            default=np.nan)
    return float(nilai) if nilai.ndim == 0 else nilai
