"""The reporting cycle of a period: deadline, completion, reminders, submission, verification and lock.

HR sets a period's deadline; each KPI owner enters the targets and actuals of their KPIs, and submits
them; HR, or the verifier named for a KPI (the owner's superior, as in e-Kinerja), verifies or returns
each with a comment the owner reads. When every KPI is verified HR locks the period: from then on its
values refuse every change (services.period_locks) until an administrator unlocks it. Owners with
missing values are reminded before and after the deadline (Spider Impact alerts 15 days before a
period ends), each at most once a day. Every step is written to the audit log.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from urllib.parse import quote

from babel.dates import format_date
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from survey import i18n
from survey.models import (
    Element,
    KpiSubmission,
    KpiVerifier,
    Organisation,
    OutboxMessage,
    OwnerReminder,
    ReportingPeriod,
    ScorecardVersion,
    User,
    utcnow,
)
from survey.services import audit, data_versions, kpi_owners, mail, performance, periods
from survey.services.errors import N_, Invalid, Message
from survey.services.period_locks import refuse_locked
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work
from survey.services.zones import on_wall_clock

SUBMITTED, VERIFIED, RETURNED = "submitted", "verified", "returned"
#: A period's state as its scorecard and report say it, from the least to the most final.
PROVISIONAL, LOCKED = "provisional", "locked"
STATE_NAMES = {PROVISIONAL: N_("provisional"), SUBMITTED: N_("submitted"), VERIFIED: N_("verified"),
               LOCKED: N_("locked")}
STATUS_NAMES = {"": N_("not submitted"), SUBMITTED: N_("submitted"), VERIFIED: N_("verified"),
                RETURNED: N_("returned")}
ENTERED, MISSING, LATE = "entered", "missing", "late"
#: Reminders start this long before the deadline (Spider Impact's alert 15 days before a period ends)
#: and go on after it, at most once a day, until the values are in or the period is locked.
REMIND_BEFORE = timedelta(days=15)
#: Roles that verify any KPI and lock periods (besides a KPI's named verifier, who verifies that KPI).
HR_ROLES = ("admin", "hr")
#: Roles that may be named a KPI's verifier: those whose right covers entering KPI data (survey/rights.py).
VERIFIER_ROLES = ("admin", "hr", "kpi_owner")


@dataclass(frozen=True)
class KpiLine:
    """One KPI on the completion board."""
    code: str
    name: str
    owners: tuple[User, ...]
    verifier: User | None
    has_target: bool
    has_actual: bool
    state: str                  # entered | missing | late
    status: str                 # "" | submitted | verified | returned
    comment: str                # the verifier's comment when returned (or verified with one)
    light: str = ""             # the KPI's light in this period, when it is scored
    analysed: bool = False      # its finding gives both a cause and a follow-up action

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(name for name, present in (("target", self.has_target), ("actual", self.has_actual))
                     if not present)


@dataclass(frozen=True)
class OwnerLine:
    """One KPI owner's count of KPIs in each state."""
    user: User
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Board:
    period: str
    deadline: date | None
    today: date
    state: str                  # provisional | submitted | verified | locked
    locked_by: str
    kpis: tuple[KpiLine, ...]
    owners: tuple[OwnerLine, ...]

    @property
    def late(self) -> bool:
        return self.deadline is not None and self.today > self.deadline


def _word(text: str) -> Message:
    """A catalog word as a value of a message, so it is translated with it."""
    return Message([(text, {})])


def today_of(session: Session, organisation_id: int) -> date:
    """Today on the office's calendar."""
    return on_wall_clock(utcnow(), session.get(Organisation, organisation_id).time_zone).date()


def reporting_period(session: Session, version: ScorecardVersion, period: str) -> ReportingPeriod | None:
    return session.scalar(select(ReportingPeriod).where(ReportingPeriod.version_id == version.id,
                                                        ReportingPeriod.period == period))


def _reporting_period_row(session: Session, version: ScorecardVersion, period: str) -> ReportingPeriod:
    row = reporting_period(session, version, period)
    if row is None:
        row = ReportingPeriod(organisation_id=version.organisation_id, version_id=version.id, period=period,
                              locked_by="")
        session.add(row)
    return row


