"""The one rule for a phone number: read as written in Indonesia, kept in international form.

"0812-3456-7890", "+62 812 3456 7890" and "6281234567890" are one number, stored as "+6281234567890"
(E.164), which is what a wa.me link needs (its digits). A number with another country code is kept as
written for that country. Checked with Google's libphonenumber metadata (phonenumberslite): lengths
and prefixes of each country's plan, so a digit too few or too many is refused, not stored.
"""
from __future__ import annotations

import phonenumbers

#: Numbers without a country code are read as Indonesian ones (0812... -> +62812...).
HOME_REGION = "ID"
#: E.164 allows 15 digits; with the "+" and room for a mistyped space this holds any valid number.
MAX_TEXT = 40


def normal_phone(text: str) -> str | None:
    """The number in international form (+6281234567890), or None when it is not a valid number."""
    text = (text or "").strip()
    if not text or len(text) > MAX_TEXT or any(letter.isalpha() for letter in text):
        return None
    try:
        number = phonenumbers.parse(text, HOME_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def whatsapp_digits(phone: str) -> str:
    """The digits wa.me takes in its path: the international number without "+"."""
    return "".join(ch for ch in phone if ch.isdigit())
