"""Invitations handed over by HR rather than emailed: a WhatsApp message or a printed letter.

People without email get an invitation but no outbox message (survey.services.rounds.invite). HR passes
their link on: a wa.me link with the message written in the round's language, or a letter (a page per
person, the link and its QR code). Both hold the working link, so only the "personal" right reaches them
(survey/rights.py), and every share or print is written to the audit log with whom it was for.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey import i18n
from survey.models import Invitation, Round, utcnow
from survey.services import audit, mail, rounds
from survey.services.errors import N_, Invalid
from survey.services.phones import whatsapp_digits
from survey.services.tokens import link
from survey.services.transactions import in_unit_of_work

#: How a participant is reached: by email (the outbox), or by hand on WhatsApp or paper.
EMAIL, WHATSAPP, PAPER = "email", "whatsapp", "paper"


def reached_by(person) -> str:
    """Email when they have one (the outbox writes to them), else WhatsApp (a phone is then required)."""
    return EMAIL if person.email else WHATSAPP if person.phone else PAPER


def to_remind(progress: rounds.Progress) -> list[rounds.ParticipantStatus]:
    """Who has not finished and gets no email reminder: the list HR reminds by hand."""
    return [p for p in progress.participants if p.state != "completed" and not p.person.email]


@dataclass(frozen=True)
class ReminderPlan:
    """Who "Remind" reaches: by email (the outbox) and, having no email, by hand; of how many invited."""
    by_email: int
    by_hand: int
    invited: int


def reminder_plan(progress: rounds.Progress) -> ReminderPlan:
    unfinished = [p for p in progress.participants if p.state != "completed"]
    by_email = sum(1 for p in unfinished if p.person.email)
    return ReminderPlan(by_email, len(unfinished) - by_email, len(progress.participants))


def why_nobody_is_reminded(plan: ReminderPlan) -> str | None:
    """Why an email reminder would reach nobody; None when it reaches someone."""
    if plan.by_email:
        return None
    if not plan.invited:
        return N_("Nobody is invited yet: there is nobody to remind.")
    if not plan.by_hand:
        return N_("Everyone has finished: there is nobody to remind.")
    return N_("Nobody who has not finished has an email: remind them by hand (%(count)d, listed under \"To remind "
              "by hand\" on the round's page).", count=plan.by_hand)


def closing_text(round_: Round, language: str) -> str:
    """The closing time on the office's clock, in ``language`` ("" for a round without one)."""
    return i18n.wall_clock(round_.closes_at, round_.organisation.time_zone, language) if round_.closes_at else ""


def message(round_: Round, invitation: Invitation, url: str, reminder: bool = False) -> str:
    """The WhatsApp message in the round's language: greeting, title, closing date and link."""
    language = invitation.language or round_.language
    paragraphs = mail.invitation_paragraphs(round_, invitation.person.name, language, url,
                                            closing_text(round_, language))
    if reminder:
        paragraphs.insert(0, i18n.gettext(language, "Reminder: %(title)s", title=round_.title))
    return "\n\n".join(paragraphs)


def whatsapp_url(phone: str, text: str) -> str:
    """A wa.me link that opens a chat with ``phone`` and ``text`` written in (WhatsApp's documented form)."""
    return f"https://wa.me/{whatsapp_digits(phone)}?text={quote(text, safe='')}"


@in_unit_of_work
def share_on_whatsapp(session: Session, round_: Round, invitation_id: int, *, secret_key: str, base_url: str,
                      actor: str, reminder: bool = False) -> str:
    """The wa.me link of one participant's invitation (or reminder), recorded in the audit log."""
    rounds._require_launched_and_open(round_)
    invitation = _participant(session, round_, invitation_id)
    person = invitation.person
    if not person.phone:
        raise Invalid({"": N_("%(name)s has no phone number: add one on the people page.", name=person.name)})
    if invitation.completed_at is not None:
        raise Invalid({"": N_("%(name)s has finished already.", name=person.name)})
    url = whatsapp_url(person.phone, message(round_, invitation, link(invitation, secret_key=secret_key,
                                                                       base_url=base_url), reminder))
    if reminder:
        invitation.reminders += 1
        invitation.reminded_at = utcnow()
    else:
        invitation.sent_at = invitation.sent_at or utcnow()
    audit.record(session, round_.organisation_id, actor, "invitation_shared", person.name,
                 {"round": round_.id, "round_title": round_.title, "channel": WHATSAPP, "phone": person.phone,
                  "reminder": reminder})
    return url


@dataclass(frozen=True)
class Letter:
    """One printed page: whom it is for, the invitation's words around their working link (printed with its
    QR code: the template's ``qr`` filter, drawn when the PDF is printed)."""
    name: str
    before: list[str]  # the greeting and the invitation, up to the link
    link: str
    after: list[str]  # the closing date, "yours alone", thanks


@in_unit_of_work
def letters(session: Session, round_: Round, invitation_ids: list[int], *, secret_key: str, base_url: str,
            actor: str) -> list[Letter]:
    """The letters of the chosen participants (in the round's language), by name, recorded in the audit
    log as printed."""
    rounds._require_launched_and_open(round_)
    chosen = [_participant(session, round_, invitation_id) for invitation_id in sorted(set(invitation_ids))]
    if not chosen:
        raise Invalid({"": N_("Choose at least one participant to print a letter for.")})
    chosen.sort(key=lambda invitation: invitation.person.name)
    pages, closes = [], closing_text(round_, round_.language)
    for invitation in chosen:
        url = link(invitation, secret_key=secret_key, base_url=base_url)
        words = mail.invitation_paragraphs(round_, invitation.person.name, round_.language, url, closes)
        at = words.index(url)
        pages.append(Letter(name=invitation.person.name, before=words[:at], link=url, after=words[at + 1:]))
        invitation.sent_at = invitation.sent_at or utcnow()
    audit.record(session, round_.organisation_id, actor, "invitation_letters_printed", round_.title,
                 {"round": round_.id, "count": len(pages), "people": ", ".join(page.name for page in pages)})
    return pages


def _participant(session: Session, round_: Round, invitation_id: int) -> Invitation:
    invitation = session.scalar(select(Invitation).where(Invitation.id == invitation_id,
                                                         Invitation.round_id == round_.id,
                                                         Invitation.removed_at.is_(None)))
    if invitation is None:
        raise Invalid({"": N_("No such participant in this round.")})
    return invitation
