"""Changing a scorecard version's elements after they were added: edit, move among siblings, delete
(with the elements below). Only while no round uses the version (scorecards.ensure_editable)."""
from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from survey.models import (Element, Evidence, Finding, Influence, KpiLink, LadderSetting, Measurement,
                           ScorecardVersion, StrategyArrow, programme_objectives)
from survey.services import audit, data_versions
from survey.services.errors import N_, Invalid
from survey.services.scorecards import RECORD_FIELDS, ROLLUPS, _row_errors, elements, ensure_editable, tree_order
from survey.services.tables import code_cell
from survey.services.transactions import in_unit_of_work

EDITABLE = ("code", "name") + RECORD_FIELDS
SYSTEM = "system"


def get_element(session: Session, version: ScorecardVersion, element_id: int) -> Element:
    element = session.scalar(select(Element).where(Element.id == element_id, Element.version_id == version.id))
    if element is None:
        raise Invalid({"": N_("No such element in this version.")})
    return element


@in_unit_of_work
def update_element(session: Session, version: ScorecardVersion, element_id: int, actor: str = SYSTEM,
                   **fields) -> Element:
    """Change an element's code, name or record sheet; its kind and place in the tree stay."""
    ensure_editable(session, version)
    element = get_element(session, version, element_id)
    others = {e.code: e for e in elements(session, version.id) if e.id != element.id}
    parent = next((e.code for e in others.values() if e.id == element.parent_id), "")
    row = {"kind": element.kind, "parent": parent, **{key: getattr(element, key) for key in EDITABLE},
           **{key: value or "" for key, value in fields.items() if key in EDITABLE}}
    errors = _row_errors(row, others, {})
    if errors:
        raise Invalid(errors)
    values = {key: str(row[key]).strip() for key in EDITABLE}
    values["better"] = code_cell(values, "better") or "higher"  # 'lebih tinggi' passed the check as 'higher'
    values["rollup"] = code_cell(values, "rollup")
    changed = {key: f"{getattr(element, key)} → {value}" for key, value in values.items()
               if getattr(element, key) != value}
    for key, value in values.items():
        setattr(element, key, value)
    if changed:
        audit.record(session, version.organisation_id, actor, "element_changed", f"{element.code} {element.name}",
                     {"version": version.label, **changed})
    return element


@in_unit_of_work
def set_rollup(session: Session, version: ScorecardVersion, element_id: int, rollup: str,
               actor: str = SYSTEM) -> Element:
    """How a KPI's longer period's actual follows from its parts': a reading of the data, not of the answers,
    so it may change while rounds use the version."""
    element = get_element(session, version, element_id)
    rollup = (rollup or "").strip().lower()
    if element.kind != "kpi" or rollup not in ROLLUPS:
        raise Invalid({"rollup": N_("Rollup must be empty, 'sum', 'mean' or 'last'.")})
    if element.rollup != rollup:
        audit.record(session, version.organisation_id, actor, "element_changed", f"{element.code} {element.name}",
                     {"version": version.label, "rollup": f"{element.rollup} → {rollup}"})
        element.rollup = rollup
    return element


@in_unit_of_work
def move_element(session: Session, version: ScorecardVersion, element_id: int, direction: str,
                 actor: str = SYSTEM) -> None:
    """Swap the element with its sibling above ("up") or below ("down"); at either end nothing moves."""
    ensure_editable(session, version)
    if direction not in ("up", "down"):
        raise Invalid({"": N_("Move an element up or down.")})
    element = get_element(session, version, element_id)
    siblings = [e for e in elements(session, version.id) if e.parent_id == element.parent_id]
    index = siblings.index(element)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):  # only the order among siblings counts (tree_order)
        sibling.position = position
    audit.record(session, version.organisation_id, actor, "element_changed", f"{element.code} {element.name}",
                 {"version": version.label, "moved": direction})


def subtree(session: Session, version: ScorecardVersion, element_id: int) -> list[Element]:
    """The element and every element below it, in tree order: what deleting it deletes."""
    element = get_element(session, version, element_id)
    ordered = tree_order(elements(session, version.id))
    start = next(k for k, (e, _depth) in enumerate(ordered) if e.id == element.id)
    depth = ordered[start][1]
    end = next((k for k in range(start + 1, len(ordered)) if ordered[k][1] <= depth), len(ordered))
    return [e for e, _depth in ordered[start:end]]


@in_unit_of_work
def delete_element(session: Session, version: ScorecardVersion, element_id: int, actor: str = SYSTEM) -> list[str]:
    """Delete the element and its children; refused, naming what refers to them, while performance data,
    ladders, findings, strategy-map arrows or network links do. Returns the codes deleted."""
    ensure_editable(session, version)
    doomed = subtree(session, version, element_id)
    ids = [e.id for e in doomed]
    problems = _references(session, ids)
    if problems:
        raise Invalid({"": N_("%(code)s cannot be deleted: %(references)s refer to it or to an element below it. "
                              "Remove those first.", code=doomed[0].code, references=_listed(problems))})
    # One statement: the rows refer to each other, and a foreign key is checked at the statement's end.
    session.execute(delete(Element).where(Element.id.in_(ids)).execution_options(synchronize_session=False))
    data_versions.touch(session, version.organisation_id)
    codes = [e.code for e in doomed]
    audit.record(session, version.organisation_id, actor, "element_deleted", f"{codes[0]} {doomed[0].name}",
                 {"version": version.label, "with": ", ".join(codes[1:])})
    return codes


def _references(session: Session, ids: list[int]) -> list[str]:
    """What refers to the elements ``ids``, counted ("3 measurements"); empty when nothing does."""
    counts = {
        N_("%(n)d target and actual rows"): session.scalar(select(func.count()).where(Measurement.element_id.in_(ids))),
        N_("%(n)d ladders"): session.scalar(select(func.count()).where(LadderSetting.element_id.in_(ids))),
        N_("%(n)d root causes and actions"): session.scalar(select(func.count()).where(Finding.element_id.in_(ids))),
        N_("%(n)d evidence files"): session.scalar(select(func.count()).where(Evidence.element_id.in_(ids))),
        N_("%(n)d strategy map arrows"): session.scalar(select(func.count()).where(
            StrategyArrow.cause_id.in_(ids) | StrategyArrow.effect_id.in_(ids))),
        N_("%(n)d network links"): session.scalar(select(func.count()).where(
            Influence.source_id.in_(ids) | Influence.target_id.in_(ids))),
        N_("%(n)d programmes"): session.scalar(select(func.count()).select_from(programme_objectives).where(
            programme_objectives.c.element_id.in_(ids))),
        N_("%(n)d links between years"): session.scalar(select(func.count()).where(
            KpiLink.element_id.in_(ids) | KpiLink.previous_id.in_(ids))),
    }
    return [N_(template, n=n) for template, n in counts.items() if n]


def _listed(messages: list[str]) -> str:
    """Messages as one comma-separated message, each still translated in the reader's language."""
    listed = messages[0]
    for message in messages[1:]:
        listed = N_("%(first)s, %(next)s", first=listed, next=message)
    return listed
