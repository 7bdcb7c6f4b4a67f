"""Reporting periods: how a period's code is ordered and named.

Codes are stored as text on measurements, ladders, findings and rounds. For now any text is a period,
ordered as text and named by its code; the organisation's calendar (years, semesters, quarters TW I-IV,
months, with labels in each language) is to come here, so every page asks this module.
"""
from __future__ import annotations


def sort_key(period: str):
    """A key that sorts periods in calendar order."""
    return str(period)


def ordered(periods) -> list[str]:
    """The periods in calendar order, each once."""
    return sorted(set(periods), key=sort_key)


def label(period: str, locale: str = "id") -> str:
    """The period as a person reads it in ``locale``."""
    return str(period)
