"""The audit log: who published, closed, reopened, corrected, removed, invited or made a token, and when.

``record`` only adds the entry to the session: the caller's commit writes it with the change it
describes, so there is never a change without its entry nor an entry for a change rolled back.
Entries are never updated or deleted; nothing in the site offers to.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd
from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.render.numbers import format_number
from survey.i18n import wall_clock
from survey.models import AuditEntry, Organisation
from survey.services.errors import N_
from survey.services.paging import PAGE_SIZE, Page, page_of
from survey.services.text import LINE_BREAK
from survey.services.zones import from_wall_clock

#: Every action the log knows, with the words a reader sees (translated on the page).
ACTIONS = {
    "weights_published": N_("Weights published"),
    "weights_given": N_("Given weights published"),
    "comparison_groups_changed": N_("Comparison groups changed"),
    "round_changed": N_("Draft round changed"),
    "round_launched": N_("Round launched"),
    "round_closed": N_("Round closed"),
    "round_reopened": N_("Round reopened"),
    "feedback_opened": N_("Feedback round opened"),
    "round_closing_changed": N_("Closing date changed"),
    "answer_corrected": N_("Answer corrected"),
    "invitations_sent": N_("Invitations sent"),
    "invitation_shared": N_("Invitation link shared"),
    "invitation_letters_printed": N_("Invitation letters printed"),
    "participant_removed": N_("Participant removed"),
    "round_made_public": N_("Public link of a round set"),
    "public_answers_discarded": N_("Public answers discarded"),
    "counter_device_created": N_("Counter device made"),
    "counter_device_revoked": N_("Counter device revoked"),
    "person_changed": N_("Person edited"),
    "people_imported": N_("People imported"),
    "person_deactivated": N_("Person deactivated"),
    "person_reactivated": N_("Person reactivated"),
    "element_changed": N_("Scorecard element edited"),
    "element_deleted": N_("Scorecard element deleted"),
    "api_token_created": N_("API token made"),
    "api_token_revoked": N_("API token revoked"),
    "user_changed": N_("User changed"),
    "ikm_to_kpi": N_("IKM entered as a KPI's actual"),
    "deadline_set": N_("Deadline of a period set"),
    "kpi_verifier_set": N_("Verifier of a KPI named"),
    "kpis_submitted": N_("KPIs submitted"),
    "kpi_verified": N_("KPI verified"),
    "kpi_returned": N_("KPI returned to its owner"),
    "period_locked": N_("Period locked"),
    "period_unlocked": N_("Period unlocked"),
    "kpi_owners_reminded": N_("KPI owners reminded"),
    "skm_period_set": N_("Period of a satisfaction survey set"),
    "skm_follow_up_added": N_("Follow-up of a satisfaction survey planned"),
    "skm_follow_up_updated": N_("Follow-up of a satisfaction survey updated"),
}


#: The words a reader sees for a detail's name (the export keeps the names as stored).
DETAIL_NAMES = {
    "round": N_("Round number"), "round_title": N_("Round"), "version": N_("Version"), "change": N_("Change"),
    "count": N_("How many"), "from": N_("From"), "to": N_("To"), "reason": N_("Reason"), "email": N_("Email"),
    "phone": N_("Phone"), "period": N_("Period"), "people": N_("People"), "kpis": N_("KPIs"),
    "channel": N_("Sent by"), "with": N_("With"), "verifier": N_("Verifier"), "value": N_("Value"),
    "added": N_("Added"), "updated": N_("Updated"), "still_open": N_("Round still open"), "rollup": N_("Rollup"),
    "role": N_("Role"), "reminder": N_("Reminder"), "question": N_("Question"), "owners": N_("Owners"),
    "objectives": N_("Objectives"), "note": N_("Note"), "moved": N_("Moved"), "maker disabled": N_("Maker disabled"),
    "level": N_("Level"), "ikm": N_("IKM"), "grade": N_("Grade"), "decimals": N_("Decimals"),
    "deadline": N_("Deadline"), "daily_cap": N_("Public answers per day at most"), "completed": N_("Completed"),
    "comment": N_("Comment"), "by_hand": N_("Shared by hand"), "before": N_("Before"), "after": N_("After"),
    "code": N_("Code"), "name": N_("Name"), "unit": N_("Unit"), "kind": N_("Kind"), "weight": N_("Weight"),
    "description": N_("Description"), "purpose": N_("Purpose"), "formula": N_("Formula"),
    "better": N_("Direction"), "data_source": N_("Data source"), "measured_by": N_("Measured by"),
    "measurement_frequency": N_("Measurement frequency"), "review_frequency": N_("Review frequency"),
    "title": N_("Title"), "language": N_("Language"), "cr_threshold": N_("CR threshold"),
    "ri_table": N_("RI table"), "max_reasks": N_("Re-asks at most"), "aggregation": N_("Aggregation"),
    "include_inconsistent": N_("Count respondents who stayed inconsistent"),
    "allow_dont_know": N_("Allow \"don't know\""), "ask_identity": N_("Ask role and years of service"),
    "priority_method": N_("Priority method"), "weight_decimals": N_("Round published global weights to decimals"),
    "snap": N_("Personal scorecard levels"), "rating_scale": N_("Rating scale (direct rating)"),
    "rating_mean": N_("Group rating (direct rating)"), "version_id": N_("Version"),
    "unsur": N_("Unsur"), "plan": N_("Action"), "due": N_("Due date"), "status": N_("Status"),
    "done": N_("What was done"), "follow_up": N_("Follow-up number"),
}
#: Stored codes among the details' values, in words.
DETAIL_WORDS = {
    "True": N_("yes"), "False": N_("no"), "None": "–", "invited": N_("invited"), "link sent": N_("link sent"),
    "link copied": N_("set-password link copied"),
    "disabled": N_("disabled"), "enabled": N_("enabled"), "email": N_("email"), "whatsapp": N_("WhatsApp"),
    "up": N_("up"), "down": N_("down"), "global": N_("global weights"), "local": N_("local weights"),
    "higher": N_("higher is better"), "lower": N_("lower is better"), "sum": N_("their sum"),
    "mean": N_("their average"), "last": N_("the last of them"), "hr": N_("HR"), "admin": N_("administrator"),
    "viewer": N_("viewer"), "stakeholder": N_("Stakeholder"), "employee": N_("Employee"),
    "planned": N_("planned"), "under_way": N_("under way"), "carried_out": N_("carried out"),
}
_ARROW = " → "
#: Details that are a kind of number the page writes its own way (the others: as exact as typed).
_NUMBER_KINDS = {"ikm": "index", "cr_threshold": "ratio"}
_UTC_TEXT = "%Y-%m-%d %H:%M UTC"
_FIRST = ("round", "round_title", "version")  # what the entry is about, then the details as stored


def details_in_words(details: dict, language: str, zone: str, translate=lambda text: text) -> list[tuple[str, str]]:
    """An entry's details as a reader reads them: names and codes in words (``translate`` gives the page's
    language), numbers in the language's format (75,00, not 75.00000000000001), times on the office's clock."""
    def value_text(key: str, value) -> str:
        if isinstance(value, bool) or value is None:
            return translate(DETAIL_WORDS[str(value)]) if str(value) in DETAIL_WORDS else "–"
        if isinstance(value, (int, float)):
            kind = _NUMBER_KINDS.get(key, "count" if isinstance(value, int) else "exact")
            return format_number(value, kind, language)
        text = str(value)
        if _ARROW in text:
            return _ARROW.join(value_text(key, _parsed(part)) for part in text.split(_ARROW))
        moment = _moment(text)
        if moment is not None:
            return wall_clock(moment, zone, language)
        if len(text) == 10 and text[4] == "-":
            try:
                return format_date(date.fromisoformat(text), "medium", locale=language)
            except ValueError:
                pass
        return translate(DETAIL_WORDS[text]) if text in DETAIL_WORDS else text

    return [(translate(DETAIL_NAMES[key]) if key in DETAIL_NAMES else key.replace("_", " "), value_text(key, value))
            for key, value in sorted(details.items(), key=lambda item: item[0] not in _FIRST)]


def _parsed(text: str):
    """One side of a stored 'before → after': a number back as a number, else the text."""
    if "." not in text:  # whole numbers stay as written: a period 2026 is no 2.026
        return text
    try:
        return float(text)
    except ValueError:
        return text


def _moment(text: str) -> datetime | None:
    """A time the details store (ISO or '2026-12-06 07:00 UTC'), else None."""
    for reading in (lambda t: datetime.strptime(t, _UTC_TEXT), datetime.fromisoformat):
        try:
            moment = reading(text)
        except ValueError:
            continue
        if len(text) >= 16 and "T" in text or text.endswith(" UTC"):
            return moment
    return None


def record(session: Session, organisation_id: int, actor_email: str, action: str, subject: str,
           details: dict | None = None) -> AuditEntry:
    """Add an entry to ``session``; the caller's commit writes it together with the change."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    entry = AuditEntry(organisation_id=organisation_id, actor_email=actor_email or "", action=action,
                       subject=LINE_BREAK.sub(" ", str(subject))[:300], details=details or {})  # one line, always
    session.add(entry)
    return entry


