"""Organisations, users, sign-in with a database-backed rate limit."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from survey.models import ROLES, LoginAttempt, Organisation, User, utcnow
from survey.services.addresses import normal_email
from survey.services.errors import N_, Invalid

#: Failed attempts per key allowed within the window before further tries are refused.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


def create_organisation(session: Session, name: str) -> Organisation:
    if not name.strip():
        raise Invalid({"name": N_("An organisation needs a name.")})
    organisation = Organisation(name=name.strip())
    session.add(organisation)
    session.commit()
    return organisation


def create_user(session: Session, organisation_id: int, email: str, name: str, password: str,
                role: str = "hr") -> User:
    email = normal_email(email) or ""
    errors = {}
    if not email:
        errors["email"] = N_("Enter a valid email address.")
    if role not in ROLES:
        errors["role"] = N_("Role must be one of %(roles)s.", roles=", ".join(ROLES))
    if len(password) < 10:
        errors["password"] = N_("Use at least 10 characters.")
    if not errors and session.scalar(select(User).where(User.email == email)):
        errors["email"] = N_("A user with this email already exists.")
    if errors:
        raise Invalid(errors)
    user = User(organisation_id=organisation_id, email=email, name=name.strip() or email,
                password_hash=generate_password_hash(password), role=role)
    session.add(user)
    session.commit()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    user.password_hash = generate_password_hash(password)
    session.commit()


def too_many_failures(session: Session, key: str, limit: int = MAX_FAILURES) -> bool:
    since = utcnow() - FAILURE_WINDOW
    count = session.scalar(select(func.count()).select_from(LoginAttempt)
                           .where(LoginAttempt.key == key, LoginAttempt.created_at >= since))
    return count >= limit


def record_failure(session: Session, key: str) -> None:
    session.add(LoginAttempt(key=key))
    session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < utcnow() - 2 * FAILURE_WINDOW))
    session.commit()


def authenticate(session: Session, email: str, password: str, client: str) -> User | None:
    """The user if the password is right; None otherwise. Raises Invalid when rate-limited."""
    email = normal_email(email) or email.strip().lower()  # as create_user stored it
    key = f"login:{email}"
    if too_many_failures(session, key) or too_many_failures(session, f"login-ip:{client}"):
        raise Invalid({"": N_("Too many failed sign-ins. Wait 15 minutes and try again.")})
    user = session.scalar(select(User).where(User.email == email))
    if user is None or not check_password_hash(user.password_hash, password):
        record_failure(session, key)
        record_failure(session, f"login-ip:{client}")
        return None
    return user
