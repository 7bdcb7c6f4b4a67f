"""The people who sign in: invited by an administrator, given a role, disabled, and their passwords.

A set-password link (an invitation, or a forgotten password) is a PasswordToken: only its nonce and
the token's SHA-256 are stored, the link is made when its email is sent (services.mail), it works once
and not after INVITE_VALID / RESET_VALID. Setting a password ends every other session of the user.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from survey import i18n
from survey.models import ROLES, Organisation, OutboxMessage, PasswordToken, User, utcnow
from survey.services import accounts, api_tokens, audit, mail
from survey.services.addresses import normal_email
from survey.services.errors import N_, Invalid
from survey.services.tokens import new_nonce, token_for, token_hash
from survey.services.transactions import in_unit_of_work

INVITE_VALID = timedelta(hours=72)
RESET_VALID = timedelta(hours=2)
#: Forgotten-password emails one user gets per hour at most: the form must not become a way to flood an inbox.
MAX_RESETS_PER_HOUR = 3
LAST_ADMIN = N_("The organisation needs at least one active administrator: make another user an "
                "administrator first.")


def users(session: Session, organisation_id: int) -> list[User]:
    return list(session.scalars(select(User).where(User.organisation_id == organisation_id).order_by(User.email)))


def pending_invitations(session: Session, organisation_id: int, now: datetime | None = None) -> set[int]:
    """Ids of users with a set-password link still usable (invited and not done yet)."""
    now = now or utcnow()
    return set(session.scalars(select(PasswordToken.user_id).where(
        PasswordToken.organisation_id == organisation_id, PasswordToken.used_at.is_(None),
        PasswordToken.expires_at > now)))


@in_unit_of_work
def invite(session: Session, organisation_id: int, *, email: str, name: str, role: str, settings: Mapping,
           language: str, invited_by: str, now: datetime | None = None, actor: str = "") -> str:
    """A new user of the organisation and an email with their set-password link, or nothing at all.
    Returns the address written to.

    An address that already has an account in another organisation goes as a success does, so the
    administrator learns nothing of other organisations: no account is made, and its owner gets an email
    saying who tried (see SECURITY.md)."""
    mail.check_can_send(settings)
    try:
        user = accounts.new_user(session, organisation_id, email, name, None, role)
    except Invalid as error:
        holder = session.scalar(select(User).where(User.email == (normal_email(email) or "")))
        if set(error.errors) != {"email"} or holder is None or holder.organisation_id == organisation_id:
            raise
        _tell_holder(session, holder, organisation_id, language, invited_by)
        address = holder.email
    else:
        _queue_link(session, user, "invite", language, now or utcnow(), secret_key=settings["SECRET_KEY"],
                    invited_by=invited_by)
        address = user.email
    audit.record(session, organisation_id, actor or invited_by, "user_changed", address,
                 {"change": "invited", "role": role})
    return address


def _tell_holder(session: Session, holder: User, organisation_id: int, language: str, inviter: str) -> None:
    """Tell the owner of an address that another organisation tried to give it an account: probing for
    addresses is never silent. Kept in the holder's organisation's outbox, not the inviter's."""
    organisation = session.get(Organisation, organisation_id)

    def _(text, **values):
        return i18n.gettext(language, text, **values)

    body = "\n\n".join([
        _("Dear %(name)s,", name=holder.name),
        _("%(inviter)s of %(organisation)s wanted to make you a Neraca account with this address. It already "
          "has a Neraca account, so nothing was changed and no account was made.", inviter=inviter,
          organisation=organisation.name),
        _("If you should use Neraca for %(organisation)s too, ask them to invite another of your addresses: "
          "an address has one account.", organisation=organisation.name)])
    session.add(OutboxMessage(organisation_id=holder.organisation_id, recipient=holder.email,
                              subject=_("Your address and Neraca"), body=body))


@in_unit_of_work
def send_link(session: Session, organisation_id: int, user_id: int, *, settings: Mapping, language: str,
              now: datetime | None = None, actor: str = "system") -> User:
    """An administrator's "send a new link": for an invitation that expired or a colleague locked out."""
    mail.check_can_send(settings)
    user = _user_of(session, organisation_id, user_id)
    _queue_link(session, user, "reset", language, now or utcnow(), secret_key=settings["SECRET_KEY"])
    audit.record(session, organisation_id, actor, "user_changed", user.email, {"change": "link sent"})
    return user


