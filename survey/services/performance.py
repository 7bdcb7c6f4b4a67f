"""KPI data entry, ladders and the office scorecard of a period.

Measurements and ladders are only ever added. A KPI's target, actual and each formula input are
separate facts (services.kpi_values): a blank leaves a stored value unchanged, and only the clearing
act erases one. The newest ladder of a KPI and period counts; earlier rows remain as history.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.indicators import Formula
from analysis.predikat import DEFAULT_PRESET, PRESETS, Band, capaian, level_percent, predikat_index
from analysis.scorecard import indexes, perspective_subtotals, score_table
from analysis.scoring import NO_DATA, Ladder
from survey.models import Element, Finding, LadderSetting, Measurement, Organisation, ScorecardVersion
from survey.services import calendar, kpi_values, period_locks
from survey.services import periods as calendar_periods
from survey.services.bands import bands_of, thresholds_of
from survey.services.errors import N_, Invalid, joined, library_message
from survey.services.numbers import NumberError, read_cell
from survey.services.scorecards import elements
from survey.services.tables import cell, row_label
from survey.services.text import refuse_unsafe_characters, unsafe_characters
from survey.services.transactions import in_unit_of_work

MEASUREMENT_COLUMNS = ("kpi", "period", "target", "actual")


def kpis(session: Session, version: ScorecardVersion) -> dict[str, Element]:
    return {e.code: e for e in elements(session, version.id) if e.kind == "kpi"}


@in_unit_of_work
def record_measurement(session: Session, version: ScorecardVersion, *, kpi: str, period: str, target=None,
                       actual=None, inputs: dict | None = None, note: str = "",
                       entered_by: str = "") -> Measurement | None:
    """An entry of a KPI's values in a period: what it leaves blank is unchanged, what equals the stored
    value is not written again. Returns the row written, or None when nothing changed."""
    values, errors = _checked_measurement(kpis(session, version), kpi, period, target, actual, inputs or {},
                                          stored=calendar.stored_periods(session, version.organisation_id))
    errors.update(unsafe_characters({"note": note}))
    if errors:
        raise Invalid(errors)
    period_locks.refuse_locked(session, version.id, [values["period"]])
    current = kpi_values.current_values(session, [values["element_id"]]).get(
        (values["element_id"], values["period"]), kpi_values.CurrentValues())
    measurement = kpi_values.entry(version.organisation_id, values["element_id"], values["period"], current,
                                   kpi_values.facts_of(values["target"], values["actual"], values["inputs"]),
                                   note.strip()[:2000], entered_by)
    if measurement is not None:
        session.add(measurement)
        period_locks.withdraw_submissions(session, [(measurement.element_id, measurement.period)])
    return measurement


@in_unit_of_work
def clear_value(session: Session, version: ScorecardVersion, *, kpi: str, period: str, fact: str, reason: str,
                entered_by: str = "") -> Measurement:
    """Erase one stored value on purpose (the only way a value goes): the reason is required and the
    history shows who cleared what, when and why."""
    element = kpis(session, version).get(str(kpi).strip())
    if element is None:
        raise Invalid({"kpi": N_("'%(kpi)s' is not a KPI code of this scorecard.", kpi=kpi)})
    refuse_unsafe_characters(reason=reason or "")
    if not (reason or "").strip():
        raise Invalid({"reason": N_("Say why the value is cleared.")})
    period_locks.refuse_locked(session, version.id, [period])
    current = kpi_values.current_values(session, [element.id]).get((element.id, period))
    if current is None or current.value(fact) is None:
        raise Invalid({"": N_("There is no stored value to clear.")})
    measurement = kpi_values.clearing(version.organisation_id, element.id, period, fact, reason.strip()[:2000],
                                      entered_by)
    session.add(measurement)
    period_locks.withdraw_submissions(session, [(element.id, period)])
    return measurement


@in_unit_of_work
def import_measurements(session: Session, version: ScorecardVersion, frame: pd.DataFrame, entered_by: str = "",
                        number_format: str = "id") -> int:
    """Rows of kpi, period, target, actual (other columns are raw inputs of formula KPIs); all or nothing.
    A blank cell leaves the stored value unchanged; a row changing nothing writes nothing. Numbers written
    as text are read as ``number_format`` (id or en) writes them. Returns how many rows changed values."""
    known = kpis(session, version)
    current = current_measurements(session, version)
    stored = calendar.stored_periods(session, version.organisation_id)
    rows, errors = [], {}
    input_columns = [c for c in frame.columns if c not in MEASUREMENT_COLUMNS + ("note",)]
    for index, row in enumerate(frame.to_dict("records")):
        inputs = {c: row[c] for c in input_columns if cell(row, c)}
        note = cell(row, "note")[:2000]
        values, problems = _checked_measurement(known, cell(row, "kpi"), cell(row, "period"), row.get("target"),
                                                row.get("actual"), inputs, number_format, blank_allowed=True,
                                                stored=stored)
        problems.update(unsafe_characters({"note": note}))
        if problems:
            errors[row_label(index)] = joined(problems.values())
            continue
        key = (values["element_id"], values["period"])
        before = current.get(key, kpi_values.CurrentValues())
        measurement = kpi_values.entry(version.organisation_id, *key, before,
                                       kpi_values.facts_of(values["target"], values["actual"], values["inputs"]),
                                       note, entered_by)
        if measurement is not None:  # a later row of the same KPI and period builds on this one
            rows.append(measurement)
            current[key] = kpi_values.fold([measurement], before)[0]
    if errors:
        raise Invalid(errors)
    period_locks.refuse_locked(session, version.id, {row.period for row in rows})  # as stored: "2026/TW1" is 2026-Q1
    session.add_all(rows)
    period_locks.withdraw_submissions(session, [(row.element_id, row.period) for row in rows])
    return len(rows)


def current_measurements(session: Session, version: ScorecardVersion) -> dict[tuple[int, str], kpi_values.CurrentValues]:
    """The current target, actual and inputs of every KPI and period that has any."""
    return kpi_values.current_values(session, [e.id for e in kpis(session, version).values()])


def export_measurements(session: Session, version: ScorecardVersion, codes: set[str] | None = None) -> pd.DataFrame:
    """The current values in the import's columns (kpi, period, target, actual, then each formula input),
    one row per KPI and period with any, of the KPIs in ``codes`` (None: all)."""
    known = {e.id: e for e in kpis(session, version).values() if codes is None or e.code in codes}
    current = current_measurements(session, version)
    rows = [{"kpi": known[element_id].code, "period": period, "target": values.target, "actual": values.actual,
             **values.inputs} for (element_id, period), values in current.items() if element_id in known]
    inputs = sorted({name for row in rows for name in row} - set(MEASUREMENT_COLUMNS))
    return pd.DataFrame(_in_order(rows, known), columns=list(MEASUREMENT_COLUMNS) + inputs)


def export_ladders(session: Session, version: ScorecardVersion, codes: set[str] | None = None) -> pd.DataFrame:
    """The ladders HR set, in the import's columns: kpi, period and one column per anchored level."""
    known = {e.id: e for e in kpis(session, version).values() if codes is None or e.code in codes}
    rows = [{"kpi": known[element_id].code, "period": period, **anchors}
            for (element_id, period), anchors in ladder_settings(session, kpis(session, version)).items()
            if element_id in known]
    levels = sorted({name for row in rows for name in row} - {"kpi", "period"}, key=int)
    return pd.DataFrame(_in_order(rows, known), columns=["kpi", "period"] + levels)


