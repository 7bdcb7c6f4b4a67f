"""Organisations, users, sign-in with a database-backed rate limit."""
from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from survey.models import ROLES, LoginAttempt, Organisation, User, utcnow
from survey.services.addresses import normal_email
from survey.services.errors import N_, Invalid, too_long
from survey.services.text import unsafe_characters
from survey.services.transactions import in_unit_of_work
from survey.services.zones import DEFAULT_TIME_ZONE, is_time_zone

#: Failed attempts per key allowed within the window before further tries are refused (API and survey tokens).
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
#: Sign-in: failures one email may have from one address before waiting; each further one doubles the wait.
FREE_FAILURES = 5
FIRST_WAIT = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)
PAIR_MEMORY = timedelta(hours=24)  # failures older than this are forgotten (and deleted)
#: Sign-in failures from one address, whatever the email, within FAILURE_WINDOW: looser than per email,
#: since a whole office may share one address.
MAX_ADDRESS_FAILURES = 50


@in_unit_of_work
def create_organisation(session: Session, name: str, time_zone: str = DEFAULT_TIME_ZONE) -> Organisation:
    organisation = new_organisation(session, name, time_zone)
    return organisation


def new_organisation(session: Session, name: str, time_zone: str = DEFAULT_TIME_ZONE) -> Organisation:
    """An organisation added to the session, not committed (`neraca init` commits it with its administrator)."""
    errors = unsafe_characters({"name": name}) | too_long(Organisation, {"name": name.strip()})
    if not name.strip():
        errors["name"] = N_("An organisation needs a name.")
    if not is_time_zone(time_zone):
        errors["time_zone"] = _not_a_time_zone(time_zone)
    if errors:
        raise Invalid(errors)
    organisation = Organisation(name=name.strip(), time_zone=time_zone)
    session.add(organisation)
    session.flush()
    return organisation


@in_unit_of_work
def set_time_zone(session: Session, organisation_id: int, time_zone: str) -> Organisation:
    """The wall clock the organisation's round times are entered and shown on, e.g. Asia/Makassar (WITA)."""
    time_zone = (time_zone or "").strip()
    if not is_time_zone(time_zone):
        raise Invalid({"time_zone": _not_a_time_zone(time_zone)})
    organisation = session.get(Organisation, organisation_id)
    organisation.time_zone = time_zone
    return organisation


def _not_a_time_zone(name: str) -> str:
    return N_("%(name)s is not a time zone: write its IANA name, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA) "
              "or Asia/Jayapura (WIT).", name=repr(name[:64]))


@in_unit_of_work
def create_user(session: Session, organisation_id: int, email: str, name: str, password: str,
                role: str = "hr") -> User:
    user = new_user(session, organisation_id, email, name, password, role)
    return user


def new_user(session: Session, organisation_id: int, email: str, name: str, password: str | None,
             role: str = "hr") -> User:
    """A user added to the session, not committed; ``password`` None: one nobody knows, until the user
    sets theirs from a set-password link. Emails are unique across organisations (one sign-in page)."""
    email = normal_email(email) or ""
    errors = unsafe_characters({"name": name}) | too_long(User, {"name": name.strip()})
    if not email:
        errors["email"] = N_("Enter a valid email address.")
    if role not in ROLES:
        errors["role"] = N_("Role must be one of %(roles)s.", roles=", ".join(ROLES))
    if password is not None and (problem := password_problem(password)):
        errors["password"] = problem
    if session.get(Organisation, organisation_id) is None:
        errors["organisation"] = N_("There is no organisation %(id)s.", id=organisation_id)
    if not errors and session.scalar(select(User).where(User.email == email)):
        errors["email"] = N_("A user with this email already exists.")
    if errors:
        raise Invalid(errors)
    user = User(organisation_id=organisation_id, email=email, name=name.strip() or email,
                password_hash=generate_password_hash(password if password is not None else secrets.token_hex(32)),
                role=role)
    session.add(user)
    session.flush()
    return user


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    return N_("Use at least 10 characters.") if len(password) < 10 else None


def set_password(session: Session, user: User, password: str) -> None:
    """A new password also ends every session signed in with the old one."""
    user.password_hash = generate_password_hash(password)
    end_sessions(session, user)


@in_unit_of_work
def end_sessions(session: Session, user: User) -> None:
    """Sign the user out everywhere: session ids carry the nonce, and the old one no longer matches."""
    user.session_nonce = secrets.token_hex(16)