@in_unit_of_work
def link_to_copy(session: Session, organisation_id: int, user_id: int, *, settings: Mapping,
                 now: datetime | None = None, actor: str = "system") -> tuple[User, str, timedelta]:
    """Without a mail server, an administrator's "copy a set-password link": the token of a new link to pass
    on by hand (as ``neraca user reset-password`` prints one), how long it works, and an audit entry. An
    invited colleague's works as an invitation does; anyone else's as a forgotten password's."""
    if settings.get("SMTP_HOST"):
        raise Invalid({"": N_("A mail server is set: send the link by email instead.")})
    user = _user_of(session, organisation_id, user_id)
    if not user.is_active:
        raise Invalid({"": N_("%(email)s is disabled: enable them first.", email=user.email)})
    now = now or utcnow()
    purpose = "invite" if user.id in pending_invitations(session, organisation_id, now) else "reset"
    row = _token(session, user, purpose, now, settings["SECRET_KEY"])
    audit.record(session, organisation_id, actor, "user_changed", user.email, {"change": "link copied"})
    return user, token_for(settings["SECRET_KEY"], row.token_nonce, "password"), row.expires_at - row.created_at


@in_unit_of_work
def forgotten_password(session: Session, email: str, *, settings: Mapping, language: str,
                       now: datetime | None = None) -> bool:
    """Queue a reset link when ``email`` is an active user's and they have not had too many lately.
    The page says the same whatever this returns, so it tells nobody which emails have accounts."""
    now = now or utcnow()
    user = session.scalar(select(User).where(User.email == (normal_email(email) or "")))
    if user is None or not user.is_active:
        return False
    recent = session.scalar(select(func.count()).select_from(PasswordToken).where(
        PasswordToken.user_id == user.id, PasswordToken.purpose == "reset",
        PasswordToken.created_at >= now - timedelta(hours=1)))
    if recent >= MAX_RESETS_PER_HOUR:
        return False
    if not settings.get("PUBLIC_URL") and settings.get("SMTP_HOST"):
        return False  # a link could not be made; the administrator sees why on the users page
    _queue_link(session, user, "reset", language, now, secret_key=settings["SECRET_KEY"])
    return True


@in_unit_of_work
def new_link_token(session: Session, user: User, purpose: str, now: datetime | None = None,
                   *, secret_key: str) -> str:
    """A set-password token for the command line, which prints the link instead of mailing it."""
    row = _token(session, user, purpose, now or utcnow(), secret_key)
    return token_for(secret_key, row.token_nonce, "password")


def usable_token(session: Session, token: str, now: datetime | None = None) -> PasswordToken | None:
    """The token's row while it can still set a password: unused, not expired, its user active."""
    row = session.scalar(select(PasswordToken).where(PasswordToken.token_hash == token_hash(token)))
    if row is None or row.used_at is not None or accounts.aware(row.expires_at) <= (now or utcnow()):
        return None
    user = session.get(User, row.user_id)
    return row if user is not None and user.is_active else None


@in_unit_of_work
def set_password_with_token(session: Session, token: str, password: str, now: datetime | None = None) -> User:
    """Spend the token on a new password; the user's other links stop working and their sessions end."""
    now = now or utcnow()
    row = usable_token(session, token, now)
    if row is None:
        raise Invalid({"": N_("This link has been used, has expired or is not valid. Ask for a new one.")})
    if problem := accounts.password_problem(password):
        raise Invalid({"password": problem})
    # Marked used only if nobody else did it first: two tabs, one password.
    spent = session.execute(update(PasswordToken).where(PasswordToken.user_id == row.user_id,
                                                        PasswordToken.used_at.is_(None)).values(used_at=now)
                            .execution_options(synchronize_session=False))
    if spent.rowcount == 0:
        raise Invalid({"": N_("This link has been used, has expired or is not valid. Ask for a new one.")})
    user = session.get(User, row.user_id)
    accounts.set_password(session, user, password)
    return user


def change_password(session: Session, user: User, current: str, new: str) -> None:
    """A signed-in user's own change: the current password first, then every other session ends."""
    errors = {}
    if not check_password_hash(user.password_hash, current):
        errors["current"] = N_("This is not your current password.")
    if problem := accounts.password_problem(new):
        errors["password"] = problem
    if errors:
        raise Invalid(errors)
    accounts.set_password(session, user, new)


