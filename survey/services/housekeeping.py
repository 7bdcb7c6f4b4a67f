"""Bookkeeping that only grows, pruned on a schedule (``neraca prune``, e.g. hourly from cron) besides what
each write prunes as it goes: sign-in and public-answer counters past the longest window they are read in,
and stored documents (survey/services/documents.py) nobody asked for again, which the next request rebuilds;
printed invitation letters (working links) after a day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_
from sqlalchemy.orm import Session

from survey.models import LoginAttempt, ReportJob, utcnow
from survey.services import documents
from survey.services.accounts import PAIR_MEMORY
from survey.services.transactions import in_unit_of_work

#: A stored document built longer ago than this is dropped; one waiting or failed this long, too, and letters
#: (they hold the participants' working links, needed only until HR has printed them).
DOCUMENT_DAYS = timedelta(days=30)
UNFINISHED_DOCUMENT = timedelta(days=1)


@dataclass(frozen=True)
class Pruned:
    login_attempts: int
    documents: int


@in_unit_of_work
def prune(session: Session, now: datetime | None = None) -> Pruned:
    """Delete the counters older than every window that reads them (a day) and old stored documents."""
    now = now or utcnow()
    counters = session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < now - PAIR_MEMORY))
    stored = session.execute(delete(ReportJob).where(
        ReportJob.kind == documents.KIND,
        or_(ReportJob.created_at < now - DOCUMENT_DAYS,
            (ReportJob.status.in_(("queued", "failed")) | ReportJob.document.startswith(documents.LETTERS))
            & (ReportJob.created_at < now - UNFINISHED_DOCUMENT))))
    return Pruned(counters.rowcount, stored.rowcount)