def _in_order(rows: list[dict], known: dict[int, Element]) -> list[dict]:
    """Rows by period (calendar order), then KPIs in the scorecard's order."""
    position = {element.code: index for index, element in enumerate(known.values())}
    return sorted(rows, key=lambda row: (calendar_periods.sort_key(row["period"]), position[row["kpi"]]))


def history(session: Session, element: Element, period: str) -> list[Measurement]:
    """The entries of a KPI in a period as typed, newest first (kpi_values.changes gives them value by value)."""
    return kpi_values.rows(session, element.id, period)[::-1]


@in_unit_of_work
def set_ladder(session: Session, version: ScorecardVersion, *, kpi: str, period: str, anchors: dict,
               entered_by: str = "") -> LadderSetting:
    """HR's anchors for a KPI's ladder in a period; checked by analysis.scoring.Ladder."""
    setting = _ladder_setting(kpis(session, version), version, kpi, period, anchors, entered_by,
                              calendar.stored_periods(session, version.organisation_id))
    period_locks.refuse_locked(session, version.id, [setting.period])
    session.add(setting)
    return setting


@in_unit_of_work
def import_ladders(session: Session, version: ScorecardVersion, frame: pd.DataFrame, entered_by: str = "",
                   number_format: str = "id") -> int:
    """Rows of kpi, period and one column per anchored level ("0" ... "10"); all or nothing."""
    levels = [c for c in frame.columns if str(c).isdigit()]
    if not levels:
        raise Invalid({"file": N_("Give target/actual columns for measurements, or level columns 0 ... 10 for ladders.")})
    known, settings, errors = kpis(session, version), [], {}
    stored = calendar.stored_periods(session, version.organisation_id)
    for index, row in enumerate(frame.to_dict("records")):
        try:
            anchors = {int(level): _number(row[level], N_("level %(level)s", level=level), number_format)
                       for level in levels if cell(row, level)}
            bad = [problem for _, problem in anchors.values() if problem]
            if bad:
                raise Invalid({"anchors": joined(bad)})
            settings.append(_ladder_setting(known, version, cell(row, "kpi"), cell(row, "period"),
                                            {level: value for level, (value, _) in anchors.items()}, entered_by,
                                            stored))
        except Invalid as error:
            errors[row_label(index)] = joined(error.errors.values())
    if errors:
        raise Invalid(errors)
    period_locks.refuse_locked(session, version.id, {setting.period for setting in settings})
    session.add_all(settings)
    return len(settings)


