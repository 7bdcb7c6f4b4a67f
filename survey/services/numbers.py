"""Numbers typed by people, read strictly in the page's language, and shown back the same way.

Indonesian writes 1.250.000,5 and English 1,250,000.5. A number that does not fit the language's
grouping is refused with an example, never read another way: "95.5" on an Indonesian page could be
955 or 95,5, so it is neither. Forms read them with forms.NumberField, imports with read_cell.

Every number the site stores has a bound (issue 24): a number past it is refused with the bound,
never stored to break the pages that show it.
"""
from __future__ import annotations

import decimal
import math
import re

import numpy as np

from babel.numbers import NumberFormatError, get_decimal_symbol, parse_decimal

from survey.render.numbers import format_number
from survey.services.errors import N_

#: Only digits, the language's separators, a sign and spaces: no e-notation, no "NaN" or "inf".
_NUMBER_CHARACTERS = re.compile(r"^[+-]?[\d.,\s\u00a0\u202f]+$")
#: An example of the form a language writes numbers in, for messages.
EXAMPLE = 1250000.5
#: The languages imports may declare their numbers in, with the form each writes.
NUMBER_FORMATS = ("id", "en")
#: The largest magnitude of a stored number: a measurement, target, ladder anchor, formula input,
#: rupiah amount or answer to a number question. A float keeps every whole number exactly only up to
#: 2**53 (about 9e15); 1e15 rupiah (1.000 triliun) is more than any office's budget.
LARGEST = 1e15
#: The largest weight (a person's in group judgments, an element's given weight): weights count
#: only relative to each other, and a million to one already silences every other weight.
LARGEST_WEIGHT = 1e6
#: Characters of a typed number read at most: 1e15 written with grouping and six decimals is 28.
LONGEST = 60


class NumberError(ValueError):
    """A typed number that does not fit the language; ``message`` is translatable (services.errors.N_)."""

    def __init__(self, message: str):
        super().__init__(str(message))
        self.message = message


def parse_number(text: str, locale: str, largest: float = LARGEST) -> float:
    """The number ``text`` means in ``locale`` (id or en), at most ``largest`` either side of zero;
    NumberError when it does not fit that language or that bound."""
    cleaned = str(text).strip()
    example = format_number(EXAMPLE, "measure", locale)
    if len(cleaned) > LONGEST:
        raise NumberError(N_("%(text)s… is too long for a number.", text=cleaned[:20]))
    if not cleaned or not _NUMBER_CHARACTERS.match(cleaned):
        raise NumberError(N_("%(text)s is not a number. Write numbers like %(example)s.", text=cleaned or "''",
                             example=example))
    try:
        # Babel checks the grouping by writing the number again, within Python's default 28 digits:
        # 1.000.000.000.000.000.000.000.000.000 raised InvalidOperation there (issue 24)
        with decimal.localcontext(decimal.Context(prec=2 * LONGEST)):
            value = float(parse_decimal(cleaned.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", ""),
                                        locale=locale, strict=True))
    except decimal.DecimalException:
        raise NumberError(N_("%(text)s is not a number. Write numbers like %(example)s.", text=cleaned,
                             example=example)) from None
    except NumberFormatError as error:
        suggestion = _decimal_suggestion(error, locale)
        if suggestion:
            raise NumberError(N_("%(text)s does not fit how numbers are written here (%(example)s): did you mean "
                                 "%(suggestion)s?", text=cleaned, example=example, suggestion=suggestion)) from None
        raise NumberError(N_("%(text)s does not fit how numbers are written here. Write numbers like %(example)s.",
                             text=cleaned, example=example)) from None
    return within(value, largest, locale, cleaned)


def within(value: float, largest: float, locale: str, text: str | None = None) -> float:
    """``value`` when it is a finite number at most ``largest`` either side of zero; else NumberError
    naming the bound (``text``: the number as it was written, for the message)."""
    if math.isfinite(value) and abs(value) <= largest:
        return value
    written = text if text is not None else format_number(value, "exact", locale)
    bound = format_number(largest, "exact", locale)
    if value < 0:
        raise NumberError(N_("%(text)s is too small: at least -%(largest)s.", text=written, largest=bound))
    raise NumberError(N_("%(text)s is too large: at most %(largest)s.", text=written, largest=bound))


def read_cell(value, locale: str, largest: float = LARGEST) -> float | None:
    """An imported cell as a number: spreadsheet numbers as they are, text read in ``locale``, either at most
    ``largest`` either side of zero; empty (None, '' or the NaN pandas fills a missing cell with) is None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return within(float(value), largest, locale)
        except OverflowError:  # a whole number past any float, such as JSON's 1 followed by 400 zeros
            return within(math.inf if value > 0 else -math.inf, largest, locale)
    text = str(value).strip()
    return None if not text else parse_number(text, locale, largest)


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
