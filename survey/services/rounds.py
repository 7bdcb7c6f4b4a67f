"""Survey rounds: launch, invite, remind, monitor, close."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.ahp import METHODS, RANDOM_INDEX, largest_cluster
from analysis.rating import MEANS, SCALES
from analysis.scoring import SNAP_RULES
from survey.models import (
    ROOT_CLUSTER,
    ClusterAnswer,
    Invitation,
    Organisation,
    Person,
    PublicVisit,
    Reask,
    Round,
    ScorecardVersion,
    utcnow,
)
from survey.services import audit, calendar, groups, mail, network, people, periods, scorecards
from survey.services.addresses import normal_email
from survey.services.errors import N_, Invalid, Message, joined
from survey.services.kinds import DEFAULT, KINDS, kind_of
from survey.services.paging import Page, matches, page_of_list
from survey.services.phones import normal_phone
from survey.services.scorecards import clusters as version_clusters
from survey.services.scorecards import get_version, hierarchy
from survey.services.text import refuse_unsafe_characters
from survey.services.tokens import new_nonce, token_for, token_hash
from survey.services.transactions import in_unit_of_work
from survey.services.zones import as_utc, from_wall_clock

LANGUAGES = ("id", "en")
AGGREGATIONS = ("aij", "aip")
MAX_REASKS_LIMIT = 5
#: Who the audit log names when no person did it (the demo, a command).
SYSTEM = "system"
#: A round being prepared: settings editable, nobody invited, nothing sent.
DRAFT = "draft"


@in_unit_of_work
def create_round(session: Session, organisation_id: int, *, draft: bool = False, **settings) -> Round:
    """A new round, open for invitations, or a ``draft`` whose settings stay editable and which sends
    nothing until launched. ``settings`` are those of ``_checked_settings``."""
    round_ = Round(organisation_id=organisation_id, status="draft" if draft else "open",
                   **_checked_settings(session, organisation_id, **settings))
    session.add(round_)
    return round_


@in_unit_of_work
def change_draft(session: Session, round_: Round, actor: str = SYSTEM, **settings) -> None:
    """Change a draft round's settings, checked as when it was made."""
    if round_.status != DRAFT:
        raise Invalid({"": N_("Only a draft's settings can change; this round is launched.")})
    values = _checked_settings(session, round_.organisation_id, **settings)
    changed = {key: f"{getattr(round_, key)} → {value}" for key, value in values.items()
               if getattr(round_, key) != value and key not in ("opens_at", "closes_at")}
    for key, value in values.items():
        setattr(round_, key, value)
    audit.record(session, round_.organisation_id, actor, "round_changed", round_.title, {"round": round_.id, **changed})


@in_unit_of_work
def launch_draft(session: Session, round_: Round, actor: str = SYSTEM) -> None:
    """Open a draft for invitations: from now on its settings stay as they are."""
    if round_.status != DRAFT:
        raise Invalid({"": N_("This round is launched already.")})
    kind = kind_of(round_)
    if kind.asks_groups:  # the version's comparison groups may have changed since the draft
        wrong = _groups_problems(session, round_.version_id, round_.ri_table if kind.pairwise else None)
        if wrong:
            raise Invalid(wrong)
    round_.status = "open"
    audit.record(session, round_.organisation_id, actor, "round_launched", round_.title, {"round": round_.id})