def _ladder_setting(known, version, kpi, period, anchors, entered_by, stored=()) -> LadderSetting:
    element = known.get(str(kpi).strip())
    if element is None:
        raise Invalid({"kpi": N_("'%(kpi)s' is not a KPI code of this scorecard.", kpi=kpi)})
    refuse_unsafe_characters(period=str(period or ""))
    period = calendar_periods.normalised(period, stored)
    try:
        ladder = Ladder({int(level): float(value) for level, value in anchors.items()}, better=element.better)
    except (TypeError, ValueError) as error:
        raise Invalid({"anchors": joined([f"{kpi}:", library_message(error)])}) from None
    return LadderSetting(organisation_id=version.organisation_id, element_id=element.id, period=str(period).strip(),
                         entered_by=entered_by, anchors={str(level): value for level, value in ladder.anchors.items()})


@in_unit_of_work
def set_finding(session: Session, version: ScorecardVersion, *, kpi: str, period: str, root_cause: str,
                action: str) -> Finding:
    element = kpis(session, version).get(kpi)
    if element is None:
        raise Invalid({"kpi": N_("%(kpi)s is not a KPI of this scorecard.", kpi=kpi)})
    refuse_unsafe_characters(root_cause=root_cause, action=action)
    root_cause, action = root_cause.strip()[:2000], action.strip()[:2000]
    if not (root_cause or action):
        raise Invalid({"root_cause": N_("Write the root cause, the action or both.")})
    period_locks.refuse_locked(session, version.id, [period])
    stored = _findings(session, {kpi: element}).get((element.id, period))
    if stored is not None:  # a blank leaves the stored text as it was: the newest finding row counts whole
        root_cause, action = root_cause or stored.root_cause, action or stored.action
    finding = Finding(organisation_id=version.organisation_id, element_id=element.id, period=period,
                      root_cause=root_cause, action=action)
    session.add(finding)
    period_locks.withdraw_submissions(session, [(element.id, period)])
    return finding


