"""Email: every message goes through the outbox table first, then SMTP.

Queuing is a fast insert, so inviting hundreds of people does not block a page;
delivery runs in the background (survey.background: RQ or a thread), claiming rows so
two workers never send one message twice, or from ``neraca deliver``. A message a dead
sender left "sending" is queued again by ``background.recover``: delivery is at least
once. With no SMTP host configured, messages stay in the outbox ("kept") where HR can
read them.
"""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from survey import i18n
from survey.models import Invitation, OutboxMessage, Person, Round, utcnow


def queue_invitation(session: Session, invitation: Invitation, url: str, *, reminder: bool) -> OutboxMessage:
    round_ = session.get(Round, invitation.round_id)
    person = session.get(Person, invitation.person_id)
    language = invitation.language or round_.language

    def _(text, **values):
        return i18n.gettext(language, text, **values)

    subject = (_("Reminder: %(title)s", title=round_.title) if reminder
               else _("Invitation: %(title)s", title=round_.title))
    body = "\n\n".join([
        _("Dear %(name)s,", name=person.name),
        (_("You are invited to weigh the performance scorecard in the survey \"%(title)s\". "
           "Your personal link is:", title=round_.title) if round_.kind == "weighting" else
         _("You are invited to fill in the questionnaire \"%(title)s\". Your personal link is:", title=round_.title)),
        url,
        _("The link is yours alone: please do not forward it. You can stop at any time and continue later "
          "with the same link."),
        _("Thank you."),
    ])
    message = OutboxMessage(organisation_id=invitation.organisation_id, round_id=invitation.round_id,
                            invitation_id=invitation.id, recipient=person.email, subject=subject, body=body)
    session.add(message)
    return message


def deliver(session: Session, settings: dict, round_id: int | None = None) -> dict[str, int]:
    """Send queued messages (of one round, or all); returns counts by outcome."""
    query = select(OutboxMessage.id).where(OutboxMessage.status == "queued")
    if round_id is not None:
        query = query.where(OutboxMessage.round_id == round_id)
    outcome = {"sent": 0, "failed": 0, "kept": 0}
    for message_id in list(session.scalars(query.order_by(OutboxMessage.id))):
        claimed = session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id,
                                                              OutboxMessage.status == "queued")
                                  .values(status="sending", claimed_at=utcnow()))
        session.commit()
        if claimed.rowcount != 1:
            continue  # another worker took it
        message = session.get(OutboxMessage, message_id)
        if not settings.get("SMTP_HOST"):
            message.status = "kept"
        else:
            message.attempts += 1
            try:
                _send(settings, message)
                message.status, message.sent_at, message.error = "sent", utcnow(), ""
            except (OSError, smtplib.SMTPException) as error:
                # HR sees the failure and its reason on the round's page, with a retry button.
                message.status, message.error = "failed", str(error) or error.__class__.__name__
        outcome[message.status] += 1
        session.commit()
    return outcome


def retry_failed(session: Session, round_id: int) -> int:
    result = session.execute(update(OutboxMessage).where(OutboxMessage.round_id == round_id,
                                                         OutboxMessage.status == "failed")
                             .values(status="queued", attempts=0))
    session.commit()
    return result.rowcount


def _send(settings: dict, message: OutboxMessage) -> None:
    email = EmailMessage()
    email["From"] = settings.get("MAIL_FROM", "neraca@localhost")
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email.set_content(message.body)
    with smtplib.SMTP(settings["SMTP_HOST"], int(settings.get("SMTP_PORT", 25)), timeout=10) as smtp:
        if settings.get("SMTP_STARTTLS"):
            smtp.starttls()
        if settings.get("SMTP_USER"):
            smtp.login(settings["SMTP_USER"], settings.get("SMTP_PASSWORD", ""))
        smtp.send_message(email)
