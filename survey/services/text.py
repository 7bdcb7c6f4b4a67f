"""Text a person typed, imported or sent to the API: characters that have no place in it are refused.

One check for every way in (forms, imports, the API), since they all end in the services.
"""
from __future__ import annotations

import re

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
