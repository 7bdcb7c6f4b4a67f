"""Numbers as a reader of a given language writes them: 52.295.456.000 and 2,38 in Indonesian,
52,295,456,000 and 2.38 in English (Babel's locale data, never hand-written separators, never
e-notation), with as many decimals as the kind of number deserves.

Rounding happens here, where a person reads the number; the analysis itself never rounds.
"""
from __future__ import annotations

import math

from babel.numbers import format_decimal

#: Decimals by what a number is (issue 16): money and counts none, percentages one, levels, indexes,
#: consistency ratios and means two; a weight is shown as a percentage with one decimal.
#: ``measure`` (a KPI's target, actual or ladder value, whatever its unit) drops trailing zeros, so
#: 1.035 complaints stay 1.035 and 95,5 % stays 95,5.
DECIMALS = {"count": (0, 0), "money": (0, 0), "percent": (1, 1), "level": (2, 2), "index": (2, 2),
            "ratio": (2, 2), "mean": (2, 2), "weight": (1, 1), "measure": (0, 2), "exact": (0, 6)}


def format_number(value, kind: str = "measure", locale: str = "id", signed: bool = False) -> str:
    """``value`` for a reader of ``locale``; '–' where there is no number (None or NaN).

    ``weight`` multiplies by 100 (the caller adds the % sign where the page needs one).
    """
    if value is None:
        return "–"
    value = float(value)
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    try:
        fewest, most = DECIMALS[kind]
    except KeyError:
        raise ValueError(f"unknown kind of number {kind!r}; choose one of {sorted(DECIMALS)}") from None
    if kind == "weight":
        value *= 100
    pattern = "#,##0" + ("." + "0" * fewest + "#" * (most - fewest) if most else "")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    value = round(value, most) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0: no "-0,00"
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)
