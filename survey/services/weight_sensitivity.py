"""Would the ranking change if a weight moved? A round's weights read by analysis.sensitivity: for each
element compared, how far its local weight may move (the other members of its group rescaled
proportionally) before the order of the top KPIs changes; and any such move tried out ("what if").

Network rounds weigh through a limit supermatrix, not down a tree: they have no such table.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from analysis.sensitivity import TOP, Threshold, moved, order_thresholds
from survey.models import Element, Round
from survey.services import groups, results
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.numbers import NumberError, parse_number
from survey.services.scorecards import clusters as version_clusters
from survey.services.scorecards import hierarchy


@dataclass(frozen=True)
class Sensitivity:
    thresholds: list[tuple[Element, Threshold]]  # every element of a group of two or more, in page order
    top: list[Element]                           # the TOP heaviest KPIs now, heaviest first
    tried: tuple[Element, float, list[tuple[Element, float]]] | None  # (element, its weight, KPIs by new weight)


def sensitivity(session: Session, round_: Round, element_id: int | None = None, weight: str = "",
                locale: str = "id") -> Sensitivity | None:
    """The round's table, and with ``element_id`` and ``weight`` (a percentage as typed) the KPIs' global
    weights if that element weighed that much in its group; Invalid names a wrong percentage."""
    kind = kind_of(round_)
    outcome = results.results(session, round_)
    if not kind.gives_weights or kind.influence_pages or not outcome.complete or not outcome.global_weights:
        return None
    tree, by_id = hierarchy(session, round_.version_id)
    compared = version_clusters(session, round_.version_id)
    anchored = groups.anchored(compared)
    weights = {element.id: outcome.local[element.id] for _, members in compared for element in members}
    found = {threshold.member: threshold for threshold in order_thresholds(tree, anchored, weights, TOP)}
    kpis = sorted((by_id[leaf] for leaf in tree.leaves()), key=lambda kpi: -outcome.global_weights[kpi.id])
    rows = [(element, found[element.id]) for _, members in compared for element in members if element.id in found]
    tried = None
    if element_id is not None:
        tried = _tried(tree, anchored, weights, by_id, element_id, weight, locale, found)
    return Sensitivity(rows, kpis[:TOP], tried)


def _tried(tree, anchored, weights, by_id, element_id, weight, locale, movable):
    if element_id not in movable:
        raise Invalid({"element": N_("Choose an element compared with others.")})
    share = typed_share(weight, locale)
    found = tree.global_from_groups(anchored, moved(anchored, weights, element_id, share))
    position = {key: k for k, key in enumerate(tree.keys)}
    kpis = sorted(((by_id[leaf], float(found[position[leaf]])) for leaf in tree.leaves()), key=lambda item: -item[1])
    return by_id[element_id], share, kpis


def typed_share(weight: str, locale: str) -> float:
    """A what-if's weight as typed, a percentage of its group strictly between 0 and 100, as a share."""
    try:
        percent = parse_number(weight, locale)
    except NumberError as error:
        raise Invalid({"weight": error.message}) from None
    if not 0 < percent < 100:
        raise Invalid({"weight": N_("Give a weight above 0 and below 100.")})
    return percent / 100