def session_user(session: Session, session_id: str) -> User | None:
    """The user a session id ("<user id>:<nonce>", see User.get_id) stands for, while its nonce is current."""
    user_id, _, nonce = session_id.partition(":")
    user = session.get(User, int(user_id)) if user_id.isdigit() and int(user_id) < 2**31 else None
    if user is None or not hmac.compare_digest(user.session_nonce, nonce) or not user.is_active:
        return None
    return user


def too_many_failures(session: Session, key: str, limit: int = MAX_FAILURES) -> bool:
    since = utcnow() - FAILURE_WINDOW
    count = session.scalar(select(func.count()).select_from(LoginAttempt)
                           .where(LoginAttempt.key == key, LoginAttempt.created_at >= since))
    return count >= limit


def record_failure(session: Session, key: str, now: datetime | None = None) -> None:
    """Count a failed try; it commits itself, at once: the request that failed is refused (404, a form
    shown again), and the count must outlive it."""
    now = now or utcnow()
    session.add(LoginAttempt(key=key, created_at=now))
    session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < now - PAIR_MEMORY))
    session.commit()


class Throttled(Invalid):
    """Sign-in refused for now; ``seconds`` until this email and address may try again."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        minutes = max(1, math.ceil(seconds / 60))
        super().__init__({"": N_("Too many failed sign-ins. Try again after %(minutes)d min.", minutes=minutes)})


@in_unit_of_work
def authenticate(session: Session, email: str, password: str, client: str, now: datetime | None = None) -> User | None:
    """The user if the password is right; None otherwise. Raises Throttled while this email from this
    address, or this address for any email, has failed too often.

    Failures count per email *and* address, so an attacker elsewhere who hammers an email slows only
    himself and the owner still gets in from her own address; an unknown email costs the same password
    check as a known one, so the time taken does not tell which emails have accounts."""
    now = now or utcnow()
    email = normal_email(email) or email.strip().lower()  # as create_user stored it
    pair, address = f"login:{_digest(email)}:{client}", f"login-ip:{client}"
    wait = max(_pair_wait(session, pair, now), _address_wait(session, address, now))
    if wait > 0:
        raise Throttled(wait)
    user = session.scalar(select(User).where(User.email == email))
    right = check_password_hash(user.password_hash if user else _dummy_hash(), password)
    if not right or user is None or not user.is_active:  # a disabled user gets the same answer as a stranger
        record_failure(session, pair, now)
        record_failure(session, address, now)
        return None
    session.execute(delete(LoginAttempt).where(LoginAttempt.key == pair))  # the owner's own typos are forgiven
    return user


def _pair_wait(session: Session, key: str, now: datetime) -> int:
    """Seconds still to wait: none for the first FREE_FAILURES, then FIRST_WAIT after the latest failure,
    doubling with each further one up to LONGEST_WAIT."""
    count, latest = session.execute(select(func.count(), func.max(LoginAttempt.created_at))
                                    .where(LoginAttempt.key == key,
                                           LoginAttempt.created_at >= now - PAIR_MEMORY)).one()
    if count < FREE_FAILURES:
        return 0
    wait = min(FIRST_WAIT * 2 ** (count - FREE_FAILURES), LONGEST_WAIT)
    return _seconds(aware(latest) + wait - now)


def _address_wait(session: Session, key: str, now: datetime) -> int:
    """Seconds until the address is below MAX_ADDRESS_FAILURES in FAILURE_WINDOW again."""
    recent = session.scalars(select(LoginAttempt.created_at)
                             .where(LoginAttempt.key == key, LoginAttempt.created_at >= now - FAILURE_WINDOW)
                             .order_by(LoginAttempt.created_at.desc()).limit(MAX_ADDRESS_FAILURES)).all()
    if len(recent) < MAX_ADDRESS_FAILURES:
        return 0
    return _seconds(aware(recent[-1]) + FAILURE_WINDOW - now)


def _seconds(delta: timedelta) -> int:
    return max(0, math.ceil(delta.total_seconds()))


def aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _digest(email: str) -> str:
    """A fixed-length key part for any email, however long (the key column holds 300 characters)."""
    return hashlib.sha256(email.encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash of the same kind as users' own, checked when the email is unknown."""
    return generate_password_hash(secrets.token_hex(16))