def _checked_settings(session: Session, organisation_id: int, *, version_id: int, title: str, period: str = "",
                      opens_at: datetime | None = None, closes_at: datetime | None = None, language: str = "id",
                      cr_threshold: float = 0.10, ri_table: str = "saaty", max_reasks: int = 2,
                      aggregation: str = "aij", include_inconsistent: bool = True, allow_dont_know: bool = False,
                      ask_identity: bool = True, priority_method: str = "eigen", weight_decimals: int | None = None,
                      kind: str = DEFAULT.code, snap: str | None = None, rating_scale: int | None = None,
                      rating_mean: str | None = None) -> dict:
    """A round's settings as stored (times in UTC); Invalid names each field at fault."""
    refuse_unsafe_characters(title=title or "", period=period or "")
    errors = {}
    if get_version(session, organisation_id, version_id) is None:
        errors["version_id"] = N_("Choose a scorecard version of your organisation.")
    if not (title or "").strip():
        errors["title"] = N_("Give the round a title.")
    if language not in LANGUAGES:
        errors["language"] = N_("Language must be id or en.")
    if not 0 < cr_threshold <= 0.3:
        errors["cr_threshold"] = N_("The CR threshold lies between 0 and 0.3 (0.10 is usual).")
    if ri_table not in RANDOM_INDEX:
        errors["ri_table"] = N_("Random index table must be one of %(tables)s.", tables=", ".join(RANDOM_INDEX))
    if not 0 <= max_reasks <= MAX_REASKS_LIMIT:
        errors["max_reasks"] = N_("Re-asks lie between 0 and %(limit)s.", limit=MAX_REASKS_LIMIT)
    if aggregation not in AGGREGATIONS:
        errors["aggregation"] = N_("Aggregation is aij or aip.")
    if kind not in KINDS:
        errors["kind"] = N_("Kind must be one of %(kinds)s.", kinds=", ".join(KINDS))
    chosen = KINDS.get(kind)
    if snap not in (None, "") + SNAP_RULES:
        errors["snap"] = N_("Levels are fractional, or snapped by one of %(rules)s.", rules=", ".join(SNAP_RULES))
    if chosen and "rating_scale" in chosen.settings:
        rating_scale, rating_mean = rating_scale or 10, rating_mean or "arithmetic"
        if rating_scale not in SCALES:
            errors["rating_scale"] = N_("Ratings are on a 1-10 or a 0-100 scale.")
        if rating_mean not in MEANS:
            errors["rating_mean"] = N_("Ratings are combined by their arithmetic or geometric mean.")
    else:
        rating_scale = rating_mean = None
    if priority_method not in METHODS:
        errors["priority_method"] = N_("Priority method must be one of %(methods)s.", methods=", ".join(METHODS))
    if weight_decimals is not None and not 1 <= weight_decimals <= 6:
        errors["weight_decimals"] = N_("Round published weights to 1-6 decimals, or leave empty for exact weights.")
    if chosen and chosen.asks_groups and "version_id" not in errors:
        pairwise = chosen.pairwise and "ri_table" not in errors  # ratings need no random index
        errors.update(_groups_problems(session, version_id, ri_table if pairwise else None))
    if chosen and chosen.influence_pages and "version_id" not in errors:
        try:
            network.refuse_unready(session, get_version(session, organisation_id, version_id))
        except Invalid as error:
            errors.update(error.errors)
        too_large = None if "ri_table" in errors else _cluster_beyond_table(session, version_id, ri_table, True)
        if too_large:
            errors["ri_table"] = too_large
    # The form's times are read on the office's clock; the database keeps UTC.
    zone = session.get(Organisation, organisation_id).time_zone
    opens_at, closes_at = (from_wall_clock(moment, zone) if moment else None for moment in (opens_at, closes_at))
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = N_("The round must close after it opens.")
    if (period or "").strip():  # a calendar code; text an earlier round or measurement already used stays
        try:
            known = calendar.stored_periods(session, organisation_id)
            # A satisfaction round's period places it in the IKM's trend (services/skm_periods.py).
            period = (periods.survey_period if chosen and chosen.ikm else periods.normalised)(period, known)
        except Invalid as error:
            errors.update(error.errors)
    if errors:
        raise Invalid(errors)
    return {"version_id": version_id, "title": (title or "").strip(), "period": (period or "").strip(),
            "opens_at": opens_at, "closes_at": closes_at, "language": language, "cr_threshold": cr_threshold,
            "ri_table": ri_table, "max_reasks": max_reasks, "aggregation": aggregation,
            "include_inconsistent": include_inconsistent, "allow_dont_know": allow_dont_know,
            "ask_identity": ask_identity, "priority_method": priority_method, "weight_decimals": weight_decimals,
            "kind": kind, "snap": snap or None, "rating_scale": rating_scale, "rating_mean": rating_mean}