def _checked_period(period: str) -> str:
    period = str(period or "").strip()
    if not period:
        raise Invalid({"period": N_("Give the period, e.g. 2010.")})
    refuse_unsafe_characters(period=period)
    return period


@in_unit_of_work
def set_deadline(session: Session, version: ScorecardVersion, period: str, deadline: date | None,
                 actor: str) -> None:
    """HR's deadline for the period's values (None: no deadline); a locked period's stays as it was."""
    period = _checked_period(period)
    refuse_locked(session, version.id, [period])
    row = _reporting_period_row(session, version, period)
    row.deadline = deadline
    audit.record(session, version.organisation_id, actor, "deadline_set", period,
                 {"version": version.id, "deadline": deadline.isoformat() if deadline else ""})


def verifiers(session: Session, version: ScorecardVersion) -> dict[str, User]:
    """KPI code -> the user named to verify it."""
    return {code: user for code, user in session.execute(
        select(Element.code, User).join(KpiVerifier, KpiVerifier.element_id == Element.id)
        .join(User, User.id == KpiVerifier.user_id).where(Element.version_id == version.id))}


def verifier_candidates(session: Session, organisation_id: int) -> list[User]:
    return list(session.scalars(select(User).where(User.organisation_id == organisation_id,
                                                   User.role.in_(VERIFIER_ROLES), User.disabled_at.is_(None))
                                .order_by(User.email)))


@in_unit_of_work
def set_verifier(session: Session, version: ScorecardVersion, code: str, user_id: int | None, actor: str) -> None:
    """Name the user who verifies a KPI besides HR (None: HR only)."""
    kpi = performance.kpis(session, version).get(code)
    errors = {}
    if kpi is None:
        errors["kpi"] = N_("There is no KPI %(code)s in this version.", code=code)
    if user_id is not None and user_id not in {u.id for u in verifier_candidates(session, version.organisation_id)}:
        errors["verifier"] = N_("A verifier is an active user who may enter KPI data (a KPI owner, HR or an "
                                "administrator).")
    if errors:
        raise Invalid(errors)
    session.execute(delete(KpiVerifier).where(KpiVerifier.element_id == kpi.id))
    data_versions.touch(session, version.organisation_id)
    if user_id is not None:
        session.add(KpiVerifier(organisation_id=version.organisation_id, element_id=kpi.id, user_id=user_id))
    audit.record(session, version.organisation_id, actor, "kpi_verifier_set", code,
                 {"version": version.id, "verifier": user_id or ""})


def _submissions(session: Session, known: dict[str, Element], period: str) -> dict[str, KpiSubmission]:
    by_id = {e.id: code for code, e in known.items()}
    return {by_id[s.element_id]: s for s in session.scalars(
        select(KpiSubmission).where(KpiSubmission.element_id.in_(list(by_id)), KpiSubmission.period == period))}


def _lights(session: Session, version: ScorecardVersion, period: str) -> dict[str, dict]:
    """Each scored KPI's light and finding in the period; none while the scorecard cannot be made."""
    try:
        card = performance.office_scorecard(session, version, period)
    except Invalid:
        return {}
    return {row["kpi"]: row for row in card.kpis.to_dict("records")}


def state_of(statuses: list[str], locked: bool) -> str:
    """The period's state: locked; verified when every KPI is; submitted when every KPI is at least
    submitted; else provisional."""
    if locked:
        return LOCKED
    if statuses and all(s == VERIFIED for s in statuses):
        return VERIFIED
    if statuses and all(s in (SUBMITTED, VERIFIED) for s in statuses):
        return SUBMITTED
    return PROVISIONAL


def period_state(session: Session, version: ScorecardVersion, period: str) -> str:
    known = performance.kpis(session, version)
    found = _submissions(session, known, period)
    row = reporting_period(session, version, period)
    return state_of([found[c].status if c in found else "" for c in known], bool(row and row.locked_at))


