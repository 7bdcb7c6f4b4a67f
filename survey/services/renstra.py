"""The plan above the years (Renstra) and the thread of a KPI through the years.

A plan (e.g. 2025-2029) gives each KPI, by its code, a final target and, where HR gives one, a national
standard; each year's version names its plan. Earlier years are the versions of the same scorecard named by
an earlier year: a KPI is matched there by its code, or by the link HR stored when it was renamed or recoded
(PermenPANRB 53/2014 asks the LKjIP to compare a year with earlier years and with the medium-term target).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Element, KpiLink, Plan, PlanTarget, ScorecardVersion
from survey.services.errors import N_, Invalid, Message
from survey.services.numbers import NumberError, read_cell
from survey.services.sakip_documents import version_year
from survey.services.text import unsafe_characters
from survey.services.transactions import in_unit_of_work

#: A Renstra runs five years (RPJMD/Renstra period); a longer span is allowed up to this, for transitions.
LONGEST_PLAN = 10
MAX_NAME = 200


@dataclass(frozen=True)
class Earlier:
    """The KPI a version's KPI continues in an earlier year's version."""
    year: int
    version: ScorecardVersion
    kpi: Element
    linked: bool  # by HR's stored link (renamed or recoded), else by its code


def plans(session: Session, organisation_id: int) -> list[Plan]:
    return list(session.scalars(select(Plan).where(Plan.organisation_id == organisation_id)
                                .order_by(Plan.first_year, Plan.id)))


def plan_of(session: Session, version: ScorecardVersion) -> Plan | None:
    return session.get(Plan, version.plan_id) if version.plan_id else None


def targets(session: Session, plan: Plan) -> dict[str, PlanTarget]:
    return {t.kpi_code: t for t in session.scalars(select(PlanTarget).where(PlanTarget.plan_id == plan.id)
                                                    .order_by(PlanTarget.kpi_code))}


def _year(text, field: str, errors: dict) -> int | None:
    try:
        year = int(str(text).strip())
    except ValueError:
        year = None
    if year is None or not 1900 <= year <= 2999:
        errors[field] = N_("Give a year such as 2025.")
    return year


@in_unit_of_work
def create_plan(session: Session, organisation_id: int, *, name: str, first_year, last_year) -> Plan:
    """A plan period such as 'Renstra 2025-2029': first year not after the last, at most LONGEST_PLAN years."""
    errors: dict = {}
    name = " ".join(str(name or "").split())
    if not name:
        errors["name"] = N_("Give the plan a name, such as Renstra 2025-2029.")
    elif len(name) > MAX_NAME:
        errors["name"] = N_("%(field)s: at most %(limit)s characters.", field="Name", limit=MAX_NAME)
    errors.update(unsafe_characters({"name": name}))
    first, last = _year(first_year, "first_year", errors), _year(last_year, "last_year", errors)
    if first and last and not 0 <= last - first < LONGEST_PLAN:
        errors["last_year"] = N_("A plan runs from its first year to a later one, at most %(years)s years.",
                                 years=LONGEST_PLAN)
    if errors:
        raise Invalid(errors)
    plan = Plan(organisation_id=organisation_id, name=name, first_year=first, last_year=last)
    session.add(plan)
    session.flush()
    return plan


def _number(raw, field: str, number_format: str, errors: dict) -> float | None:
    try:
        return read_cell(raw, number_format)
    except NumberError as error:
        errors[field] = N_("%(name)s: %(problem)s", name=Message([(FIELD_NAMES[field], {})]), problem=error.message)
    return None


FIELD_NAMES = {"final_target": N_("final target"), "national_standard": N_("national standard")}


@in_unit_of_work
def save_target(session: Session, organisation_id: int, *, plan_id, kpi_code: str, final_target,
                national_standard="", number_format: str = "id") -> PlanTarget:
    """A KPI's final target in the plan and its national standard (blank: none); a code already there is
    changed. Numbers typed as the page writes them."""
    errors: dict = {}
    plan = _own_plan(session, organisation_id, plan_id, errors)
    code = str(kpi_code or "").strip()
    if not code:
        errors["kpi_code"] = N_("Give the KPI's code.")
    elif len(code) > 30:
        errors["kpi_code"] = N_("%(field)s: at most %(limit)s characters.", field="Code", limit=30)
    errors.update(unsafe_characters({"kpi_code": code}))
    final = _number(final_target, "final_target", number_format, errors)
    standard = _number(national_standard, "national_standard", number_format, errors)
    if final is None and standard is None and "final_target" not in errors and "national_standard" not in errors:
        errors["final_target"] = N_("Give the final target, the national standard or both.")
    if errors:
        raise Invalid(errors)
    target = targets(session, plan).get(code) or PlanTarget(plan_id=plan.id, kpi_code=code)
    target.final_target, target.national_standard = final, standard
    session.add(target)
    session.flush()
    return target


def _own_plan(session: Session, organisation_id: int, plan_id, errors: dict) -> Plan | None:
    try:
        plan = session.get(Plan, int(plan_id))
    except (TypeError, ValueError):
        plan = None
    if plan is None or plan.organisation_id != organisation_id:
        errors["plan"] = N_("Choose one of the office's plans.")
        return None
    return plan


@in_unit_of_work
def set_version_plan(session: Session, version: ScorecardVersion, plan_id) -> Plan | None:
    """The plan a year's version serves (blank: none); the version's year must lie in the plan's years."""
    if plan_id in (None, ""):
        version.plan_id = None
        return None
    errors: dict = {}
    plan = _own_plan(session, version.organisation_id, plan_id, errors)
    if plan is not None and not plan.first_year <= version_year(version) <= plan.last_year:
        errors["plan"] = N_("%(label)s is not a year of %(plan)s (%(first)s-%(last)s).", label=version.label,
                            plan=plan.name, first=plan.first_year, last=plan.last_year)
    if errors:
        raise Invalid(errors)
    version.plan_id = plan.id
    return plan


