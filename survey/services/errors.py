"""The one error a service raises for bad input: messages per field or per row, nothing written.

Messages are English text marked with ``N_`` for the catalog; views show them with
``translated``, in the page's language. A message with values in it (a row number, a code)
keeps its template, so the template is translated and the values put back after.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from analysis.messages import InputError


class Message(str):
    """English text made of catalog templates and their values; ``parts`` keeps them for translation."""

    parts: tuple[tuple[str, dict], ...]

    def __new__(cls, parts: Iterable[tuple[str, dict]]):
        parts = tuple(parts)
        message = super().__new__(cls, " ".join(_filled(template, values) for template, values in parts))
        message.parts = parts
        return message

    def __getnewargs__(self):  # pickle and copy rebuild it from its parts, not from its text
        return (self.parts,)


def N_(message: str, **values) -> str:
    """Marks a message for the translation catalog, e.g. N_("Code %(code)s is used twice.", code=code)."""
    return Message([(message, values)]) if values else message


def joined(messages: Iterable[str]) -> str:
    """Several messages as one (a row's problems), each part still translatable."""
    return Message(part for message in messages for part in _parts(message))


def library_message(error: Exception) -> str:
    """A library's error as a message: translatable when it keeps its template (analysis' InputError)."""
    return Message([(error.template, error.values)]) if isinstance(error, InputError) else str(error)


def translated(message: str, gettext: Callable[[str], str]) -> str:
    """The message in the language ``gettext`` translates to (values that are messages too);
    text not in the catalog, such as a code or a library's error, stays as it is."""
    return " ".join(
        _filled(gettext(template) if template else template,
                {name: translated(value, gettext) if isinstance(value, Message) else value
                 for name, value in values.items()})
        for template, values in _parts(message))


def _parts(message: str) -> tuple[tuple[str, dict], ...]:
    """A message's (template, values) parts; plain text is one part with no values."""
    return getattr(message, "parts", ((message, {}),))


def _filled(template: str, values: dict) -> str:
    return template % values if values else template


class Invalid(ValueError):
    """Rejected input. ``errors`` maps a field name (or 'row N') to a readable message."""

    def __init__(self, errors: dict[str, str] | str):
        self.errors = errors if isinstance(errors, dict) else {"": errors}
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in self.errors.items()))


def too_long(model, values: dict) -> dict[str, str]:
    """Texts longer than their column holds (PostgreSQL refuses them, SQLite would keep them)."""
    errors = {}
    for name, value in values.items():
        column = model.__table__.columns.get(name)
        limit = getattr(column.type, "length", None) if column is not None else None
        if isinstance(value, str) and limit and len(value) > limit:
            errors[name] = N_("%(field)s: at most %(limit)s characters.",
                              field=name.replace("_", " ").capitalize(), limit=limit)
    return errors


class Stale(Exception):
    """A page shown before answers on it were saved from another window (a second tab), and posted with
    different answers: nothing of it is stored, so neither window's answers are replaced unseen.
    ``saved``: {field name: the answer saved meanwhile} for each answer the page would replace;
    ``revision``: the page's revision now, which the form carries when the person saves it again on purpose."""

    def __init__(self, saved: dict[str, object], revision: int):
        self.saved, self.revision = saved, revision
        super().__init__(f"saved from another window meanwhile: {', '.join(saved)}")
