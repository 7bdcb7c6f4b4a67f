"""Email: every message goes through the outbox table first, then SMTP.

Queuing is a fast insert, so inviting hundreds of people does not block a page;
delivery runs in the background (survey.background: RQ or a thread), claiming rows so
two workers never send one message twice, or from ``neraca deliver``. With no SMTP host
configured, messages stay in the outbox ("kept") where HR can read them.

An invitation is stored with ``LINK`` where its link goes; the working link is made from
the invitation's nonce, ``SECRET_KEY`` and ``PUBLIC_URL`` only when the message is sent, so
the database (and the outbox page) never holds one, and a request's Host header never
reaches a link.

Faults: a message that fails for a passing reason (server down, a 4xx answer) is tried
again after ``RETRY_AFTER``, up to ``MAX_ATTEMPTS``, then marked failed for HR to retry; one
refused for good (a bad address, a 5xx answer, no ``PUBLIC_URL``) is failed at once. Either
way the messages after it are sent. A message a dead sender left "sending" for longer than
``LEASE`` is taken back: delivery is at least once.
"""
from __future__ import annotations

import logging
import smtplib
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from functools import partial

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from survey import i18n
from survey.models import Invitation, OutboxMessage, PasswordToken, Person, Round, utcnow
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.paging import Page, contains, page_of
from survey.services.tokens import link, password_link
from survey.services.transactions import in_unit_of_work

log = logging.getLogger(__name__)
#: Where an invitation's link goes in a stored body (the migration 0009 writes the same text).
LINK = "[invitation-link]"
MASKED = "/r/••••••••"
MASKED_PASSWORD = "/password/••••••••"
#: Waits after the 1st, 2nd, ... failed attempt; after the last one the message is failed.
RETRY_AFTER = tuple(timedelta(minutes=m) for m in (1, 5, 15, 60, 240))
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
#: A message "sending" longer than this died with its sender (an SMTP exchange takes seconds).
LEASE = timedelta(minutes=5)
NO_PUBLIC_URL = N_("Emails cannot be sent: the site's public address (PUBLIC_URL) is not set, and links in "
                   "emails are made only from it. Ask the administrator to set it.")


class Undeliverable(Exception):
    """A message that no retry will send (its reason is shown to HR)."""


def check_can_send(settings: Mapping) -> None:
    """Refuse to queue mail that would go out without a configured address for its links."""
    if settings.get("SMTP_HOST") and not settings.get("PUBLIC_URL"):
        raise Invalid({"": NO_PUBLIC_URL})


def queue_invitation(session: Session, invitation: Invitation, *, reminder: bool, feedback: bool = False
                     ) -> OutboxMessage:
    """The invitation (or a reminder of it), queued; ``feedback``: to the round's feedback pass."""
    round_ = session.get(Round, invitation.round_id)
    person = session.get(Person, invitation.person_id)
    language = invitation.language or round_.language
    _ = partial(i18n.gettext, language)
    title = " ".join(round_.title.split())  # a title saved with a line break before they were refused
    subject = (_("Your answers beside the group's: %(title)s", title=title) if feedback else
               _("Reminder: %(title)s", title=title) if reminder else _("Invitation: %(title)s", title=title))
    paragraphs = (feedback_paragraphs if feedback else invitation_paragraphs)(round_, person.name, language, LINK)
    body = "\n\n".join(paragraphs)
    message = OutboxMessage(organisation_id=invitation.organisation_id, round_id=invitation.round_id,
                            invitation_id=invitation.id, recipient=person.email, subject=subject, body=body)
    session.add(message)
    return message


