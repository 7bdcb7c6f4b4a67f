"""Long reports in the background: queued in the database, made by whichever worker claims them
(survey.background: RQ or a thread; or `neraca report` on the command line), progress and a
heartbeat saved as they go, the PDF kept, a failure kept with its reason for HR to retry.
"""
from __future__ import annotations

import traceback
from functools import partial
from typing import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from survey import i18n
from survey.models import Organisation, ReportJob, Round, utcnow
from survey.services import documents, reports
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.transactions import in_unit_of_work


@in_unit_of_work
def queue_personal_report(session: Session, round_: Round, language: str, requested_by: str) -> ReportJob:
    if not kind_of(round_).personal:
        raise Invalid({"": N_("Personal scorecards come from self-report rounds.")})
    job = ReportJob(organisation_id=round_.organisation_id, kind="personal", round_id=round_.id,
                    language=language, requested_by=requested_by)
    session.add(job)
    return job


def round_jobs(session: Session, round_: Round, limit: int = 20) -> list[ReportJob]:
    """The round's newest report jobs, so HR finds a finished or failed one again."""
    return list(session.scalars(select(ReportJob).where(ReportJob.round_id == round_.id,
                                                        ReportJob.organisation_id == round_.organisation_id,
                                                        ReportJob.kind != documents.KIND)
                                .order_by(ReportJob.id.desc()).limit(limit)))


def get_job(session: Session, organisation_id: int, job_id: int) -> ReportJob | None:
    return session.scalar(select(ReportJob).where(ReportJob.id == job_id, ReportJob.organisation_id == organisation_id,
                                                  ReportJob.kind != documents.KIND))


def run(session: Session, job_id: int, render_pdf: Callable[..., bytes], processes: int = 2,
        on_progress: Callable[[int, int], None] | None = None) -> ReportJob | None:
    """Make a queued job's report now with ``render_pdf`` (survey.render.pdf.render_pdf: printing belongs
    to the rendering layer, not to a service); a failure is recorded on the job, not raised.
    Returns None when the job is not waiting (another worker has it, or it is finished).
    It commits in steps, not as one unit of work: the claim, each part's progress (other workers and HR's
    page read it while the job runs) and the outcome, a failure included."""
    job = _claim(session, job_id)
    if job is None:
        return None
    try:
        round_ = session.get(Round, job.round_id)
        report = reports.personal_report(session, round_)
        parts = reports.personal_parts(report)
        job.total = len(parts)
        session.commit()

        def progress(done: int, total: int) -> None:
            job.done, job.heartbeat_at = done, utcnow()
            session.commit()
            if on_progress:
                on_progress(done, total)

        job.content = render_pdf(parts, organisation=session.get(Organisation, job.organisation_id).name,
                                 language=job.language, gettext=partial(i18n.gettext, job.language),
                                 processes=processes, progress=progress)
        job.status = "done"
    except Exception as error:  # noqa: BLE001 - any failure must reach HR, with its reason
        session.rollback()
        job.status = "failed"
        job.error = str(error) if isinstance(error, Invalid) else "".join(traceback.format_exception_only(error))
    job.finished_at = utcnow()
    session.commit()
    return job


def build_document(session: Session, job_id: int, make: Callable[[ReportJob], bytes]) -> ReportJob | None:
    """Make a queued stored document with ``make(job)`` (survey/background.py: its HTML printed, or a Word
    document made from its recipe) and keep it in place of its source, dropping its builds from older data
    (documents.forget_older); None when the job is not waiting. Committed in steps as ``run`` is."""
    job = _claim(session, job_id)
    if job is None:
        return None
    try:
        job.content, job.source, job.done, job.status = make(job), None, 1, "done"
        documents.forget_older(session, job)
    except Exception as error:  # noqa: BLE001 - the next request shows why, and tries again
        session.rollback()
        job.status, job.error = "failed", "".join(traceback.format_exception_only(error))
    job.finished_at = utcnow()
    session.commit()
    return job


def _claim(session: Session, job_id: int) -> ReportJob | None:
    """The queued job, now running here (one worker only claims it); None when it is not queued."""
    claimed = session.execute(update(ReportJob).where(ReportJob.id == job_id, ReportJob.status == "queued")
                              .values(status="running", error="", done=0, heartbeat_at=utcnow(),
                                      attempts=ReportJob.attempts + 1))
    session.commit()
    if claimed.rowcount != 1:
        return None
    return session.get(ReportJob, job_id, populate_existing=True)  # as claimed, not as this session last saw it


@in_unit_of_work
def retry(session: Session, job: ReportJob) -> bool:
    """Queue a failed job again (HR's "try again"); False when it had not failed."""
    if job.status != "failed":
        return False
    job.status, job.error, job.done, job.finished_at = "queued", "", 0, None
    return True
