"""Saaty's judgment scale, random index tables and acceptance thresholds.

The one place these constants live; the survey site imports them from here.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import numpy as np

from ..messages import InputError

#: Saaty's 1-9 scale and its reciprocals, ascending: 1/9 ... 1 ... 9.
SAATY_SCALE = np.array([1 / v for v in range(9, 1, -1)] + list(range(1, 10)), dtype=float)

#: Random index RI(n) for n = 1, 2, ... (index 0 is n = 1).
RANDOM_INDEX: dict[str, tuple[float, ...]] = {
    # Saaty, The Analytic Hierarchy Process (1980), as quoted in DOMAIN.md.
    "saaty": (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59),
    # Alonso & Lamata, "Consistency in the AHP: a new approach", IJUFKS 14(4), 2006.
    "alonso_lamata": (0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499,
                      1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838),
    # Donegan & Dodd, "A note on Saaty's random indexes", Math. Comput. Modelling 15(10), 1991.
    "donegan_dodd": (0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055,
                     1.4213, 1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371),
}

#: Random index formulas valid for any n, used beyond their table. Alonso & Lamata (2006) fitted the mean
#: lambda_max of random matrices as n + 0.1 * (1.7699 n - 4.3513) at CR = 0.1, so RI(n) = (1.7699 n - 4.3513) / (n - 1).
RANDOM_INDEX_FORMULAS = {"alonso_lamata": lambda n: (1.7699 * n - 4.3513) / (n - 1)}

#: CR thresholds: Saaty's size-dependent rule (0.05 for n = 3, 0.08 for n = 4,
#: 0.10 above; Saaty 1994) and the flat 0.10 most offices quote.
CR_THRESHOLD_RULES = ("by_size", "flat")


def random_index_table(ri: str | Sequence[float]) -> np.ndarray:
    """RI values for n = 1.. from a table name or a custom sequence."""
    if isinstance(ri, str):
        try:
            return np.asarray(RANDOM_INDEX[ri], dtype=float)
        except KeyError:
            raise ValueError(
                f"unknown random index table {ri!r}; choose one of {sorted(RANDOM_INDEX)} "
                "or pass the RI values for n = 1, 2, ..."
            ) from None
    table = np.asarray(ri, dtype=float)
    if table.ndim != 1 or table.size < 3 or np.any(table[2:] <= 0) or not np.all(np.isfinite(table)):
        raise ValueError("a random index table lists positive RI values for n = 1, 2, 3, ... (n >= 3 positive)")
    return table


def largest_cluster(ri: str | Sequence[float]) -> int | None:
    """The largest n a random index table serves, or None when a published formula extends it to any n."""
    if isinstance(ri, str) and ri in RANDOM_INDEX_FORMULAS:
        return None
    return int(random_index_table(ri).size)


def random_index(n: int, ri: str | Sequence[float] = "saaty") -> float:
    """RI(n) from the chosen table (or its formula beyond the table); raises when n is beyond the table."""
    table = random_index_table(ri)
    if n < 1:
        raise ValueError(f"a cluster needs at least one element, got n = {n}")
    if n <= table.size:
        return float(table[n - 1])
    if isinstance(ri, str) and ri in RANDOM_INDEX_FORMULAS:
        return float(RANDOM_INDEX_FORMULAS[ri](n))
    name = ri if isinstance(ri, str) else "the given"
    raise InputError("A %(n)d-element cluster is too large for the %(table)s random index table, which stops at "
                     "%(largest)d elements.", n=n, table=name, largest=table.size)


def cr_threshold(n: int, rule: str = "by_size") -> float:
    """The largest acceptable CR for an n-element cluster."""
    if rule == "flat":
        return 0.10
    if rule != "by_size":
        raise ValueError(f"unknown CR threshold rule {rule!r}; choose one of {CR_THRESHOLD_RULES}")
    return {3: 0.05, 4: 0.08}.get(n, 0.10)


def nearest_scale_value(x: float | np.ndarray, scale: np.ndarray = SAATY_SCALE) -> np.ndarray | float:
    """The scale value closest to x on a log scale (3 and 1/3 are equally far from 1)."""
    x = np.asarray(x, dtype=float)
    if np.any(~np.isfinite(x)) or np.any(x <= 0):
        raise ValueError("only positive finite ratios can be snapped to the judgment scale")
    distance = np.abs(np.log(x)[..., None] - np.log(scale))
    snapped = scale[np.argmin(distance, axis=-1)]
    return float(snapped) if snapped.ndim == 0 else snapped


def parse_judgment(text: str | float | int) -> float:
    """A judgment written as a number or a fraction ('3', '1/5', 0.2) as a float."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
    else:
        try:
            value = float(Fraction(str(text).strip()))
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{text!r} is not a judgment: write a number such as 3 or a fraction such as 1/3") from None
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{text!r} is not a judgment: it must be a positive number")
    return value


def scale_label(value: float) -> str:
    """A judgment as people write it: '3', '1/5', or the number for off-scale values."""
    if value >= 1:
        return f"{value:g}" if float(value).is_integer() else f"{value:.3g}"
    inverse = 1 / value
    return f"1/{inverse:g}" if abs(inverse - round(inverse)) < 1e-9 else f"{value:.3g}"
