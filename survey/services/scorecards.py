"""Scorecards: build them in forms or import them, copy a version for a new year."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.indicators import Formula
from survey.models import (ELEMENT_KINDS, ROOT_CLUSTER, Element, Influence, KpiOwner, Programme, Round,
                           Scorecard, ScorecardVersion, StrategyArrow)
from survey.services import groups
from survey.services.elements import elements, hierarchy  # noqa: F401 - read here by scorecards' callers
from survey.services.errors import N_, Invalid, joined, library_message, too_long
from survey.services.given_weights import apply_given_weights
from survey.services.numbers import LARGEST_WEIGHT, NumberError, read_cell
from survey.services.tables import cell, code_cell, code_choices, row_label
from survey.services.text import line_breaks, refuse_unsafe_characters, unsafe_characters
from survey.services.transactions import in_unit_of_work

PARENT_KIND = {"perspective": None, "objective": "perspective", "kpi": "objective"}
RECORD_FIELDS = ("description", "purpose", "unit", "formula", "better", "data_source", "measured_by",
                 "measurement_frequency", "review_frequency", "rollup")
#: How a KPI's year (or semester, quarter) actual follows from its parts' when it has none of its own
#: (services.performance.with_rollups): not at all, their sum, their mean or the last of them.
ROLLUPS = ("", "sum", "mean", "last")
COLUMNS = ("code", "kind", "parent", "name") + RECORD_FIELDS
MULTI_LINE_FIELDS = ("description", "purpose")
#: The ``weight`` column of an import: local weights among siblings (by default) or global weights per KPI
#: (survey/services/given_weights.py LEVELS).
WEIGHT_LEVELS = ("local", "global")  # the element's text areas; the rest are one line


@in_unit_of_work
def create_scorecard(session: Session, organisation_id: int, name: str, label: str) -> ScorecardVersion:
    refuse_unsafe_characters(name=name, label=label)
    errors = {}
    if not name.strip():
        errors["name"] = N_("Give the scorecard a name.")
    if not label.strip():
        errors["label"] = N_("Give the version a label, e.g. the year.")
    if errors:
        raise Invalid(errors)
    scorecard = Scorecard(organisation_id=organisation_id, name=name.strip())
    version = ScorecardVersion(organisation_id=organisation_id, scorecard=scorecard, label=label.strip())
    session.add_all([scorecard, version])
    return version


def get_version(session: Session, organisation_id: int, version_id: int) -> ScorecardVersion | None:
    return session.scalar(select(ScorecardVersion).where(ScorecardVersion.id == version_id,
                                                         ScorecardVersion.organisation_id == organisation_id))


def ensure_editable(session: Session, version: ScorecardVersion) -> None:
    """A version a survey round uses is frozen: its answers refer to its elements. Copy it to revise."""
    reason = frozen_reason(session, version)
    if reason:
        raise Invalid({"": reason})


def frozen_reason(session: Session, version: ScorecardVersion, copy_advice: bool = True) -> str | None:
    """Why the version cannot change, naming the rounds that use it; None while it can.
    ``copy_advice=False`` for a page that offers the copy itself, so it does not say so twice."""
    titles = list(session.scalars(select(Round.title).where(Round.version_id == version.id).order_by(Round.id)))
    if not titles:
        return None
    if not copy_advice:
        return N_("This version is used by the survey round %(rounds)s and cannot change: its answers refer to its "
                  "elements.", rounds=", ".join(titles))
    return N_("This version is used by the survey round %(rounds)s and cannot change: its answers refer to its "
              "elements. Copy it to revise it.", rounds=", ".join(titles))


@in_unit_of_work
def add_element(session: Session, version: ScorecardVersion, *, code: str, kind: str, name: str,
                parent_code: str = "", **record) -> Element:
    """Add one perspective, objective or KPI; Invalid names the field at fault."""
    ensure_editable(session, version)
    existing = {element.code: element for element in elements(session, version.id)}
    row = {"code": code, "kind": kind, "parent": parent_code, "name": name, **record}
    errors = _row_errors(row, existing, {})
    if "parent" in errors and parent_code.strip() and parent_code.strip() not in existing:
        # a form has no "row above": say what to do instead
        errors["parent"] = N_("Parent %(parent)s is not in this scorecard: add it first.", parent=parent_code.strip())
    if errors:
        raise Invalid(errors)
    element = _element(version, row, existing, len(existing))
    session.add(element)
    return element


@in_unit_of_work
def import_scorecard(session: Session, version: ScorecardVersion, frame: pd.DataFrame, number_format: str = "id",
                     by: str = "") -> int:
    """Add every row of an uploaded table, or none: Invalid lists each bad row.

    An optional ``weight`` column gives each element its local weight among its siblings (a decree's
    weights, any positive numbers), or with ``weight_level`` ``global`` each KPI its global weight: they
    are published to the version with the elements."""
    ensure_editable(session, version)
    existing = {element.code: element for element in elements(session, version.id)}
    pending: dict[str, dict] = {}
    errors: dict[str, str] = {}
    weights: dict[str, float] = {}
    levels: set[str] = set()
    for index, row in enumerate(frame.to_dict("records")):
        problems = _row_errors(row, existing, pending)
        try:
            weight = read_cell(row.get("weight"), number_format, LARGEST_WEIGHT)
            if weight is not None:
                weights[cell(row, "code")] = weight
        except NumberError as error:
            problems["weight"] = N_("Weight: %(problem)s", problem=error.message)
        level = code_cell(row, "weight_level") or "local"
        if level not in WEIGHT_LEVELS:
            problems["weight_level"] = N_("Weight level must be one of %(levels)s.",
                                          levels=code_choices(WEIGHT_LEVELS))
        elif cell(row, "weight"):
            if levels and level not in levels:
                problems["weight_level"] = N_("Every weight of a file is of one level: all local or all global.")
            levels.add(level)
        if problems:
            errors[row_label(index)] = joined(problems.values())
        pending[cell(row, "code")] = row
    if errors:
        raise Invalid(errors)
    created = dict(existing)
    for position, row in enumerate(pending.values(), start=len(existing)):
        element = _element(version, row, created, position)
        session.add(element)
        session.flush()  # children of this row need its id
        created[element.code] = element
    if weights:
        rows = {code: index for index, code in enumerate(pending)}
        try:
            apply_given_weights(session, version, weights, level=min(levels), by=by)
        except Invalid as error:
            raise Invalid({row_label(rows[name[2:]]) if name[2:] in rows else name: message
                           for name, message in error.errors.items()}) from None
    return len(pending)


def export_scorecard(session: Session, version: ScorecardVersion) -> pd.DataFrame:
    """The tree in the import's columns; a version whose weights were given (not weighed by a round) adds
    each element's weight as given (else its local weight), so the import gives a new version the same
    weights."""
    by_id = {element.id: element for element in elements(session, version.id)}
    given = version.weights_source == "given"
    # Global weights were given to the KPIs alone; local ones to every element that shares its cluster,
    # the perspectives among them.
    given_global = given and not any(e.given_weight is not None for e in by_id.values() if e.kind != "kpi") \
        and any(e.given_weight is not None for e in by_id.values())
    rows = []
    for element in by_id.values():
        parent = by_id[element.parent_id].code if element.parent_id else ""
        weight = {}
        if given_global:
            weight = {"weight": element.given_weight, "weight_level": "global" if element.kind == "kpi" else ""}
        elif given:
            weight = {"weight": element.given_weight if element.given_weight is not None else element.local_weight}
        rows.append({"code": element.code, "kind": element.kind, "parent": parent, "name": element.name,
                     **{field: getattr(element, field) for field in RECORD_FIELDS}, **weight})
    extra = ["weight", "weight_level"] if given_global else ["weight"] if given else []
    return pd.DataFrame(rows, columns=list(COLUMNS) + extra)


@in_unit_of_work
def copy_version(session: Session, version: ScorecardVersion, label: str) -> ScorecardVersion:
    """A new version with the same tree, record sheets, comparison groups, KPI owners, the strategy map's
    arrows and the ANP network's links, to revise for a new year (weights are not copied: the new year's
    are weighed or given anew)."""
    if not label.strip():
        raise Invalid({"label": N_("Give the new version a label, e.g. the year.")})
    refuse_unsafe_characters(label=label)
    copy = ScorecardVersion(organisation_id=version.organisation_id, scorecard_id=version.scorecard_id,
                            label=label.strip(), copied_from_id=version.id,
                            objective_groups=version.objective_groups, kpi_groups=version.kpi_groups,
                            plan_id=version.plan_id)
    session.add(copy)
    session.flush()
    old_to_new: dict[int, Element] = {}
    for element in elements(session, version.id):
        clone = Element(organisation_id=element.organisation_id, version_id=copy.id, kind=element.kind,
                        code=element.code, name=element.name, position=element.position,
                        parent_id=old_to_new[element.parent_id].id if element.parent_id else None,
                        **{field: getattr(element, field) for field in RECORD_FIELDS})
        session.add(clone)
        session.flush()
        old_to_new[element.id] = clone
    _copy_links(session, version, copy, {old: new.id for old, new in old_to_new.items()})
    return copy


def _copy_links(session: Session, version: ScorecardVersion, copy: ScorecardVersion, new_id: dict[int, int]) -> None:
    """Who owns which KPI and which objective drives which carry over: offices rarely change them yearly."""
    for owner in session.scalars(select(KpiOwner).where(KpiOwner.element_id.in_(new_id))):
        session.add(KpiOwner(organisation_id=owner.organisation_id, element_id=new_id[owner.element_id],
                             user_id=owner.user_id))
    for link in session.scalars(select(Influence).where(Influence.version_id == version.id)):
        session.add(Influence(version_id=copy.id, source_id=new_id[link.source_id],
                              target_id=new_id[link.target_id]))
    for arrow in session.scalars(select(StrategyArrow).where(StrategyArrow.version_id == version.id)):
        session.add(StrategyArrow(version_id=copy.id, cause_id=new_id[arrow.cause_id],
                                  effect_id=new_id[arrow.effect_id]))
    # The programmes and budgets carry over as next year's starting point; nothing is spent of them yet.
    for programme in session.scalars(select(Programme).where(Programme.version_id == version.id)):
        session.add(Programme(organisation_id=programme.organisation_id, version_id=copy.id, code=programme.code,
                              name=programme.name, budget=programme.budget, position=programme.position,
                              objectives=[session.get(Element, new_id[e.id]) for e in programme.objectives]))


def clusters(session: Session, version_id: int, tree_only: bool = False,
             grouping: tuple[str, str] | None = None) -> list[tuple[str, list[Element]]]:
    """The groups a questionnaire compares, in page order: siblings by default, else the version's
    comparison groups (survey/services/groups.py; ``grouping`` overrides the version's).

    A group's key is ``root`` or its parent's id for siblings; groups of one element ask nothing.
    """
    if grouping is None:
        grouping = groups.grouping_of(session.get(ScorecardVersion, version_id))
    return groups.grouped(elements(session, version_id, tree_only), grouping)


def tree_order(nodes) -> list[tuple[Element, int]]:
    """(element, depth) pairs, each element followed by its children, for tables of the whole tree."""
    children: dict[int | None, list[Element]] = {}
    for element in nodes:
        children.setdefault(element.parent_id, []).append(element)
    ordered: list[tuple[Element, int]] = []

    def visit(parent, depth):
        for element in children.get(parent, []):
            ordered.append((element, depth))
            visit(element.id, depth + 1)

    visit(None, 0)
    return ordered


def cluster_title(cluster: str, by_id: dict[int, Element]) -> str:
    return "" if cluster == ROOT_CLUSTER else groups.heading(cluster, by_id, "name")


def _row_errors(row: dict, existing: dict[str, Element], pending: dict[str, dict]) -> dict[str, str]:
    code, kind, parent = cell(row, "code"), code_cell(row, "kind"), cell(row, "parent")
    coded = ("better", "rollup")  # stored as their English code, whichever language the file wrote
    errors = too_long(Element, {field: code_cell(row, field) if field in coded else cell(row, field)
                                for field in ("code", "name", *RECORD_FIELDS)})
    errors.update(unsafe_characters({field: cell(row, field) for field in ("code", "parent", "name", *RECORD_FIELDS)}))
    errors.update(line_breaks({field: cell(row, field) for field in ("code", "parent", "name", *RECORD_FIELDS)
                               if field not in MULTI_LINE_FIELDS}))
    if not code:
        errors["code"] = N_("Code is required.")
    elif code in existing or code in pending:
        errors["code"] = N_("Code %(code)s is used twice.", code=code)
    if not cell(row, "name"):
        errors["name"] = N_("Name is required.")
    if kind not in ELEMENT_KINDS:
        errors["kind"] = N_("Kind must be one of %(kinds)s.", kinds=code_choices(ELEMENT_KINDS))
    else:
        expected = PARENT_KIND[kind]
        parent_kind = (existing[parent].kind if parent in existing
                       else code_cell(pending[parent], "kind") if parent in pending else None)
        if expected is None and parent:
            errors["parent"] = N_("A perspective has no parent.")
        elif expected and not parent:
            errors["parent"] = N_("A %(kind)s needs a parent %(expected)s.", kind=kind, expected=expected)
        elif expected and parent_kind is None:
            errors["parent"] = N_("Parent %(parent)s is not defined above this row.", parent=parent)
        elif expected and parent_kind != expected:
            errors["parent"] = N_("The parent of a %(kind)s must be a %(expected)s, %(parent)s is a %(parent_kind)s.",
                                   kind=kind, expected=expected, parent=parent, parent_kind=parent_kind)
    better = code_cell(row, "better") or "higher"
    if better not in ("higher", "lower"):
        errors["better"] = N_("Direction must be one of %(directions)s.", directions=code_choices(("higher", "lower")))
    if code_cell(row, "rollup") not in ROLLUPS:
        errors["rollup"] = N_("Rollup must be empty or one of %(rollups)s.", rollups=code_choices(ROLLUPS[1:]))
    if cell(row, "formula") and "formula" not in errors:
        try:  # checked when saved, so the scorecard never meets a formula it cannot compute in a moment
            Formula.parse(cell(row, "formula"))
        except ValueError as error:
            errors["formula"] = library_message(error)
    return errors


def _element(version: ScorecardVersion, row: dict, known: dict[str, Element], position: int) -> Element:
    parent = cell(row, "parent")
    record = {field: cell(row, field) for field in RECORD_FIELDS}
    record["better"] = code_cell(row, "better") or "higher"
    record["rollup"] = code_cell(row, "rollup")
    return Element(organisation_id=version.organisation_id, version_id=version.id,
                   parent_id=known[parent].id if parent else None, kind=code_cell(row, "kind"),
                   code=cell(row, "code"), name=cell(row, "name"), position=position, **record)


def newest_editable(session: Session, versions: list[ScorecardVersion]) -> ScorecardVersion | None:
    """The version a new round most likely means: the newest one no round uses yet, else the newest."""
    used = set(session.scalars(select(Round.version_id).where(Round.version_id.in_([v.id for v in versions]))))
    ordered = sorted(versions, key=lambda v: v.id, reverse=True)
    return next((v for v in ordered if v.id not in used), ordered[0] if ordered else None)
