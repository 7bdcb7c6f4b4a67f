"""The database: one engine per app, one session per request.

The schema comes from Alembic migrations only (``neraca upgrade``), never from
``create_all`` in a worker, so several workers and machines can share it.
"""
from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from survey.services.per_transaction import remember_reads
from survey.services.text import refuse_line_breaks_in_flush


class Base(DeclarativeBase):
    """Declarative base of every Neraca table."""


def make_engine(url: str, pool_size: int = 5, max_overflow: int = 5) -> Engine:
    # pre-ping replaces connections a restarted server dropped, instead of failing a request;
    # an embedded SQLite file cannot drop one, so it saves that round trip on every request.
    # A process holds at most pool_size + max_overflow connections: PostgreSQL's max_connections must
    # exceed that times every process of every machine (README "Deployment").
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"), pool_size=pool_size,
                           max_overflow=max_overflow)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()
    return engine


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"], app.config["DATABASE_POOL_SIZE"],
                         app.config["DATABASE_MAX_OVERFLOW"])
    app.extensions["neraca.engine"] = engine
    maker = sessionmaker(engine, expire_on_commit=False)
    event.listen(maker, "before_flush", refuse_line_breaks_in_flush)  # one-line texts, whoever saves them
    app.extensions["neraca.sessionmaker"] = maker
    app.teardown_appcontext(_close_session)


def session() -> Session:
    """The current request's session, opened on first use."""
    if "db_session" not in g:
        g.db_session = remember_reads(current_app.extensions["neraca.sessionmaker"]())
    return g.db_session


def engine() -> Engine:
    return current_app.extensions["neraca.engine"]


def _close_session(_exception=None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()
