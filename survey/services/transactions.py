"""Writes that survive a database connection lost under them (server restart, failover, network cut)."""
from __future__ import annotations

from functools import wraps

from sqlalchemy.exc import DBAPIError


def retried_once_if_disconnected(write):
    """Run ``write(session, ...)`` again, once, on a fresh connection when the old one died.

    Only for writes a submission key makes idempotent: if the first run's commit did reach the
    database, the second finds its key and stores nothing twice.
    """
    @wraps(write)
    def run(session, *args, **kwargs):
        try:
            return write(session, *args, **kwargs)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            session.rollback()
            return write(session, *args, **kwargs)
    return run
