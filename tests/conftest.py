"""Fixtures: a real database (SQLite in a temp dir, or DATABASE_URL's PostgreSQL) migrated to head."""
from __future__ import annotations

import os

import pytest

from survey import create_app
from survey.cli import upgrade


@pytest.fixture
def database_url(tmp_path):
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'neraca.db'}"


@pytest.fixture
def app(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path / "instance"))
    upgrade(database_url)
    return create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test"})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def session(app):
    with app.extensions["neraca.sessionmaker"]() as db_session:
        yield db_session
