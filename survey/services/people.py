"""Stakeholders and employees: added one by one or imported from a table, edited, deactivated."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from survey.models import Person, utcnow
from survey.services import audit
from survey.services.addresses import normal_email
from survey.services.errors import N_, Invalid, joined, too_long
from survey.services.numbers import LARGEST_WEIGHT, NumberError, read_cell
from survey.services.paging import Page, contains, page_of
from survey.services.phones import normal_phone
from survey.services.tables import cell, code_cell, code_choices, row_label
from survey.services.text import line_breaks, unsafe_characters
from survey.services.transactions import in_unit_of_work

KINDS = ("stakeholder", "employee")
COLUMNS = ("name", "email", "phone", "unit", "role", "kind", "weight")
SYSTEM = "system"


@dataclass(frozen=True)
class Imported:
    added: int
    updated: int  # people already listed (by email, else phone) whose details the file changed


def people(session: Session, organisation_id: int) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.organisation_id == organisation_id)
                                .order_by(Person.name)))


def people_page(session: Session, organisation_id: int, search: str = "", number: int = 1) -> Page:
    """One page of the people list, those whose name, email, phone, unit or role contains ``search``."""
    query = select(Person).where(Person.organisation_id == organisation_id)
    if search.strip():
        pattern = contains(search)
        query = query.where(or_(*(column.ilike(pattern, escape="\\") for column in
                                  (Person.name, Person.email, Person.phone, Person.unit, Person.role))))
    return page_of(session, query.order_by(Person.name), Person.id, number)  # by name, then as added


def invitable(session: Session, organisation_id: int, *, kind: str = "", unit: str = "", role: str = "",
              search: str = "", exclude: set[int] = frozenset()) -> list[Person]:
    """Active people matching every filter given (``search`` in the name, email or phone), except ``exclude``."""
    query = select(Person).where(Person.organisation_id == organisation_id, Person.deactivated_at.is_(None))
    for column, value in ((Person.kind, kind), (Person.unit, unit), (Person.role, role)):
        if value:
            query = query.where(column == value)
    if search.strip():
        pattern = contains(search)
        query = query.where(Person.name.ilike(pattern, escape="\\") | Person.email.ilike(pattern, escape="\\")
                            | Person.phone.ilike(pattern, escape="\\"))
    return [person for person in session.scalars(query.order_by(Person.name)) if person.id not in exclude]


def people_table(session: Session, organisation_id: int) -> pd.DataFrame:
    """The people list in the import's columns, so an export edited and imported again updates them."""
    return pd.DataFrame([{column: getattr(person, column) or "" if column != "weight" else person.weight
                          for column in COLUMNS} for person in people(session, organisation_id)], columns=list(COLUMNS))


def filter_choices(session: Session, organisation_id: int) -> dict[str, list[str]]:
    """The units and roles on the active list, for choosing whom to invite."""
    listed = [p for p in people(session, organisation_id) if p.deactivated_at is None]
    return {"unit": sorted({p.unit for p in listed if p.unit}), "role": sorted({p.role for p in listed if p.role})}


def contacts(person: Person) -> set[str]:
    """The person's email and phone as listed: the keys an import matches and no two people share
    (an email holds "@", a phone starts with "+": the two never collide)."""
    return {key for key in (person.email, person.phone) if key}


def _listed_contacts(session: Session, organisation_id: int, but: int | None = None) -> set[str]:
    return {key for person in people(session, organisation_id) if person.id != but for key in contacts(person)}


@in_unit_of_work
def add_person(session: Session, organisation_id: int, **fields) -> Person:
    values, errors = _checked(fields, _listed_contacts(session, organisation_id))
    if errors:
        raise Invalid(errors)
    person = Person(organisation_id=organisation_id, **values)
    session.add(person)
    return person


@in_unit_of_work
def import_people(session: Session, organisation_id: int, frame: pd.DataFrame, number_format: str = "id",
                  actor: str = SYSTEM) -> Imported:
    """Add the new people and update those already listed, matched by email, else by phone: every row or
    none; Invalid names each bad row. Only the file's columns are updated. Weights written as text are
    read as ``number_format`` (id or en) writes numbers."""
    listed = {key: person for person in people(session, organisation_id) for key in contacts(person)}
    new_rows, updates, errors, seen = [], [], {}, set()
    for index, row in enumerate(frame.to_dict("records")):
        values, problems = _checked(row, seen, number_format)  # a file naming an email or phone twice is refused
        matches = {listed[key] for key in (values.get("email"), values.get("phone")) if key in listed}
        if len(matches) > 1:
            problems["phone"] = N_("The email and the phone number belong to two different people on the list.")
        if problems:
            errors[row_label(index)] = joined(problems.values())
            continue
        seen.update(key for key in (values["email"], values["phone"]) if key)
        if matches:
            updates.append((matches.pop(), {key: values[key] for key in frame.columns if key in values}))
        else:
            new_rows.append(values)
    if errors:
        raise Invalid(errors)
    session.add_all(Person(organisation_id=organisation_id, **values) for values in new_rows)
    updated = [person.name for person, values in updates if _apply(person, values)]
    if new_rows or updated:
        audit.record(session, organisation_id, actor, "people_imported",
                     ", ".join(sorted(values["name"] for values in new_rows) + sorted(updated)),
                     {"added": len(new_rows), "updated": len(updated)})
    return Imported(len(new_rows), len(updated))


