"""A period's data as one grid, like the spreadsheet offices keep: every KPI's target, actual and formula
inputs, changed many at a time and saved once.

Only the cells a person changed are written, each through kpi_values (so the history keeps every old
value); a blank cell leaves the stored value as it is. Each cell carries the value the page showed: when
the stored value moved since (a colleague saved meanwhile), the save is refused and says so instead of
overwriting it silently. A save is all or nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from survey.render.numbers import format_number
from analysis.indicators import PREVIOUS, Formula
from survey.models import Element, Measurement, ScorecardVersion
from survey.services import calendar, kpi_values, performance, period_locks, periods
from survey.services.errors import N_, Invalid
from survey.services.kpi_owners import NOT_YOURS
from survey.services.numbers import NumberError, parse_number
from survey.services.text import unsafe_characters
from survey.services.transactions import in_unit_of_work

#: The first columns of every row; a formula KPI's inputs follow, in name order.
FIXED_FACTS = (kpi_values.TARGET, kpi_values.ACTUAL)
OUT_OF_DATE = N_("This page is out of date: open it again and enter your changes there.")


def cell_name(kpi: str, fact: str) -> str:
    """The name of a KPI's cell in the grid's form, e.g. ``C1a:target`` or ``C9:input:staff``."""
    return f"{kpi}:{fact}"


@dataclass(frozen=True)
class Cell:
    kpi: str
    fact: str                          # target, actual or input:<name>
    entry: kpi_values.Entry | None     # the stored value, who entered it and when; None: no value yet

    @property
    def name(self) -> str:
        return cell_name(self.kpi, self.fact)

    @property
    def value(self) -> float | None:
        return None if self.entry is None else self.entry.value

    @property
    def input_name(self) -> str | None:
        prefix = kpi_values.INPUT_PREFIX
        return self.fact[len(prefix):] if self.fact.startswith(prefix) else None


@dataclass(frozen=True)
class GridRow:
    kpi: Element
    cells: tuple[Cell, ...]                # target, actual, then each formula input
    ladder: dict[int, float] | None = None  # the anchors scoring uses in this period; None: no ladder yet
    automatic: bool = False                # built by Neraca from target and last period's actual, not HR's
    ladder_problem: str | None = None      # why there is no ladder (a translatable message)


@dataclass(frozen=True)
class Grid:
    period: str
    rows: tuple[GridRow, ...]

    @property
    def shown(self) -> dict[str, str]:
        """Each cell's stored value as the page showed it (exact, language-free; '' for none)."""
        return {cell.name: "" if cell.value is None else repr(cell.value) for row in self.rows for cell in row.cells}


class Refused(Invalid):
    """A refused save: ``errors`` by cell name; ``conflicts`` names the cells a colleague changed meanwhile."""

    def __init__(self, errors: dict[str, str], conflicts: set[str]):
        super().__init__(errors)
        self.conflicts = frozenset(conflicts)


def carried(grid: Grid, posted: Mapping[str, str], changed: Mapping[str, str],
            conflicts: frozenset[str] = frozenset()) -> dict[str, str]:
    """The values a refused page carries on: what it showed before for the cells still being changed, so a
    colleague's value stored since is still noticed; the stored value for the rest and for the conflicts
    already reported (saving again then replaces them on purpose)."""
    shown = grid.shown
    shown.update({name: posted[name] for name in changed
                  if name in shown and name in posted and name not in conflicts})
    return shown


def check_period(session: Session, organisation_id: int, period: str) -> str:
    """The calendar code of the period an address names ("2026/TW 1" -> "2026-Q1", as every entry stores
    it; text already stored as a period stays as it is), or Invalid when it names none."""
    written = str(period or "").strip()
    errors = unsafe_characters({"period": written})
    if not written or len(written) > Measurement.period.type.length:
        errors["period"] = N_("'%(period)s' is not a period.", period=written[:40])
    if errors:
        raise Invalid(errors)
    return periods.normalised(written, calendar.stored_periods(session, organisation_id))


def grid(session: Session, version: ScorecardVersion, period: str, owned: set[str] | None = None) -> Grid:
    """Every KPI (``owned``: only those) with its cells in ``period`` and the ladder scoring will use."""
    period = check_period(session, version.organisation_id, period)
    known = performance.kpis(session, version)
    measurements = kpi_values.current_values(session, [element.id for element in known.values()])
    settings = performance.ladder_settings(session, known)
    calendar = periods.ordered({p for (_, p) in measurements} | {period})
    rows = []
    for code, element in known.items():
        if owned is not None and code not in owned:
            continue
        ladder, problem = performance.kpi_ladder(element, period, settings, measurements, calendar)
        rows.append(GridRow(element, _cells(element, measurements.get((element.id, period))),
                            None if ladder is None else dict(ladder.anchors),
                            automatic=ladder is not None and (element.id, period) not in settings,
                            ladder_problem=problem))
    return Grid(period, tuple(rows))


