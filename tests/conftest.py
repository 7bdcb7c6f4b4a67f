"""Fixtures: a real database (SQLite in a temp dir, or TEST_DATABASE_URL's PostgreSQL) migrated to head.

The migrations run once per session: each test's SQLite file is a copy of a migrated template, and
PostgreSQL's tables are emptied (numbering restarted) between tests; a test that changed the schema
(one that runs migrations itself) leaves it to be migrated again.

Under pytest-xdist (`make test` runs `-n auto`) each worker has its own SQLite template (tmp_path_factory
is per worker) and its own PostgreSQL database, TEST_DATABASE_URL's name plus the worker's (neraca_ci_gw0,
neraca_ci_gw1...), created here when missing."""
from __future__ import annotations

import gc
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
from flask import Flask
from hypothesis import settings
from sqlalchemy import create_engine, pool, text
from sqlalchemy.engine import make_url

from survey import create_app, demo, i18n
from survey.cli import upgrade
from tests.helpers.compiled import (cheaper_password_hashes, reuse_engines, share_compiled_templates,
                                    share_url_builders)
from tests.helpers.database import empty_database, restore_rows, rows_of, terminate_backends  # noqa: F401
from tests.helpers.servers import free_port, start_smtp_server  # noqa: F401


#: Memory-backed: a committed SQLite transaction is fsync'ed to disk, 5 ms each here against 0.04 ms in
#: memory, and the suite commits tens of thousands of them (benchmarks/ and `make run` keep the disk).
MEMORY_FOLDER = "/dev/shm"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    """The tests' files (their SQLite databases above all) go to a memory-backed folder where there is one
    and TMPDIR does not choose another; xdist workers and subprocesses inherit it.

    An xdist worker's tests go to its own PostgreSQL database: TEST_DATABASE_URL is rewritten to it, so
    every fixture, helper and subprocess that reads it finds the worker's."""
    if not os.environ.get("TMPDIR") and os.path.isdir(MEMORY_FOLDER) and os.access(MEMORY_FOLDER, os.W_OK):
        os.environ["TMPDIR"] = MEMORY_FOLDER
        tempfile.tempdir = None  # gettempdir() reads TMPDIR again
    worker, url = os.environ.get("PYTEST_XDIST_WORKER"), os.environ.get("TEST_DATABASE_URL")
    if url and url.startswith("postgresql"):
        if worker:
            os.environ["TEST_DATABASE_URL"] = url = worker_database(url, worker)
        commits_not_waiting_for_the_disk(url)


def commits_not_waiting_for_the_disk(url: str) -> None:
    """PostgreSQL's twin of the memory folder: the test database's commits return before their WAL is
    flushed (synchronous_commit off: a server crash may lose the last ones, nothing else changes)."""
    engine = create_engine(url, poolclass=pool.NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{make_url(url).database}" SET synchronous_commit = off'))
    finally:
        engine.dispose()


def worker_database(url: str, worker: str) -> str:
    """The URL of ``url``'s database suffixed with ``_<worker>``, created (by ``url``'s role, which needs
    CREATEDB; scripts/with-postgres.sh grants it) when it does not exist yet."""
    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(url, poolclass=pool.NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                      {"name": name}).scalar():
                try:
                    connection.execute(text(f'CREATE DATABASE "{name}"'))
                except Exception as error:
                    raise pytest.UsageError(
                        f"xdist worker {worker} needs PostgreSQL database {name}: give role {base.username} "
                        f"CREATEDB or create it (createdb -O {base.username} {name}). {error}") from error
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


# No example has a deadline: speed is measured by benchmarks/, not timed in tests, and on a machine the suite keeps
# busy (three workers on two cores) an example's time says more about its neighbours than about it.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

#: Allocations between two young collections: 20,000 instead of Python's 700, so the full collections (one per 100
#: young ones) come rarely. Each full collection walked every object the worker had made (compiled templates and
#: SQL, engines, the modules): 0.3 s each, 13 % of a worker's CPU in `make test`.
YOUNG_COLLECTION_EVERY = 20_000


def pytest_collection_finish(session):
    """The objects alive once the tests are collected (modules, test functions) live as long as the worker: they
    are frozen out of every later collection (gc.freeze) and collections come less often. Garbage in cycles is
    still collected, only later: a test must close the sessions it opens, or their connections stay checked out
    for longer (tests/test_network_rounds.py's answer() did not, and its test ran out of connections)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, 10, 10)


#: Tests of tens of seconds each: started first, so that the two xdist workers end together instead of one
#: finishing a browser sweep alone while the other waits.
LONG = ("browser", "bench")


#: Fixtures of a test that drives chromium (tests/helpers/browser.py).
BROWSER_FIXTURES = {"browser", "chromium", "live_server"}


def pytest_collection_modifyitems(items):
    """Every test that builds the site (directly or through another fixture) is marked ``site``, every test that
    drives chromium ``browser`` (two modules lacking the mark ran their browser again on PostgreSQL); the long
    ones are put first (a stable sort: every xdist worker collects the same order)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "app" in fixtures:
            item.add_marker(pytest.mark.site)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in LONG))