def _groups_problems(session: Session, version_id: int, ri_table: str | None) -> dict[str, str]:
    """Why the version's comparison groups cannot be asked (the grouping no longer fits its elements, or
    the random index table is too short for its largest group), per field; empty when they can."""
    version = session.get(ScorecardVersion, version_id)
    wrong = groups.problems(scorecards.elements(session, version_id, tree_only=True), groups.grouping_of(version))
    if wrong:
        return {"version_id": N_("The version's comparison groups do not fit its elements: %(problem)s",
                                 problem=joined(wrong.values()))}
    too_large = _cluster_beyond_table(session, version_id, ri_table) if ri_table else None
    return {"ri_table": too_large} if too_large else {}


def _cluster_beyond_table(session: Session, version_id: int, ri_table: str, influence_pages: bool = False) -> str | None:
    """Why the random index table cannot serve the round's largest page (a comparison group, or a network's
    comparison set), naming it; None when it can."""
    largest = largest_cluster(ri_table)
    if largest is None:
        return None
    _, by_id = hierarchy(session, version_id, tree_only=True)
    if influence_pages:
        pages = [(s.key, s.members) for s in network.network(session, session.get(ScorecardVersion, version_id)).sets]
    else:
        pages = version_clusters(session, version_id, tree_only=True)
    for key, members in pages:
        if len(members) > largest:
            return N_("The %(table)s random index table stops at %(largest)d elements, but %(cluster)s has %(n)d. "
                      "Choose alonso_lamata, which extends to any size.", table=ri_table, largest=largest,
                      cluster=_cluster_name(key, by_id), n=len(members))
    return None


def _cluster_name(key: str, by_id) -> str:
    """How the RI table's message names a group: "the perspectives", "F1 Revenue", "all KPIs"."""
    return Message([(N_("the perspectives"), {})]) if key == ROOT_CLUSTER else groups.heading(key, by_id)


def get_round(session: Session, organisation_id: int, round_id: int) -> Round | None:
    return session.scalar(select(Round).where(Round.id == round_id, Round.organisation_id == organisation_id))


def rounds(session: Session, organisation_id: int) -> list[Round]:
    return list(session.scalars(select(Round).where(Round.organisation_id == organisation_id)
                                .order_by(Round.created_at.desc())))


@in_unit_of_work
def invite(session: Session, round_: Round, person_ids: list[int], settings: Mapping, actor: str = SYSTEM) -> int:
    """Invite people not yet in the round: an invitation each and, for those with an email, a message
    queued in the outbox (its link is made when it is sent, from ``settings``: SECRET_KEY, PUBLIC_URL).
    People without email are reached by hand (survey.services.by_hand: WhatsApp, a printed letter)."""
    count = add_invitations(session, round_, person_ids, settings, actor)
    return count


@in_unit_of_work
def add_participants(session: Session, round_: Round, rows: list[dict], settings: Mapping,
                     actor: str = SYSTEM) -> tuple[int, int]:
    """Add the people not yet known (by email, else phone) and invite everyone listed: all of it or, on
    any refusal, nothing. Returns (people added, invitations made)."""
    known = {key for p in people.people(session, round_.organisation_id) for key in people.contacts(p)}
    keys = [normal_email(str(row.get("email") or "")) or normal_phone(str(row.get("phone") or "")) or ""
            for row in rows]
    new_rows = [row for row, key in zip(rows, keys) if key not in known]
    if new_rows:
        people.add_people(session, round_.organisation_id, pd.DataFrame(new_rows).astype(object), "en")
    chosen = [p.id for p in people.people(session, round_.organisation_id) if people.contacts(p) & set(keys)]
    invited = add_invitations(session, round_, chosen, settings, actor)
    return len(new_rows), invited


