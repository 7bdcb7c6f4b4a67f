"""The `neraca` command as an administrator runs it, on the test's database."""
from __future__ import annotations

import io

import pytest

from survey import cli


@pytest.fixture
def console(app, database_url, monkeypatch):
    """The commands run as `neraca ...` would, on the test's database and settings."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SECRET_KEY", "test")
    monkeypatch.setenv("PUBLIC_URL", "http://neraca.test")
    monkeypatch.delenv("NERACA_PASSWORD", raising=False)

    def run(*argv, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return cli.main(list(argv))
    return run