@dataclass(frozen=True)
class Gap:
    """What a KPI lacks in a period before it can be scored: ``target``, ``actual`` and/or ``ladder``."""
    kpi: str
    name: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class OfficeScorecard:
    period: str
    kpis: pd.DataFrame          # one row per KPI: code, name, perspective, weight, performance, level, light, value, ...
    subtotals: pd.DataFrame     # per perspective
    index: pd.Series            # index, light, counts, change; no light while provisional
    trend: pd.DataFrame         # the index of every period with data
    problems: list[str]         # KPIs that could not be scored, and why
    bands: tuple[Band, ...] = PRESETS[DEFAULT_PRESET]  # the organisation's predikat bands
    predikat: int = -1          # the index's band among ``bands`` (0 the best), -1 without an index
    gaps: tuple[Gap, ...] = ()  # the same KPIs, with what each one lacks
    scored: int = 0             # weighted KPIs with a level in this period
    weighted: int = 0           # KPIs with a weight above zero
    history: pd.DataFrame | None = None  # every scored row of this and the earlier periods, for the trend charts
    periods: tuple[str, ...] = ()        # this and the earlier periods with data, scored or not

    @property
    def provisional(self) -> bool:
        """Some weighted KPI has no level yet: the index is a partial sum and gets no light."""
        return self.scored < self.weighted


def office_scorecard(session: Session, version: ScorecardVersion, period: str) -> OfficeScorecard:
    """Published weights x OMAX levels for one period, with the index over all periods.

    A period in which some (or no) KPI can be scored is still a result: the index sums what is
    scored, is marked provisional and gets no light, and ``gaps`` says what each other KPI lacks.
    """
    known = kpis(session, version)
    if not known or any(e.global_weight is None for e in known.values()):
        raise Invalid({"": N_("Publish the weights of a round to this scorecard first.")})
    measurements, derived = with_rollups(known, current_measurements(session, version))
    ladders = ladder_settings(session, known)
    # The trend compares periods of one kind: the quarters of the years for a quarter, the years for a year.
    periods = [p for p in calendar_periods.ordered(p for (_, p) in measurements)
               if calendar_periods.kind(p) == calendar_periods.kind(period)]
    if period not in periods:
        raise Invalid({"period": N_("No data for period %(period)s.", period=period)})
    by_id = {e.id: e for e in elements(session, version.id)}
    findings = _findings(session, known)
    rows, problems, gaps = [], [], []
    for shown in periods[:periods.index(period) + 1]:
        for code, element in known.items():
            performance, problem = _performance(element, shown, measurements, periods)
            ladder, ladder_problem = _ladder(element, shown, ladders, measurements, periods)
            if shown == period and (problem or ladder_problem):
                problems.append(joined([f"{code}:", problem or ladder_problem]))
                gaps.append(_gap(element, measurements.get((element.id, shown)), ladder, problem))
            if ladder is None:
                continue
            objective = by_id[element.parent_id]
            perspective = by_id[objective.parent_id]
            measurement = measurements.get((element.id, shown))
            finding = findings.get((element.id, shown))
            rows.append({"period": shown, "kpi": code, "name": element.name, "unit": element.unit,
                         "perspective": perspective.code, "perspective_name": perspective.name,
                         "objective": objective.code, "weight": element.global_weight, "performance": performance,
                         "better": element.better,
                         "target": measurement.target if measurement else None, "ladder": ladder,
                         "root_cause": finding.root_cause if finding else "",
                         "action": finding.action if finding else "",
                         "derived_from": derived.get((element.id, shown), ())})
    organisation = session.get(Organisation, version.scorecard.organisation_id)
    bands, thresholds = bands_of(organisation), thresholds_of(organisation)
    scored = score_table(pd.DataFrame(rows, columns=list(_ROW_COLUMNS)), thresholds=thresholds)
    all_indexes = indexes(scored, thresholds)
    this = with_capaian(scored[scored["period"] == period].reset_index(drop=True), bands)
    weighted = [e for e in known.values() if e.global_weight > 0]
    levelled = set(this.loc[this["level"].notna() & (this["weight"] > 0), "kpi"])
    found = all_indexes[all_indexes["period"] == period]
    index = found.iloc[0].copy() if len(found) else _no_index(period, len(known))
    provisional = len(levelled) < len(weighted)
    if provisional:
        index["light"] = NO_DATA
    predikat = -1 if provisional else int(predikat_index(level_percent(index["index"]), bands))
    return OfficeScorecard(period, this, perspective_subtotals(this), index,
                           all_indexes[["period", "index", "light"]], problems, bands=bands, predikat=predikat,
                           gaps=tuple(gaps), scored=len(levelled), weighted=len(weighted), history=scored,
                           periods=tuple(periods[:periods.index(period) + 1]))


