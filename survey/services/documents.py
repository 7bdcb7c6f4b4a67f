"""Documents built once per change of what they show (the office scorecard's PDF, a round's report, the IKM
report): each kept as a report job of kind "document" in the database, so every app machine serves the
same bytes, under the organisation, the document (its template and name) and a fingerprint of its view
model (``fingerprint``: the figures it prints, its language and the organisation's name).

A request finds the build of the fingerprint it computed and serves it; a missing one is queued with its
HTML (cheap to write) and printed to PDF (the seconds) in the background, by an RQ worker when REDIS_URL is
set, else by a thread of the web worker that asked (survey/background.py), while the page says "being
prepared" and refreshes itself. A failed build is tried again by the next request, ``ATTEMPTS`` times.
"""
from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime, timedelta
from enum import Enum

import numpy as np
import pandas as pd
from sqlalchemy import case, delete, or_, select, update
from sqlalchemy.orm import Session

from survey.models import ReportJob, utcnow
from survey.services import data_versions
from survey.services.transactions import in_unit_of_work

KIND = "document"
#: A build waiting or running longer than this lost its queue entry or its worker (a web worker's thread
#: ends with its process): the next request for it puts it back in the queue.
LOST_AFTER = timedelta(minutes=2)
#: Builds of one document kept: one per way of seeing it (with or without the personal right, per language).
KEEP = 4
ATTEMPTS = 3
#: Invitation letters, asked for by a form: each build is what one form asked for, looked for by its own
#: address until HR prints it, so none is dropped for being old; `neraca prune` drops them after a day.
LETTERS = "letters.html:"


def fingerprint(*values) -> str:
    """SHA-256 of ``values`` written out canonically: equal figures give the same key in any process
    (no object addresses, dictionaries in key order, arrays by their bytes, database rows by their columns)."""
    digest = hashlib.sha256()
    _write(digest, values)
    return digest.hexdigest()


def _write(digest, value) -> None:
    if value is None or isinstance(value, (bool, int, str, Enum)):
        digest.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, (float, np.generic)):
        digest.update(f"n:{value!r};".encode())
    elif isinstance(value, (datetime, date)):
        digest.update(f"t:{value.isoformat()};".encode())
    elif isinstance(value, bytes):
        digest.update(b"b:" + hashlib.sha256(value).digest())
    elif isinstance(value, np.ndarray):
        digest.update(f"a:{value.dtype}:{value.shape}:".encode())
        digest.update(np.ascontiguousarray(value).tobytes() if value.dtype != object else repr(value.tolist()).encode())
    elif isinstance(value, (pd.DataFrame, pd.Series)):
        digest.update(f"f:{type(value).__name__}:".encode())
        _write(digest, value.to_dict() if isinstance(value, pd.Series) else value.to_dict("split"))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        digest.update(f"d:{type(value).__name__}(".encode())
        _write(digest, {field.name: getattr(value, field.name) for field in dataclasses.fields(value)})
    elif isinstance(value, dict):
        digest.update(b"{")
        for key in sorted(value, key=repr):
            _write(digest, key)
            _write(digest, value[key])
        digest.update(b"}")
    elif isinstance(value, (list, tuple)):
        digest.update(b"[")
        for item in value:
            _write(digest, item)
        digest.update(b"]")
    elif isinstance(value, (set, frozenset)):
        _write(digest, sorted(value, key=repr))
    elif hasattr(value, "__table__"):  # a database row: what its columns hold
        digest.update(f"r:{value.__table__.name}(".encode())
        _write(digest, {column.key: getattr(value, column.key) for column in value.__table__.columns})
    elif hasattr(value, "__dict__"):
        digest.update(f"o:{type(value).__name__}(".encode())
        _write(digest, {k: v for k, v in vars(value).items() if not k.startswith("_")})
    else:
        digest.update(f"?:{value!r};".encode())


