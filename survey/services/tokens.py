"""Invitation link tokens: 192 random-looking bits, only their SHA-256 stored.

token = HMAC-SHA256(SECRET_KEY, nonce). The database keeps the nonce and the
token's hash: a copy of the database alone yields no working link, while the
site can rebuild a link for a reminder. Rotating SECRET_KEY retires all links.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets


def new_nonce() -> str:
    return secrets.token_hex(16)


def token_for(secret_key: str, nonce: str, purpose: str = "invitation") -> str:
    """``purpose`` keeps a survey link's token and a set-password link's token apart for the same nonce."""
    digest = hmac.new(secret_key.encode(), f"{purpose}:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link(invitation, *, secret_key: str, base_url: str) -> str:
    """The invitation's working link: made when needed (an email being sent, HR's page), never stored."""
    return f"{base_url.rstrip('/')}/r/{token_for(secret_key, invitation.token_nonce)}"


def password_link(token_nonce: str, *, secret_key: str, base_url: str) -> str:
    """A set-password link (survey.services.users): made when its email is sent, never stored."""
    return f"{base_url.rstrip('/')}/password/{token_for(secret_key, token_nonce, 'password')}"