def earlier_versions(session: Session, version: ScorecardVersion) -> dict[int, ScorecardVersion]:
    """Year -> the version of the same scorecard named by that earlier year (the latest made, if several)."""
    year, found = version_year(version), {}
    for other in session.scalars(select(ScorecardVersion).where(ScorecardVersion.scorecard_id == version.scorecard_id,
                                                                ScorecardVersion.id != version.id)
                                 .order_by(ScorecardVersion.id)):
        try:
            other_year = version_year(other)
        except Invalid:
            continue  # a version not named by a year is no year's
        if other_year < year:
            found[other_year] = other
    return dict(sorted(found.items(), reverse=True))


def links(session: Session, version: ScorecardVersion) -> dict[str, Element]:
    """KPI code in this version -> the earlier KPI HR linked it to."""
    kpis = {e.id: e for e in session.scalars(select(Element).where(Element.version_id == version.id,
                                                                   Element.kind == "kpi"))}
    return {kpis[link.element_id].code: session.get(Element, link.previous_id)
            for link in session.scalars(select(KpiLink).where(KpiLink.element_id.in_(list(kpis))))}


@in_unit_of_work
def link_kpi(session: Session, version: ScorecardVersion, *, kpi_code: str, earlier_version_id,
             earlier_code: str) -> None:
    """KPI ``kpi_code`` of this version continues ``earlier_code`` of an earlier year's version; an empty
    earlier code removes the link (the codes match again)."""
    kpi = _kpi(session, version, kpi_code)
    if kpi is None:
        raise Invalid({"kpi_code": N_("'%(code)s' is not a KPI of this scorecard.", code=kpi_code)})
    stored = session.get(KpiLink, kpi.id)
    if not str(earlier_code or "").strip():
        if stored is not None:
            session.delete(stored)
        return
    earlier = earlier_versions(session, version)
    chosen = next((v for v in earlier.values() if str(v.id) == str(earlier_version_id).strip()), None)
    if chosen is None:
        raise Invalid({"earlier_version": N_("Choose a version of this scorecard named by an earlier year.")})
    previous = _kpi(session, chosen, earlier_code)
    if previous is None:
        raise Invalid({"earlier_code": N_("'%(code)s' is not a KPI of %(label)s.", code=earlier_code,
                                          label=chosen.label)})
    stored = stored or KpiLink(element_id=kpi.id, organisation_id=version.organisation_id)
    stored.previous_id = previous.id
    session.add(stored)


def _kpi(session: Session, version: ScorecardVersion, code: str) -> Element | None:
    return session.scalar(select(Element).where(Element.version_id == version.id, Element.kind == "kpi",
                                                Element.code == str(code or "").strip()))


def history(session: Session, version: ScorecardVersion) -> dict[int, list[Earlier]]:
    """KPI id -> the KPIs it continues, one per earlier year (latest first), following stored links where
    HR gave them and codes elsewhere; a year without a match is left out and the search goes on with the
    same code in earlier years."""
    years = earlier_versions(session, version)
    by_version = {v.id: {e.code: e for e in session.scalars(select(Element).where(
        Element.version_id == v.id, Element.kind == "kpi"))} for v in years.values()}
    stored = {link.element_id: link.previous_id for link in session.scalars(
        select(KpiLink).where(KpiLink.organisation_id == version.organisation_id))}
    year_of = {v.id: y for y, v in years.items()}
    found = {}
    for kpi in session.scalars(select(Element).where(Element.version_id == version.id, Element.kind == "kpi")):
        chain, current = [], kpi
        for year, other in years.items():
            previous = session.get(Element, stored[current.id]) if current.id in stored else None
            linked_year = year_of.get(previous.version_id) if previous is not None else None
            if linked_year is not None and linked_year < year:
                continue  # the link skips this year: nothing of it to compare
            linked = linked_year == year
            match = previous if linked else by_version[other.id].get(current.code)
            if match is not None:
                chain.append(Earlier(year, other, match, linked=linked))
                current = match
        found[kpi.id] = chain
    return found


def plan_target(targets_by_code: dict[str, PlanTarget], kpi: Element, chain: list[Earlier]) -> PlanTarget | None:
    """The plan's line for a KPI: by its code, else by a code it had in an earlier year."""
    for code in [kpi.code, *(earlier.kpi.code for earlier in chain)]:
        if code in targets_by_code:
            return targets_by_code[code]
    return None
