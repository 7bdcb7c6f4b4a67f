"""A KPI's target, actual and formula inputs in a period: separate facts, each with its history.

Offices type targets in January and actuals months later, often from different files: a value one
entry leaves blank is unchanged, never erased. The current value of a fact is the newest measurement
row that gives it or clears it on purpose (``Measurement.cleared``, with the reason as its note).
Rows are only ever added, so every change stays readable: who, when, old -> new, why.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Measurement, utcnow

TARGET, ACTUAL = "target", "actual"
INPUT_PREFIX = "input:"


def input_fact(name: str) -> str:
    """The fact holding a formula input's value."""
    return INPUT_PREFIX + name


@dataclass(frozen=True)
class Entry:
    """A fact's current value and the entry that gave it."""
    value: float
    entered_by: str
    at: datetime
    note: str


@dataclass(frozen=True)
class Change:
    """One change of one fact: ``new`` is None when the value was cleared, ``old`` when it was first given."""
    fact: str
    old: float | None
    new: float | None
    entered_by: str
    at: datetime
    note: str


@dataclass(frozen=True)
class CurrentValues:
    """The current value of every fact of one KPI in one period that has one."""
    facts: dict[str, Entry] = field(default_factory=dict)

    def value(self, fact: str) -> float | None:
        entry = self.facts.get(fact)
        return None if entry is None else entry.value

    @property
    def target(self) -> float | None:
        return self.value(TARGET)

    @property
    def actual(self) -> float | None:
        return self.value(ACTUAL)

    @property
    def inputs(self) -> dict[str, float]:
        return {fact[len(INPUT_PREFIX):]: entry.value for fact, entry in sorted(self.facts.items())
                if fact.startswith(INPUT_PREFIX)}

    @property
    def entered_by(self) -> str:
        """Who entered the newest of the current values."""
        return max(self.facts.values(), key=lambda entry: entry.at).entered_by if self.facts else ""


def facts_of(target: float | None, actual: float | None, inputs: dict[str, float]) -> dict[str, float]:
    """What an entry gives, as facts: its blanks (None) give nothing."""
    given = {input_fact(name): value for name, value in inputs.items() if value is not None}
    given.update({fact: value for fact, value in ((TARGET, target), (ACTUAL, actual)) if value is not None})
    return given


def fold(rows: Iterable[Measurement], start: CurrentValues | None = None) -> tuple[CurrentValues, list[Change]]:
    """The current values after ``rows`` (oldest first) applied to ``start`` (none by default), and every
    change they made, oldest first."""
    current: dict[str, Entry] = dict(start.facts) if start else {}
    changes: list[Change] = []
    for row in rows:
        at = row.created_at
        for fact, value in facts_of(row.target, row.actual, row.inputs or {}).items():
            old = current.get(fact)
            if old is None or old.value != value:
                changes.append(Change(fact, None if old is None else old.value, value, row.entered_by, at, row.note))
            current[fact] = Entry(value, row.entered_by, at, row.note)
        for fact in row.cleared or ():
            old = current.pop(fact, None)
            if old is not None:
                changes.append(Change(fact, old.value, None, row.entered_by, at, row.note))
    return CurrentValues(current), changes


def same_number(stored: float | None, given: float) -> bool:
    """Equal to 15 significant digits, what a spreadsheet keeps (openpyxl and Excel write 0.3 for
    0.30000000000000004): an export imported again changes nothing."""
    return stored is not None and f"{stored:.15g}" == f"{given:.15g}"


def current_values(session: Session, element_ids: Iterable[int]) -> dict[tuple[int, str], CurrentValues]:
    """The current values of every KPI and period with at least one, keyed (element id, period)."""
    rows: dict[tuple[int, str], list[Measurement]] = {}
    for row in session.scalars(select(Measurement).where(Measurement.element_id.in_(list(element_ids)))
                               .order_by(Measurement.created_at, Measurement.id)):
        rows.setdefault((row.element_id, row.period), []).append(row)
    found = {key: fold(history)[0] for key, history in rows.items()}
    return {key: values for key, values in found.items() if values.facts}


def changes(session: Session, element_id: int, period: str) -> list[Change]:
    """Every change of the KPI's values in the period, newest first."""
    return fold(rows(session, element_id, period))[1][::-1]


def entry(organisation_id: int, element_id: int, period: str, current: CurrentValues, given: dict[str, float],
          note: str, entered_by: str) -> Measurement | None:
    """The row recording what ``given`` changes in ``current`` (values equal to the current ones are left
    out); None when it changes nothing."""
    changed = {fact: value for fact, value in given.items() if not same_number(current.value(fact), value)}
    if not changed:
        return None
    inputs = {fact[len(INPUT_PREFIX):]: value for fact, value in changed.items() if fact.startswith(INPUT_PREFIX)}
    return Measurement(organisation_id=organisation_id, element_id=element_id, period=period,
                       target=changed.get(TARGET), actual=changed.get(ACTUAL), inputs=inputs, cleared=[],
                       note=note, entered_by=entered_by, created_at=utcnow())


def clearing(organisation_id: int, element_id: int, period: str, fact: str, reason: str,
             entered_by: str) -> Measurement:
    """The row clearing one fact on purpose, with the reason as its note."""
    return Measurement(organisation_id=organisation_id, element_id=element_id, period=period, target=None,
                       actual=None, inputs={}, cleared=[fact], note=reason, entered_by=entered_by,
                       created_at=utcnow())


def rows(session: Session, element_id: int, period: str) -> list[Measurement]:
    """The KPI's entries in the period as typed, oldest first: its whole history."""
    return list(session.scalars(select(Measurement).where(Measurement.element_id == element_id,
                                                          Measurement.period == period)
                                .order_by(Measurement.created_at, Measurement.id)))
