"""An organisation's predikat bands and traffic-light thresholds: what its reports call good and bad.

Offices differ (analysis.predikat.PRESETS); until HR chooses, the LKjIP district preset and lights at
red below level 4, yellow below 8.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from analysis.messages import InputError
from analysis.predikat import DEFAULT_PRESET, MAX_BANDS, PRESETS, Band, checked_bands
from analysis.scoring import LIGHT_THRESHOLDS
from survey.models import Organisation
from survey.services.errors import N_, Invalid, library_message
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work

MAX_LABEL = 40


def bands_of(organisation: Organisation) -> tuple[Band, ...]:
    """The organisation's bands, best first (the default preset until HR sets them)."""
    if not organisation.predikat_bands:
        return PRESETS[DEFAULT_PRESET]
    return tuple(Band(float(b["lower"]), b["label_id"], b["label_en"]) for b in organisation.predikat_bands)


def thresholds_of(organisation: Organisation) -> tuple[float, float]:
    """Traffic lights: red below the first level, yellow below the second."""
    red, yellow = organisation.light_red_below, organisation.light_yellow_below
    return (LIGHT_THRESHOLDS[0] if red is None else red, LIGHT_THRESHOLDS[1] if yellow is None else yellow)


@in_unit_of_work
def set_bands(session: Session, organisation_id: int, rows: Sequence[tuple[float | None, str, str]]) -> Organisation:
    """Bands from rows (lower bound, Indonesian label, English label) best first; empty rows are skipped."""
    rows = [(lower, (label_id or "").strip(), (label_en or "").strip()) for lower, label_id, label_en in rows
            if lower is not None or (label_id or "").strip() or (label_en or "").strip()]
    for lower, label_id, label_en in rows:
        refuse_unsafe_characters(label_id=label_id, label_en=label_en)
        if lower is None:
            raise Invalid({"bands": N_("Give the lower bound of %(label)s.", label=label_id or label_en)})
        if max(len(label_id), len(label_en)) > MAX_LABEL:
            raise Invalid({"bands": N_("A predikat's name has at most %(most)s characters.", most=MAX_LABEL)})
    try:
        bands = checked_bands([Band(float(lower), label_id, label_en) for lower, label_id, label_en in rows])
    except InputError as error:
        raise Invalid({"bands": library_message(error)}) from None
    organisation = session.get(Organisation, organisation_id)
    organisation.predikat_bands = [{"lower": b.lower, "label_id": b.label_id, "label_en": b.label_en} for b in bands]
    return organisation


def use_preset(session: Session, organisation_id: int, name: str) -> Organisation:
    if name not in PRESETS:
        raise Invalid({"preset": N_("Choose one of the presets.")})
    return set_bands(session, organisation_id, [(b.lower, b.label_id, b.label_en) for b in PRESETS[name]])


@in_unit_of_work
def set_lights(session: Session, organisation_id: int, red_below: float, yellow_below: float) -> Organisation:
    """Lights on the 0-10 levels: red below ``red_below``, yellow below ``yellow_below``, green from there."""
    if not 0 < red_below < yellow_below <= 10:
        raise Invalid({"yellow_below": N_("Red must end below yellow, both between 0 and 10, e.g. 4 and 8.")})
    organisation = session.get(Organisation, organisation_id)
    organisation.light_red_below, organisation.light_yellow_below = red_below, yellow_below
    return organisation


__all__ = ["MAX_BANDS", "bands_of", "set_bands", "set_lights", "thresholds_of", "use_preset"]
