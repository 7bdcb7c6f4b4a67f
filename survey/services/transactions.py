"""Who commits: one unit of work per write; and writes that survive a database connection lost under
them (server restart, failover, network cut)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

_DEPTH = "neraca.unit_of_work_depth"


@contextmanager
def unit_of_work(session: Session) -> Iterator[Session]:
    """``with unit_of_work(session):`` commits when the block ends, rolls back on any exception and
    re-raises it, so a rejected write leaves nothing behind.

    Blocks nest: a service's block inside a view's (or a CLI command's) joins it, and only the outermost
    commits or rolls back. So a service called alone (a test, a job) still commits its own work, and a
    view that calls two services keeps both or neither. Catch errors outside the outermost block.
    """
    depth = session.info.get(_DEPTH, 0)
    session.info[_DEPTH] = depth + 1
    try:
        yield session
        if depth == 0:
            session.commit()
    except BaseException:
        if depth == 0:
            session.rollback()
        raise
    finally:
        session.info[_DEPTH] = depth


def in_unit_of_work(service):
    """A service that writes: its whole call is one ``unit_of_work`` of its first argument, the session
    (committed when it returns, nothing kept when it raises; joined to the caller's when there is one)."""
    @wraps(service)
    def run(session, *args, **kwargs):
        with unit_of_work(session):
            return service(session, *args, **kwargs)
    return run


def commits_itself(write):
    """A write that commits as its own last step (services.answers.commit_submission: the page's
    submission key with its answers), so it runs outside any caller's unit of work; when it raises (a
    refused answer, a page saved meanwhile), nothing of it is kept."""
    @wraps(write)
    def run(session, *args, **kwargs):
        if session.info.get(_DEPTH, 0):  # inside a caller's unit of work the commit, and its failure, come later
            raise RuntimeError(f"{write.__name__} commits itself: call it outside any unit_of_work")
        try:
            return write(session, *args, **kwargs)
        except BaseException:
            session.rollback()
            raise
    return run


def retried_once_if_disconnected(write):
    """Run ``write(session, ...)`` again, once, on a fresh connection when the old one died.

    Only for writes a submission key makes idempotent: if the first run's commit did reach the
    database, the second finds its key and stores nothing twice. It ``commits_itself``.
    """
    once = commits_itself(write)

    @wraps(write)
    def run(session, *args, **kwargs):
        try:
            return once(session, *args, **kwargs)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            return once(session, *args, **kwargs)
    return run