@pytest.fixture(scope="session", autouse=True)
def instance_outside_the_checkout(tmp_path_factory):
    """No test writes into the checkout's instance/ folder (its secret key, the developer's database): a
    test that reads the settings without choosing a folder gets one of the session's. The ``app`` fixture
    gives each test its own."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path_factory.mktemp("instance")))
        yield


@pytest.fixture(scope="session", autouse=True)
def compiled_once():
    """Templates, URL builders and SQL are compiled once per session, not once per test's app, and passwords
    hashed at a lower cost (tests/helpers/compiled.py). Yields the engines tests' apps leave to the next."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        share_compiled_templates(monkeypatch)
        share_url_builders(monkeypatch)
        cheaper_password_hashes(monkeypatch)
        yield reuse_engines(monkeypatch)


@pytest.fixture
def database_url(tmp_path_factory):
    """TEST_DATABASE_URL (the worker's PostgreSQL database), else an SQLite file at one path per worker, absent
    when the test starts: one address lets the next test's app take this one's engine (``compiled_once``)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    path = tmp_path_factory.getbasetemp() / "database" / "neraca.db"
    path.parent.mkdir(exist_ok=True)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)  # a new file, not the last test's rewritten under its connections
    return f"sqlite:///{path}"


def schema_of(url: str) -> tuple:
    """A PostgreSQL database's tables, columns and migration: what a test may not have changed."""
    with kept_engine(url).connect() as connection:
        return _schema(connection)


