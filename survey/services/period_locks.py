"""The one check that a period's data may change: a locked period (the reporting cycle's last step,
services.reporting) refuses every write of its values, ladders and findings, wherever it comes from
(a form, an import, the API, a clearing, a finding), before anything is written. A change in an open
period withdraws the KPI's submission: what was submitted or verified is not what is stored any more."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import KpiSubmission, ReportingPeriod
from survey.services.errors import N_, Invalid


def locked_periods(session: Session, version_id: int) -> set[str]:
    return set(session.scalars(select(ReportingPeriod.period).where(ReportingPeriod.version_id == version_id,
                                                                    ReportingPeriod.locked_at.is_not(None))))


def refuse_locked(session: Session, version_id: int, periods: Iterable[str]) -> None:
    """Raise Invalid naming the locked periods among ``periods``; the caller then writes nothing."""
    locked = sorted(locked_periods(session, version_id) & {str(p).strip() for p in periods})
    if locked:
        raise Invalid({"period": N_("Period %(period)s is locked: its values, ladders and findings cannot "
                                    "change. Only an administrator can unlock it.", period=", ".join(locked))})


def withdraw_submissions(session: Session, changed: Iterable[tuple[int, str]]) -> None:
    """The KPIs (element id, period) whose values or finding changed go back to "not submitted": their
    owner submits them again (the caller's commit writes it with the change)."""
    changed = set(changed)
    if not changed:
        return
    for submission in session.scalars(select(KpiSubmission).where(
            KpiSubmission.element_id.in_({element_id for element_id, _ in changed}),
            KpiSubmission.status.in_(("submitted", "verified")))):
        if (submission.element_id, submission.period) in changed:
            submission.status, submission.comment, submission.decided_by, submission.decided_at = "", "", "", None
