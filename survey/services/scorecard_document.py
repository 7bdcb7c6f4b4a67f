"""The office scorecard of a period as one object that HR's page and its PDF both render.

A column added here reaches the page (templates/hr/office_scorecard.html) and the printed report
(templates/reports/office.html) alike: neither reads the scorecard's DataFrames any more.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from analysis.predikat import Band
from analysis.scoring import LIGHT_NAMES
from survey.models import ScorecardVersion
from survey.render.numbers import scale_of
from survey.services import evidence, performance, reporting, scorecards, strategy
from survey.services.performance import Gap, Trends
from survey.services.reports import plain_number, weights_provenance
from survey.services.strategy import StrategyMap


@dataclass(frozen=True)
class KpiLine:
    """One KPI's row: its result first (level, weight, value, light), then its OMAX ladder."""
    code: str
    name: str
    perspective: str
    performance: float | None     # None: no actual (or none derived)
    ladder: tuple[float, ...]     # the values of levels 0 to 10
    level: float | None
    weight: float
    value: float | None
    light: str                    # red, yellow, green or none
    capaian: float | None         # share of target, %
    predikat: int                 # the capaian's band (0 the best), -1 none
    capaian_note: str             # why there is no capaian (translatable), or ""
    root_cause: str
    action: str
    derived_from: tuple[str, ...]  # the periods a derived actual was summed from

    @property
    def scale(self) -> int:
        """The unit the row's numbers are printed in (10**9, 10**6 or 1): Rupiah ladders run to 11 digits."""
        return scale_of(self.ladder)


@dataclass(frozen=True)
class PerspectiveLine:
    code: str
    name: str
    subtotal: float
    kpis: tuple[KpiLine, ...]


@dataclass(frozen=True)
class EvidenceFile:
    id: int
    filename: str
    size: int


@dataclass(frozen=True)
class OfficeScorecardDocument:
    """Everything the office scorecard of ``period`` shows, on HR's page and in its PDF."""
    version_id: int
    scorecard_name: str
    version_label: str
    period: str
    index: float | None
    index_light: str             # "none" while provisional
    change: float | None         # against the previous period
    predikat: int                # the index's band among ``bands``, -1 none
    bands: tuple[Band, ...]
    scored: int
    weighted: int
    counts: dict[str, int]       # red, yellow, green, missing
    kpis: tuple[KpiLine, ...]    # in the scorecard's order
    perspectives: tuple[PerspectiveLine, ...]
    gaps: tuple[Gap, ...]
    problems: tuple[str, ...]    # why KPIs could not be scored (N_ messages)
    trends: Trends
    strategy: StrategyMap
    evidence: dict[str, tuple[EvidenceFile, ...]]  # KPI code -> files kept in Neraca
    reporting_state: str         # provisional, submitted, verified or locked
    weights_from: dict           # reports.weights_provenance

    @property
    def scorecard(self) -> str:
        return f"{self.scorecard_name} {self.version_label}"

    @property
    def provisional(self) -> bool:
        return self.scored < self.weighted

    @property
    def attention(self) -> tuple[KpiLine, ...]:
        """The red and yellow KPIs, whose root cause and action the leader reads."""
        return tuple(kpi for kpi in self.kpis if kpi.light in ("red", "yellow"))

    @property
    def reporting_state_name(self) -> str:
        return reporting.STATE_NAMES[self.reporting_state]


def office_document(session: Session, version: ScorecardVersion, period: str) -> OfficeScorecardDocument:
    """The office scorecard of ``period`` (raises Invalid as performance.office_scorecard does)."""
    card = performance.office_scorecard(session, version, period)
    by_code = {e.code: e for e in scorecards.elements(session, version.id)}
    kpis = tuple(KpiLine(code=row["kpi"], name=row["name"], perspective=row["perspective"],
                         performance=plain_number(row["performance"]), ladder=tuple(row["ladder"].values()),
                         level=plain_number(row["level"]), weight=float(row["weight"]),
                         value=plain_number(row["value"]), light=row["light"], capaian=plain_number(row["capaian"]),
                         predikat=int(row["predikat"]), capaian_note=row["capaian_note"],
                         root_cause=row["root_cause"], action=row["action"], derived_from=tuple(row["derived_from"]))
                 for row in card.kpis.to_dict("records"))
    perspectives = tuple(PerspectiveLine(code=row.perspective, name=by_code[str(row.perspective)].name,
                                         subtotal=float(row.subtotal),
                                         kpis=tuple(k for k in kpis if k.perspective == row.perspective))
                         for row in card.subtotals.itertuples())
    files = evidence.by_code(session, [e.id for e in performance.kpis(session, version).values()], period)
    return OfficeScorecardDocument(
        version_id=version.id, scorecard_name=version.scorecard.name, version_label=version.label, period=period,
        index=plain_number(card.index["index"]), index_light=card.index["light"],
        change=plain_number(card.index["change"]), predikat=card.predikat, bands=card.bands,
        scored=card.scored, weighted=card.weighted,
        counts={name: int(card.index[name]) for name in (*LIGHT_NAMES, "missing")},
        kpis=kpis, perspectives=perspectives, gaps=card.gaps, problems=tuple(card.problems),
        trends=performance.trends(card), strategy=strategy.strategy_map(session, version, card),
        evidence={code: tuple(EvidenceFile(file.id, file.filename, file.size) for file in found)
                  for code, found in files.items()},
        reporting_state=reporting.period_state(session, version, period),
        weights_from=weights_provenance(session, version))
