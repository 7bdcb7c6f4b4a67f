"""Stakeholders and employees: added one by one or imported from a table."""
from __future__ import annotations

import math

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Person
from survey.services.errors import N_, Invalid, joined, too_long
from survey.services.tables import cell, row_label
from survey.services.text import unsafe_characters

KINDS = ("stakeholder", "employee")
COLUMNS = ("name", "email", "unit", "role", "kind", "weight")


def people(session: Session, organisation_id: int) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.organisation_id == organisation_id)
                                .order_by(Person.name)))


def add_person(session: Session, organisation_id: int, **fields) -> Person:
    known = {person.email for person in people(session, organisation_id)}
    values, errors = _checked(fields, known)
    if errors:
        raise Invalid(errors)
    person = Person(organisation_id=organisation_id, **values)
    session.add(person)
    session.commit()
    return person


def import_people(session: Session, organisation_id: int, frame: pd.DataFrame) -> int:
    """Add every row or none; Invalid names each bad row."""
    known = {person.email for person in people(session, organisation_id)}
    rows, errors = [], {}
    for index, row in enumerate(frame.to_dict("records")):
        values, problems = _checked(row, known)
        if problems:
            errors[row_label(index)] = joined(problems.values())
        else:
            known.add(values["email"])
            rows.append(values)
    if errors:
        raise Invalid(errors)
    session.add_all(Person(organisation_id=organisation_id, **values) for values in rows)
    session.commit()
    return len(rows)


def _checked(fields: dict, known_emails: set[str]) -> tuple[dict, dict[str, str]]:
    values = {key: cell(fields, key) for key in ("name", "email", "unit", "role", "kind")}
    values["email"] = values["email"].lower()
    values["kind"] = values["kind"].lower() or "stakeholder"
    errors = too_long(Person, values)
    errors.update(unsafe_characters(values))
    if not values["name"]:
        errors["name"] = N_("Name is required.")
    if "@" not in values["email"] or " " in values["email"]:  # too long: said by too_long
        errors["email"] = N_("'%(email)s' is not an email address.", email=values["email"])
    elif values["email"] in known_emails:
        errors["email"] = N_("%(email)s is already on the list.", email=values["email"])
    if values["kind"] not in KINDS:
        errors["kind"] = N_("Kind must be %(kinds)s.", kinds=" or ".join(KINDS))
    raw_weight = cell(fields, "weight") or "1"
    try:
        weight = float(raw_weight.replace(",", "."))
        if not math.isfinite(weight) or weight <= 0:
            raise ValueError
        values["weight"] = weight
    except ValueError:
        errors["weight"] = N_("Weight '%(weight)s' must be a positive number.", weight=raw_weight)
    return values, errors
