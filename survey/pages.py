"""What pages of more than one blueprint share, so no blueprint imports another."""
from __future__ import annotations

from flask import abort, request

from survey import db
from survey.services import accounts

#: Wrong links (invitation tokens, public survey slugs) one address may try in the failure window
#: before being refused.
WRONG_TOKENS_ALLOWED = 20


def unknown_link(kind: str):
    """A link nobody was given: 404, and 429 once the address tried too many (``kind`` keeps each
    kind of link's count apart). Counted only on failure: a valid link costs nothing extra."""
    session = db.session()
    client = f"{kind}-ip:{request.remote_addr}"
    if accounts.too_many_failures(session, client, limit=WRONG_TOKENS_ALLOWED):
        abort(429)
    accounts.record_failure(session, client)
    abort(404)
