"""The one error a service raises for bad input: messages per field or per row, nothing written."""
from __future__ import annotations


def N_(message: str) -> str:
    """Marks a fixed message for the translation catalog; views translate it when they show it."""
    return message


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
            errors[name] = f"{name.replace('_', ' ').capitalize()}: at most {limit} characters."
    return errors
