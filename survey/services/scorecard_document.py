"""The office scorecard of a period as one object that HR's page and its PDF both render.

A column added here reaches the page (templates/hr/office_scorecard.html) and the printed report
(templates/reports/office.html) alike: neither reads the scorecard's DataFrames any more.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from analysis.hierarchy import Hierarchy
from analysis.predikat import Band, level_percent, predikat_index
from analysis.scoring import LIGHT_NAMES, light
from analysis.sensitivity import index_thresholds, moved
from survey.models import Organisation, ScorecardVersion
from survey.render.numbers import scale_of
from survey.services import evidence, performance, reporting, scorecards, strategy
from survey.services.bands import thresholds_of
from survey.services.errors import N_, Invalid
from survey.services.performance import Gap, Trends
from survey.services.reports import plain_number, weights_provenance
from survey.services.strategy import StrategyMap
from survey.services.weight_sensitivity import typed_share


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
class SignalThreshold:
    """How far one element's weight in its group may move (the others rescaled in proportion) before the
    index's light or predikat changes: the weights at which it does, None when no move that way does."""
    code: str
    name: str
    weight: float
    below: float | None
    above: float | None


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
    signal: tuple[SignalThreshold, ...] = ()  # empty while provisional or without weights on every KPI
    movable: tuple[SignalThreshold, ...] = ()  # every element of a group of two or more, in tree order (what-if)

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
        weights_from=weights_provenance(session, version),
        **_signal_thresholds(_scoring(session, version, kpis) if card.scored == card.weighted else None,
                             card.bands, thresholds_of(session.get(Organisation, version.organisation_id))))


@dataclass(frozen=True)
class _Scoring:
    """The weights a complete office scorecard scores with, as a tree's comparison groups: each group's
    shares read back from the KPIs' global weights (so rounded published weights count as they are), and the
    levels times the weights' total, so that the index is sum(level x global weight from the shares)."""
    tree: Hierarchy
    by_id: dict
    groups: list
    shares: dict
    levels: dict
    total: float


def _scoring(session, version, kpis) -> _Scoring | None:
    weight = {kpi.code: kpi.weight for kpi in kpis}
    if not kpis or min(weight.values()) <= 0:
        return None
    tree, by_id = scorecards.hierarchy(session, version.id)
    code_of = {key: by_id[key].code for key in tree.keys}
    if any(code_of[leaf] not in weight for leaf in tree.leaves()):  # an objective without KPIs, say
        return None
    total = sum(weight.values())
    shares = dict(zip(tree.keys, tree.local_from_leaves({key: weight[code_of[key]] for key in tree.leaves()})))
    levels = {key: kpi.level * total for key in tree.leaves() for kpi in kpis
              if kpi.code == code_of[key] and kpi.level is not None}
    return _Scoring(tree, by_id, list(tree.clusters().items()), shares, levels, total)


def _signal_thresholds(scoring: _Scoring | None, bands, lights) -> dict:
    """analysis.sensitivity.index_thresholds on the scorecard's weights: ``signal``, the weights a small
    move would tip first (one no move within 0-100 % tips says nothing and is left out), and ``movable``,
    every weight in tree order."""
    if scoring is None:
        return {}
    cuts = list(lights) + [band.lower / 10 for band in bands]
    found = index_thresholds(scoring.tree, scoring.groups, scoring.shares, scoring.levels, cuts)
    rows = {t.member: SignalThreshold(scoring.by_id[t.member].code, scoring.by_id[t.member].name, t.weight,
                                      t.below, t.above) for t in found}
    tipping = sorted((t for t in found if t.margin is not None), key=lambda t: t.margin)
    return {"signal": tuple(rows[t.member] for t in tipping),
            "movable": tuple(rows[key] for key in scoring.tree.keys if key in rows)}


@dataclass(frozen=True)
class SignalWhatIf:
    """The office index if one element weighed ``share`` of its group, the others rescaled in proportion."""
    code: str
    name: str
    share: float
    index: float
    light: str                                # red, yellow or green, by the office's thresholds
    predikat: int                             # the index's band among the scorecard's bands
    kpis: tuple[tuple[KpiLine, float], ...]   # each KPI with its weight then, heaviest first


def what_if(session: Session, version: ScorecardVersion, card: OfficeScorecardDocument, code: str, typed: str,
            locale: str = "id") -> SignalWhatIf:
    """``card``'s index, light, predikat and KPI order if the element ``code`` weighed ``typed`` percent of
    its group; Invalid names a scorecard that cannot be tried (provisional), an element or a wrong weight."""
    scoring = _scoring(session, version, card.kpis) if card.movable else None
    if scoring is None:
        raise Invalid({"element": N_("Every weighted KPI must be scored before a weight can be tried.")})
    member = next((key for key in scoring.tree.keys if scoring.by_id[key].code == code
                   and any(row.code == code for row in card.movable)), None)
    if member is None:
        raise Invalid({"element": N_("Choose an element compared with others.")})
    share = typed_share(typed, locale)
    tree = scoring.tree
    found = tree.global_from_groups(scoring.groups, moved(scoring.groups, scoring.shares, member, share))
    weight_of = {scoring.by_id[key].code: float(found[k]) for k, key in enumerate(tree.keys)}
    index = sum(level * weight_of[scoring.by_id[key].code] for key, level in scoring.levels.items())
    kpis = sorted(((kpi, weight_of[kpi.code] * scoring.total) for kpi in card.kpis), key=lambda item: -item[1])
    thresholds = thresholds_of(session.get(Organisation, version.organisation_id))
    return SignalWhatIf(code, scoring.by_id[member].name, share, index, str(light(index, thresholds)),
                        int(predikat_index(level_percent(index), card.bands)), tuple(kpis))
