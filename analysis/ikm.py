"""The Indeks Kepuasan Masyarakat (IKM) of a Survei Kepuasan Masyarakat, and its minimum sample.

Source: Lampiran PermenPANRB No. 14 Tahun 2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit
Penyelenggara Pelayanan Publik), "Pengolahan data": NRR per unsur = mean of the 1-4 answers; the nine
unsur weigh the same (bobot 1/9); IKM = sum of the weighted NRRs (1-4); IKM unit pelayanan = IKM x 25
(25-100). Its table "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu Pelayanan dan Kinerja Unit
Pelayanan" (as quoted, e.g., by BPPP Tegal's Buku Kinerja BLU 2024, fliphtml5.com/reidny/aaer, and the
Disdukcapil Tulang Bawang Barat SKM report, e-smile.tubaba.go.id/main/skm/laporan/online):

    Nilai persepsi  Nilai interval (1-4)  Interval konversi (25-100)  Mutu  Kinerja unit pelayanan
    1               1,00   - 2,5996       25,00 - 64,99               D     Tidak baik
    2               2,60   - 3,064        65,00 - 76,60               C     Kurang baik
    3               3,0644 - 3,532        76,61 - 88,30               B     Baik
    4               3,5324 - 4,00         88,31 - 100,00              A     Sangat baik

The two columns leave gaps (3,064 < x < 3,0644 is in neither C nor B; 76,60 < x < 76,61 likewise), and
the common quotation "C 65,00-76,60" is the converted column only. Here a grade starts at its lower
bound and runs up to the next one: A from 88,31, B from 76,61, C from 65,00, D below. Those lower bounds
are exactly 25 x the 1-4 ones (3,5324 / 3,0644 / 2,60), so both scales give the same grade for every
value, and a value in a gap takes the lower grade (76,605 is C). Values are compared unrounded: a report
that first rounds 76,605 to 76,61 would say B. Weights are exactly 1/n: reports that multiply by the
rounded 0,111 get an IKM 0,1 % lower (e.g. 99,9 for all answers 4, which such reports then print as 100).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The answer scale of every unsur (a = 1 ... d = 4) and the conversion to 25-100.
SCALE = (1, 2, 3, 4)
CONVERSION = 25.0

#: The weight of each of the nine unsur as published reports print it ("NRR tertimbang = NRR x 0,111",
#: the annex's 1/9 rounded to three decimals). Only for the printed column: the IKM uses 1/n exactly.
PRINTED_WEIGHT = 0.111

#: Grades best first: (letter, lower bound on the 25-100 scale, label of the annex).
GRADES = (("A", 88.31, "Sangat Baik"), ("B", 76.61, "Baik"), ("C", 65.00, "Kurang Baik"), ("D", 25.00, "Tidak Baik"))

#: Krejcie & Morgan (1970), the table the annex uses for the sample: chi-square for 1 df at 95 %,
#: the population proportion and the accuracy.
CHI_SQUARE, PROPORTION, ACCURACY = 3.841, 0.5, 0.05


@dataclass(frozen=True)
class Ikm:
    nrr: np.ndarray        # per unsur: mean answer (1-4), nan where nobody answered it
    weighted: np.ndarray   # per unsur: NRR x its weight (1/n)
    index: float           # IKM on 1-4: the sum of the weighted NRRs
    converted: float       # IKM unit pelayanan, 25-100
    grade: str             # A-D
    label: str             # the annex's words for the grade
    respondents: int       # respondents who answered every unsur


def nrr(answers) -> np.ndarray:
    """Per unsur (column) the mean of its 1-4 answers; rows are respondents, nan = not answered."""
    table = _answers(answers)
    counts = np.sum(~np.isnan(table), axis=0)
    sums = np.nansum(table, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def convert(index) -> np.ndarray | float:
    """1-4 -> 25-100 (x 25), for an IKM or an NRR."""
    return np.asarray(index, dtype=float) * CONVERSION if np.ndim(index) else float(index) * CONVERSION


def grade(converted: float) -> tuple[str, str]:
    """The annex's mutu pelayanan and its label for an IKM on 25-100 (lower bounds: see the module)."""
    value = float(converted)
    if not np.isfinite(value) or not CONVERSION * SCALE[0] <= value <= CONVERSION * SCALE[-1]:
        raise ValueError(f"IKM {value} is outside 25-100")
    return next((letter, label) for letter, lower, label in GRADES if value >= lower or letter == "D")


def ikm(answers) -> Ikm:
    """The IKM of respondents x unsur answers (1-4), every unsur weighing 1/n (n = 9 in the annex)."""
    table = _answers(answers)
    if table.shape[0] == 0 or np.isnan(table).all(axis=0).any():
        raise ValueError("every unsur needs at least one answer")
    return of_nrr(nrr(table), int((~np.isnan(table)).all(axis=1).sum()))


def of_nrr(per_unsur, respondents: int) -> Ikm:
    """The IKM of the unsur's NRRs (1-4, each weighing 1/n), e.g. from totals and counts a database summed."""
    per_unsur = np.asarray(per_unsur, dtype=float)
    if per_unsur.ndim != 1 or per_unsur.size == 0 or not np.isfinite(per_unsur).all():
        raise ValueError("every unsur needs an NRR")
    if ((per_unsur < SCALE[0]) | (per_unsur > SCALE[-1])).any():
        raise ValueError(f"an NRR lies outside {SCALE[0]}-{SCALE[-1]}")
    weighted = per_unsur / per_unsur.size
    index = float(weighted.sum())
    converted = index * CONVERSION
    letter, label = grade(converted)
    return Ikm(per_unsur, weighted, index, converted, letter, label, int(respondents))


def minimum_sample(population: int) -> int:
    """Krejcie-Morgan s = X2 N P(1-P) / (d2 (N-1) + X2 P(1-P)), rounded to the nearest whole respondent.

    Rounded to nearest, not up: that is what the published table does (N=15 gives 14,47 and the table
    says 14; N=100 gives 79,51 -> 80), and it reproduces every one of its rows (tests/test_ikm.py).
    """
    if isinstance(population, bool) or not isinstance(population, (int, np.integer)) or population < 1:
        raise ValueError(f"the population served must be a whole number of at least 1, not {population!r}")
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    size = spread * population / (ACCURACY ** 2 * (population - 1) + spread)
    return min(int(population), int(np.floor(size + 0.5)))


def _answers(answers) -> np.ndarray:
    table = np.asarray(answers, dtype=float)
    if table.ndim != 2:
        raise ValueError(f"answers must be respondents x unsur, got shape {table.shape}")
    if table.shape[1] == 0:
        raise ValueError("answers need at least one unsur")
    given = table[~np.isnan(table)]
    bad = given[~np.isin(given, SCALE)]
    if bad.size:
        raise ValueError(f"answer {bad[0]:g} is not on the scale 1-4")
    return table