@in_unit_of_work
def update_person(session: Session, organisation_id: int, person_id: int, actor: str = SYSTEM, **fields) -> Person:
    """Change a person's details; their email or phone may change to one nobody else on the list has."""
    person = get_person(session, organisation_id, person_id)
    values, errors = _checked(fields, _listed_contacts(session, organisation_id, but=person.id))
    if errors:
        raise Invalid(errors)
    before = {key: getattr(person, key) for key in values}
    if _apply(person, values):
        audit.record(session, organisation_id, actor, "person_changed", person.name,
                     {key: f"{before[key] or ''} → {values[key] or ''}" for key in values if before[key] != values[key]})
    return person


@in_unit_of_work
def set_active(session: Session, organisation_id: int, person_id: int, active: bool, actor: str = SYSTEM) -> Person:
    """Deactivate (kept with the rounds they were in, no longer invitable) or reactivate a person."""
    person = get_person(session, organisation_id, person_id)
    if active == (person.deactivated_at is None):
        raise Invalid({"": N_("%(name)s is active already.", name=person.name) if active
                       else N_("%(name)s is deactivated already.", name=person.name)})
    person.deactivated_at = None if active else utcnow()
    audit.record(session, organisation_id, actor, "person_reactivated" if active else "person_deactivated",
                 person.name, {"email": person.email or "", "phone": person.phone or ""})
    return person


def get_person(session: Session, organisation_id: int, person_id: int) -> Person:
    person = session.scalar(select(Person).where(Person.id == person_id, Person.organisation_id == organisation_id))
    if person is None:
        raise Invalid({"": N_("No such person in your organisation.")})
    return person


def _apply(person: Person, values: dict) -> bool:
    """Write ``values`` onto ``person``; whether anything changed."""
    changed = {key: value for key, value in values.items() if getattr(person, key) != value}
    for key, value in changed.items():
        setattr(person, key, value)
    return bool(changed)


def add_people(session: Session, organisation_id: int, frame: pd.DataFrame, number_format: str = "id") -> int:
    """Add every row or none, refusing emails and phones already listed; without the commit, for a caller
    that writes more in the same transaction (the API adds the people it does not know yet)."""
    known = _listed_contacts(session, organisation_id)
    rows, errors = [], {}
    for index, row in enumerate(frame.to_dict("records")):
        values, problems = _checked(row, known, number_format)
        if problems:
            errors[row_label(index)] = joined(problems.values())
        else:
            known.update(key for key in (values["email"], values["phone"]) if key)
            rows.append(values)
    if errors:
        raise Invalid(errors)
    session.add_all(Person(organisation_id=organisation_id, **values) for values in rows)
    session.flush()
    return len(rows)


def _checked(fields: dict, known: set[str], number_format: str = "id") -> tuple[dict, dict[str, str]]:
    """The row's values as stored and its problems by field; ``known``: emails and phones taken already."""
    values = {key: cell(fields, key) for key in ("name", "email", "phone", "unit", "role", "kind")}
    email = normal_email(values["email"])
    values["email"] = email or values["email"].lower()
    values["kind"] = code_cell(fields, "kind") or "stakeholder"
    errors = too_long(Person, {key: value for key, value in values.items() if key != "phone"})  # phone: as stored
    errors.update(unsafe_characters(values))
    errors.update(line_breaks({key: values[key] for key in ("name", "unit", "role")}))  # the others: own rules
    if not values["name"]:
        errors["name"] = N_("Name is required.")
    if "email" in errors or not values["email"]:
        pass  # too long: said by too_long; none: the phone may reach them
    elif email is None:
        errors["email"] = N_("'%(email)s' is not an email address.", email=values["email"])
    elif values["email"] in known:
        errors["email"] = N_("%(email)s is already on the list.", email=values["email"])
    values["email"] = values["email"] or None
    _check_phone(values, errors, known)
    if values["kind"] not in KINDS:
        errors["kind"] = N_("Kind must be one of %(kinds)s.", kinds=code_choices(KINDS))
    raw_weight = fields.get("weight")
    try:
        weight = read_cell(raw_weight, number_format, LARGEST_WEIGHT)
        weight = 1.0 if weight is None else weight
        if not math.isfinite(weight) or weight <= 0:
            raise ValueError
        values["weight"] = weight
    except NumberError as error:
        errors["weight"] = N_("Weight: %(problem)s", problem=error.message)
    except ValueError:
        errors["weight"] = N_("Weight '%(weight)s' must be a positive number.", weight=cell(fields, "weight"))
    return values, errors


def _check_phone(values: dict, errors: dict[str, str], known: set[str]) -> None:
    """The phone in international form (or None), and why not; someone needs an email or a phone."""
    written, values["phone"] = values["phone"], None
    if "phone" in errors:
        return  # an invisible character: said by unsafe_characters
    if written:
        values["phone"] = normal_phone(written)
        if values["phone"] is None:
            errors["phone"] = N_("'%(phone)s' is not a phone number: write it as 0812-3456-7890 or "
                                 "+62 812 3456 7890.", phone=written[:40])
        elif values["phone"] in known:
            errors["phone"] = N_("%(phone)s is already on the list.", phone=values["phone"])
    elif not values["email"] and "email" not in errors:
        errors["email"] = N_("Give an email address or a phone number.")
