"""Weights given by HR or by a decree, instead of a survey round: published to a version as a round's are.

Either local weights per cluster (any positive numbers, normalised among siblings: 40/30/30 or
0.4/0.3/0.3) or global weights per KPI (normalised over the KPIs; an objective weighs the sum of its
KPIs). The numbers as given are kept on the elements, and the version says the weights were given,
by whom, when, and on what authority (the note, e.g. the decree's number).
"""
from __future__ import annotations

import math

from sqlalchemy.orm import Session

from survey.models import ScorecardVersion, utcnow
from survey.services import audit
from survey.services.errors import N_, Invalid
from survey.services.numbers import LARGEST_WEIGHT
from survey.services.elements import hierarchy
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work

LEVELS = ("local", "global")
NOTE_LENGTH = 300


@in_unit_of_work
def publish_given_weights(session: Session, version: ScorecardVersion, given: dict[str, float], *,
                          level: str = "local", note: str = "", by: str = "", decimals: int | None = None) -> None:
    """Check ``{element code: weight}`` and write the local and global weights; all or nothing.

    ``decimals`` rounds the published global weights, as some decrees print them (SAMSAT 2010: two).
    """
    apply_given_weights(session, version, given, level=level, note=note, by=by, decimals=decimals)


def apply_given_weights(session: Session, version: ScorecardVersion, given: dict[str, float], *,
                        level: str = "local", note: str = "", by: str = "", decimals: int | None = None) -> None:
    """``publish_given_weights`` without the commit, for an import that writes its elements in the same
    transaction; Invalid keys each weight's problem ``w_<code>``."""
    refuse_unsafe_characters(note=note)
    session.flush()
    tree, by_id = hierarchy(session, version.id)
    by_code = {element.code: element for element in by_id.values()}
    errors = _problems(tree, by_id, by_code, given, level, note, decimals)
    if errors:
        raise Invalid(errors)
    keyed = {by_code[code].id: value for code, value in given.items()}
    local = tree.local_from_given(keyed) if level == "local" else tree.local_from_leaves(keyed)
    global_weights = tree.global_weights(local)
    for key, local_weight, global_weight in zip(tree.keys, local, global_weights):
        element = by_id[key]
        element.given_weight = given.get(element.code)
        element.local_weight = float(local_weight)
        element.global_weight = float(global_weight) if decimals is None else round(float(global_weight), decimals)
    version.weights_round_id, version.weights_respondents = None, None
    version.weights_source, version.weights_note = "given", note.strip()
    version.weights_published_by, version.weights_published_at = by, utcnow()
    audit.record(session, version.organisation_id, by, "weights_given", f"{version.scorecard.name} {version.label}",
                 {"level": level, "note": note.strip(), "decimals": decimals})


def _problems(tree, by_id, by_code, given, level, note, decimals) -> dict[str, str]:
    errors = {}
    if level not in LEVELS:
        errors["level"] = N_("Give local weights per cluster or global weights per KPI.")
    if len(note.strip()) > NOTE_LENGTH:
        errors["note"] = N_("At most %(limit)d characters.", limit=NOTE_LENGTH)
    if decimals is not None and not 1 <= decimals <= 6:
        errors["decimals"] = N_("Round published weights to 1-6 decimals, or leave empty for exact weights.")
    if not by_id:
        errors[""] = N_("This version has no elements to weight yet.")
    for code, value in given.items():
        if code not in by_code:
            errors[f"w_{code}"] = N_("%(code)s is not an element of this version.", code=code)
        elif not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            errors[f"w_{code}"] = N_("A weight is a number above 0.")
        elif value > LARGEST_WEIGHT:
            errors[f"w_{code}"] = N_("A weight is at most %(largest)d.", largest=int(LARGEST_WEIGHT))
    if errors or level not in LEVELS:
        return errors
    leaves = set(tree.leaves())
    if level == "global":
        needed = [by_id[key] for key in tree.keys if key in leaves]
        errors.update({f"w_{element.code}": N_("Give this KPI a weight.") for element in needed
                       if element.code not in given})
        errors.update({f"w_{code}": N_("Global weights are given to KPIs only.") for code in given
                       if by_code[code].id not in leaves})
    else:
        siblings = [members for members in tree.clusters().values() if len(members) > 1]
        errors.update({f"w_{by_id[key].code}": N_("Give this element a weight: it shares its cluster.")
                       for members in siblings for key in members if by_id[key].code not in given})
    return errors
