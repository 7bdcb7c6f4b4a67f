"""Public satisfaction rounds: one anonymous link anyone may answer, and what keeps it from being stuffed.

Without accounts nothing proves two answers came from two people, so several weak guards add up: a
browser's "already answered" cookie (the view's), a limit per client address counted in the database
(every worker and machine sees it), a daily cap the round sets, and every answer kept with its time so
HR can discard a burst; a discarded answer leaves the results and stays on record with who and when.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from survey.models import LoginAttempt, PublicVisit, Response, Round, utcnow
from survey.services import audit, rounds
from survey.services.accounts import PAIR_MEMORY
from survey.services.answers import check_submission_key
from survey.services.errors import N_, Invalid
from survey.services.kinds import codes, kind_of
from survey.services.questionnaires import checked_answers, questions
from survey.services.transactions import in_unit_of_work
from survey.services.zones import as_utc, from_wall_clock, on_wall_clock

#: Letters and digits nobody misreads on a poster (no 0/o, 1/l/i), lower case to type on a phone.
SLUG_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
#: 10 characters of 31: about 50 bits, so links of rounds not yet announced cannot be found by trying.
SLUG_LENGTH = 10
CLOSED, NOT_READY, CAP_REACHED, BUSY_ADDRESS = "closed", "not_ready", "cap_reached", "busy_address"
NOTHING_TO_DISCARD = N_("No public answers to discard in this time window.")


class Refused(Invalid):
    """A public answer not taken now: ``reason`` is CLOSED, NOT_READY, CAP_REACHED or BUSY_ADDRESS."""

    def __init__(self, reason: str, message: str):
        super().__init__({"": message})
        self.reason = reason


def new_slug() -> str:
    return "".join(secrets.choice(SLUG_ALPHABET) for _ in range(SLUG_LENGTH))


#: The query parameter of a link that pre-fills the SKM profile's service (skm.linked_service): one QR code per
#: counter, ``/p/<slug>?layanan=2``; the visitor may still choose another.
SERVICE_PARAMETER = "layanan"


def link(round_: Round, base_url: str, service: int | None = None) -> str:
    """The round's public link; with ``service`` (its place in the profile's list, from 1) pre-filling it."""
    address = f"{base_url.rstrip('/')}/p/{round_.public_slug}"
    return f"{address}?{SERVICE_PARAMETER}={service}" if service is not None else address


@in_unit_of_work
def make_public(session: Session, round_: Round, daily_cap: int | None, actor: str) -> Round:
    """Give a satisfaction round its public link (kept if it has one) and set its daily cap (None: none)."""
    if not kind_of(round_).may_be_public:
        raise Invalid({"": N_("Only a satisfaction round can be answered by the public.")})
    if daily_cap is not None and daily_cap < 1:
        raise Invalid({"daily_cap": N_("The daily cap must be at least 1, or empty for no cap.")})
    round_.public_slug = round_.public_slug or new_slug()
    round_.public_daily_cap = daily_cap
    audit.record(session, round_.organisation_id, actor, "round_made_public", round_.title,
                 {"round": round_.id, "daily_cap": daily_cap})
    return round_


def find_round(session: Session, slug: str) -> Round | None:
    if not slug or len(slug) > SLUG_LENGTH * 2:
        return None
    return session.scalar(select(Round).where(Round.public_slug == slug, Round.kind.in_(codes(lambda kind: kind.may_be_public))))


def refusal(session: Session, round_: Round, client: str, settings: Mapping, now: datetime | None = None) -> Refused | None:
    """Why the round takes no public answer from ``client`` now, or None when it does."""
    now = now or utcnow()
    refused = round_refusal(session, round_, now)
    if refused:
        return refused
    window = timedelta(minutes=settings["PUBLIC_ADDRESS_WINDOW_MINUTES"])
    recent = session.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.key == _address_key(round_, client, settings), LoginAttempt.created_at >= now - window))
    if recent >= settings["PUBLIC_ANSWERS_PER_ADDRESS"]:
        return Refused(BUSY_ADDRESS, N_("Many answers came from your network in a short time, so this one cannot be "
                                        "taken now. Please try again later."))
    return None


def round_refusal(session: Session, round_: Round, now: datetime) -> Refused | None:
    """Why the round takes no public answer from anyone now (closed, no questions yet, its daily cap)."""
    if rounds.state(round_) != rounds.OPEN:
        return Refused(CLOSED, N_("This survey is closed: answers are no longer accepted. Thank you for your interest."))
    if not questions(session, round_):  # made public before HR wrote the questions
        return Refused(NOT_READY, N_("This survey is not ready yet. Please come back later."))
    if round_.public_daily_cap is not None and answers_today(session, round_, now) >= round_.public_daily_cap:
        return Refused(CAP_REACHED, N_("This survey has received all the answers it takes today. Please come back "
                                       "tomorrow. Thank you."))
    return None


def answers_today(session: Session, round_: Round, now: datetime) -> int:
    """Public answers kept (not discarded) since midnight on the office's clock."""
    zone = round_.organisation.time_zone
    midnight = from_wall_clock(on_wall_clock(now, zone).replace(hour=0, minute=0, second=0, microsecond=0,
                                                                tzinfo=None), zone)
    return session.scalar(select(func.count()).select_from(PublicVisit).where(
        PublicVisit.round_id == round_.id, PublicVisit.discarded_at.is_(None), PublicVisit.created_at >= midnight))


