"""Long reports in the background: queued in the database, made by a thread of the worker that
queued them (or by `neraca report` on the command line), progress saved as they go, the PDF kept.
"""
from __future__ import annotations

import threading
import traceback
from functools import partial
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.report import render_pdf_parts
from survey import i18n
from survey.models import Organisation, ReportJob, Round, utcnow
from survey.services import reports
from survey.services.errors import Invalid


def queue_personal_report(session: Session, round_: Round, language: str, requested_by: str) -> ReportJob:
    if round_.kind != "self_report":
        raise Invalid({"": "Personal scorecards come from self-report rounds."})
    job = ReportJob(organisation_id=round_.organisation_id, kind="personal", round_id=round_.id,
                    language=language, requested_by=requested_by)
    session.add(job)
    session.commit()
    return job


def get_job(session: Session, organisation_id: int, job_id: int) -> ReportJob | None:
    return session.scalar(select(ReportJob).where(ReportJob.id == job_id, ReportJob.organisation_id == organisation_id))


def run(session: Session, job: ReportJob, processes: int = 2,
        on_progress: Callable[[int, int], None] | None = None) -> ReportJob:
    """Make the job's report now; a failure is recorded on the job, not raised."""
    job.status, job.error = "running", ""
    session.commit()
    try:
        round_ = session.get(Round, job.round_id)
        report = reports.personal_report(session, round_)
        parts = reports.personal_parts(report)
        job.total = len(parts)
        session.commit()

        def progress(done: int, total: int) -> None:
            job.done = done
            session.commit()
            if on_progress:
                on_progress(done, total)

        job.content = render_pdf_parts(parts, organisation=session.get(Organisation, job.organisation_id).name,
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


def run_in_background(make_session: Callable[[], Session], job_id: int) -> threading.Thread:
    def work():
        with make_session() as session:
            run(session, session.get(ReportJob, job_id))

    thread = threading.Thread(target=work, name=f"neraca-report-{job_id}", daemon=True)
    thread.start()
    return thread