def find(session: Session, organisation_id: int, document: str, key: str) -> ReportJob | None:
    """The organisation's build of ``document`` from ``key``: a finished one first, else the newest."""
    return session.scalar(select(ReportJob).where(ReportJob.organisation_id == organisation_id,
                                                  ReportJob.kind == KIND, ReportJob.document == document,
                                                  ReportJob.key == key)
                          .order_by(case((ReportJob.status == "done", 0), else_=1), ReportJob.id.desc()).limit(1))


def shortcut(session: Session, organisation_id: int, *asked) -> str:
    """A key for a request that costs one read: the organisation's data version (moved by every commit that
    writes its rows, survey/services/data_versions.py) and what the request asked (``asked``: its address,
    language, reader's role, day). Equal keys, equal view models; a moved version only means the fingerprint
    is computed again."""
    return fingerprint(organisation_id, data_versions.of(session, organisation_id), *asked)


def find_shortcut(session: Session, organisation_id: int, document: str, key: str) -> ReportJob | None:
    """The build the last request with this shortcut led to (``remember``), if any."""
    return session.scalar(select(ReportJob).where(ReportJob.organisation_id == organisation_id,
                                                  ReportJob.shortcut == key, ReportJob.kind == KIND,
                                                  ReportJob.document == document)
                          .order_by(ReportJob.id.desc()).limit(1))


@in_unit_of_work
def remember(session: Session, job: ReportJob, key: str) -> None:
    """Let the next request with shortcut ``key`` find ``job`` without building its view model."""
    job.shortcut = key


def get(session: Session, organisation_id: int, job_id: int, document: str) -> ReportJob | None:
    """One build of the organisation's ``document`` by its id (a form's document, looked for again)."""
    return session.scalar(select(ReportJob).where(ReportJob.id == job_id, ReportJob.organisation_id == organisation_id,
                                                  ReportJob.kind == KIND, ReportJob.document == document))


def needs_building(found: ReportJob | None) -> bool:
    """No build yet, or a failed one that may be tried again."""
    return found is None or (found.status == "failed" and found.attempts < ATTEMPTS)


@in_unit_of_work
def queue(session: Session, organisation_id: int, document: str, key: str, language: str, source: str,
          requested_by: str, failed: ReportJob | None = None) -> ReportJob:
    """A build of ``document`` from its HTML ``source``, waiting for a worker (``failed``: that one again)."""
    if failed is not None:
        failed.status, failed.error, failed.source, failed.finished_at = "queued", "", source, None
        return failed
    job = ReportJob(organisation_id=organisation_id, kind=KIND, document=document, key=key, language=language,
                    source=source, requested_by=requested_by, total=1)
    session.add(job)
    return job


@in_unit_of_work
def lost(session: Session, job: ReportJob) -> bool:
    """Put back in the queue a build waiting or running past ``LOST_AFTER``; True when it was (submit it again:
    claims keep a build to one worker)."""
    cutoff = utcnow() - LOST_AFTER
    put_back = session.execute(update(ReportJob).where(
        ReportJob.id == job.id,
        or_((ReportJob.status == "queued") & (ReportJob.created_at < cutoff),
            (ReportJob.status == "running") & (ReportJob.heartbeat_at < cutoff))).values(status="queued")
        .execution_options(synchronize_session=False))
    return put_back.rowcount == 1


def forget_older(session: Session, job: ReportJob) -> None:
    """Drop the document's finished builds beyond the newest ``KEEP``: what they showed has changed (not
    letters: ``LETTERS``)."""
    if job.document.startswith(LETTERS):
        return
    kept = select(ReportJob.id).where(ReportJob.organisation_id == job.organisation_id, ReportJob.kind == KIND,
                                      ReportJob.document == job.document, ReportJob.status == "done"
                                      ).order_by(ReportJob.id.desc()).limit(KEEP)
    session.execute(delete(ReportJob).where(ReportJob.organisation_id == job.organisation_id, ReportJob.kind == KIND,
                                            ReportJob.document == job.document, ReportJob.status == "done",
                                            ReportJob.id.not_in(kept)))
