"""What the Perjanjian Kinerja needs besides the scorecard: who signs it (per organisation) and each year's
programmes with their budget (anggaran, rupiah) and the objectives (sasaran) they serve.

PermenPANRB 53/2014 (Lampiran I, as the Kemendag SAKIP guide implementing it prints the format): a statement
signed by the unit's head and the superior, and an annex No | Program | Anggaran (Rp) beside the targets.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Element, Organisation, Programme, ScorecardVersion
from survey.services.errors import N_, Invalid, Message, joined, too_long
from survey.services.numbers import NumberError, read_cell
from survey.services.tables import cell, row_label
from survey.services.text import line_breaks, unsafe_characters
from survey.services.transactions import in_unit_of_work

PARTIES = ("first", "second")
PROGRAMME_COLUMNS = ("code", "name", "budget", "objectives", "realisation")
#: A civil servant's NIP (Nomor Induk Pegawai) is 18 digits; offices often write it in groups with spaces.
NIP = re.compile(r"^\d{18}$")
#: The largest budget accepted: a rupiah amount stays exact below 2**53 (a float), far above any office's.
LARGEST_BUDGET = 1e15
MAX_TEXT = 200


@dataclass(frozen=True)
class Signatory:
    name: str = ""
    position: str = ""
    nip: str = ""


@dataclass(frozen=True)
class Signing:
    """Who signs the Perjanjian Kinerja: the unit's head (first) and the superior (second), and where."""
    place: str = ""
    first: Signatory = Signatory()
    second: Signatory = Signatory()

    @property
    def complete(self) -> bool:
        return all(party.name and party.position for party in (self.first, self.second))


@dataclass(frozen=True)
class ProgrammeLine:
    code: str
    name: str
    budget: float | None
    objectives: tuple[str, ...]  # objective codes, in the scorecard's order
    realisation: float | None = None  # rupiah spent (realisasi anggaran)

    @property
    def absorbed(self) -> float | None:
        """Realisation / budget x 100: the share of the budget spent (penyerapan anggaran)."""
        return self.realisation / self.budget * 100 if self.realisation is not None and self.budget else None


def signing(organisation: Organisation) -> Signing:
    stored = organisation.pk_signatories or {}
    return Signing(place=stored.get("place", ""),
                   **{party: Signatory(**{k: stored.get(party, {}).get(k, "") for k in ("name", "position", "nip")})
                      for party in PARTIES})


@in_unit_of_work
def set_signing(session: Session, organisation_id: int, *, place: str, first: dict, second: dict) -> Signing:
    """Both signatories need a name and a position; a NIP is optional (18 digits, spaces allowed)."""
    errors, kept = {}, {"place": " ".join(str(place or "").split())}
    texts = {"place": kept["place"]}
    for party, given in (("first", first), ("second", second)):
        values = {key: " ".join(str(given.get(key) or "").split()) for key in ("name", "position", "nip")}
        values["nip"] = values["nip"].replace(" ", "")
        for key in ("name", "position"):
            if not values[key]:
                errors[f"{party}_{key}"] = N_("Give the %(who)s's %(what)s.", who=PARTY_NAMES[party],
                                              what=FIELD_NAMES[key])
        if values["nip"] and not NIP.match(values["nip"]):
            errors[f"{party}_nip"] = N_("A NIP is 18 digits; '%(nip)s' is not.", nip=values["nip"])
        texts.update({f"{party}_{key}": value for key, value in values.items()})
        kept[party] = values
    for name, value in texts.items():
        if len(value) > MAX_TEXT:
            errors[name] = N_("%(field)s: at most %(limit)s characters.", field=name.replace("_", " ").capitalize(),
                              limit=MAX_TEXT)
    errors.update(unsafe_characters(texts))
    if errors:
        raise Invalid(errors)
    organisation = session.get(Organisation, organisation_id)
    organisation.pk_signatories = kept  # a new dict: the JSON column sees the change
    return signing(organisation)


#: Words put inside a message: Messages, so that the message's translation translates them too.
PARTY_NAMES = {"first": Message([(N_("unit's head (first signatory)"), {})]),
               "second": Message([(N_("superior (second signatory)"), {})])}
FIELD_NAMES = {"name": Message([(N_("name"), {})]), "position": Message([(N_("position"), {})])}


def objectives(session: Session, version: ScorecardVersion) -> dict[str, Element]:
    return {e.code: e for e in session.scalars(select(Element).where(
        Element.version_id == version.id, Element.kind == "objective").order_by(Element.position, Element.id))}


def programmes(session: Session, version: ScorecardVersion) -> list[ProgrammeLine]:
    rows = session.scalars(select(Programme).where(Programme.version_id == version.id)
                           .order_by(Programme.position, Programme.id))
    return [ProgrammeLine(p.code, p.name, p.budget, tuple(e.code for e in p.objectives), p.realisation) for p in rows]


def _objective_codes(text: str) -> list[str]:
    """Codes written apart by commas, semicolons or spaces: 'C1, C2' or 'C1;C2'."""
    return [code for code in re.split(r"[,;\s]+", text) if code]


