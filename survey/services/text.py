"""Text a person typed, imported or sent to the API: characters that have no place in it are refused.

One check for every way in (forms, imports, the API), since they all end in the services; and a line
break in a one-line text (a name, a title: every String column) is refused when it is saved, whoever
saves it, since it ends up in mail subjects and lines of mail bodies.
"""
from __future__ import annotations

import re

from sqlalchemy import String, Text, inspect
from sqlalchemy.orm import Session

from survey.services.errors import N_, Invalid

#: C0 controls but tab, line feed and carriage return (NUL is refused by PostgreSQL, and truncates text
#: elsewhere); DEL and the C1 controls; bidirectional embeddings, overrides and isolates, which make a
#: name display as another (CVE-2021-42574, "Trojan Source").
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unsafe_characters(values: dict) -> dict[str, str]:
    """The texts among ``values`` that hold such a character, with a message naming it."""
    errors = {}
    for name, value in values.items():
        found = UNSAFE.search(value) if isinstance(value, str) else None
        if found:
            errors[name] = N_("%(field)s holds an invisible control character (%(character)s); remove it.",
                              field=name.replace("_", " ").capitalize(), character=f"U+{ord(found.group()):04X}")
    return errors


def refuse_unsafe_characters(**values) -> None:
    """Invalid, naming each field, when any of the texts holds such a character."""
    errors = unsafe_characters(values)
    if errors:
        raise Invalid(errors)


#: Line breaks: CR and LF (which break a mail header and start a line of a mail body), NEL (refused above
#: as a C1 control), and Unicode's line and paragraph separators.
LINE_BREAK = re.compile("[\r\n\u2028\u2029]")


def _field(name: str) -> str:
    return name.replace("_", " ").capitalize()


def line_breaks(values: dict) -> dict[str, str]:
    """The texts among ``values`` that hold a line break, with a message: these are one-line texts."""
    return {name: N_("%(field)s must be one line: remove the line break.", field=_field(name))
            for name, value in values.items() if isinstance(value, str) and LINE_BREAK.search(value)}


def refuse_line_breaks(**values) -> None:
    """Invalid, naming each field, when any of these one-line texts holds a line break."""
    errors = line_breaks(values)
    if errors:
        raise Invalid(errors)


def refuse_line_breaks_in_flush(session: Session, _context, _instances) -> None:
    """Before a flush: Invalid when a new or changed one-line column (String, not Text) holds a line break.
    Only what changes is checked, so a row saved before this rule can still be closed or edited elsewhere."""
    found = {}
    for row in (*session.new, *session.dirty):
        state = inspect(row)
        for column in state.mapper.columns:
            if not isinstance(column.type, String) or isinstance(column.type, Text):
                continue
            attribute = state.mapper.get_property_by_column(column).key
            if row in session.dirty and not state.attrs[attribute].history.has_changes():
                continue
            found.update(line_breaks({attribute: getattr(row, attribute)}))
    if found:
        raise Invalid(found)