def changed_texts(typed: Mapping[str, str], shown: Mapping[str, str], locale: str) -> dict[str, str]:
    """The cells a person changed: not blank, and not the text the page showed for the stored value."""
    changed = {}
    for name, text in typed.items():
        text = str(text or "").strip()
        if text and text != _shown_text(shown.get(name, ""), locale):
            changed[name] = text
    return changed


@in_unit_of_work
def save(session: Session, version: ScorecardVersion, period: str, changed: Mapping[str, str],
         shown: Mapping[str, str], *, locale: str, entered_by: str, owned: set[str] | None = None,
         note: str = "") -> int:
    """Write the changed cells (``changed_texts``) read as ``locale`` writes numbers; all or nothing.

    Refused (keyed by cell name) when a number is unreadable, a KPI is not the user's, or the
    stored value is no longer the one the page showed (``shown``) and differs from the typed one.
    Returns how many values changed.
    """
    period = check_period(session, version.organisation_id, period)
    period_locks.refuse_locked(session, version.id, [period])
    known = performance.kpis(session, version)
    measurements = kpi_values.current_values(session, [element.id for element in known.values()])
    cells = {cell.name: (element, cell) for element in known.values()
             for cell in _cells(element, measurements.get((element.id, period)))}
    errors = unsafe_characters({"note": note})
    conflicts = set()
    given: dict[int, dict[str, float]] = {}
    for name, text in changed.items():
        if name not in cells:
            errors[""] = OUT_OF_DATE  # a KPI or input removed since the page was shown
            continue
        element, cell = cells[name]
        if owned is not None and element.code not in owned:
            errors[name] = NOT_YOURS
            continue
        try:
            value = parse_number(text, locale)
            before = _shown_value(shown.get(name, ""))
        except NumberError as error:
            errors[name] = error.message
            continue
        except ValueError:
            errors[""] = OUT_OF_DATE
            continue
        if value in (before, cell.value):
            continue  # the same number written another way, or already stored by someone else
        if cell.value != before:
            errors[name] = _conflict(cell, value, locale)
            conflicts.add(name)
            continue
        given.setdefault(element.id, {})[cell.fact] = value
    if errors:
        raise Refused(errors, conflicts)
    rows = [kpi_values.entry(version.organisation_id, element_id, period,
                             measurements.get((element_id, period), kpi_values.CurrentValues()), facts,
                             note.strip()[:2000], entered_by)
            for element_id, facts in given.items()]
    session.add_all(row for row in rows if row is not None)
    period_locks.withdraw_submissions(session, [(element_id, period) for element_id in given])
    return sum(len(facts) for facts in given.values())


def _cells(element: Element, current: kpi_values.CurrentValues | None) -> tuple[Cell, ...]:
    current = current or kpi_values.CurrentValues()
    facts = list(FIXED_FACTS) + [kpi_values.input_fact(name) for name in _input_names(element, current)]
    return tuple(Cell(element.code, fact, current.facts.get(fact)) for fact in facts)


def _input_names(element: Element, current: kpi_values.CurrentValues) -> list[str]:
    """The formula's inputs of this period (not its prev_ ones), and any input stored without it."""
    names = set(current.inputs)
    if element.formula:
        try:
            names |= {name for name in Formula.parse(element.formula).names if not name.startswith(PREVIOUS)}
        except ValueError:  # a formula stored before formulas were checked: its stored inputs still show
            pass
    return sorted(names)


def _shown_text(shown: str, locale: str) -> str:
    try:
        value = _shown_value(shown)
    except ValueError:
        return ""
    return "" if value is None else format_number(value, "exact", locale)


def _shown_value(shown: str) -> float | None:
    return float(shown) if str(shown).strip() else None


def _conflict(cell: Cell, typed: float, locale: str) -> str:
    number = lambda value: format_number(value, "exact", locale)  # noqa: E731
    if cell.entry is None:
        return N_("Someone cleared this value meanwhile; yours (%(typed)s) was not saved. Save again to enter it.",
                  typed=number(typed))
    return N_("%(who)s changed this value to %(stored)s meanwhile; yours (%(typed)s) was not saved. Save again "
              "to replace theirs.", who=cell.entry.entered_by or "?", stored=number(cell.value), typed=number(typed))
