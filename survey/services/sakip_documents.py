"""The yearly documents an Indonesian office produces from its scorecard (SAKIP, PermenPANRB 53/2014), each as
one view model that its DOCX or XLSX and its PDF all render:

- the Perjanjian Kinerja (PK): the statement the unit's head and the superior sign, and its annex of the year's
  targets (No | Sasaran Strategis | Indikator Kinerja | Target) and programmes (No | Program | Anggaran);
- the realisation report: per KPI the year's target, each period's realisation, the realisation to date with
  its capaian and predikat, and the owners' narrative (findings).

A period whose values are not yet verified (reporting state "provisional") is marked as such in both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.predikat import Band
from analysis.sakip import nilai_capaian
from survey.models import Finding, Organisation, ScorecardVersion
from survey.services import calendar, periods, performance, programmes, reporting, scorecards
from survey.services.bands import bands_of
from survey.services.errors import N_, Invalid
from survey.services.programmes import ProgrammeLine, Signatory
from survey.services.reports import plain_number

#: The statement of the PK's first page, as the Kemendag SAKIP guide implementing PermenPANRB 53/2014 prints
#: its format (Lampiran I, "Format Lembar Pernyataan Perjanjian Kinerja"); the Indonesian is the regulation's
#: text (scripts/id_translations.py), the English a translation for an English office. It is in the DOCX for
#: the office to adapt.
STATEMENT_OPENING = N_("In order to achieve effective, transparent and accountable government management oriented "
                       "towards results, the undersigned:")
STATEMENT_PROMISE = N_("promises to achieve the performance targets set out in the annex to this agreement, in order "
                       "to reach the medium-term performance targets laid down in the planning documents.")
STATEMENT_RESPONSIBILITY = N_("The success or failure in achieving these performance targets is our responsibility.")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def version_year(version: ScorecardVersion) -> int:
    """The year a version is for, read from its label ("2026", "BSC 2026"): a SAKIP document is yearly."""
    found = _YEAR.findall(version.label)
    if len(found) != 1 or not 1900 <= int(found[0]) <= 2999:
        raise Invalid({"version": N_("Name the scorecard version by its year (such as 2026) to print its yearly "
                                     "documents; '%(label)s' does not say one year.", label=version.label)})
    return int(found[0])


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    target: float | None
    unit: str


@dataclass(frozen=True)
class AgreementObjective:
    number: int
    code: str
    name: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class PerformanceAgreement:
    """The Perjanjian Kinerja of one year: statement, signatories and annex."""
    organisation: str
    year: int
    place: str
    day: date
    first: Signatory
    second: Signatory
    objectives: tuple[AgreementObjective, ...]
    programmes: tuple[ProgrammeLine, ...]
    state: str                   # the year's reporting state: its targets are provisional until verified
    statement: tuple[str, str, str] = (STATEMENT_OPENING, STATEMENT_PROMISE, STATEMENT_RESPONSIBILITY)

    @property
    def provisional(self) -> bool:
        return self.state == reporting.PROVISIONAL

    @property
    def period(self) -> str:
        return str(self.year)

    @property
    def total_budget(self) -> float | None:
        budgets = [p.budget for p in self.programmes if p.budget is not None]
        return sum(budgets) if budgets else None

    @property
    def missing_targets(self) -> tuple[str, ...]:
        return tuple(i.code for o in self.objectives for i in o.indicators if i.target is None)


def performance_agreement(session: Session, version: ScorecardVersion, day: date) -> PerformanceAgreement:
    """The PK of the version's year, dated ``day``; Invalid until both signatories are set."""
    year = version_year(version)
    organisation = session.get(Organisation, version.organisation_id)
    signing = programmes.signing(organisation)
    if not signing.complete:
        raise Invalid({"signatories": N_("Set the Perjanjian Kinerja's two signatories (name and position) in the "
                                         "settings first.")})
    current = performance.current_measurements(session, version)
    nodes = scorecards.elements(session, version.id)
    objectives, number = [], 0
    for objective in (e for e in nodes if e.kind == "objective"):
        indicators = tuple(Indicator(kpi.code, kpi.name, _fact(current, kpi.id, str(year), "target"), kpi.unit)
                           for kpi in nodes if kpi.kind == "kpi" and kpi.parent_id == objective.id)
        if indicators:
            number += 1
            objectives.append(AgreementObjective(number, objective.code, objective.name, indicators))
    return PerformanceAgreement(organisation=organisation.name, year=year, place=signing.place, day=day,
                                first=signing.first, second=signing.second, objectives=tuple(objectives),
                                programmes=tuple(programmes.programmes(session, version)),
                                state=reporting.period_state(session, version, str(year)))