#: Why a KPI has no capaian: the reader sees the reason, never a number that means nothing.
NO_TARGET = N_("no target")
ZERO_TARGET_MISSED = N_("target 0 missed: no share of it")


def with_capaian(kpis: pd.DataFrame, bands) -> pd.DataFrame:
    """Each KPI's capaian kinerja (%, PermenPANRB 8/2021), its predikat (the band's position, -1: none) and,
    where there is none, why (``capaian_note``).

    A target of 0 met is 100 %; missed, R/T is undefined: instead of the 0 % the ratio rule would print
    (beside an OMAX level that may be good), the KPI has no capaian and says why."""
    actual = pd.to_numeric(kpis["performance"], errors="coerce").to_numpy(dtype=float)
    target = pd.to_numeric(kpis["target"], errors="coerce").to_numpy(dtype=float)
    lower = (kpis["better"] == "lower").to_numpy()
    percent = np.where(lower, capaian(actual, target, "lower"), capaian(actual, target, "higher"))
    zero_missed = (target == 0) & ~np.isnan(actual) & np.where(lower, actual > 0, actual < 0)
    percent = np.where(zero_missed, np.nan, percent)
    notes = np.where(zero_missed, ZERO_TARGET_MISSED, np.where(np.isnan(target) & ~np.isnan(actual), NO_TARGET, ""))
    return kpis.assign(capaian=percent, predikat=predikat_index(percent, bands), capaian_note=notes.tolist())


@dataclass(frozen=True)
class Trends:
    """The series the trend charts draw, one number (or None) per period."""
    periods: list[str]
    index: list[float | None]
    perspectives: dict[str, list[float | None]]  # perspective name -> subtotals
    levels: dict[str, list[float | None]]        # KPI code -> levels


def trends(card: OfficeScorecard) -> Trends:
    """The index, each perspective's subtotal and each KPI's level over the periods up to the card's."""
    history = card.history if card.history is not None else pd.DataFrame()
    periods = calendar_periods.ordered(set(card.periods) | (set(history["period"]) if len(history) else set())
                                       | {card.period})
    index = dict(zip(card.trend["period"], card.trend["index"]))
    names = dict(zip(history["perspective"], history["perspective_name"])) if len(history) else {}
    subtotals = perspective_subtotals(history) if len(history) else pd.DataFrame(columns=["period", "perspective"])
    by_perspective = {(str(r.perspective), r.period): r.subtotal for r in subtotals.itertuples()}
    levels = {(r["kpi"], r["period"]): r["level"] for r in history.to_dict("records")} if len(history) else {}
    return Trends(periods, [_plain(index.get(p)) for p in periods],
                  {names[code]: [_plain(by_perspective.get((code, p))) for p in periods] for code in names},
                  {code: [_plain(levels.get((code, p))) for p in periods] for code in card.kpis["kpi"]})


def _plain(value) -> float | None:
    return None if value is None or value != value else float(value)


