"""WTForms' own validator messages in our catalog: WTForms ships no Indonesian one.

Forms built on ``survey.forms.Form`` ask this for their translations instead of Flask-WTF's
(which looks only in WTForms' folder, domain "wtforms"); the messages below are the ones our fields
and validators can show, listed so that scripts/update_catalog.py extracts them.
"""
from __future__ import annotations

from flask_babel import gettext

from survey.services.errors import N_

MESSAGES = (
    N_("This field is required."), N_("Invalid input."), N_("Not a valid choice."),
    N_("Invalid Choice: could not coerce."), N_("Not a valid integer value."), N_("Not a valid float value."),
    N_("Not a valid decimal value."), N_("Not a valid datetime value."), N_("Not a valid date value."),
    N_("Invalid email address."), N_("Number must be at least %(min)s."), N_("Number must be at most %(max)s."),
    N_("Number must be between %(min)s and %(max)s."),
    N_("Field must be at least %(min)d character long."), N_("Field must be at least %(min)d characters long."),
    N_("Field cannot be longer than %(max)d character."), N_("Field cannot be longer than %(max)d characters."),
    N_("Field must be between %(min)d and %(max)d characters long."),
    N_("The CSRF token is missing."), N_("The CSRF token is invalid."), N_("The CSRF token has expired."),
    N_("The CSRF tokens do not match."),
)


class CatalogTranslations:
    """The gettext/ngettext pair WTForms calls, answered from the site's catalog in the page's language."""

    def gettext(self, text: str) -> str:
        return gettext(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)


CATALOG = CatalogTranslations()
