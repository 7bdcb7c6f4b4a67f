"""Background work: RQ on Redis when ``REDIS_URL`` is set, a thread of this worker otherwise.

The work itself lives in the database (report_jobs, outbox): a queue entry only says "make
job 17" or "send round 4's mail", and each task claims its rows before working on them. So a
lost queue entry, a duplicate one or a worker killed mid-job loses nothing: ``recover`` finds
what is waiting too long or died half-done and submits it again (at start of every web worker
and of ``neraca worker``).

Tasks run in an app context: the caller's (``JOBS_INLINE``), the web worker's (a thread), or in an RQ
worker the one survey/worker.py makes from the environment; RQ queues name its functions, which
machines running ``neraca worker`` import (this module knows no app factory, so no import cycle).
"""
from __future__ import annotations

import logging
import threading
from datetime import timedelta

from flask import Flask, current_app
from sqlalchemy import or_, select, update

from survey.models import OutboxMessage, ReportJob, utcnow
from survey.render import word
from survey.render.pdf import html_to_pdf, render_pdf
from survey.services import documents, jobs, mail

log = logging.getLogger(__name__)
QUEUE = "neraca"
#: Work claimed longer ago than this without a sign of life died with its worker.
STALE_AFTER = timedelta(minutes=10)
REPORT_TIMEOUT = 3600  # seconds RQ lets a report job run
#: Where an RQ worker finds each task: the module that builds the worker's app, then runs the task here.
WORKER_TASKS = "survey.worker"


def submit(task: str, *args, app: Flask | None = None) -> None:
    """Run ``task(*args)`` (a function of this module) in the background; ``JOBS_INLINE`` (tests)
    runs it now, before the response."""
    app = app or current_app._get_current_object()
    if app.config.get("JOBS_INLINE"):
        with app.app_context():
            TASKS[task](*args)
    elif app.config.get("REDIS_URL"):
        queue(app).enqueue(f"{WORKER_TASKS}.{task}", *args, job_timeout=REPORT_TIMEOUT)
    else:
        threading.Thread(target=_in_app, args=(app, task, args), name=f"neraca-{task}", daemon=True).start()


def queue(app: Flask):
    from redis import Redis  # optional: only a site with REDIS_URL installs and needs them
    from rq import Queue
    return Queue(QUEUE, connection=Redis.from_url(app.config["REDIS_URL"]))


def make_report(job_id: int, processes: int | None = None) -> None:
    """``processes``: cores to print on; by default the site's ``REPORT_PROCESSES``."""
    with current_app.extensions["neraca.sessionmaker"]() as session:
        jobs.run(session, job_id, render_pdf, processes=processes or current_app.config["REPORT_PROCESSES"])


def make_document(job_id: int) -> None:
    """Make a stored document (survey/services/documents.py) queued by the page that asked for it: print its
    HTML, or make the Word document its recipe names."""
    with current_app.extensions["neraca.sessionmaker"]() as session:
        def make(job: ReportJob) -> bytes:
            if job.document.endswith(".docx"):
                return word.make(session, job.organisation_id, job.source, job.language)
            return html_to_pdf(job.source or "")
        jobs.build_document(session, job_id, make)


def send_mail(round_id: int | None = None) -> None:
    """Send what is due, then come back when the first message waiting to be tried again is due."""
    app = current_app._get_current_object()
    with app.extensions["neraca.sessionmaker"]() as session:
        mail.deliver(session, app.config, round_id)
        later = mail.next_attempt(session)
    if later is not None:
        submit_later("send_mail", later - utcnow(), app=app)


def submit_later(task: str, delay: timedelta, *args, app: Flask) -> None:
    """Run ``task(*args)`` after ``delay``: RQ's scheduler (``neraca worker`` runs it) or a timer thread.
    Tests (``JOBS_INLINE``) call the task themselves with the time they choose. A timer lost with its
    process is replaced by ``recover`` at the next start."""
    if app.config.get("JOBS_INLINE"):
        return
    delay = max(delay, timedelta(seconds=1))
    if app.config.get("REDIS_URL"):
        queue(app).enqueue_in(delay, f"{WORKER_TASKS}.{task}", *args, job_timeout=REPORT_TIMEOUT)
    else:
        timer = threading.Timer(delay.total_seconds(), _in_app, args=(app, task, args))
        timer.name, timer.daemon = f"neraca-{task}-later", True
        timer.start()


TASKS = {"make_report": make_report, "make_document": make_document, "send_mail": send_mail}


def recover(app: Flask) -> dict[str, int]:
    """Put work that waited or died too long back in the queue; returns how much of each."""
    cutoff = utcnow() - STALE_AFTER
    with app.extensions["neraca.sessionmaker"]() as session:
        session.execute(update(ReportJob).where(ReportJob.status == "running",
                                                or_(ReportJob.heartbeat_at.is_(None), ReportJob.heartbeat_at < cutoff))
                        .values(status="queued"))
        session.execute(update(OutboxMessage).where(OutboxMessage.status == "sending",
                                                    or_(OutboxMessage.claimed_at.is_(None),
                                                        OutboxMessage.claimed_at < utcnow() - mail.LEASE))
                        .values(status="queued"))
        session.commit()  # put back before they are submitted again, which reads them in another session
        # Queued long ago: its queue entry or thread is gone (or still waiting: claims keep it single).
        reports = list(session.execute(select(ReportJob.id, ReportJob.kind).where(ReportJob.status == "queued",
                                                                              ReportJob.created_at < cutoff)))
        # Or waiting to be tried again: the timer that was to send it may have died with its process.
        mail_waiting = session.scalar(select(OutboxMessage.id).where(
            OutboxMessage.status == "queued",
            or_(OutboxMessage.created_at < cutoff, OutboxMessage.next_attempt_at.is_not(None))).limit(1))
    for job_id, kind in reports:
        submit("make_document" if kind == documents.KIND else "make_report", job_id, app=app)
    if mail_waiting is not None:
        submit("send_mail", None, app=app)
    return {"reports": len(reports), "mail": int(mail_waiting is not None)}


def recover_in_background(app: Flask) -> None:
    """At a web worker's start: resume what an earlier worker left, without delaying start-up."""
    def run():
        try:
            recover(app)
        except Exception:  # noqa: BLE001 - a database not yet migrated must not stop the site
            log.exception("could not resume background work")
    threading.Thread(target=run, name="neraca-recover", daemon=True).start()


def _in_app(app: Flask, task: str, args: tuple) -> None:
    with app.app_context():
        TASKS[task](*args)

