"""Formula KPIs: performance computed from raw inputs per period.

A formula is an expression over named inputs, e.g. ``share(trained, staff)``
or ``growth(revenue, prev_revenue)``: ``prev_<name>`` is the input's value in
the previous period. Expressions are evaluated by simpleeval (no ``eval``),
limited to arithmetic and the functions below. A formula that cannot be
computed for a period (missing input, division by zero, a result too large)
gives an error for that KPI and period, never an exception that stops the
whole scorecard. Arithmetic runs on floats with a bounded exponent, so a
formula of at most MAX_LENGTH characters costs microseconds whatever it says
(Python's integers would compute ``3999999**3999999`` exactly, for minutes).
"""
from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from typing import Mapping

import pandas as pd
from simpleeval import DEFAULT_OPERATORS, SimpleEval

from .messages import InputError

PREVIOUS = "prev_"
MAX_LENGTH = 300     # characters: what the scorecard's formula column holds
MAX_EXPONENT = 100   # |b| in a ** b; beyond it a KPI's value is no longer a measurement


def growth(current: float, previous: float) -> float:
    """(x_t - x_{t-1}) / x_{t-1} x 100."""
    return (current - previous) / previous * 100


def share(part: float, whole: float) -> float:
    """part / whole x 100 (participant acquisition, retention, staff trained...)."""
    return part / whole * 100


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator (e.g. revenue per employee)."""
    return numerator / denominator


def mean_score(mean: float, maximum: float) -> float:
    """Satisfaction: mean score / maximum score x 100."""
    return mean / maximum * 100


FUNCTIONS = {"growth": growth, "share": share, "retention": share, "ratio": ratio, "mean_score": mean_score,
             "min": min, "max": max, "abs": abs, "round": round}


def power(base: float, exponent: float) -> float:
    """base ** exponent in floats, refused beyond MAX_EXPONENT (an OverflowError is reported by the caller)."""
    base, exponent = float(base), float(exponent)
    _check_exponent(exponent)
    return base ** exponent


def _check_exponent(exponent: float) -> None:
    if abs(exponent) > MAX_EXPONENT:
        raise InputError("the exponent %(exponent)s is larger than %(limit)s", exponent=format(exponent, ".15g"),
                         limit=MAX_EXPONENT)


def _in_floats(function):
    """An operator applied to floats: no unbounded integers, no repeated strings."""
    return lambda *operands: function(*map(float, operands))


#: Arithmetic and comparisons only, always in floats; no bit operations, shifts or membership tests.
OPERATORS = {**{node: _in_floats(function) for node, function in DEFAULT_OPERATORS.items()
                if node in (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.USub, ast.UAdd,
                            ast.Eq, ast.NotEq, ast.Gt, ast.Lt, ast.GtE, ast.LtE)},
             ast.Pow: power}


@dataclass(frozen=True)
class Formula:
    """A checked expression and the input names it reads."""

    expression: str
    names: frozenset[str]

    @classmethod
    def parse(cls, expression: str, known_inputs: set[str] | None = None) -> "Formula":
        """Check length, syntax, functions, constant exponents and (when ``known_inputs`` is given) input names."""
        if len(expression.strip()) > MAX_LENGTH:
            raise InputError("a formula has at most %(limit)s characters", limit=MAX_LENGTH)
        try:
            tree = ast.parse(expression.strip(), mode="eval")
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:  # ValueError: a NUL character
            raise InputError("formula %(formula)r is not a valid expression: %(reason)s", formula=expression,
                             reason=getattr(error, "msg", None) or type(error).__name__) from None
        called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name)}
        unknown_functions = called - set(FUNCTIONS)
        if unknown_functions:
            raise InputError("formula %(formula)r calls unknown function(s) %(functions)s; available: %(available)s",
                             formula=expression, functions=sorted(unknown_functions), available=sorted(FUNCTIONS))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} - called
        if known_inputs is not None:
            unknown = {name for name in names if name.removeprefix(PREVIOUS) not in known_inputs}
            if unknown:
                raise InputError("formula %(formula)r uses unknown input(s) %(inputs)s", formula=expression,
                                 inputs=sorted(unknown))
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
                _check_constant_exponent(node.right)
        return cls(expression.strip(), frozenset(names))

    def evaluate(self, current: Mapping[str, float], previous: Mapping[str, float] | None = None) -> float:
        """The formula's value; ValueError with a readable reason when it has none."""
        values = {}
        for name in self.names:
            source, key = (previous, name[len(PREVIOUS):]) if name.startswith(PREVIOUS) else (current, name)
            value = None if source is None else source.get(key)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                if source is not current:
                    raise InputError("input %(name)r is missing for the previous period", name=key)
                raise InputError("input %(name)r is missing for this period", name=key)
            values[name] = float(value)
        return _evaluated(self.expression, values)


def _evaluated(expression: str, values: Mapping[str, float]) -> float:
    """The expression's value as a finite float; every failure an InputError with a readable reason."""
    try:
        result = SimpleEval(operators=OPERATORS, names=values, functions=FUNCTIONS).eval(expression)
        if isinstance(result, bool) or not isinstance(result, (int, float)):
            raise InputError("%(formula)r gives %(result)r, not a number", formula=expression,
                             result=_shown(result))
        result = float(result)
    except InputError:
        raise
    except ZeroDivisionError:
        zeros = sorted(name for name, value in values.items() if value == 0)
        if not zeros:
            raise InputError("division by zero") from None
        raise InputError("division by zero (%(zeros)s)", zeros=", ".join(f"{n} = 0" for n in zeros)) from None
    except OverflowError:
        raise InputError("%(formula)r gives a number too large to compute", formula=expression) from None
    except Exception as error:  # simpleeval's refusals, a string where a number belongs, a deep expression...
        raise InputError("cannot compute %(formula)r: %(reason)s", formula=expression,
                         reason=_shown(error)) from None
    if not math.isfinite(result):
        raise InputError("%(formula)r gives %(result)r, not a number", formula=expression, result=result)
    return result


def _check_constant_exponent(exponent: ast.expr) -> None:
    """An exponent written with numbers only is checked when the formula is saved: ``9 ** 3999``."""
    if any(isinstance(node, ast.Name) for node in ast.walk(exponent)):
        return  # it depends on the inputs: checked when evaluated
    _check_exponent(_evaluated(ast.unparse(exponent), {}))


def _shown(value) -> str:
    """A value in a message, never long: a library's error text or an odd result."""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def compute_indicators(formulas: Mapping[str, str], inputs: Mapping[object, Mapping[str, float]]) -> pd.DataFrame:
    """Every formula KPI for every period: columns ``kpi``, ``period``, ``value``, ``error``.

    ``inputs`` maps each period (sortable) to its raw inputs; a period's previous
    period is the one before it in sorted order.
    """
    periods = sorted(inputs)
    rows = []
    for kpi, expression in formulas.items():
        try:
            formula = Formula.parse(expression)
        except ValueError as error:  # a broken definition spoils this KPI only
            rows.extend((kpi, period, float("nan"), f"{kpi}: {error}") for period in periods)
            continue
        for position, period in enumerate(periods):
            previous = inputs[periods[position - 1]] if position else None
            try:
                rows.append((kpi, period, formula.evaluate(inputs[period], previous), None))
            except ValueError as error:
                rows.append((kpi, period, float("nan"), f"{kpi} {period}: {error}"))
    return pd.DataFrame(rows, columns=["kpi", "period", "value", "error"])
