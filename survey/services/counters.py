"""Counter mode of a satisfaction round: a tablet at the service counter (kiosk) that visitor after visitor
answers on, and a live screen of the current IKM for a TV.

Each device has its own link ``/k/<token>``, shown once when HR makes it (only the token's SHA-256 is kept),
and HR revokes it when the tablet is lost or retired. The tablet is one device shared by every visitor, so
it has no "already answered" cookie and no limit per network address: its own limit counts its answers per
minute (a visitor takes a minute or more to answer the SKM; a stuck key or a script does not).
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.models import CounterDevice, PublicVisit, Round, utcnow
from survey.services import audit, public, skm
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.questionnaires import questions
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work

REVOKED, BUSY_DEVICE = "revoked", "busy_device"
#: 32 random bytes, URL-safe: a device link cannot be guessed.
TOKEN_BYTES = 32
COUNTER_WINDOW = timedelta(minutes=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@in_unit_of_work
def create_device(session: Session, round_: Round, name: str, service: int | None, actor: str,
                  token: str | None = None) -> tuple[CounterDevice, str]:
    """A new counter device of a satisfaction round and its token (shown once); ``service`` (from 1) is
    the SKM profile's service its form pre-fills. ``token``: random unless given (the demo's, which it
    makes from SECRET_KEY to print the same link on every run)."""
    if not kind_of(round_).may_be_public:
        raise Invalid({"": N_("Only a satisfaction round can be answered at a counter.")})
    errors = {}
    if not name.strip():
        errors["name"] = N_("Name the device after its counter, e.g. \"Counter 1\".")
    offered = [number for number, _name in skm.services_offered(questions(session, round_))]
    if service is not None and service not in offered:
        errors["service"] = N_("Choose one of the services of the survey's profile, or none.")
    if errors:
        raise Invalid(errors)
    refuse_unsafe_characters(name=name)
    token = token or secrets.token_urlsafe(TOKEN_BYTES)
    device = CounterDevice(organisation_id=round_.organisation_id, round_id=round_.id, name=name.strip()[:200],
                           service=service, token_hash=token_hash(token), created_by=actor)
    session.add(device)
    audit.record(session, round_.organisation_id, actor, "counter_device_created", device.name,
                 {"round": round_.id})
    return device, token


def devices(session: Session, round_: Round) -> list[CounterDevice]:
    return list(session.scalars(select(CounterDevice).where(CounterDevice.round_id == round_.id)
                                .order_by(CounterDevice.id)))


def answers_by_device(session: Session, round_: Round) -> dict[int, int]:
    """Kept answers given on each counter device of the round."""
    return dict(session.execute(select(PublicVisit.counter_device_id, func.count())
                                .where(PublicVisit.round_id == round_.id, PublicVisit.discarded_at.is_(None),
                                       PublicVisit.counter_device_id.is_not(None))
                                .group_by(PublicVisit.counter_device_id)).all())


@in_unit_of_work
def revoke(session: Session, round_: Round, device_id: int, actor: str, now: datetime | None = None) -> CounterDevice:
    """Stop a device's link for good: its kiosk and live screen refuse from now on; its answers stay."""
    device = session.scalar(select(CounterDevice).where(CounterDevice.id == device_id,
                                                        CounterDevice.round_id == round_.id))
    if device is None:
        raise Invalid({"": N_("No such counter device.")})
    if device.revoked_at is None:
        device.revoked_at, device.revoked_by = now or utcnow(), actor
        audit.record(session, round_.organisation_id, actor, "counter_device_revoked", device.name,
                     {"round": round_.id})
    return device


def find_device(session: Session, token: str) -> CounterDevice | None:
    """The device behind a link's token (a revoked one too: it is told so), or None."""
    if not token or len(token) > 100:
        return None
    return session.scalar(select(CounterDevice).where(CounterDevice.token_hash == token_hash(token)))


def refusal(session: Session, device: CounterDevice, round_: Round, settings: Mapping,
            now: datetime | None = None) -> public.Refused | None:
    """Why the device takes no answer now (revoked, the round's refusals, its own limit), or None."""
    now = now or utcnow()
    if device.revoked_at is not None:
        return public.Refused(REVOKED, N_("This counter's link was revoked: it takes no answers. Please ask the "
                                          "staff for help."))
    refused = public.round_refusal(session, round_, now)
    if refused:
        return refused
    recent = session.scalar(select(func.count()).select_from(PublicVisit).where(
        PublicVisit.counter_device_id == device.id, PublicVisit.created_at >= now - COUNTER_WINDOW))
    if recent >= settings["COUNTER_ANSWERS_PER_MINUTE"]:
        return public.Refused(BUSY_DEVICE, N_("Many answers came from this counter in the last minute, so this one "
                                              "cannot be taken now. Please wait a moment and press save again."))
    return None


@in_unit_of_work
def submit(session: Session, device: CounterDevice, raw: dict[int, str], submission_key: str, *,
           settings: Mapping, locale: str, now: datetime | None = None) -> PublicVisit:
    """Store one visitor's answers given on the device, all or nothing; the same page sent twice (a weak
    signal's retry) is stored once and answered as stored. Refused, or Invalid naming the questions."""
    now = now or utcnow()
    round_ = session.get(Round, device.round_id)
    stored = public.stored_visit(session, round_, submission_key)
    if stored is not None and device.revoked_at is None:
        return stored
    refused = refusal(session, device, round_, settings, now)
    if refused:
        raise refused
    return public.store_visit(session, round_, raw, submission_key, locale, now, device_id=device.id)[0]


@dataclass(frozen=True)
class LiveIkm:
    """One line of the live screen: the IKM (25-100) and grade of all visitors or of one service's."""
    name: str | None   # None: all services
    converted: float | None
    grade: str | None
    respondents: int


@dataclass(frozen=True)
class LiveScreen:
    round: Round
    skm: bool                # False: the round asks no SKM questionnaire, so there is no IKM to show
    overall: LiveIkm
    services: list[LiveIkm]
    answers: int             # public answers kept (complete or not)


def live_screen(session: Session, round_: Round) -> LiveScreen:
    """What the TV shows now: the IKM overall and per service with their respondents."""
    kept, _discarded = public.totals(session, round_)
    if not skm.has_questionnaire(session, round_):
        return LiveScreen(round_, False, LiveIkm(None, None, None, 0), [], kept)
    results = skm.results(session, round_)
    overall = LiveIkm(None, *_figures(results.result), results.respondents)
    return LiveScreen(round_, True, overall,
                      [LiveIkm(service.name, *_figures(service.result), service.respondents)
                       for service in results.services], kept)


def _figures(result) -> tuple[float | None, str | None]:
    return (result.converted, result.grade) if result else (None, None)
