"""The Laporan Kinerja (LKjIP) of a year, chapter III.A "Capaian Kinerja Organisasi" with chapter II's PK summary
and the PK as its annex: one view model that the DOCX, the page and the PDF render.

PermenPANRB 53/2014's outline (DOMAIN.md section 7, verified): for each sasaran, target against realisation
this year; realisation and capaian this year against earlier years; realisation to date against the
medium-term (Renstra) target; against national standards where they exist; the causes of success or failure
and the solutions; the efficiency of resources; the programmes that supported it. Every word beside the
numbers is the office's own: the owners' findings and the programmes' names, never a sentence made up here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.predikat import Band
from analysis.sakip import nilai_capaian
from survey.models import Finding, KpiSubmission, Organisation, ReportingPeriod, ScorecardVersion
from survey.services import performance, periods, programmes, renstra, reporting, scorecards
from survey.services.bands import bands_of
from survey.services.errors import N_, Invalid
from survey.services.programmes import ProgrammeLine
from survey.services.reports import plain_number
from survey.services.sakip_documents import PerformanceAgreement, performance_agreement, version_year

#: Without a plan, the earlier years shown: a Renstra's five years, this one included.
YEARS_WITHOUT_PLAN = 4


@dataclass(frozen=True)
class Achievement:
    """A realisation against a target, with its capaian (PermenPANRB 8/2021) and predikat."""
    target: float | None
    realisation: float | None
    capaian: float | None
    predikat: int          # band position, -1 none
    capaian_note: str      # why there is no capaian ('' when there is one, or nothing to compute)
    nilai: float | None = None  # the capaian as nilai 0-120 (PermenPANRB 8/2021), None: no verified formula


@dataclass(frozen=True)
class Analysis:
    """An owner's root cause and action for a period, and whether that period's values were verified."""
    period: str
    root_cause: str
    action: str
    verified: bool


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    unit: str
    better: str
    this_year: Achievement
    past: tuple[Achievement | None, ...]   # one per report's past year, oldest first; None: no such KPI that year
    past_codes: tuple[str, ...]            # the KPI's code each past year ('' none), where it was renamed
    against_plan: Achievement | None       # this year's realisation against the plan's final target
    national_standard: float | None
    narrative: tuple[Analysis, ...]        # the owners' findings of the year and its periods


@dataclass(frozen=True)
class ObjectiveResult:
    number: int
    code: str
    name: str
    indicators: tuple[IndicatorResult, ...]
    programmes: tuple[ProgrammeLine, ...]


@dataclass(frozen=True)
class PerformanceReport:
    """Chapter II (the PK) and chapter III.A of the year's LKjIP."""
    organisation: str
    scorecard: str
    year: int
    plan: str                    # '' without a plan
    plan_years: tuple[int, int] | None
    past_years: tuple[int, ...]
    bands: tuple[Band, ...]
    objectives: tuple[ObjectiveResult, ...]
    agreement: PerformanceAgreement
    provisional_periods: tuple[str, ...]   # this year and the past years shown whose values are not verified

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_periods)

    @property
    def has_plan_targets(self) -> bool:
        return any(i.against_plan is not None for o in self.objectives for i in o.indicators)

    @property
    def has_standards(self) -> bool:
        return any(i.national_standard is not None for o in self.objectives for i in o.indicators)

    @property
    def programmes(self) -> tuple[ProgrammeLine, ...]:
        """Chapter III.B (Realisasi Anggaran): the year's programmes, those of its PK, with what they spent."""
        return self.agreement.programmes

    @property
    def budget_total(self) -> ProgrammeLine:
        """The programmes' budgets and realisations added up; the realisation only once every programme has one
        (a sum of some would understate what was absorbed)."""
        spent = [p.realisation for p in self.programmes]
        return ProgrammeLine(code="", name="", budget=self.agreement.total_budget, objectives=(),
                             realisation=sum(spent) if spent and None not in spent else None)


def _yearly(session: Session, version: ScorecardVersion) -> tuple[dict, dict]:
    """The version's KPIs by id and their values, a year's actual rolled up from its periods where the KPI says."""
    known = performance.kpis(session, version)
    current, _ = performance.with_rollups(known, performance.current_measurements(session, version))
    return known, current


def _value(current: dict, element_id: int, year: int, fact: str) -> float | None:
    values = current.get((element_id, str(year)))
    return plain_number(getattr(values, fact)) if values is not None else None


def _achievements(pairs: list[tuple[float | None, float | None, str]], bands) -> list[Achievement]:
    """(target, realisation, better) -> their capaian and predikat, by the one rule (performance.with_capaian)."""
    if not pairs:
        return []
    frame = performance.with_capaian(pd.DataFrame(pairs, columns=["target", "performance", "better"]), bands)
    frame = frame.assign(nilai=nilai_capaian(frame["capaian"]))
    return [Achievement(plain_number(r["target"]), plain_number(r["performance"]), plain_number(r["capaian"]),
                        int(r["predikat"]), r["capaian_note"], plain_number(r["nilai"]))
            for r in frame.to_dict("records")]


