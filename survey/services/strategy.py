"""The strategy map: objectives per perspective, coloured by their light, with HR's cause-and-effect arrows.

An arrow says "objective A drives objective B". Arrows are kept apart from the ANP network's links: no
answer refers to them, so HR draws them whenever it likes, also on a version that survey rounds use.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.scoring import NO_DATA, light
from survey.models import Element, ScorecardVersion, StrategyArrow
from survey.services.errors import N_, Invalid
from survey.services.scorecards import elements, tree_order
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
    links: list[tuple[int, Element, Element]]  # (arrow id, cause, effect), for removing one


def arrows(session: Session, version: ScorecardVersion) -> list[tuple[int, Element, Element]]:
    """(id, cause, effect) of each arrow of ``version``, in the order drawn."""
    by_id = {e.id: e for e in elements(session, version.id)}
    rows = session.scalars(select(StrategyArrow).where(StrategyArrow.version_id == version.id)
                           .order_by(StrategyArrow.id))
    return [(row.id, by_id[row.cause_id], by_id[row.effect_id]) for row in rows
            if row.cause_id in by_id and row.effect_id in by_id]


@in_unit_of_work
def add_arrow(session: Session, version: ScorecardVersion, cause: str, effect: str) -> StrategyArrow:
    """``cause`` drives ``effect``: two different objectives of this version, not linked yet."""
    objectives = {e.code: e for e in elements(session, version.id) if e.kind == "objective"}
    errors = {}
    for field, code in (("cause", cause), ("effect", effect)):
        if code not in objectives:
            errors[field] = N_("'%(code)s' is not an objective of this scorecard.", code=code)
    if not errors and cause == effect:
        errors["effect"] = N_("An objective cannot drive itself.")
    if not errors and any(source.code == cause and target.code == effect
                          for _, source, target in arrows(session, version)):
        errors["effect"] = N_("%(cause)s already drives %(effect)s.", cause=cause, effect=effect)
    if errors:
        raise Invalid(errors)
    arrow = StrategyArrow(version_id=version.id, cause_id=objectives[cause].id, effect_id=objectives[effect].id)
    session.add(arrow)
    return arrow


@in_unit_of_work
def remove_arrow(session: Session, version: ScorecardVersion, arrow_id: int) -> None:
    arrow = session.scalar(select(StrategyArrow).where(StrategyArrow.id == arrow_id,
                                                       StrategyArrow.version_id == version.id))
    if arrow is None:
        raise Invalid({"": N_("This arrow is no longer on the map.")})
    session.delete(arrow)


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
    links = arrows(session, version)
    return StrategyMap(bands, [(cause.code, effect.code) for _, cause, effect in links], links)


def _objective_levels(card) -> dict[str, float]:
    if card is None or not len(card.kpis):
        return {}
    scored = card.kpis[card.kpis["level"].notna() & (card.kpis["weight"] > 0)]
    levels = {}
    for objective, rows in scored.groupby("objective"):
        levels[str(objective)] = float(np.average(rows["level"], weights=rows["weight"]))
    return levels
