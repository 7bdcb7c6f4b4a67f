"""Survey rounds: launch, invite, remind, monitor, close."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.ahp import METHODS, RANDOM_INDEX
from analysis.scoring import SNAP_RULES
from survey.models import ClusterAnswer, Invitation, Person, Reask, Round, utcnow
from survey.services import mail
from survey.services.errors import N_, Invalid
from survey.services.scorecards import get_version
from survey.services.text import refuse_unsafe_characters
from survey.services.tokens import new_nonce, token_for, token_hash

LANGUAGES = ("id", "en")
ROUND_KINDS = ("weighting", "self_report", "validation", "satisfaction")
AGGREGATIONS = ("aij", "aip")
MAX_REASKS_LIMIT = 5


def create_round(session: Session, organisation_id: int, *, version_id: int, title: str, period: str = "",
                 opens_at: datetime | None = None, closes_at: datetime | None = None, language: str = "id",
                 cr_threshold: float = 0.10, ri_table: str = "saaty", max_reasks: int = 2,
                 aggregation: str = "aij", include_inconsistent: bool = True, allow_dont_know: bool = False,
                 ask_identity: bool = True, priority_method: str = "eigen", weight_decimals: int | None = None,
                 kind: str = "weighting", snap: str | None = None) -> Round:
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
    if kind not in ROUND_KINDS:
        errors["kind"] = N_("Kind must be one of %(kinds)s.", kinds=", ".join(ROUND_KINDS))
    if snap not in (None, "") + SNAP_RULES:
        errors["snap"] = N_("Levels are fractional, or snapped by one of %(rules)s.", rules=", ".join(SNAP_RULES))
    if priority_method not in METHODS:
        errors["priority_method"] = N_("Priority method must be one of %(methods)s.", methods=", ".join(METHODS))
    if weight_decimals is not None and not 1 <= weight_decimals <= 6:
        errors["weight_decimals"] = N_("Round published weights to 1-6 decimals, or leave empty for exact weights.")
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = N_("The round must close after it opens.")
    if errors:
        raise Invalid(errors)
    round_ = Round(organisation_id=organisation_id, version_id=version_id, title=(title or "").strip(), period=(period or "").strip(),
                   opens_at=opens_at, closes_at=closes_at, language=language, cr_threshold=cr_threshold,
                   ri_table=ri_table, max_reasks=max_reasks, aggregation=aggregation,
                   include_inconsistent=include_inconsistent, allow_dont_know=allow_dont_know,
                   ask_identity=ask_identity, priority_method=priority_method, weight_decimals=weight_decimals,
                   kind=kind, snap=snap or None, status="open")
    session.add(round_)
    session.commit()
    return round_


def get_round(session: Session, organisation_id: int, round_id: int) -> Round | None:
    return session.scalar(select(Round).where(Round.id == round_id, Round.organisation_id == organisation_id))


def rounds(session: Session, organisation_id: int) -> list[Round]:
    return list(session.scalars(select(Round).where(Round.organisation_id == organisation_id)
                                .order_by(Round.created_at.desc())))


def invite(session: Session, round_: Round, person_ids: list[int], *, secret_key: str, base_url: str) -> int:
    """Invite people not yet in the round: an invitation each and an email queued in the outbox."""
    if round_.status != "open":
        raise Invalid({"": N_("This round is closed.")})
    wanted = set(person_ids)
    found = list(session.scalars(select(Person).where(Person.id.in_(wanted),
                                                      Person.organisation_id == round_.organisation_id)))
    if len(found) != len(wanted):
        raise Invalid({"people": N_("Some of the chosen people are not in your organisation.")})
    already = set(session.scalars(select(Invitation.person_id).where(Invitation.round_id == round_.id)))
    count = 0
    for person in found:
        if person.id in already:
            continue
        invitation, token = new_invitation(round_, person, secret_key)
        session.add(invitation)
        session.flush()
        mail.queue_invitation(session, invitation, f"{base_url.rstrip('/')}/r/{token}", reminder=False)
        invitation.sent_at = utcnow()
        count += 1
    session.commit()
    return count


def new_invitation(round_: Round, person: Person, secret_key: str) -> tuple[Invitation, str]:
    nonce = new_nonce()
    token = token_for(secret_key, nonce)
    invitation = Invitation(organisation_id=round_.organisation_id, round_id=round_.id, person_id=person.id,
                            token_nonce=nonce, token_hash=token_hash(token), language=round_.language,
                            identity={})
    return invitation, token


def link(invitation: Invitation, *, secret_key: str, base_url: str) -> str:
    return f"{base_url.rstrip('/')}/r/{token_for(secret_key, invitation.token_nonce)}"


def remind(session: Session, round_: Round, *, secret_key: str, base_url: str) -> int:
    """Queue a reminder to everyone invited who has not finished."""
    if round_.status != "open":
        raise Invalid({"": N_("This round is closed.")})
    late = list(session.scalars(select(Invitation).where(Invitation.round_id == round_.id,
                                                         Invitation.completed_at.is_(None))))
    for invitation in late:
        mail.queue_invitation(session, invitation, link(invitation, secret_key=secret_key, base_url=base_url),
                              reminder=True)
        invitation.reminders += 1
        invitation.reminded_at = utcnow()
    session.commit()
    return len(late)


def close_round(session: Session, round_: Round) -> None:
    round_.status = "closed"
    session.commit()


def is_accepting(round_: Round) -> bool:
    now = utcnow()
    if round_.status != "open":
        return False
    if round_.opens_at and _aware(round_.opens_at) > now:
        return False
    return not (round_.closes_at and _aware(round_.closes_at) <= now)


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes for timezone-aware columns; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


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

    @property
    def response_rate(self) -> float:
        return self.completed / self.invited if self.invited else 0.0


def progress(session: Session, round_: Round) -> Progress:
    rows = session.execute(select(Invitation, Person).join(Person, Person.id == Invitation.person_id)
                           .where(Invitation.round_id == round_.id).order_by(Person.name)).all()
    answers: dict[int, list[ClusterAnswer]] = {}
    for answer in session.scalars(select(ClusterAnswer).join(Invitation, Invitation.id == ClusterAnswer.invitation_id)
                                  .where(Invitation.round_id == round_.id)):
        answers.setdefault(answer.invitation_id, []).append(answer)
    reask_counts = dict(session.execute(
        select(Reask.invitation_id, func.count()).join(Invitation, Invitation.id == Reask.invitation_id)
        .where(Invitation.round_id == round_.id).group_by(Reask.invitation_id)).all())
    participants = []
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
                    completed=sum(p.state == "completed" for p in participants), participants=participants)
