"""Stakeholders and employees: added one by one or imported from a table."""
from __future__ import annotations

import math

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Person
from survey.services.addresses import normal_email
from survey.services.errors import N_, Invalid, joined, too_long
from survey.services.numbers import NumberError, read_cell
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


def import_people(session: Session, organisation_id: int, frame: pd.DataFrame, number_format: str = "id") -> int:
    """Add every row or none; Invalid names each bad row. Weights written as text are read as
    ``number_format`` (id or en) writes numbers."""
    count = add_people(session, organisation_id, frame, number_format)
    session.commit()
    return count


def add_people(session: Session, organisation_id: int, frame: pd.DataFrame, number_format: str = "id") -> int:
    """``import_people`` without the commit, for a caller that writes more in the same transaction."""
    known = {person.email for person in people(session, organisation_id)}
    rows, errors = [], {}
    for index, row in enumerate(frame.to_dict("records")):
        values, problems = _checked(row, known, number_format)
        if problems:
            errors[row_label(index)] = joined(problems.values())
        else:
            known.add(values["email"])
            rows.append(values)
    if errors:
        raise Invalid(errors)
    session.add_all(Person(organisation_id=organisation_id, **values) for values in rows)
    session.flush()
    return len(rows)


def _checked(fields: dict, known_emails: set[str], number_format: str = "id") -> tuple[dict, dict[str, str]]:
    values = {key: cell(fields, key) for key in ("name", "email", "unit", "role", "kind")}
    email = normal_email(values["email"])
    values["email"] = email or values["email"].lower()
    values["kind"] = values["kind"].lower() or "stakeholder"
    errors = too_long(Person, values)
    errors.update(unsafe_characters(values))
    if not values["name"]:
        errors["name"] = N_("Name is required.")
    if "email" in errors:
        pass  # too long: said by too_long
    elif email is None:
        errors["email"] = N_("'%(email)s' is not an email address.", email=values["email"])
    elif values["email"] in known_emails:
        errors["email"] = N_("%(email)s is already on the list.", email=values["email"])
    if values["kind"] not in KINDS:
        errors["kind"] = N_("Kind must be %(kinds)s.", kinds=" or ".join(KINDS))
    raw_weight = fields.get("weight")
    try:
        weight = read_cell(raw_weight, number_format)
        weight = 1.0 if weight is None else weight
        if not math.isfinite(weight) or weight <= 0:
            raise ValueError
        values["weight"] = weight
    except NumberError as error:
        errors["weight"] = N_("Weight: %(problem)s", problem=error.message)
    except ValueError:
        errors["weight"] = N_("Weight '%(weight)s' must be a positive number.", weight=cell(fields, "weight"))
    return values, errors
