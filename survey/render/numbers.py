"""Numbers as a reader of a given language writes them: 52.295.456.000 and 2,38 in Indonesian,
52,295,456,000 and 2.38 in English (Babel's locale data, never hand-written separators, never
e-notation), with as many decimals as the kind of number deserves.

Rounding happens here, where a person reads the number; the analysis itself never rounds.
A number too large for any bound the site keeps (survey/services/numbers.py), such as a row stored
before the bounds, is shown in the language's scientific form (1,5E300) rather than break the page.
"""
from __future__ import annotations

import decimal
import functools
import math

from babel.numbers import format_decimal

#: Decimals by what a number is (issue 16): money and counts none, percentages one, levels, indexes,
#: consistency ratios and means two; a weight is shown as a percentage with one decimal.
#: ``measure`` (a KPI's target, actual or ladder value, whatever its unit) drops trailing zeros, so
#: 1.035 complaints stay 1.035 and 95,5 % stays 95,5.
DECIMALS = {"count": (0, 0), "money": (0, 0), "percent": (1, 1), "level": (2, 2), "index": (2, 2),
            "ratio": (2, 2), "mean": (2, 2), "weight": (1, 1), "measure": (0, 2), "exact": (0, 6),
            "nrr_weighted": (3, 3)}  # an SKM's NRR tertimbang (NRR x 0,111), as reports print it
#: From here on a number is written in scientific form: Babel quantizes within Python's default 28
#: significant digits, so 1e23 with six decimals raised decimal.InvalidOperation (issue 24). Every
#: bound on typed numbers (at most 1e15) is far below it.
SCIENTIFIC_FROM = 1e18


#: Large amounts (Rupiah ladders run to 11 digits) are printed in these units, largest first, and say so
#: in words ("dalam miliar", "in billions"): a table of 52.295.456.000s does not fit a page.
SCALES = (10**9, 10**6)


def scale_of(values) -> int:
    """The unit a row of ``values`` is best printed in: 10**9 or 10**6 once its largest reaches it, else 1."""
    finite = [abs(float(v)) for v in values if v is not None and math.isfinite(float(v))]
    largest = max(finite, default=0.0)
    return next((scale for scale in SCALES if largest >= scale), 1)


def format_number(value, kind: str = "measure", locale: str = "id", signed: bool = False) -> str:
    """``value`` for a reader of ``locale``; '–' where there is no number (None or NaN). Never raises
    for a value: one that is not a number is shown as its text, a huge one in scientific form.

    ``weight`` multiplies by 100 (the caller adds the % sign where the page needs one).
    """
    if value is None:
        return "–"
    try:
        value = float(value)
    except (TypeError, ValueError, OverflowError):
        return str(value)
    if math.isnan(value):
        return "–"
    try:
        fewest, most = DECIMALS[kind]
    except KeyError:
        raise ValueError(f"unknown kind of number {kind!r}; choose one of {sorted(DECIMALS)}") from None
    if kind == "weight":
        value *= 100
    pattern = "#,##0" + ("." + "0" * fewest + "#" * (most - fewest) if most else "")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    if math.isinf(value):  # a weight of 1e307 is one too, once times 100
        return "∞" if value > 0 else "-∞"
    if abs(value) >= SCIENTIFIC_FROM:
        mantissa, exponent = f"{value:.2e}".split("e")  # Python rounds 9.999e24 to 1.00e+25; Babel wrote 10E24
        return f"{format_decimal(float(mantissa), '0.##', locale=locale)}E{int(exponent)}"
    return _formatted(round(value, most) + 0.0, pattern, locale)  # + 0.0: a rounded -0.0 is 0.0, no "-0,00"


@functools.lru_cache(maxsize=8192)
def _formatted(value: float, pattern: str, locale: str) -> str:
    """Babel's writing of a rounded number, remembered: pages show the same figures many times over (a
    scorecard's levels, weights and targets in its table, its charts and its PDF), and Babel parses the
    pattern and the locale anew for each (~65 us a number; an office scorecard writes hundreds)."""
    try:
        return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)
    except decimal.DecimalException:  # not expected below SCIENTIFIC_FROM; a page still shows the number
        return repr(value)