@in_unit_of_work
def submit(session: Session, round_: Round, raw: dict[int, str], submission_key: str, *, client: str,
           settings: Mapping, locale: str, now: datetime | None = None) -> PublicVisit:
    """Store one anonymous visit's answers, all or nothing: Refused when the round takes none from
    ``client`` now, Invalid naming the questions at fault. The same page sent twice is stored once, and
    answered as stored even when the address's limit was reached since (a resent page is no new answer)."""
    now = now or utcnow()
    stored = stored_visit(session, round_, submission_key)
    if stored is not None:
        return stored
    refused = refusal(session, round_, client, settings, now)
    if refused:
        raise refused
    visit, new = store_visit(session, round_, raw, submission_key, locale, now)
    if new:
        key = _address_key(round_, client, settings)
        session.add(LoginAttempt(key=key, created_at=now))
        window = timedelta(minutes=settings["PUBLIC_ADDRESS_WINDOW_MINUTES"])
        # This address's expired counters, and everyone's older than any window: each answer adds a row, and a
        # province's 100,000 answers from as many addresses would otherwise stay until someone mistyped a password.
        session.execute(delete(LoginAttempt).where(
            ((LoginAttempt.key == key) & (LoginAttempt.created_at < now - window)) |
            (LoginAttempt.created_at < now - PAIR_MEMORY)))
    return visit


def stored_visit(session: Session, round_: Round, submission_key: str) -> PublicVisit | None:
    """The visit a page with this submission key already stored in this round, if any."""
    if not submission_key or len(submission_key) > 64:
        return None
    return session.scalar(select(PublicVisit).where(PublicVisit.round_id == round_.id,
                                                    PublicVisit.submission == submission_key))


def store_visit(session: Session, round_: Round, raw: dict[int, str], submission_key: str, locale: str,
                now: datetime, device_id: int | None = None) -> tuple[PublicVisit, bool]:
    """The visit's answers checked and added (a public link's, or a counter device's), and True; the visit
    already stored under this key and False when two copies of one page arrive at the same moment."""
    check_submission_key(submission_key)
    asked = questions(session, round_)
    values = checked_answers(asked, raw, locale)
    open_answers = {question.id for question in asked if question.kind == "text"}
    visit = PublicVisit(organisation_id=round_.organisation_id, round_id=round_.id, submission=submission_key,
                        created_at=now, counter_device_id=device_id)
    session.add(visit)
    try:
        session.flush()
    except IntegrityError:  # this page was stored already (a double click): nothing more
        session.rollback()  # the duplicate's flush failed; the view calls this alone, so nothing else is undone
        return session.scalar(select(PublicVisit).where(PublicVisit.submission == submission_key)), False
    session.add_all(Response(visit_id=visit.id, question_id=question_id, created_at=now,
                             **({"text": value} if question_id in open_answers else {"value": value}))
                    for question_id, value in values.items()
                    if not (question_id in open_answers and not value))  # an empty box stores nothing
    return visit, True


def totals(session: Session, round_: Round) -> tuple[int, int]:
    """Public answers kept and discarded so far."""
    counts = dict(session.execute(select(PublicVisit.discarded_at.is_(None), func.count())
                                  .where(PublicVisit.round_id == round_.id)
                                  .group_by(PublicVisit.discarded_at.is_(None))).all())
    return counts.get(True, 0), counts.get(False, 0)