_ROW_COLUMNS = ("period", "kpi", "name", "unit", "perspective", "perspective_name", "objective", "weight",
                "performance", "better", "target", "ladder", "root_cause", "action", "derived_from")


def _no_index(period: str, count: int) -> pd.Series:
    """The index row of a period in which no KPI has a ladder yet: no sum, no light, every KPI missing."""
    return pd.Series({"who": "office", "period": period, "index": float("nan"), "red": 0, "yellow": 0, "green": 0,
                      "missing": count, "light": NO_DATA, "change": float("nan")})


def _gap(element, measurement, ladder, performance_problem) -> Gap:
    missing = []
    if ladder is None and (measurement is None or measurement.target is None):
        missing.append("target")  # a target lets Neraca build the ladder
    if performance_problem:
        missing.append("actual")
    if ladder is None:
        missing.append("ladder")
    return Gap(element.code, element.name, tuple(missing))


def _checked_measurement(known, kpi, period, target, actual, inputs, locale="id",
                         blank_allowed=False, stored=()) -> tuple[dict, dict[str, str]]:
    """A KPI's entry checked; the period as the calendar's code (text already stored stays as it is)."""
    errors, values = {}, {}
    element = known.get(str(kpi).strip())
    if element is None:
        errors["kpi"] = N_("'%(kpi)s' is not a KPI code of this scorecard.", kpi=kpi)
    errors.update(unsafe_characters({"period": str(period or "")}))
    if "period" not in errors:
        try:
            period = calendar_periods.normalised(period, stored)
        except Invalid as error:
            errors.update(error.errors)
    for name, raw in (("target", target), ("actual", actual)):
        values[name], problem = _number(raw, name, locale)
        if problem:
            errors[name] = problem
    parsed_inputs = {}
    for name, raw in inputs.items():
        parsed_inputs[name], problem = _number(raw, name, locale)
        if problem:
            errors[name] = problem
    if not (errors or blank_allowed) and values["target"] is None and values["actual"] is None and not parsed_inputs:
        errors["actual"] = N_("Give a target, an actual or the formula's inputs.")
    if errors:
        return {}, errors
    return {"element_id": element.id, "period": str(period).strip(), **values, "inputs": parsed_inputs}, {}


def _number(raw, name: str, locale: str) -> tuple[float | None, str | None]:
    """A cell or a value as a number (text as ``locale`` writes numbers), or the message saying why not."""
    try:
        value = read_cell(raw, locale)
    except NumberError as error:
        return None, N_("%(name)s: %(problem)s", name=name, problem=error.message)
    except (TypeError, ValueError):
        return None, N_("%(name)s '%(value)s' is not a number.", name=name, value=raw)
    if value is not None and not math.isfinite(value):
        return None, N_("%(name)s must be a finite number.", name=name)
    return value, None


def _performance(element, period, measurements, periods) -> tuple[float | None, str | None]:
    measurement = measurements.get((element.id, period))
    if measurement is None:
        return None, N_("no data for this period")
    if measurement.actual is not None:
        return measurement.actual, None
    if element.formula and measurement.inputs:
        previous = measurements.get((element.id, calendar_periods.previous(period, periods)))
        try:
            return Formula.parse(element.formula).evaluate(measurement.inputs,
                                                           previous.inputs if previous else None), None
        except ValueError as error:  # a formula stored before formulas were checked fails here too
            return None, joined([N_("cannot be scored:"), library_message(error)])
    return None, N_("no actual value")


def _ladder(element, period, settings, measurements, periods) -> tuple[Ladder | None, str | None]:
    """HR's ladder for the period, else one built from target, last period's actual and the worst actual seen."""
    anchors = settings.get((element.id, period))
    if anchors is not None:
        return Ladder({int(level): value for level, value in anchors.items()}, better=element.better), None
    measurement = measurements.get((element.id, period))
    previous = measurements.get((element.id, calendar_periods.previous(period, periods)))
    if measurement is None or measurement.target is None or previous is None or previous.actual is None:
        return None, N_("no ladder: set one, or enter this period's target and last period's actual")
    observed = [m.actual for (eid, _), m in measurements.items() if eid == element.id and m.actual is not None]
    try:
        return Ladder.from_target(measurement.target, previous.actual, observed=observed, better=element.better), None
    except ValueError as error:
        return None, joined([N_("no ladder:"), library_message(error)])


