"""The audit log: who published, closed, reopened, corrected, removed, invited or made a token, and when.

``record`` only adds the entry to the session: the caller's commit writes it with the change it
describes, so there is never a change without its entry nor an entry for a change rolled back.
Entries are never updated or deleted; nothing in the site offers to.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

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
    "round_closing_changed": N_("Closing date changed"),
    "answer_corrected": N_("Answer corrected"),
    "invitations_sent": N_("Invitations sent"),
    "invitation_shared": N_("Invitation link shared"),
    "invitation_letters_printed": N_("Invitation letters printed"),
    "participant_removed": N_("Participant removed"),
    "round_made_public": N_("Public link of a round set"),
    "public_answers_discarded": N_("Public answers discarded"),
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
}


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