def board(session: Session, version: ScorecardVersion, period: str, today: date | None = None) -> Board:
    """Per KPI and per owner: entered, missing or late, and where its submission stands."""
    today = today or today_of(session, version.organisation_id)
    known = performance.kpis(session, version)
    current = performance.current_measurements(session, version)
    owners, named = kpi_owners.owners(session, version), verifiers(session, version)
    found, scored = _submissions(session, known, period), _lights(session, version, period)
    row = reporting_period(session, version, period)
    deadline = row.deadline if row else None
    lines = []
    for code, element in known.items():
        values = current.get((element.id, period))
        has_target = values is not None and values.target is not None
        has_actual = values is not None and (values.actual is not None or bool(values.inputs))
        state = ENTERED if has_target and has_actual else LATE if deadline and today > deadline else MISSING
        submission, scored_row = found.get(code), scored.get(code, {})
        light = scored_row.get("light", "")
        lines.append(KpiLine(code, element.name, tuple(owners.get(code, ())), named.get(code), has_target, has_actual,
                             state, submission.status if submission else "", submission.comment if submission else "",
                             light if light in ("red", "yellow", "green") else "",
                             bool(str(scored_row.get("root_cause") or "").strip()
                                  and str(scored_row.get("action") or "").strip())))
    by_owner: dict[int, OwnerLine] = {}
    for line in lines:
        for user in line.owners:
            owner = by_owner.setdefault(user.id, OwnerLine(user, {name: 0 for name in (
                ENTERED, MISSING, LATE, SUBMITTED, VERIFIED, RETURNED)}))
            owner.counts[line.state] += 1
            if line.status:
                owner.counts[line.status] += 1
    return Board(period, deadline, today, state_of([line.status for line in lines], bool(row and row.locked_at)),
                 row.locked_by if row and row.locked_at else "", tuple(lines),
                 tuple(sorted(by_owner.values(), key=lambda o: o.user.email)))


@in_unit_of_work
def submit(session: Session, version: ScorecardVersion, period: str, user: User,
           codes: list[str] | None = None) -> int:
    """The owner submits their KPIs of the period (``codes``, or every entered one not yet submitted);
    all or nothing. Each needs its target and actual, and a yellow or red one its cause and follow-up action."""
    period = _checked_period(period)
    refuse_locked(session, version.id, [period])
    lines = {line.code: line for line in board(session, version, period).kpis}
    owned = kpi_owners.owned_codes(session, user, version)
    may = [code for code in lines if owned is None or code in owned]
    if codes is not None:
        unknown = [code for code in codes if code not in may]
        if unknown:
            raise Invalid({"kpi": kpi_owners.NOT_YOURS})
        chosen = [lines[code] for code in codes]
    else:
        chosen = [lines[code] for code in may
                  if lines[code].status not in (SUBMITTED, VERIFIED) and lines[code].state == ENTERED]
    if not chosen:
        raise Invalid({"": N_("There is nothing to submit: none of your KPIs of this period is both entered and "
                              "not yet submitted.")})
    errors = {}
    for line in chosen:
        if line.status in (SUBMITTED, VERIFIED):
            errors[line.code] = N_("%(kpi)s is %(status)s already.", kpi=line.code,
                                   status=_word(STATUS_NAMES[line.status]))
        elif line.state != ENTERED:
            errors[line.code] = N_("%(kpi)s: enter its target and actual first.", kpi=line.code)
        elif line.light in ("red", "yellow") and not line.analysed:
            errors[line.code] = N_("%(kpi)s is %(light)s: write its analysis (the cause) and its follow-up action "
                                   "first.", kpi=line.code, light=_word(line.light))
    if errors:
        raise Invalid(errors)
    known = performance.kpis(session, version)
    found = _submissions(session, known, period)
    for line in chosen:
        submission = found.get(line.code) or KpiSubmission(organisation_id=version.organisation_id,
                                                           element_id=known[line.code].id, period=period)
        submission.status, submission.comment = SUBMITTED, ""
        submission.submitted_by, submission.submitted_at = user.email, utcnow()
        submission.decided_by, submission.decided_at = "", None
        session.add(submission)
    audit.record(session, version.organisation_id, user.email, "kpis_submitted", period,
                 {"version": version.id, "kpis": ", ".join(line.code for line in chosen)})
    return len(chosen)