@in_unit_of_work
def set_role(session: Session, organisation_id: int, user_id: int, role: str, actor: str = "system") -> User:
    if role not in ROLES:
        raise Invalid({"role": N_("Role must be one of %(roles)s.", roles=", ".join(ROLES))})
    user = _user_of(session, organisation_id, user_id)
    if role != "admin":
        _keep_an_admin(session, user)
    if user.role != role:
        audit.record(session, organisation_id, actor, "user_changed", user.email,
                     {"change": "role", "before": user.role, "after": role})
    user.role = role
    return user


def disable(session: Session, organisation_id: int, user_id: int, now: datetime | None = None,
            actor: str = "system") -> User:
    """No more sign-in; every session of the user ends now (the nonce changes), their set-password
    links die (spent) and the API tokens they made are revoked: enabling the user again brings neither back."""
    user = _user_of(session, organisation_id, user_id)
    _keep_an_admin(session, user)
    now = now or utcnow()
    user.disabled_at = user.disabled_at or now
    session.execute(update(PasswordToken).where(PasswordToken.user_id == user.id, PasswordToken.used_at.is_(None))
                    .values(used_at=now).execution_options(synchronize_session=False))
    api_tokens.revoke_made_by(session, user, now, actor)
    audit.record(session, organisation_id, actor, "user_changed", user.email, {"change": "disabled"})
    accounts.end_sessions(session, user)  # commits
    return user


@in_unit_of_work
def enable(session: Session, organisation_id: int, user_id: int, actor: str = "system") -> User:
    user = _user_of(session, organisation_id, user_id)
    user.disabled_at = None
    audit.record(session, organisation_id, actor, "user_changed", user.email, {"change": "enabled"})
    return user


def by_email(session: Session, email: str) -> User:
    """For the command line, which hosts several organisations: a user found by email, whichever."""
    user = session.scalar(select(User).where(User.email == (normal_email(email) or "")))
    if user is None:
        raise Invalid({"email": N_("There is no user with the email %(email)s.", email=email)})
    return user


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse to leave the organisation without an active administrator (the user may be the last one)."""
    if user.role != "admin" or not user.is_active:
        return
    others = session.scalar(select(func.count()).select_from(User).where(
        User.organisation_id == user.organisation_id, User.role == "admin", User.disabled_at.is_(None),
        User.id != user.id))
    if others == 0:
        raise Invalid({"": LAST_ADMIN})


def find(session: Session, organisation_id: int, user_id: int) -> User | None:
    """The organisation's user; another organisation's is as unknown as a missing one."""
    user = session.get(User, user_id)
    return user if user is not None and user.organisation_id == organisation_id else None


def _user_of(session: Session, organisation_id: int, user_id: int) -> User:
    user = find(session, organisation_id, user_id)
    if user is None:
        raise LookupError(user_id)
    return user


def _token(session: Session, user: User, purpose: str, now: datetime, secret_key: str) -> PasswordToken:
    nonce = new_nonce()
    row = PasswordToken(organisation_id=user.organisation_id, user_id=user.id, purpose=purpose, token_nonce=nonce,
                        token_hash=token_hash(token_for(secret_key, nonce, "password")), created_at=now,
                        expires_at=now + (INVITE_VALID if purpose == "invite" else RESET_VALID))
    session.add(row)
    session.flush()
    return row


def _queue_link(session: Session, user: User, purpose: str, language: str, now: datetime, *, secret_key: str,
                invited_by: str = "") -> OutboxMessage:
    row = _token(session, user, purpose, now, secret_key)
    organisation = session.get(Organisation, user.organisation_id)

    def _(text, **values):
        return i18n.gettext(language, text, **values)

    if purpose == "invite":
        subject = _("Your Neraca account at %(organisation)s", organisation=organisation.name)
        opening = _("%(inviter)s has made you a Neraca account at %(organisation)s. Choose your password "
                    "with this link, within %(hours)d hours; it works once:", inviter=invited_by,
                    organisation=organisation.name, hours=int(INVITE_VALID.total_seconds() // 3600))
        closing = _("Then sign in with your email address, %(email)s.", email=user.email)
    else:
        subject = _("Choose a new Neraca password")
        opening = _("Someone asked for a new password for your Neraca account. Choose it with this link, "
                    "within %(hours)d hours; it works once:", hours=int(RESET_VALID.total_seconds() // 3600))
        closing = _("If you did not ask for it, ignore this email: your password stays as it is.")
    body = "\n\n".join([_("Dear %(name)s,", name=user.name), opening, mail.LINK, closing])
    message = OutboxMessage(organisation_id=user.organisation_id, password_token_id=row.id,
                            recipient=user.email, subject=subject, body=body)
    session.add(message)
    return message