def _fact(current: dict, element_id: int, period: str, fact: str) -> float | None:
    values = current.get((element_id, period))
    return plain_number(getattr(values, fact)) if values is not None else None


@dataclass(frozen=True)
class Narrative:
    period: str
    root_cause: str
    action: str


@dataclass(frozen=True)
class RealisationLine:
    code: str
    name: str
    objective: str
    unit: str
    better: str
    target: float | None                   # the year's
    realisations: tuple[float | None, ...]  # one per report period
    to_date: float | None                  # the year's own actual, or its periods' rolled up
    derived_from: tuple[str, ...]          # the periods ``to_date`` was rolled up from (empty: the year's own)
    capaian: float | None
    predikat: int                          # band position among the report's bands, -1 none
    capaian_note: str
    narrative: tuple[Narrative, ...]
    nilai: float | None = None             # the capaian as nilai 0-120 (PermenPANRB 8/2021), None: not verified


@dataclass(frozen=True)
class RealisationReport:
    """The year's realisation by period (the calendar's shorter periods, or the year alone)."""
    organisation: str
    scorecard: str
    year: int
    periods: tuple[str, ...]
    states: tuple[str, ...]      # each period's reporting state
    year_state: str
    bands: tuple[Band, ...]
    lines: tuple[RealisationLine, ...]

    @property
    def provisional_periods(self) -> tuple[str, ...]:
        shown = dict(zip(self.periods, self.states)) | {str(self.year): self.year_state}
        return tuple(p for p, state in shown.items() if state == reporting.PROVISIONAL)

    def provisional(self, period: str) -> bool:
        return period in self.provisional_periods


def realisation_report(session: Session, version: ScorecardVersion) -> RealisationReport:
    year = version_year(version)
    organisation = session.get(Organisation, version.organisation_id)
    kinds = [kind for kind in calendar.kinds_of(organisation, year) if kind != "year"]
    shortest = kinds[-1:] or ["year"]
    columns = periods.of_year(year, shortest)
    known = performance.kpis(session, version)
    current, derived = performance.with_rollups(known, performance.current_measurements(session, version))
    by_id = {e.id: e for e in scorecards.elements(session, version.id)}
    findings = {(f.element_id, f.period): f for f in session.scalars(
        select(Finding).where(Finding.element_id.in_([e.id for e in known.values()]))
        .order_by(Finding.created_at, Finding.id))}
    in_year = set(periods.of_year(year, periods.KINDS))
    rows = []
    for code, kpi in known.items():
        narrative = tuple(Narrative(p, f.root_cause, f.action) for (eid, p), f in findings.items()
                          if eid == kpi.id and p in in_year and (f.root_cause or f.action))
        rows.append({"kpi": code, "name": kpi.name, "objective": by_id[kpi.parent_id].name, "unit": kpi.unit,
                     "better": kpi.better, "target": _fact(current, kpi.id, str(year), "target"),
                     "performance": _fact(current, kpi.id, str(year), "actual"),
                     "realisations": tuple(_fact(current, kpi.id, p, "actual") for p in columns),
                     "derived_from": derived.get((kpi.id, str(year)), ()),
                     "narrative": tuple(sorted(narrative, key=lambda n: periods.sort_key(n.period)))})
    bands = bands_of(organisation)
    if not rows:
        raise Invalid({"version": N_("This version has no KPI yet: add its KPIs to report their realisation.")})
    frame = performance.with_capaian(pd.DataFrame(rows, columns=["kpi", "name", "objective", "unit", "better",
                                                                 "target", "performance", "realisations",
                                                                 "derived_from", "narrative"]), bands)
    lines = tuple(RealisationLine(code=r["kpi"], name=r["name"], objective=r["objective"], unit=r["unit"],
                                  better=r["better"], target=plain_number(r["target"]),
                                  realisations=r["realisations"], to_date=plain_number(r["performance"]),
                                  derived_from=r["derived_from"], capaian=plain_number(r["capaian"]),
                                  predikat=int(r["predikat"]), capaian_note=r["capaian_note"],
                                  narrative=r["narrative"], nilai=plain_number(r["nilai"]))
                  for r in frame.assign(nilai=nilai_capaian(frame["capaian"])).to_dict("records"))
    return RealisationReport(organisation=organisation.name,
                             scorecard=f"{version.scorecard.name} {version.label}", year=year,
                             periods=tuple(columns),
                             states=tuple(reporting.period_state(session, version, p) for p in columns),
                             year_state=reporting.period_state(session, version, str(year)), bands=bands,
                             lines=lines)