def kpi_ladder(element, period, settings, measurements, periods) -> tuple[Ladder | None, str | None]:
    """The ladder scoring uses for the KPI in ``period`` (one of ``periods``, in calendar order): HR's, else
    the automatic one; or the reason there is none. ``settings`` from ladder_settings, ``measurements`` from
    current_measurements."""
    return _ladder(element, period, settings, measurements, periods)


#: A longer period's actual from its parts' actuals (services.periods): the parts of the first kind here
#: that has any; a quarter's months, a semester's quarters (else months), a year's quarters (else months,
#: else semesters).
ROLLUP_PARTS = ("quarter", "month", "semester")
ROLLUPS = {"sum": sum, "mean": lambda values: sum(values) / len(values), "last": lambda values: values[-1]}


def with_rollups(known, measurements) -> tuple[dict, dict[tuple[int, str], tuple[str, ...]]]:
    """The measurements with each actual a KPI's rollup derives (a year without its own actual: the sum,
    mean or last of its quarters' actuals), and, per (KPI id, period) derived, the periods it came from.
    A period's own actual always wins; a period with no entry at all gets one when its parts have actuals."""
    result, derived = dict(measurements), {}
    for element in known.values():
        rule = ROLLUPS.get(element.rollup or "")
        if rule is None:
            continue
        actuals = {p: m.facts[kpi_values.ACTUAL] for (eid, p), m in measurements.items()
                   if eid == element.id and m.actual is not None}
        wholes = {p for (eid, p) in measurements if eid == element.id}
        for part in filter(None, map(calendar_periods.parse, actuals)):
            wholes |= {whole.code for whole in _wholes(part)}
        for whole in wholes:
            own = measurements.get((element.id, whole), kpi_values.CurrentValues())
            if own.actual is not None:
                continue
            found = calendar_periods.parts(whole, actuals)
            used = next((found[kind] for kind in ROLLUP_PARTS if kind in found), None)
            if not used:
                continue
            value = float(rule([actuals[p].value for p in used]))
            newest = max((actuals[p] for p in used), key=lambda entry: entry.at)
            facts = {**own.facts, kpi_values.ACTUAL: kpi_values.Entry(value, newest.entered_by, newest.at, "")}
            result[(element.id, whole)] = kpi_values.CurrentValues(facts)
            derived[(element.id, whole)] = tuple(used)
    return result, derived


def _wholes(period: calendar_periods.Period) -> list[calendar_periods.Period]:
    """The calendar periods that hold ``period`` (a month's quarter, semester and year)."""
    return [calendar_periods.Period(kind, period.year, (period.start_month - 1) // calendar_periods.MONTHS[kind] + 1)
            for kind in ("year", "semester", "quarter")
            if calendar_periods.MONTHS[kind] > calendar_periods.MONTHS[period.kind]]


def ladder_settings(session, known) -> dict[tuple[int, str], dict]:
    settings = {}
    for setting in session.scalars(select(LadderSetting).where(LadderSetting.element_id.in_(
            [e.id for e in known.values()])).order_by(LadderSetting.created_at, LadderSetting.id)):
        settings[(setting.element_id, setting.period)] = setting.anchors
    return settings


def _findings(session, known) -> dict[tuple[int, str], Finding]:
    found = {}
    for finding in session.scalars(select(Finding).where(Finding.element_id.in_([e.id for e in known.values()]))
                                   .order_by(Finding.created_at, Finding.id)):
        found[(finding.element_id, finding.period)] = finding
    return found