def performance_report(session: Session, version: ScorecardVersion, day: date) -> PerformanceReport:
    """The LKjIP tables of the version's year; the PK inside it is dated ``day``."""
    year = version_year(version)
    agreement = performance_agreement(session, version, day)  # Invalid until the signatories are set
    organisation = session.get(Organisation, version.organisation_id)
    bands = bands_of(organisation)
    plan = renstra.plan_of(session, version)
    plan_targets = renstra.targets(session, plan) if plan else {}
    history = renstra.history(session, version)
    known, current = _yearly(session, version)
    if not known:
        raise Invalid({"version": N_("This version has no KPI yet: add its KPIs to report their realisation.")})
    earlier = {v.id: _yearly(session, v)[1] for v in renstra.earlier_versions(session, version).values()}
    first = max(plan.first_year, year - YEARS_WITHOUT_PLAN) if plan else year - YEARS_WITHOUT_PLAN
    candidates = list(range(first, year))

    def past_value(kpi, past_year: int, fact: str):
        """From the past year's own version (the KPI matched by link or code), else this version's own period."""
        match = next((e for e in history[kpi.id] if e.year == past_year), None)
        if match is not None:
            value = _value(earlier[match.version.id], match.kpi.id, past_year, fact)
            if value is not None:
                return value, match
        return _value(current, kpi.id, past_year, fact), None

    past_years = tuple(y for y in candidates if any(past_value(k, y, "actual")[0] is not None
                                                    for k in known.values()))
    findings = _findings(session, known, year)
    nodes = scorecards.elements(session, version.id)
    lines = programmes.programmes(session, version)
    objectives, number = [], 0
    for objective in (e for e in nodes if e.kind == "objective"):
        kpis = [k for k in nodes if k.kind == "kpi" and k.parent_id == objective.id]
        if not kpis:
            continue
        number += 1
        indicators = []
        for kpi in kpis:
            pairs = [(_value(current, kpi.id, year, "target"), _value(current, kpi.id, year, "actual"), kpi.better)]
            codes = []
            for past_year in past_years:
                actual, match = past_value(kpi, past_year, "actual")
                target, _ = past_value(kpi, past_year, "target")
                pairs.append((target, actual, kpi.better))
                codes.append(match.kpi.code if match is not None else kpi.code)
            goal = renstra.plan_target(plan_targets, kpi, history[kpi.id])
            final = goal.final_target if goal is not None else None
            pairs.append((final, pairs[0][1], kpi.better))
            this_year, *past, against = _achievements(pairs, bands)
            indicators.append(IndicatorResult(
                code=kpi.code, name=kpi.name, unit=kpi.unit, better=kpi.better, this_year=this_year,
                past=tuple(None if a.target is None and a.realisation is None else a for a in past),
                past_codes=tuple(codes), against_plan=against if final is not None else None,
                national_standard=goal.national_standard if goal is not None else None,
                narrative=findings.get(kpi.id, ())))
        objectives.append(ObjectiveResult(number, objective.code, objective.name, tuple(indicators),
                                          tuple(p for p in lines if objective.code in p.objectives)))
    return PerformanceReport(
        organisation=organisation.name, scorecard=f"{version.scorecard.name} {version.label}", year=year,
        plan=plan.name if plan else "", plan_years=(plan.first_year, plan.last_year) if plan else None,
        past_years=past_years, bands=bands, objectives=tuple(objectives), agreement=agreement,
        provisional_periods=_provisional(session, version, year, past_years))


def _findings(session: Session, known: dict, year: int) -> dict[int, tuple[Analysis, ...]]:
    """KPI id -> the owners' root causes and actions of the year and of its periods, in the periods' order, each
    saying whether its KPI's values of that period were verified (or the period locked)."""
    in_year = sorted(set(periods.of_year(year, periods.KINDS)))
    ids = [e.id for e in known.values()]
    latest = {(f.element_id, f.period): f for f in session.scalars(  # a period's last word is its finding
        select(Finding).where(Finding.element_id.in_(ids), Finding.period.in_(in_year))
        .order_by(Finding.created_at, Finding.id))}
    verified = {(s.element_id, s.period) for s in session.scalars(select(KpiSubmission).where(
        KpiSubmission.element_id.in_(ids), KpiSubmission.status == reporting.VERIFIED))}
    version_id = next(iter(known.values())).version_id
    locked = set(session.scalars(select(ReportingPeriod.period).where(ReportingPeriod.version_id == version_id,
                                                                      ReportingPeriod.locked_at.is_not(None))))
    found: dict[int, list[Analysis]] = {}
    for (element_id, period), finding in latest.items():
        if finding.root_cause or finding.action:
            found.setdefault(element_id, []).append(Analysis(
                period, finding.root_cause, finding.action, (element_id, period) in verified or period in locked))
    return {kpi: tuple(sorted(items, key=lambda n: periods.sort_key(n.period))) for kpi, items in found.items()}


def _provisional(session: Session, version: ScorecardVersion, year: int,
                 past_years: tuple[int, ...]) -> tuple[str, ...]:
    """The years shown whose values are not yet verified: each read in its own year's version where there is
    one (else this version's own period)."""
    earlier = renstra.earlier_versions(session, version)
    shown = [(y, earlier.get(y, version)) for y in past_years] + [(year, version)]
    return tuple(str(y) for y, owner in shown
                 if reporting.period_state(session, owner, str(y)) == reporting.PROVISIONAL)
