"""Organisations, users, sign-in with a database-backed rate limit."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from survey.models import ROLES, LoginAttempt, Organisation, User, utcnow
from survey.services.errors import N_, Invalid
from survey.services.zones import DEFAULT_TIME_ZONE, is_time_zone

#: Failed attempts per key allowed within the window before further tries are refused.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


def create_organisation(session: Session, name: str, time_zone: str = DEFAULT_TIME_ZONE) -> Organisation:
    errors = {}
    if not name.strip():
        errors["name"] = N_("An organisation needs a name.")
    if not is_time_zone(time_zone):
        errors["time_zone"] = _not_a_time_zone(time_zone)
    if errors:
        raise Invalid(errors)
    organisation = Organisation(name=name.strip(), time_zone=time_zone)
    session.add(organisation)
    session.commit()
    return organisation


def set_time_zone(session: Session, organisation_id: int, time_zone: str) -> Organisation:
    """The wall clock the organisation's round times are entered and shown on, e.g. Asia/Makassar (WITA)."""
    time_zone = (time_zone or "").strip()
    if not is_time_zone(time_zone):
        raise Invalid({"time_zone": _not_a_time_zone(time_zone)})
    organisation = session.get(Organisation, organisation_id)
    organisation.time_zone = time_zone
    session.commit()
    return organisation


def _not_a_time_zone(name: str) -> str:
    return N_("%(name)s is not a time zone: write its IANA name, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA) "
              "or Asia/Jayapura (WIT).", name=repr(name[:64]))


def create_user(session: Session, organisation_id: int, email: str, name: str, password: str,
                role: str = "hr") -> User:
    email = email.strip().lower()
    errors = {}
    if "@" not in email:
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
    key = f"login:{email.strip().lower()}"
    if too_many_failures(session, key) or too_many_failures(session, f"login-ip:{client}"):
        raise Invalid({"": N_("Too many failed sign-ins. Wait 15 minutes and try again.")})
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not check_password_hash(user.password_hash, password):
        record_failure(session, key)
        record_failure(session, f"login-ip:{client}")
        return None
    return user