def may_verify(session: Session, user: User, version: ScorecardVersion, code: str) -> bool:
    named = verifiers(session, version).get(code)
    return user.role in HR_ROLES or (named is not None and named.id == user.id)


def verifiable(session: Session, user: User, version: ScorecardVersion) -> dict[str, bool]:
    """KPI code -> whether ``user`` may verify it (HR: every KPI; others: those they are named for)."""
    named = verifiers(session, version)
    return {code: user.role in HR_ROLES or (code in named and named[code].id == user.id)
            for code in performance.kpis(session, version)}


@in_unit_of_work
def decide(session: Session, version: ScorecardVersion, period: str, code: str, user: User, *, approve: bool,
           comment: str = "") -> None:
    """HR or the KPI's verifier verifies a submitted KPI, or returns it to its owner with a comment."""
    period = _checked_period(period)
    refuse_locked(session, version.id, [period])
    known = performance.kpis(session, version)
    if code not in known:
        raise Invalid({"kpi": N_("There is no KPI %(code)s in this version.", code=code)})
    if not may_verify(session, user, version, code):
        raise Invalid({"kpi": N_("Only HR or the verifier named for %(kpi)s verifies it.", kpi=code)})
    refuse_unsafe_characters(comment=comment or "")
    comment = (comment or "").strip()[:2000]
    if not approve and not comment:
        raise Invalid({"comment": N_("Say why the KPI is returned: its owner reads the comment.")})
    submission = _submissions(session, known, period).get(code)
    if submission is None or submission.status != SUBMITTED:
        raise Invalid({"kpi": N_("%(kpi)s is not waiting for verification.", kpi=code)})
    submission.status = VERIFIED if approve else RETURNED
    submission.comment, submission.decided_by, submission.decided_at = comment, user.email, utcnow()
    audit.record(session, version.organisation_id, user.email, "kpi_verified" if approve else "kpi_returned", code,
                 {"version": version.id, "period": period, "comment": comment})


@in_unit_of_work
def lock(session: Session, version: ScorecardVersion, period: str, user: User) -> None:
    """HR locks a period whose every KPI is verified: its values refuse every change from then on."""
    period = _checked_period(period)
    if user.role not in HR_ROLES:
        raise Invalid({"": N_("Only HR locks a period.")})
    state = period_state(session, version, period)
    if state == LOCKED:
        raise Invalid({"": N_("Period %(period)s is locked already.", period=period)})
    if state != VERIFIED:
        raise Invalid({"": N_("Only a verified period can be locked: verify every KPI of %(period)s first.",
                              period=period)})
    row = _reporting_period_row(session, version, period)
    row.locked_at, row.locked_by = utcnow(), user.email
    audit.record(session, version.organisation_id, user.email, "period_locked", period, {"version": version.id})


@in_unit_of_work
def unlock(session: Session, version: ScorecardVersion, period: str, user: User, reason: str = "") -> None:
    """Only an administrator unlocks a period (the audit log keeps who did, when and why)."""
    period = _checked_period(period)
    if user.role != "admin":
        raise Invalid({"": N_("Only an administrator unlocks a period.")})
    refuse_unsafe_characters(reason=reason or "")
    row = reporting_period(session, version, period)
    if row is None or row.locked_at is None:
        raise Invalid({"": N_("Period %(period)s is not locked.", period=period)})
    row.locked_at, row.locked_by = None, ""
    audit.record(session, version.organisation_id, user.email, "period_unlocked", period,
                 {"version": version.id, "reason": (reason or "").strip()[:300]})


# --- reminders ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reminder:
    """An owner and their KPIs still missing values in a period."""
    user: User
    kpis: tuple[KpiLine, ...]
    reminded_today: bool