def _schema(connection) -> tuple:
    columns = connection.execute(text(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY 1, 2")).all()
    tables = {row[0] for row in columns}
    version = (connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
               if "alembic_version" in tables else [])
    return tuple(map(tuple, columns)), tuple(sorted(version))


_KEPT: dict[str, object] = {}


def kept_engine(url: str):
    """The fixtures' own engine on a PostgreSQL test database, its connection kept from test to test (a new
    engine per test connected twice and asked the server's settings each time: 4 % of the PostgreSQL run).
    Pre-ping: a test may cut every connection (tests/helpers/database.terminate_backends)."""
    if url not in _KEPT:
        _KEPT[url] = create_engine(url, pool_size=1, max_overflow=2, pool_pre_ping=True)
    return _KEPT[url]


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """Migrated once per session. SQLite: the path of a template file each test copies. PostgreSQL: the
    schema each test expects to find (then only its rows are removed)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        folder = tmp_path_factory.mktemp("migrated")
        monkeypatch.setenv("NERACA_INSTANCE", str(folder / "instance"))
        url = os.environ.get("TEST_DATABASE_URL")
        if url:
            empty_database(url)
            upgrade(url)
            return schema_of(url)
        template = folder / "neraca.db"
        upgrade(f"sqlite:///{template}")
        return template


def fresh_database(url: str, migrated) -> None:
    """``url`` at head with no rows, as the migrations leave it."""
    if not url.startswith("postgresql"):
        shutil.copy(migrated, url.removeprefix("sqlite:///"))
        return
    with kept_engine(url).connect() as connection:
        if _schema(connection) == migrated:
            # DELETE, children first, then the sequences back to 1: what TRUNCATE ... RESTART IDENTITY does, at
            # a fraction of its cost on tables a test filled with a few rows (TRUNCATE makes new files for each).
            # One round trip: the statements depend only on the schema, just checked to be the migrated one.
            connection.exec_driver_sql(_emptying(connection, migrated))
            connection.commit()
            return
    empty_database(url)
    upgrade(url)


_EMPTYING: dict[tuple, str] = {}


def _emptying(connection, schema: tuple) -> str:
    if schema not in _EMPTYING:
        tables = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )).scalars().all()
        references = connection.execute(text(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid")).all()
        _EMPTYING[schema] = "; ".join(
            [f'DELETE FROM "{table}"' for table in children_first(tables, references)]
            + ["SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S' "
               "AND relnamespace = 'public'::regnamespace"])
    return _EMPTYING[schema]


def children_first(tables: list[str], references: list[tuple[str, str]]) -> list[str]:
    """``tables`` ordered so that a table comes before every table it references."""
    ordered, placed = [], set()
    referenced_by = {table: {child for child, parent in references if parent == table} for table in tables}
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in placed and referenced_by[t] <= placed]
        if not ready:
            raise RuntimeError(f"foreign keys in a cycle among {sorted(set(tables) - placed)}")
        ordered += ready
        placed.update(ready)
    return ordered


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory):
    """The message catalogs compiled once; each app's instance folder gets a copy, which the app then
    finds up to date instead of compiling its own."""
    return i18n.compile_catalogs(tmp_path_factory.mktemp("translations") / "translations")


def site(database_url: str, instance, translations) -> Flask:
    """The site on ``database_url`` as the tests build it, its instance folder given the compiled catalogs."""
    shutil.copytree(translations, instance / "translations")
    return create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test",
                       "SESSION_COOKIE_SECURE": False, "JOBS_INLINE": True, "PUBLIC_URL": "http://neraca.test",
                       # Reports print in the test's own process: starting two Pythons costs seconds a test
                       # (the pool itself: test_the_command_line_prints_personal_scorecards_on_two_cores).
                       "REPORT_PROCESSES": 1})


@pytest.fixture(scope="session")
def demo_templates(migrated_database, compiled_translations, compiled_once, tmp_path_factory):
    """The demo organisation (survey.demo.load, secret key "test") in a language, loaded once per session
    (per xdist worker) instead of once per test that crawls it (0.4 s each on SQLite, 0.8 s on PostgreSQL,
    some 20 tests). SQLite: a template file a test's database is copied from; PostgreSQL: the rows (and
    sequences) put back into a test's emptied database.
    A test marked ``demo`` still calls demo.load, which finds the organisation and sets its own password."""
    made = {}

    def template(language: str = "id"):
        if language not in made:
            with pytest.MonkeyPatch.context() as monkeypatch:
                folder = tmp_path_factory.mktemp(f"demo-{language}")
                monkeypatch.setenv("NERACA_INSTANCE", str(folder / "instance"))
                url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{folder / 'neraca.db'}"
                fresh_database(url, migrated_database)
                app = site(url, folder / "instance", compiled_translations)
                with app.extensions["neraca.sessionmaker"]() as session:
                    demo.load(session, secret_key="test", base_url="http://neraca.test",
                              password_file=folder / "password", language=language)
                app.extensions["neraca.engine"].dispose()
                made[language] = rows_of(url) if url.startswith("postgresql") else folder / "neraca.db"
        return made[language]
    return template


@pytest.fixture
def app(request, database_url, migrated_database, compiled_translations, compiled_once, tmp_path, monkeypatch):
    """The site on the test's own database, migrated and empty; with the demo organisation loaded in a test
    marked ``@pytest.mark.demo(language)`` (default "id")."""
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path / "instance"))
    marker = request.node.get_closest_marker("demo")
    if marker is None:
        fresh_database(database_url, migrated_database)
    else:
        loaded = request.getfixturevalue("demo_templates")(*marker.args, **marker.kwargs)
        if database_url.startswith("postgresql"):
            fresh_database(database_url, migrated_database)
            restore_rows(database_url, loaded)
        else:
            fresh_database(database_url, loaded)
    app = site(database_url, tmp_path / "instance", compiled_translations)
    yield app
    # Each test's pool closes with it: a thousand tests' idle connections would fill PostgreSQL's 100 slots.
    # The engine itself, with the SQL it compiled, goes to the next test's app on the same database.
    compiled_once.release(app.extensions["neraca.engine"])


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


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, launched once per xdist worker (tests/helpers/browser.py's options): each browser test
    launching its own spent ~0.9 s of CPU on it, ~25 s a run."""
    from tests.helpers.browser import launch, playwright
    with playwright.sync_playwright() as driver:
        shared = launch(driver)
        yield shared
        shared.close()


class OwnContexts:
    """The worker's chromium as one test sees it: the contexts (cookies, storage, offline mode) and pages it
    opens are its own, closed at its end."""

    def __init__(self, shared):
        self.shared, self.opened = shared, []

    def new_context(self, **options):
        self.opened.append(self.shared.new_context(**options))
        return self.opened[-1]

    def new_page(self, **options):
        return self.new_context(**options).new_page()

    def close(self):
        for context in self.opened:
            context.close()
        self.opened.clear()


@pytest.fixture
def browser(chromium):
    """A test's window on the worker's chromium (``chromium``); what it opened is closed after it."""
    own = OwnContexts(chromium)
    yield own
    own.close()
