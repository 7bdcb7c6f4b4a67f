"""The strategy map: objectives per perspective, coloured by their light, with HR's cause-and-effect arrows.

An influence says "objective A drives objective B"; HR adds and removes them on an editable version.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.scoring import NO_DATA, light
from analysis.strategy_map import strategy_map as strategy_map_svg
from survey.models import Element, Influence, ScorecardVersion
from survey.services.errors import N_, Invalid
from survey.services.scorecards import elements, ensure_editable, tree_order
from survey.services.transactions import in_unit_of_work


@dataclass(frozen=True)
class MapObjective:
    code: str
    name: str
    level: float | None   # the weighted mean level of its scored KPIs
    light: str            # red, yellow, green or none


@dataclass(frozen=True)
class StrategyMap:
    bands: list[tuple[str, list[MapObjective]]]  # perspective "code name" -> its objectives, in tree order
    arrows: list[tuple[str, str]]                 # (cause, effect) objective codes
    influences: list[tuple[int, Element, Element]]


def influences(session: Session, version: ScorecardVersion) -> list[tuple[int, Element, Element]]:
    by_id = {e.id: e for e in elements(session, version.id)}
    rows = session.scalars(select(Influence).where(Influence.version_id == version.id).order_by(Influence.id))
    return [(row.id, by_id[row.source_id], by_id[row.target_id]) for row in rows
            if row.source_id in by_id and row.target_id in by_id]


@in_unit_of_work
def add_influence(session: Session, version: ScorecardVersion, cause: str, effect: str) -> Influence:
    """``cause`` drives ``effect``: two different objectives of this version, not linked yet."""
    ensure_editable(session, version)
    objectives = {e.code: e for e in elements(session, version.id) if e.kind == "objective"}
    errors = {}
    for field, code in (("cause", cause), ("effect", effect)):
        if code not in objectives:
            errors[field] = N_("'%(code)s' is not an objective of this scorecard.", code=code)
    if not errors and cause == effect:
        errors["effect"] = N_("An objective cannot drive itself.")
    if not errors and any(source.code == cause and target.code == effect
                          for _, source, target in influences(session, version)):
        errors["effect"] = N_("%(cause)s already drives %(effect)s.", cause=cause, effect=effect)
    if errors:
        raise Invalid(errors)
    influence = Influence(version_id=version.id, source_id=objectives[cause].id, target_id=objectives[effect].id)
    session.add(influence)
    return influence


@in_unit_of_work
def remove_influence(session: Session, version: ScorecardVersion, influence_id: int) -> None:
    ensure_editable(session, version)
    influence = session.scalar(select(Influence).where(Influence.id == influence_id,
                                                       Influence.version_id == version.id))
    if influence is None:
        raise Invalid({"": N_("This arrow is no longer on the map.")})
    session.delete(influence)


def strategy_map(session: Session, version: ScorecardVersion, card=None) -> StrategyMap:
    """The map of ``version``; with an office scorecard ``card``, each objective gets the light of the
    weighted mean level of its scored KPIs (the same thresholds as a KPI)."""
    levels = _objective_levels(card)
    tree = tree_order(elements(session, version.id))
    bands, current = [], None
    for element, _ in tree:
        if element.kind == "perspective":
            current = (f"{element.code} {element.name}", [])
            bands.append(current)
        elif element.kind == "objective" and current is not None:
            level = levels.get(element.code)
            current[1].append(MapObjective(element.code, element.name, level,
                                           NO_DATA if level is None else str(light(level))))
    # The network page draws influences between any elements; the map shows those between objectives.
    links = [link for link in influences(session, version) if link[1].kind == link[2].kind == "objective"]
    return StrategyMap(bands, [(source.code, target.code) for _, source, target in links], links)


def _objective_levels(card) -> dict[str, float]:
    if card is None or not len(card.kpis):
        return {}
    scored = card.kpis[card.kpis["level"].notna() & (card.kpis["weight"] > 0)]
    levels = {}
    for objective, rows in scored.groupby("objective"):
        levels[str(objective)] = float(np.average(rows["level"], weights=rows["weight"]))
    return levels


def picture(the_map: StrategyMap, light_labels: dict, language: str, title: str = "") -> str:
    """The map as SVG, for a page or a printed report."""
    return strategy_map_svg(plain_bands(the_map), the_map.arrows, light_labels, language=language, title=title)


def plain_bands(the_map: StrategyMap) -> list[tuple[str, list[tuple]]]:
    return [(name, [(o.code, o.name, o.light, o.level) for o in objectives]) for name, objectives in the_map.bands]