def _address_key(round_: Round, client: str, settings: Mapping) -> str:
    """The counter's key: keyed with SECRET_KEY, so the table of counters (or a backup of it) gives no
    visitor's address back by trying every IPv4 address. An IPv6 client counts by its /64: one home
    connection holds 2^64 addresses, and rotating through them would otherwise dodge the limit."""
    try:
        address = ipaddress.ip_address(client)
        counted = str(ipaddress.ip_network(f"{address}/64", strict=False)) if address.version == 6 else str(address)
    except ValueError:
        counted = client
    digest = hmac.new(settings["SECRET_KEY"].encode(), counted.encode(), hashlib.sha256).hexdigest()
    return f"public:{round_.id}:{digest[:32]}"


@dataclass(frozen=True)
class Hour:
    """Public answers received in one hour on the office's clock: kept and discarded."""
    start: datetime
    kept: int
    discarded: int


def hours(session: Session, round_: Round) -> list[Hour]:
    """Every hour that received public answers, oldest first: where a burst shows."""
    zone = round_.organisation.time_zone
    kept, discarded = Counter(), Counter()
    for created_at, discarded_at in session.execute(select(PublicVisit.created_at, PublicVisit.discarded_at)
                                                    .where(PublicVisit.round_id == round_.id)):
        hour = on_wall_clock(created_at, zone).replace(minute=0, second=0, microsecond=0)
        (discarded if discarded_at else kept)[hour] += 1
    return [Hour(hour, kept[hour], discarded[hour]) for hour in sorted(kept.keys() | discarded.keys())]


def window_of(round_: Round, start: datetime | None, end: datetime | None) -> tuple[datetime, datetime]:
    """A time window HR typed on the office's clock (naive) as UTC moments; Invalid when it is not one."""
    errors = {}
    if start is None:
        errors["start"] = N_("Give the start of the time window.")
    if end is None:
        errors["end"] = N_("Give the end of the time window.")
    elif start is not None and end <= start:
        errors["end"] = N_("The end must come after the start.")
    for field, moment in (("start", start), ("end", end)):
        if moment is not None and not 2000 <= moment.year <= 2100:  # year 1 or 9999 overflows a time zone shift
            errors[field] = N_("Give a time between the years 2000 and 2100.")
    if errors:
        raise Invalid(errors)
    zone = round_.organisation.time_zone
    return from_wall_clock(start, zone), from_wall_clock(end, zone)


def _kept_in(round_: Round, start: datetime, end: datetime):
    return (PublicVisit.round_id == round_.id, PublicVisit.discarded_at.is_(None),
            PublicVisit.created_at >= start, PublicVisit.created_at < end)


def count_in(session: Session, round_: Round, start: datetime, end: datetime) -> int:
    """Kept public answers received from ``start`` up to (not including) ``end``."""
    return session.scalar(select(func.count()).select_from(PublicVisit).where(*_kept_in(round_, start, end)))


@in_unit_of_work
def discard(session: Session, round_: Round, start: datetime, end: datetime, actor: str,
            now: datetime | None = None) -> int:
    """Take the public answers received in [start, end) out of the results; they stay on record."""
    found = list(session.scalars(select(PublicVisit).where(*_kept_in(round_, start, end))))
    if not found:
        raise Invalid({"": NOTHING_TO_DISCARD})
    now = now or utcnow()
    for visit in found:
        visit.discarded_at, visit.discarded_by = now, actor
    audit.record(session, round_.organisation_id, actor, "public_answers_discarded", round_.title,
                 {"round": round_.id, "count": len(found), "from": as_utc(start).isoformat(),
                  "to": as_utc(end).isoformat()})
    return len(found)


@dataclass(frozen=True)
class Discarded:
    """Answers HR discarded together: when, by whom, how many, and when they had come in."""
    discarded_at: datetime
    discarded_by: str
    count: int
    first: datetime
    last: datetime


def discarded(session: Session, round_: Round) -> list[Discarded]:
    rows = session.execute(select(PublicVisit.discarded_at, PublicVisit.discarded_by, func.count(),
                                  func.min(PublicVisit.created_at), func.max(PublicVisit.created_at))
                           .where(PublicVisit.round_id == round_.id, PublicVisit.discarded_at.is_not(None))
                           .group_by(PublicVisit.discarded_at, PublicVisit.discarded_by)
                           .order_by(PublicVisit.discarded_at)).all()
    return [Discarded(*row) for row in rows]
