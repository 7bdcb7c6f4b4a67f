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
