"""Per-organisation API tokens: shown once when made, stored as SHA-256, revocable."""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import ApiToken, utcnow
from survey.services import audit
from survey.services.errors import N_, Invalid
from survey.services.text import refuse_unsafe_characters

PREFIX = "nrc_"


def create_token(session: Session, organisation_id: int, name: str, actor: str = "system") -> tuple[ApiToken, str]:
    if not name.strip():
        raise Invalid({"name": N_("Name the token after the system that will use it.")})
    refuse_unsafe_characters(name=name)
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(organisation_id=organisation_id, name=name.strip()[:200], token_hash=_hash(raw))
    session.add(token)
    audit.record(session, organisation_id, actor, "api_token_created", token.name)
    session.commit()
    return token, raw


def authenticate(session: Session, raw: str) -> ApiToken | None:
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(raw)))
    return token if token is not None and token.revoked_at is None else None


def tokens(session: Session, organisation_id: int) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.organisation_id == organisation_id)
                                .order_by(ApiToken.id)))


def revoke(session: Session, organisation_id: int, token_id: int, actor: str = "system") -> None:
    token = session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.organisation_id == organisation_id))
    if token is None:
        raise Invalid({"": N_("No such token.")})
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, organisation_id, actor, "api_token_revoked", token.name)
    session.commit()


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
