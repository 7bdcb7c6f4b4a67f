"""Fixtures: a real database (SQLite in a temp dir, or DATABASE_URL's PostgreSQL) migrated to head."""
from __future__ import annotations

import os
import socket
import subprocess
import time

import pytest
from sqlalchemy import create_engine, text

from survey import create_app
from survey.cli import upgrade


@pytest.fixture
def database_url(tmp_path):
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'neraca.db'}"


def empty_database(url: str) -> None:
    """A PostgreSQL test database starts each test empty; SQLite files are new per test anyway."""
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()


def terminate_backends(url: str, pid: int | None = None) -> int:
    """Cut PostgreSQL connections from outside, as a server restart or a network cut would: backend
    ``pid``, or else every other connection of this user to the database. Returns how many were cut."""
    engine = create_engine(url)
    with engine.begin() as connection:
        cut = connection.execute(text(
            "SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid() "
            "AND (CAST(:pid AS integer) IS NULL OR pid = CAST(:pid AS integer))"), {"pid": pid}).scalar()
    engine.dispose()
    return cut


@pytest.fixture
def app(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path / "instance"))
    empty_database(database_url)
    upgrade(database_url)
    return create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test",
                       "SESSION_COOKIE_SECURE": False, "JOBS_INLINE": True, "PUBLIC_URL": "http://neraca.test"})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def session(app):
    with app.extensions["neraca.sessionmaker"]() as db_session:
        yield db_session


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 that keeps what it receives."""
    controller, inbox = start_smtp_server(free_port())
    yield inbox
    controller.stop()


def start_smtp_server(port: int):
    """A real SMTP server on 127.0.0.1:``port`` (one that was down until now, say): (controller, inbox)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self):
            super().__init__()
            self.messages = []

        def handle_message(self, message):
            self.messages.append(message)

    inbox = Inbox()
    inbox.port = port
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


@pytest.fixture
def redis_url(tmp_path):
    """A real Redis server on 127.0.0.1 for this test, nothing kept on disk."""
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