def invitation_paragraphs(round_: Round, name: str, language: str, link: str, closes: str = "") -> list[str]:
    """The invitation's words in ``language``: by email (``link`` is LINK there), WhatsApp or letter;
    ``closes``: the closing time as the reader's clock shows it, said when given."""
    _ = partial(i18n.gettext, language)
    return [
        _("Dear %(name)s,", name=name),
        (_("You are invited to weigh the performance scorecard in the survey \"%(title)s\". "
           "Your personal link is:", title=round_.title) if kind_of(round_).gives_weights else
         _("You are invited to fill in the questionnaire \"%(title)s\". Your personal link is:", title=round_.title)),
        link,
        *([_("Please answer by %(closes)s.", closes=closes)] if closes else []),
        _("The link is yours alone: please do not forward it. You can stop at any time and continue later "
          "with the same link."),
        _("Thank you."),
    ]


def feedback_paragraphs(round_: Round, name: str, language: str, link: str) -> list[str]:
    """The feedback pass's invitation in ``language``: each page again, the group's answer beside one's own."""
    _ = partial(i18n.gettext, language)
    return [
        _("Dear %(name)s,", name=name),
        _("Thank you for answering the survey \"%(title)s\". Its feedback round is open: on each page you see "
          "your answers beside the group's and may keep or change them, saying why. Your personal link is:",
          title=round_.title),
        link,
        _("The link is yours alone: please do not forward it. You can stop at any time and continue later "
          "with the same link."),
        _("Thank you."),
    ]


STATUSES = ("queued", "sending", "sent", "failed", "kept", "cancelled")


def cancel_unsent(session: Session, invitation_id: int) -> int:
    """Queued messages of an invitation that no longer stands are never sent (the caller commits)."""
    return session.execute(update(OutboxMessage).where(OutboxMessage.invitation_id == invitation_id,
                                                       OutboxMessage.status == "queued")
                           .values(status="cancelled", next_attempt_at=None)).rowcount


def outbox_page(session: Session, organisation_id: int, search: str = "", status: str = "", number: int = 1) -> Page:
    """A page of the organisation's messages, newest first, whose recipient or subject contains ``search``."""
    query = select(OutboxMessage).where(OutboxMessage.organisation_id == organisation_id)
    if search.strip():
        pattern = contains(search)
        query = query.where(or_(OutboxMessage.recipient.ilike(pattern, escape="\\"),
                                OutboxMessage.subject.ilike(pattern, escape="\\")))
    if status in STATUSES:
        query = query.where(OutboxMessage.status == status)
    return page_of(session, query, OutboxMessage.id.desc(), number)


def masked(message: OutboxMessage, base_url: str) -> str:
    """The body as the outbox page shows it: where the link goes, but not the link."""
    hidden = MASKED_PASSWORD if message.password_token_id is not None else MASKED
    return _with_link(message.body, f"{base_url.rstrip('/')}{hidden}")


def deliver(session: Session, settings: Mapping, round_id: int | None = None, *,
            now: datetime | None = None) -> dict[str, int]:
    """Send the messages due (of one round, or all); returns counts by outcome. It commits each claim and
    each outcome at once, not as one unit of work: a message sent stays sent if a later one fails."""
    now = now or utcnow()
    due = or_(and_(OutboxMessage.status == "queued",
                   or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now)),
              and_(OutboxMessage.status == "sending",
                   or_(OutboxMessage.claimed_at.is_(None), OutboxMessage.claimed_at < now - LEASE)))
    query = select(OutboxMessage.id).where(due)
    if round_id is not None:
        query = query.where(OutboxMessage.round_id == round_id)
    outcome = {"sent": 0, "failed": 0, "kept": 0, "retrying": 0}
    for message_id in list(session.scalars(query.order_by(OutboxMessage.id))):
        # Not evaluated on loaded rows: SQLite hands back naive datetimes that cannot be compared with ``now``.
        claimed = session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id, due)
                                  .values(status="sending", claimed_at=now)
                                  .execution_options(synchronize_session=False))
        session.commit()
        if claimed.rowcount != 1:
            continue  # another worker took it
        message = session.get(OutboxMessage, message_id)
        session.refresh(message)
        outcome[_attempt(session, settings, message, now)] += 1
        session.commit()
    return outcome


