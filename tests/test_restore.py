"""A backup restores (README "Deployment", backups): `pg_dump -Fc` of a database with the demo organisation,
`pg_restore` into an empty database, and the restored one serves the same pages and takes new rows."""
from __future__ import annotations

import re
import subprocess

import pytest
from sqlalchemy import create_engine, pool, select, text
from sqlalchemy.engine import make_url

from survey import create_app, demo
from survey.models import Round, ScorecardVersion
from survey.services import people
from survey.services.kinds import SATISFACTION, WEIGHTING
from tests.helpers.database import drop_database
from tests.web import post

pytestmark = [pytest.mark.deployment, pytest.mark.demo("id")]

#: What differs between two sign-ins by design: the form token of each session.
PER_SESSION = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+|(<meta name="csrf-token" content=")[^"]+')
#: What differs between two processes by design: charts are numbered as the process draws them (chart-7-title).
CHART_NUMBER = re.compile(r"chart-\d+-")


def libpq(url: str) -> str:
    """The SQLAlchemy URL as pg_dump and pg_restore take it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def empty_database_beside(database_url):
    """A new empty database beside the test's (its role has CREATEDB), dropped at the end."""
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_dump and pg_restore back up a PostgreSQL database: run on PostgreSQL (make test-postgres)")
    name = f"{make_url(database_url).database}_restored"
    server = create_engine(database_url, poolclass=pool.NullPool, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        drop_database(connection, name)
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        drop_database(connection, name)
    server.dispose()


def pages_of(app, addresses: list[str], password: str) -> dict[str, str]:
    client = app.test_client()
    assert post(client, "/login", {"email": demo.ADMIN_EMAIL, "password": password}).status_code == 302
    shown = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)
        shown[address] = CHART_NUMBER.sub("chart-", PER_SESSION.sub(r"\1\2", response.get_data(as_text=True)))
    return shown


def test_a_pg_dump_restored_into_an_empty_database_serves_the_same_pages(app, session, database_url,
                                                                        empty_database_beside, tmp_path):
    password_file = tmp_path / "password"
    demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=password_file)
    weighting = session.scalar(select(Round).where(Round.kind == WEIGHTING.code))
    satisfaction = session.scalar(select(Round).where(Round.kind == SATISFACTION.code))
    version = session.scalar(select(ScorecardVersion))
    addresses = ["/hr/", "/hr/people", f"/hr/rounds/{weighting.id}", f"/hr/rounds/{weighting.id}/results",
                 f"/hr/versions/{version.id}/scorecard/2010", f"/hr/rounds/{satisfaction.id}/ikm",
                 f"/hr/reports/office/{version.id}/2010.csv"]
    before = pages_of(app, addresses, password_file.read_text())
    assert "Keuangan" in before[f"/hr/rounds/{weighting.id}/results"] and "IKM" in before[addresses[5]]

    dump = tmp_path / "neraca.dump"
    subprocess.run(["pg_dump", "--format=custom", "--file", str(dump), "--dbname", libpq(database_url)],
                   check=True, capture_output=True, timeout=120)
    restored = subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname",
                               libpq(empty_database_beside), str(dump)], capture_output=True, text=True, timeout=120)
    assert restored.returncode == 0, restored.stderr

    restored_app = create_app({"TESTING": True, "DATABASE_URL": empty_database_beside, "SECRET_KEY": "test",
                               "SESSION_COOKIE_SECURE": False, "JOBS_INLINE": True,
                               "PUBLIC_URL": "http://neraca.test"})
    try:
        after = pages_of(restored_app, addresses, password_file.read_text())
        for address in addresses:
            assert after[address] == before[address], address
        # The numbering came along too: a new row takes the next id instead of colliding with a restored one.
        with restored_app.extensions["neraca.sessionmaker"]() as restored_session:
            added = people.add_person(restored_session, weighting.organisation_id, name="Pegawai Baru",
                                      email="baru@samsat.demo")
            restored_session.commit()
            assert added.id > max(p.id for p in people.people(session, weighting.organisation_id))
    finally:
        restored_app.extensions["neraca.engine"].dispose()
