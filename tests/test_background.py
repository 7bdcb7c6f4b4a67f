"""Background work: RQ on a real Redis server, the in-process thread, and resuming after a crash."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta

from sqlalchemy import select

from survey import background, create_app
from survey.models import OutboxMessage, ReportJob, utcnow
from survey.render.pdf import render_pdf
from survey.services import jobs, people, rounds
from tests.helpers.reports import page_count, self_report_round
from tests.web import post, sign_in

EMPLOYEES = {"Ani": 90.0, "Budi": 40.0, "Cici": 70.0}


def queue_report(client, round_) -> str:
    page = f"/hr/rounds/{round_.id}/results"
    response = post(client, f"/hr/reports/personal/{round_.id}/job", {}, page=page)
    assert response.status_code == 302
    return response.headers["Location"]


def dead_report(organisation, round_) -> ReportJob:
    """A report left "running" by a worker that died past the stale limit."""
    long_ago = utcnow() - background.STALE_AFTER - timedelta(minutes=1)
    return ReportJob(organisation_id=organisation.id, kind="personal", round_id=round_.id, language="id",
                     status="running", heartbeat_at=long_ago, attempts=1, created_at=long_ago)


def wait_until_finished(session, job: ReportJob) -> None:
    """Bounded: a minute at most."""
    for _ in range(600):
        session.refresh(job)
        if job.status in ("done", "failed"):
            return
        time.sleep(0.1)


def test_with_redis_a_report_waits_in_the_queue_until_a_worker_makes_it(app, client, session, redis_url,
                                                                       monkeypatch):
    app.config.update(REDIS_URL=redis_url, JOBS_INLINE=False)
    organisation, round_ = self_report_round(session, EMPLOYEES)
    sign_in(client, session, organisation.id)
    job_page = queue_report(client, round_)
    queue = background.queue(app)
    assert queue.count == 1  # the web worker only queued it
    job = session.scalar(select(ReportJob))
    assert job.status == "queued" and client.get(f"{job_page}.pdf").status_code == 404
    # A separate worker process that knows the site only by its environment, as on another machine.
    worker = subprocess.run([sys.executable, "-m", "survey.cli", "worker", "--burst"], capture_output=True, text=True,
                            timeout=300, env=dict(os.environ, DATABASE_URL=app.config["DATABASE_URL"],
                                                  REDIS_URL=redis_url, SECRET_KEY="test", NERACA_REPORT_PROCESSES="1",
                                                  NERACA_INSTANCE=app.config["INSTANCE_DIR"]))
    assert worker.returncode == 0, worker.stderr
    session.refresh(job)
    assert (job.status, job.attempts, job.done, job.total) == ("done", 1, 2, 2)
    assert page_count(client.get(f"{job_page}.pdf").data) == 1 + len(EMPLOYEES)


def test_without_redis_a_thread_of_the_web_worker_makes_the_report(app, client, session):
    app.config["JOBS_INLINE"] = False
    organisation, round_ = self_report_round(session, EMPLOYEES)
    sign_in(client, session, organisation.id)
    job_page = queue_report(client, round_)
    job = session.scalar(select(ReportJob))
    wait_until_finished(session, job)
    assert job.status == "done"
    assert page_count(client.get(f"{job_page}.pdf").data) == 1 + len(EMPLOYEES)


def test_a_failed_report_shows_why_and_hr_can_try_again(app, client, session):
    organisation, round_ = self_report_round(session, {})
    sign_in(client, session, organisation.id)
    job_page = queue_report(client, round_)
    page = client.get(job_page).get_data(as_text=True)
    assert "Nobody has answered yet" in page and f"{job_page}/retry" in page
    listed = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)  # found again later
    assert f'href="{job_page}"' in listed and '<td class="error">Gagal</td>' in listed
    employee = people.add_person(session, organisation.id, name="Dewi", email="dewi@x.org", kind="employee")
    invitation, _ = rounds.new_invitation(round_, employee, "test")
    session.add(invitation)
    session.flush()
    from survey.services import questionnaires
    question = questionnaires.questions(session, round_)[0]
    questionnaires.submit_answers(session, invitation, {question.id: "80"}, "dewi-1")
    retried = post(client, f"{job_page}/retry", {}, page=job_page)
    assert retried.status_code == 302
    job = session.scalar(select(ReportJob))
    session.refresh(job)
    assert (job.status, job.attempts) == ("done", 2)
    assert page_count(client.get(f"{job_page}.pdf").data) == 2


def test_work_a_dead_worker_left_is_resumed_and_nothing_is_done_twice(app, session, smtp_server):
    """A report "running" and a message "sending" when their worker was killed: recover() puts both back."""
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    organisation, round_ = self_report_round(session, EMPLOYEES)
    dead = dead_report(organisation, round_)
    long_ago = dead.created_at
    alive = ReportJob(organisation_id=organisation.id, kind="personal", round_id=round_.id, language="id",
                      status="running", heartbeat_at=utcnow(), attempts=1)
    stuck = OutboxMessage(organisation_id=organisation.id, round_id=round_.id, recipient="ani@x.org",
                          subject="Undangan", body="Tautan", status="sending", claimed_at=long_ago,
                          created_at=long_ago)
    session.add_all([dead, alive, stuck])
    session.commit()
    assert background.recover(app) == {"reports": 1, "mail": 1}
    for row in (dead, alive, stuck):
        session.refresh(row)
    assert (dead.status, dead.attempts) == ("done", 2)
    assert alive.status == "running"  # its worker is still at it: left alone
    assert stuck.status == "sent" and [m["To"] for m in smtp_server.messages] == ["ani@x.org"]
    assert background.recover(app) == {"reports": 0, "mail": 0}  # a second look finds nothing to redo
    assert len(smtp_server.messages) == 1


def test_a_job_already_taken_is_not_made_again(app, session):
    organisation, round_ = self_report_round(session, EMPLOYEES)
    job = jobs.queue_personal_report(session, round_, "id", "hr@x.org")
    assert jobs.run(session, job.id, render_pdf, processes=1).status == "done"
    assert jobs.run(session, job.id, render_pdf, processes=1) is None  # a duplicate queue entry finds it finished
    session.refresh(job)
    assert job.attempts == 1


def test_a_restarted_web_worker_resumes_a_report_its_predecessor_left_running(app, session):
    organisation, round_ = self_report_round(session, EMPLOYEES)
    dead = dead_report(organisation, round_)
    session.add(dead)
    session.commit()
    restarted = create_app({"DATABASE_URL": app.config["DATABASE_URL"], "SECRET_KEY": "test",  # not TESTING
                            "REPORT_PROCESSES": 1})
    assert restarted.test_client().get("/health").status_code == 200  # its first request starts the resume
    wait_until_finished(session, dead)
    assert (dead.status, dead.attempts) == ("done", 2)


def test_a_viewer_can_neither_ask_for_a_report_nor_retry_one(app, client, session):
    organisation, round_ = self_report_round(session, EMPLOYEES)
    failed = ReportJob(organisation_id=organisation.id, kind="personal", round_id=round_.id, language="id",
                       status="failed", error="SMTP")
    session.add(failed)
    session.commit()
    sign_in(client, session, organisation.id, email="viewer@x.org", role="viewer")
    page = f"/hr/rounds/{round_.id}/results"
    assert post(client, f"/hr/reports/personal/{round_.id}/job", {}, page=page).status_code == 403
    assert post(client, f"/hr/reports/jobs/{failed.id}/retry", {}, page=page).status_code == 403
    session.refresh(failed)
    assert failed.status == "failed" and session.query(ReportJob).count() == 1
