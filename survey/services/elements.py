"""A scorecard version's elements as stored: read in order, or as the tree analysis.hierarchy works on.

Below both services/scorecards.py (which builds and imports versions) and services/given_weights.py
(which scorecards' import uses to publish a file's weights), so neither imports the other to read a tree.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from analysis.hierarchy import Hierarchy
from survey.models import Element
from survey.services import per_transaction


def elements(session: Session, version_id: int, tree_only: bool = False) -> list[Element]:
    """The version's elements in order; ``tree_only`` loads just what questionnaires need (fast path). Read
    once a transaction while it writes nothing (per_transaction): a scorecard page asks several times."""
    full = per_transaction.known(session, ("elements", version_id, False))
    if full is not None:  # every column: serves a read of the tree too
        return list(full)
    return list(per_transaction.remembered(session, ("elements", version_id, tree_only),
                                           lambda: _read(session, version_id, tree_only)))


def _read(session: Session, version_id: int, tree_only: bool) -> list[Element]:
    query = select(Element).where(Element.version_id == version_id).order_by(Element.position, Element.id)
    if tree_only:
        query = query.options(load_only(Element.id, Element.parent_id, Element.kind, Element.code, Element.name,
                                        Element.position))
    return list(session.scalars(query))


def hierarchy(session: Session, version_id: int, tree_only: bool = False) -> tuple[Hierarchy, dict[int, Element]]:
    """The version's tree for analysis.hierarchy, keyed by element id."""
    by_id = {element.id: element for element in elements(session, version_id, tree_only)}
    return Hierarchy.from_parents({element.id: element.parent_id for element in by_id.values()}), by_id