def next_attempt(session: Session) -> datetime | None:
    """When the earliest message waiting to be tried again is due (None: none waits)."""
    due = session.scalar(select(func.min(OutboxMessage.next_attempt_at)).where(OutboxMessage.status == "queued"))
    # SQLite gives back naive datetimes for timezone-aware columns; they were stored in UTC.
    return due.replace(tzinfo=timezone.utc) if due is not None and due.tzinfo is None else due


@in_unit_of_work
def retry_failed(session: Session, round_id: int) -> int:
    """HR's retry: failed messages, and those waiting to be tried again, are sent now with fresh attempts."""
    waiting = and_(OutboxMessage.status == "queued", OutboxMessage.attempts > 0)
    result = session.execute(update(OutboxMessage).where(OutboxMessage.round_id == round_id,
                                                         or_(OutboxMessage.status == "failed", waiting))
                             .values(status="queued", attempts=0, next_attempt_at=None)
                             .execution_options(synchronize_session=False))
    return result.rowcount


def _attempt(session: Session, settings: Mapping, message: OutboxMessage, now: datetime) -> str:
    """Send one claimed message; whatever goes wrong stays with this message."""
    if not settings.get("SMTP_HOST"):
        message.status = "kept"
        return message.status
    message.attempts += 1
    try:
        _send(settings, _email(session, settings, message))
    except Exception as error:  # noqa: BLE001 - one message's fault must never stop the others
        reason = str(error) or error.__class__.__name__
        if not isinstance(error, (Undeliverable, OSError, smtplib.SMTPException)):
            log.exception("message %s could not be sent", message.id)
        if _passing(error) and message.attempts < MAX_ATTEMPTS:
            message.status, message.next_attempt_at = "queued", now + RETRY_AFTER[message.attempts - 1]
            message.error = reason
            return "retrying"
        message.status, message.error = "failed", reason
        return message.status
    message.status, message.sent_at, message.error, message.next_attempt_at = "sent", now, "", None
    return message.status


def _passing(error: Exception) -> bool:
    """A fault worth trying again: the server unreachable or saying "try later" (4xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPException):  # an OSError too, but most say "never" (no SMTPUTF8, ...)
        return isinstance(error, smtplib.SMTPServerDisconnected)
    return isinstance(error, OSError)  # refused, timed out, name not found


def _email(session: Session, settings: Mapping, message: OutboxMessage) -> EmailMessage:
    body = message.body
    if message.invitation_id is not None:
        if not settings.get("PUBLIC_URL"):
            raise Undeliverable(NO_PUBLIC_URL)
        invitation = session.get(Invitation, message.invitation_id)
        body = _with_link(body, link(invitation, secret_key=settings["SECRET_KEY"], base_url=settings["PUBLIC_URL"]))
    elif message.password_token_id is not None:
        if not settings.get("PUBLIC_URL"):
            raise Undeliverable(NO_PUBLIC_URL)
        token = session.get(PasswordToken, message.password_token_id)
        body = _with_link(body, password_link(token.token_nonce, secret_key=settings["SECRET_KEY"],
                                              base_url=settings["PUBLIC_URL"]))
    email = EmailMessage()
    try:
        email["From"] = settings.get("MAIL_FROM", "neraca@localhost")
        email["To"] = message.recipient
        email["Subject"] = message.subject
    except ValueError as error:  # a line break in an address or subject: never a header injection
        raise Undeliverable(N_("The address or subject is not valid for an email.")) from error
    email.set_content(body)
    return email


def _with_link(body: str, url: str) -> str:
    # The last placeholder: the text after the link is fixed, a name or title before it might hold the marker.
    head, found, tail = body.rpartition(LINK)
    return f"{head}{url}{tail}" if found else body


def _send(settings: Mapping, email: EmailMessage) -> None:
    with smtplib.SMTP(settings["SMTP_HOST"], int(settings.get("SMTP_PORT", 25)), timeout=10) as smtp:
        if settings.get("SMTP_STARTTLS"):
            smtp.starttls()
        if settings.get("SMTP_USER"):
            smtp.login(settings["SMTP_USER"], settings.get("SMTP_PASSWORD", ""))
        smtp.send_message(email)
