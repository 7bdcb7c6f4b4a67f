"""Per-organisation API tokens: shown once when made, stored as SHA-256, revocable."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import ApiToken, User, utcnow
from survey.services import audit
from survey.services.errors import N_, Invalid
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work

PREFIX = "nrc_"


@in_unit_of_work
def create_token(session: Session, organisation_id: int, name: str, actor: str = "system",
                 created_by: int | None = None) -> tuple[ApiToken, str]:
    """A new token and its raw value (shown once); ``created_by`` is the maker's user id: the token
    works while that user is active."""
    if not name.strip():
        raise Invalid({"name": N_("Name the token after the system that will use it.")})
    refuse_unsafe_characters(name=name)
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(organisation_id=organisation_id, name=name.strip()[:200], token_hash=_hash(raw),
                     created_by_id=created_by)
    session.add(token)
    audit.record(session, organisation_id, actor, "api_token_created", token.name)
    return token, raw


def authenticate(session: Session, raw: str) -> ApiToken | None:
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(raw)))
    if token is None or token.revoked_at is not None:
        return None
    if token.created_by_id is not None:
        maker = session.get(User, token.created_by_id)
        if maker is None or not maker.is_active:  # its maker was removed or disabled
            return None
    return token


def revoke_made_by(session: Session, user: User, now: datetime, actor: str) -> None:
    """Revoke the tokens ``user`` made (they are being disabled): enabling them again does not bring the
    tokens back. The caller commits."""
    made = session.scalars(select(ApiToken).where(ApiToken.created_by_id == user.id, ApiToken.revoked_at.is_(None)))
    for token in made:
        token.revoked_at = now
        audit.record(session, token.organisation_id, actor, "api_token_revoked", token.name,
                     {"maker disabled": user.email})


def tokens(session: Session, organisation_id: int) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.organisation_id == organisation_id)
                                .order_by(ApiToken.id)))


@in_unit_of_work
def revoke(session: Session, organisation_id: int, token_id: int, actor: str = "system") -> None:
    token = session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.organisation_id == organisation_id))
    if token is None:
        raise Invalid({"": N_("No such token.")})
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, organisation_id, actor, "api_token_revoked", token.name)


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
