"""The one rule for an email address, the same for people, users, the API and the login form.

email_validator's syntax check without DNS (an import of hundreds of rows must not wait on
lookups, and an office's mail domain may not resolve from the server). Special-use domains
(.test, .local, .localhost, .invalid, ...) cannot receive mail and are refused everywhere, so an
account is never made for an address the login form would then refuse. Only ASCII local parts:
every SMTP server takes them (an international domain is kept in its ASCII form).
"""
from __future__ import annotations

from email_validator import EmailNotValidError, validate_email


def normal_email(text: str) -> str | None:
    """The address in the form it is stored and compared (lower case), or None when it is not one."""
    try:
        checked = validate_email(text.strip(), check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        return None
    return checked.ascii_email.lower()
