"""The organisation's reporting calendar: which kinds of period (year, semesters, quarters, months) it
reports in, for every year or for one year, and the periods its forms offer to choose from."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Finding, LadderSetting, Measurement, Organisation, Round
from survey.services import periods
from survey.services.errors import N_, Invalid
from survey.services.transactions import in_unit_of_work

#: Indonesian offices report by year and by triwulan (quarter) unless they choose otherwise.
DEFAULT_KINDS = ("year", "quarter")
EVERY_YEAR = ""


def kinds_of(organisation: Organisation, year: int) -> tuple[str, ...]:
    """The kinds of period the organisation reports in ``year``."""
    calendar = organisation.period_calendar or {}
    chosen = calendar.get(str(year), calendar.get(EVERY_YEAR, DEFAULT_KINDS))
    return tuple(kind for kind in periods.KINDS if kind in chosen)


def years_set(organisation: Organisation) -> dict[str, tuple[str, ...]]:
    """The calendar as set: ``""`` (every year) and each year with its own kinds, in order."""
    calendar = organisation.period_calendar or {}
    shown = {EVERY_YEAR: kinds_of(organisation, 0) if EVERY_YEAR in calendar else DEFAULT_KINDS}
    for year in sorted(y for y in calendar if y != EVERY_YEAR):
        shown[year] = tuple(kind for kind in periods.KINDS if kind in calendar[year])
    return shown


@in_unit_of_work
def set_kinds(session: Session, organisation_id: int, year: int | None, kinds) -> Organisation:
    """The kinds of period of every year (``year`` None) or of one year; the other years keep theirs."""
    chosen = [kind for kind in periods.KINDS if kind in set(kinds or ())]
    if not chosen or len(chosen) != len(set(kinds)):
        raise Invalid({"kinds": N_("Choose at least one kind of period: year, semesters, quarters or months.")})
    if year is not None and not 1900 <= year <= 2999:
        raise Invalid({"year": N_("Give a year between 1900 and 2999, or leave it blank for every year.")})
    organisation = session.get(Organisation, organisation_id)
    calendar = dict(organisation.period_calendar or {})
    calendar[EVERY_YEAR if year is None else str(year)] = chosen
    organisation.period_calendar = calendar  # a new dict: the JSON column sees the change
    return organisation


def stored_periods(session: Session, organisation_id: int) -> set[str]:
    """Every period the organisation's data already names, calendar code or text written before it."""
    found = set()
    for column, owner in ((Measurement.period, Measurement.organisation_id),
                          (LadderSetting.period, LadderSetting.organisation_id),
                          (Finding.period, Finding.organisation_id), (Round.period, Round.organisation_id)):
        found |= set(session.scalars(select(column).where(owner == organisation_id).distinct()))
    return {p for p in found if p}


def choices(session: Session, organisation: Organisation, this_year: int, locale: str = "id",
            keep: str = "") -> list[tuple[str, str]]:
    """(code, label) of the calendar's periods of last, this and next year, and of every period the
    organisation's data already names (``keep`` too), in calendar order."""
    codes = set(stored_periods(session, organisation.id)) | ({keep} if keep else set())
    for year in (this_year - 1, this_year, this_year + 1):
        codes |= set(periods.of_year(year, kinds_of(organisation, year)))
    return [(code, periods.label(code, locale)) for code in periods.ordered(codes)]


def current(organisation: Organisation, year: int, month: int) -> str:
    """The period of the calendar's shortest kind that holds the month: what a form offers first."""
    shortest = kinds_of(organisation, year)[-1]
    span = periods.MONTHS[shortest]
    return periods.Period(shortest, year, (month - 1) // span + 1).code