def add_invitations(session: Session, round_: Round, person_ids: list[int], settings: Mapping,
                    actor: str = SYSTEM) -> int:
    """``invite`` without the commit, for a caller that writes more in the same transaction."""
    _require_launched_and_open(round_)
    mail.check_can_send(settings)
    wanted = set(person_ids)
    found = list(session.scalars(select(Person).where(Person.id.in_(wanted),
                                                      Person.organisation_id == round_.organisation_id)))
    if len(found) != len(wanted):
        raise Invalid({"people": N_("Some of the chosen people are not in your organisation.")})
    inactive = sorted(person.name for person in found if person.deactivated_at is not None)
    if inactive:
        raise Invalid({"people": N_("%(names)s cannot be invited: deactivated.", names=", ".join(inactive))})
    already = set(session.scalars(select(Invitation.person_id).where(Invitation.round_id == round_.id)))
    count, names, by_hand = 0, [], 0
    for person in found:
        if person.id in already:
            continue
        names.append(person.name)
        invitation, _token = new_invitation(round_, person, settings["SECRET_KEY"])
        session.add(invitation)
        session.flush()
        if person.email:
            mail.queue_invitation(session, invitation, reminder=False)
            invitation.sent_at = utcnow()
        else:
            by_hand += 1  # HR hands the link over: no message, and sent_at stays empty until then
        count += 1
    if count:
        audit.record(session, round_.organisation_id, actor, "invitations_sent", round_.title,
                     {"round": round_.id, "count": count, "by_hand": by_hand, "people": ", ".join(sorted(names))})
    return count


def new_invitation(round_: Round, person: Person, secret_key: str) -> tuple[Invitation, str]:
    nonce = new_nonce()
    token = token_for(secret_key, nonce)
    invitation = Invitation(organisation_id=round_.organisation_id, round_id=round_.id, person_id=person.id,
                            token_nonce=nonce, token_hash=token_hash(token), language=round_.language,
                            identity={})
    return invitation, token


@in_unit_of_work
def remind(session: Session, round_: Round, settings: Mapping) -> int:
    """Queue a reminder to everyone invited with an email who has not finished (the others are reminded
    by hand: survey.services.by_hand.to_remind)."""
    _require_launched_and_open(round_)
    mail.check_can_send(settings)
    late = list(session.scalars(select(Invitation).join(Person, Person.id == Invitation.person_id)
                                .where(Invitation.round_id == round_.id, Invitation.completed_at.is_(None),
                                       Invitation.removed_at.is_(None), Person.email.is_not(None))))
    for invitation in late:
        mail.queue_invitation(session, invitation, reminder=True)
        invitation.reminders += 1
        invitation.reminded_at = utcnow()
    return len(late)


def _require_launched_and_open(round_: Round) -> None:
    if round_.status == DRAFT:
        raise Invalid({"": N_("This round is a draft: launch it first.")})
    if round_.status != "open":
        raise Invalid({"": N_("This round is closed.")})


@in_unit_of_work
def close_round(session: Session, round_: Round, actor: str = SYSTEM) -> None:
    _require_launched_and_open(round_)
    round_.status = "closed"
    audit.record(session, round_.organisation_id, actor, "round_closed", round_.title, {"round": round_.id})


@in_unit_of_work
def reopen_round(session: Session, round_: Round, actor: str = SYSTEM) -> None:
    """Take answers again; a closing time already past must be moved first, or the round would stay shut."""
    if round_.status != "closed":
        raise Invalid({"": N_("This round is open already.")})
    if round_.closes_at and as_utc(round_.closes_at) <= utcnow():
        raise Invalid({"closes_at": N_("Its closing time has passed: set a later closing time first.")})
    round_.status = "open"
    audit.record(session, round_.organisation_id, actor, "round_reopened", round_.title, {"round": round_.id})


@in_unit_of_work
def change_closing(session: Session, round_: Round, closes_at: datetime | None, actor: str = SYSTEM) -> None:
    """Move the closing time (read on the office's clock), or take it away with None."""
    zone = session.get(Organisation, round_.organisation_id).time_zone
    closes_at = from_wall_clock(closes_at, zone) if closes_at else None
    if closes_at and round_.opens_at and closes_at <= as_utc(round_.opens_at):
        raise Invalid({"closes_at": N_("The round must close after it opens.")})
    before = round_.closes_at
    round_.closes_at = closes_at
    audit.record(session, round_.organisation_id, actor, "round_closing_changed", round_.title,
                 {"round": round_.id, "from": _utc_text(before), "to": _utc_text(closes_at)})