def _budget(raw, number_format: str, name: str = N_("budget")) -> tuple[float | None, str | None]:
    """A rupiah amount, written "Rp 1.234.567" as the office prints it or as a plain number."""
    if isinstance(raw, str):
        raw = re.sub(r"^rp\.?\s*", "", raw.strip(), flags=re.IGNORECASE)
    try:
        value = read_cell(raw, number_format, LARGEST_BUDGET)
    except NumberError as error:
        return None, N_("%(name)s: %(problem)s", name=Message([(name, {})]), problem=error.message)
    except (TypeError, ValueError):
        return None, N_("Budget '%(value)s' is not a number.", value=raw)
    if value is not None and (not math.isfinite(value) or value < 0):
        return None, N_("A budget is a rupiah amount of 0 or more.")
    return value, None


def _checked_row(row: dict, known: dict[str, Element], number_format: str) -> tuple[dict, list[str]]:
    values = {"code": cell(row, "code"), "name": " ".join(cell(row, "name").split())}
    problems = []
    if not values["code"]:
        problems.append(N_("Give the programme's code."))
    if not values["name"]:
        problems.append(N_("Give the programme's name."))
    problems += list(too_long(Programme, values).values()) + list(unsafe_characters(values).values())
    problems += list(line_breaks(values).values())
    values["budget"], problem = _budget(row.get("budget", ""), number_format)
    if problem:
        problems.append(problem)
    if "realisation" in row:  # a file without the column keeps the realisation entered
        values["realisation"], problem = _budget(row["realisation"], number_format, N_("realisation"))
        if problem:
            problems.append(problem)
    codes = _objective_codes(cell(row, "objectives"))
    unknown = [code for code in codes if code not in known]
    if unknown:
        problems.append(N_("'%(codes)s' is not an objective (sasaran) code of this scorecard.",
                           codes=", ".join(unknown)))
    values["objectives"] = [known[code] for code in dict.fromkeys(codes) if code in known]
    return values, problems


@in_unit_of_work
def save_programme(session: Session, version: ScorecardVersion, *, code: str, name: str, budget,
                   objective_codes: str = "", number_format: str = "id", realisation="") -> ProgrammeLine:
    """One programme from HR's form (a code already there is changed); nothing written if anything is wrong."""
    _import(session, version, [{"code": code, "name": name, "budget": budget, "objectives": objective_codes,
                                "realisation": realisation}], number_format, single=True)
    return next(p for p in programmes(session, version) if p.code == str(code).strip())


@in_unit_of_work
def delete_programme(session: Session, version: ScorecardVersion, code: str) -> None:
    found = session.scalar(select(Programme).where(Programme.version_id == version.id, Programme.code == code))
    if found is None:
        raise Invalid({"code": N_("'%(code)s' is not a programme of this scorecard.", code=code)})
    found.objectives = []
    session.delete(found)


@in_unit_of_work
def import_programmes(session: Session, version: ScorecardVersion, frame: pd.DataFrame,
                      number_format: str = "id") -> int:
    """Rows of code, name, budget, objectives (codes apart by commas); a code already there is updated, a new
    one added after the others; all or nothing; a blank budget or realisation keeps the stored one. Numbers written
    as text read as ``number_format`` writes them."""
    return _import(session, version, frame.to_dict("records"), number_format)


def _import(session: Session, version: ScorecardVersion, rows: list[dict], number_format: str,
            single: bool = False) -> int:
    known = objectives(session, version)
    stored = {p.code: p for p in session.scalars(select(Programme).where(Programme.version_id == version.id))}
    errors, checked, seen = {}, [], set()
    for index, row in enumerate(rows):
        values, problems = _checked_row(row, known, number_format)
        if values["code"] in seen:
            problems.append(N_("Programme code %(code)s is used twice.", code=values["code"]))
        seen.add(values["code"])
        if problems:
            errors["" if single else row_label(index)] = joined(problems)
        checked.append(values)
    if errors:
        raise Invalid(errors)
    position = max((p.position for p in stored.values()), default=-1) + 1
    for values in checked:
        programme = stored.get(values["code"])
        if programme is None:
            programme = Programme(organisation_id=version.organisation_id, version_id=version.id,
                                  code=values["code"], position=position)
            position += 1
            session.add(programme)
        programme.name, programme.objectives = values["name"], values["objectives"]
        for amount in ("budget", "realisation"):  # a blank amount keeps the one stored: blank means unchanged
            if values.get(amount) is not None:
                setattr(programme, amount, values[amount])
    session.flush()
    return len(checked)


def export_programmes(session: Session, version: ScorecardVersion) -> pd.DataFrame:
    """The programmes as import_programmes reads them back."""
    return pd.DataFrame([{"code": p.code, "name": p.name, "budget": p.budget if p.budget is not None else "",
                          "objectives": ", ".join(p.objectives),
                          "realisation": p.realisation if p.realisation is not None else ""}
                         for p in programmes(session, version)],
                        columns=list(PROGRAMME_COLUMNS))
