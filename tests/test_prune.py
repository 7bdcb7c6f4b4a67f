"""Bookkeeping pruned on a schedule: `neraca prune` deletes counters no window reads and old stored documents."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import func, select

from survey.models import LoginAttempt, ReportJob, utcnow
from survey.services import accounts, documents, housekeeping


def test_prune_deletes_counters_older_than_a_day_and_documents_nobody_needs(session):
    organisation = accounts.create_organisation(session, "Dinas")
    now = utcnow()
    session.add_all([LoginAttempt(key="public:1:203.0.113.9", created_at=now - timedelta(hours=25)),
                     LoginAttempt(key="login:a@b.c", created_at=now - timedelta(hours=23)),
                     ReportJob(organisation_id=organisation.id, kind=documents.KIND, document="office.html:x", key="a",
                               status="done", content=b"%PDF-", created_at=now - timedelta(days=31)),
                     ReportJob(organisation_id=organisation.id, kind=documents.KIND, document="office.html:x", key="b",
                               status="failed", created_at=now - timedelta(days=2)),
                     ReportJob(organisation_id=organisation.id, kind=documents.KIND, document="office.html:x", key="c",
                               status="done", content=b"%PDF-", created_at=now - timedelta(days=2)),
                     ReportJob(organisation_id=organisation.id, kind=documents.KIND, document="letters.html:letters-1",
                               key="d", status="done", content=b"%PDF-", created_at=now - timedelta(hours=25)),
                     ReportJob(organisation_id=organisation.id, kind=documents.KIND, document="letters.html:letters-1",
                               key="e", status="done", content=b"%PDF-", created_at=now - timedelta(hours=2)),
                     ReportJob(organisation_id=organisation.id, kind="personal", status="done",
                               created_at=now - timedelta(days=400))])
    session.commit()
    assert housekeeping.prune(session, now) == housekeeping.Pruned(login_attempts=1, documents=3)
    assert session.scalars(select(LoginAttempt.key)).all() == ["login:a@b.c"]
    assert sorted(session.scalars(select(ReportJob.key))) == ["", "c", "e"]  # HR's own report jobs stay
    assert housekeeping.prune(session, now) == housekeeping.Pruned(0, 0)


def test_neraca_prune_runs_from_cron_with_only_the_environment(app, session):
    session.add(LoginAttempt(key="login:x@y.z", created_at=utcnow() - timedelta(days=3)))
    session.commit()
    done = subprocess.run([sys.executable, "-m", "survey.cli", "prune"], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, DATABASE_URL=app.config["DATABASE_URL"], SECRET_KEY="test",
                                   NERACA_INSTANCE=app.config["INSTANCE_DIR"]))
    assert done.returncode == 0, done.stderr
    assert "1 counters and 0 stored documents deleted" in done.stdout
    assert session.scalar(select(func.count()).select_from(LoginAttempt)) == 0