@dataclass(frozen=True)
class Filters:
    action: str = ""
    actor: str = ""
    since: date | None = None  # on the office's calendar
    until: date | None = None  # inclusive


def entries(session: Session, organisation_id: int, filters: Filters, page: int = 1,
            page_size: int = PAGE_SIZE) -> Page:
    """One page of the organisation's entries matching ``filters``, newest first."""
    return page_of(session, _query(session, organisation_id, filters), AuditEntry.id.desc(), page, page_size)


def table(session: Session, organisation_id: int, filters: Filters, labels=lambda action: action) -> pd.DataFrame:
    """Every matching entry as a table for the CSV export; ``labels`` names an action in the reader's words."""
    rows = session.scalars(_query(session, organisation_id, filters).order_by(AuditEntry.id))
    return pd.DataFrame([{"time_utc": entry.created_at.strftime("%Y-%m-%d %H:%M:%S"), "actor": entry.actor_email,
                          "action": labels(entry.action), "subject": entry.subject,
                          "details": "; ".join(f"{key}={value}" for key, value in sorted(entry.details.items()))}
                         for entry in rows], columns=["time_utc", "actor", "action", "subject", "details"])


def actors(session: Session, organisation_id: int) -> list[str]:
    return list(session.scalars(select(AuditEntry.actor_email).where(AuditEntry.organisation_id == organisation_id)
                                .distinct().order_by(AuditEntry.actor_email)))


def _query(session: Session, organisation_id: int, filters: Filters):
    query = select(AuditEntry).where(AuditEntry.organisation_id == organisation_id)
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.actor:
        query = query.where(AuditEntry.actor_email == filters.actor)
    zone = session.get(Organisation, organisation_id).time_zone
    if filters.since:
        query = query.where(AuditEntry.created_at >= _midnight(filters.since, zone))
    if filters.until:
        query = query.where(AuditEntry.created_at < _midnight(filters.until + timedelta(days=1), zone))
    return query


def _midnight(day: date, zone: str) -> datetime:
    return from_wall_clock(datetime.combine(day, time()), zone)
