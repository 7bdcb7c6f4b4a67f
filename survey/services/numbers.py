"""Numbers typed by people, read strictly in the page's language, and shown back the same way.

Indonesian writes 1.250.000,5 and English 1,250,000.5. A number that does not fit the language's
grouping is refused with an example, never read another way: "95.5" on an Indonesian page could be
955 or 95,5, so it is neither. Forms read them with forms.NumberField, imports with read_cell.
"""
from __future__ import annotations

import math
import re

import numpy as np

from babel.numbers import NumberFormatError, get_decimal_symbol, parse_decimal

from analysis.formatting import format_number
from survey.services.errors import N_

#: Only digits, the language's separators, a sign and spaces: no e-notation, no "NaN" or "inf".
_NUMBER_CHARACTERS = re.compile(r"^[+-]?[\d.,\s\u00a0\u202f]+$")
#: An example of the form a language writes numbers in, for messages.
EXAMPLE = 1250000.5
#: The languages imports may declare their numbers in, with the form each writes.
NUMBER_FORMATS = ("id", "en")


class NumberError(ValueError):
    """A typed number that does not fit the language; ``message`` is translatable (services.errors.N_)."""

    def __init__(self, message: str):
        super().__init__(str(message))
        self.message = message


def parse_number(text: str, locale: str) -> float:
    """The number ``text`` means in ``locale`` (id or en); NumberError when it does not fit that language."""
    cleaned = str(text).strip()
    example = format_number(EXAMPLE, "measure", locale)
    if not cleaned or not _NUMBER_CHARACTERS.match(cleaned):
        raise NumberError(N_("%(text)s is not a number. Write numbers like %(example)s.", text=cleaned or "''",
                             example=example))
    try:
        value = float(parse_decimal(cleaned.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", ""),
                                    locale=locale, strict=True))
    except NumberFormatError as error:
        suggestion = _decimal_suggestion(error, locale)
        if suggestion:
            raise NumberError(N_("%(text)s does not fit how numbers are written here (%(example)s): did you mean "
                                 "%(suggestion)s?", text=cleaned, example=example, suggestion=suggestion)) from None
        raise NumberError(N_("%(text)s does not fit how numbers are written here. Write numbers like %(example)s.",
                             text=cleaned, example=example)) from None
    if not math.isfinite(value):
        raise NumberError(N_("%(text)s is too large.", text=cleaned))
    return value


def read_cell(value, locale: str) -> float | None:
    """An imported cell as a number: spreadsheet numbers as they are, text read in ``locale``; empty is None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    return None if not text else parse_number(text, locale)


def _decimal_suggestion(error: NumberFormatError, locale: str) -> str | None:
    """Babel's suggestion that keeps a decimal part (95,5 rather than 955), the likelier meaning."""
    suggestions = getattr(error, "suggestions", None) or []
    decimal = get_decimal_symbol(locale)
    return next((s for s in suggestions if decimal in s), suggestions[0] if suggestions else None)


def exact_text(value: float, locale: str) -> str:
    """A stored number written for ``locale`` without rounding or grouping (1250000,5 / 1250000.5), as an
    export writes it for the import to read back the same float."""
    text = np.format_float_positional(float(value), trim="-")
    return text.replace(".", get_decimal_symbol(locale)) if locale != "en" else text