@in_unit_of_work
def remove_participant(session: Session, round_: Round, invitation_id: int, actor: str = SYSTEM) -> Invitation:
    """Take a person out of the round: their answers stay on record but leave results, progress and reminders."""
    invitation = session.scalar(select(Invitation).where(Invitation.id == invitation_id,
                                                         Invitation.round_id == round_.id))
    if invitation is None:
        raise Invalid({"": N_("No such participant in this round.")})
    if invitation.removed_at is not None:
        raise Invalid({"": N_("%(name)s was removed already.", name=invitation.person.name)})
    invitation.removed_at = utcnow()
    mail.cancel_unsent(session, invitation.id)
    audit.record(session, round_.organisation_id, actor, "participant_removed", invitation.person.name,
                 {"round": round_.id, "round_title": round_.title, "email": invitation.person.email or "",
                  "completed": invitation.completed_at is not None})
    return invitation


def _utc_text(moment: datetime | None) -> str:
    return as_utc(moment).strftime("%Y-%m-%d %H:%M UTC") if moment else ""


#: Where a round stands: a draft (DRAFT), not open yet, taking answers, past its closing time, or closed by HR.
UPCOMING, OPEN, ENDED, CLOSED = "upcoming", "open", "ended", "closed"


def state(round_: Round) -> str:
    now = utcnow()
    if round_.status == DRAFT:
        return DRAFT
    if round_.status != "open":
        return CLOSED
    if round_.closes_at and as_utc(round_.closes_at) <= now:
        return ENDED
    if round_.opens_at and as_utc(round_.opens_at) > now:
        return UPCOMING
    return OPEN


def is_accepting(round_: Round) -> bool:
    return state(round_) == OPEN


@dataclass(frozen=True)
class ParticipantStatus:
    invitation: Invitation
    person: Person
    state: str  # invited | opened | answering | completed
    cluster_cr: dict[str, float | None]
    flagged: list[str]  # clusters kept inconsistent
    reasks: int


@dataclass(frozen=True)
class Progress:
    invited: int
    opened: int
    completed: int
    participants: list[ParticipantStatus]
    removed: list[Invitation] = ()  # taken out of the round by HR: shown apart, counted nowhere
    public: int = 0  # answers kept through the round's public link (anonymous: no invitation to count against)

    @property
    def response_rate(self) -> float:
        return self.completed / self.invited if self.invited else 0.0


def participants_page(progress_: Progress, search: str = "", number: int = 1) -> Page:
    """One page of the round's participants (by name), those whose name, email or phone contains ``search``."""
    return page_of_list([p for p in progress_.participants
                         if matches(search, p.person.name, p.person.email, p.person.phone)], number)


def progress(session: Session, round_: Round) -> Progress:
    rows = session.execute(select(Invitation, Person)
                           .join(Person, (Person.id == Invitation.person_id)
                                 & (Person.organisation_id == round_.organisation_id))
                           .where(Invitation.round_id == round_.id).order_by(Person.name)).all()
    # The round's invitations named, not joined: read by index among a province's rows (results.invitation_ids).
    invited = [invitation.id for invitation, _ in rows]
    answers: dict[int, list[ClusterAnswer]] = {}
    for answer in session.scalars(select(ClusterAnswer).where(ClusterAnswer.invitation_id.in_(invited))):
        answers.setdefault(answer.invitation_id, []).append(answer)
    reask_counts = dict(session.execute(
        select(Reask.invitation_id, func.count()).where(Reask.invitation_id.in_(invited))
        .group_by(Reask.invitation_id)).all())
    participants, removed = [], [invitation for invitation, _ in rows if invitation.removed_at is not None]
    rows = [(invitation, person) for invitation, person in rows if invitation.removed_at is None]
    for invitation, person in rows:
        mine = answers.get(invitation.id, [])
        state = ("completed" if invitation.completed_at else "answering" if mine
                 else "opened" if invitation.opened_at else "invited")
        participants.append(ParticipantStatus(
            invitation=invitation, person=person, state=state,
            cluster_cr={answer.cluster: answer.cr for answer in mine},
            flagged=[answer.cluster for answer in mine if answer.status == "kept_inconsistent"],
            reasks=reask_counts.get(invitation.id, 0)))
    return Progress(invited=len(rows), opened=sum(p.state != "invited" for p in participants),
                    completed=sum(p.state == "completed" for p in participants), participants=participants,
                    removed=removed,
                    public=session.scalar(select(func.count()).select_from(PublicVisit).where(
                        PublicVisit.round_id == round_.id, PublicVisit.discarded_at.is_(None))) or 0)