def to_remind(session: Session, version: ScorecardVersion, period: str, today: date | None = None,
              made: Board | None = None) -> list[Reminder]:
    """Owners with missing values in the period (none once it is locked); ``made``: its board, if made."""
    found = made or board(session, version, period, today)
    if found.state == LOCKED:
        return []
    reminded = set(session.scalars(select(OwnerReminder.user_id).where(
        OwnerReminder.version_id == version.id, OwnerReminder.period == period, OwnerReminder.day == found.today)))
    missing: dict[int, tuple[User, list[KpiLine]]] = {}
    for line in found.kpis:
        if line.state != ENTERED:
            for user in line.owners:
                if user.disabled_at is None:
                    missing.setdefault(user.id, (user, []))[1].append(line)
    return [Reminder(user, tuple(lines), user.id in reminded)
            for user, lines in sorted(missing.values(), key=lambda pair: pair[0].email)]


def message(version: ScorecardVersion, period: str, reminder: Reminder, deadline: date | None, today: date,
            language: str, base_url: str = "") -> tuple[str, str]:
    """The reminder's subject and text in ``language``: what is missing, the deadline and where to enter it."""
    _ = partial(i18n.gettext, language)
    named = {"target": _("target"), "actual": _("actual")}
    shown = periods.label(period, language)
    lines = [_("Dear %(name)s,", name=reminder.user.name),
             _("These KPIs of %(scorecard)s still lack values for %(period)s:",
               scorecard=f"{version.scorecard.name} {version.label}", period=shown),
             "\n".join(f"- {line.code} {line.name}: {', '.join(named[m] for m in line.missing)}"
                       for line in reminder.kpis)]
    if deadline is not None:
        day = format_date(deadline, "long", locale=language)
        lines.append(_("The deadline, %(deadline)s, has passed.", deadline=day) if today > deadline
                     else _("Please enter them by %(deadline)s.", deadline=day))
    if base_url:
        lines.append(_("Enter them here: %(url)s", url=f"{base_url.rstrip('/')}/hr/versions/{version.id}"
                                                      f"/performance?period={quote(period, safe='')}"))
    lines.append(_("Thank you."))
    return _("Reminder: KPI values for %(period)s", period=shown), "\n\n".join(lines)


def whatsapp_url(text: str) -> str:
    """A wa.me link with the message written in; HR picks the owner's chat (users have no phone number)."""
    return f"https://wa.me/?text={quote(text, safe='')}"


@in_unit_of_work
def remind(session: Session, version: ScorecardVersion, period: str, settings, actor: str, language: str = "id",
           today: date | None = None) -> int:
    """Queue an email to each owner with missing values not reminded today; returns how many.
    Each is recorded (at most one a day per owner and period) and the whole is audited."""
    period = _checked_period(period)
    mail.check_can_send(settings)
    today = today or today_of(session, version.organisation_id)
    row = reporting_period(session, version, period)
    deadline = row.deadline if row else None
    due = [r for r in to_remind(session, version, period, today) if not r.reminded_today]
    for reminder in due:
        subject, body = message(version, period, reminder, deadline, today, language, settings.get("PUBLIC_URL", ""))
        session.add(OutboxMessage(organisation_id=version.organisation_id, recipient=reminder.user.email,
                                  subject=subject, body=body))
        session.add(OwnerReminder(organisation_id=version.organisation_id, version_id=version.id, period=period,
                                  user_id=reminder.user.id, day=today))
    if due:
        audit.record(session, version.organisation_id, actor, "kpi_owners_reminded", period,
                     {"version": version.id, "channel": "email",
                      "owners": ", ".join(r.user.email for r in due)})
    return len(due)


def remind_due(session: Session, settings, language: str = "id", actor: str = "scheduler") -> int:
    """Remind the owners of every unlocked period whose deadline is at most REMIND_BEFORE away or past
    (``neraca remind-kpi-owners``, run daily by the administrator's scheduler); returns how many."""
    count = 0
    for row in list(session.scalars(select(ReportingPeriod).where(ReportingPeriod.deadline.is_not(None),
                                                                  ReportingPeriod.locked_at.is_(None))
                                    .order_by(ReportingPeriod.id))):
        today = today_of(session, row.organisation_id)
        if today >= row.deadline - REMIND_BEFORE:
            count += remind(session, session.get(ScorecardVersion, row.version_id), row.period, settings, actor,
                            language, today)
    return count
