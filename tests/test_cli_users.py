"""Setting up for real from the console: `neraca init`, `org create`, `user create|disable|enable|reset-password`."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from survey.models import Organisation, User
from survey.services import accounts
from tests.helpers.cli import console  # noqa: F401
from tests.web import post

PASSWORD = "correct horse battery"


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def test_init_makes_the_organisation_and_its_administrator_who_can_sign_in(console, client, session, capsys):
    assert console("init", "--org", "Dinas Pendapatan Daerah", "--email", "Admin@Dispenda.go.id", "--name", "Admin",
                   "--time-zone", "Asia/Makassar", "--password-stdin", stdin=PASSWORD + "\n") == 0
    printed = capsys.readouterr().out
    assert "Dinas Pendapatan Daerah (Asia/Makassar)" in printed and "admin@dispenda.go.id" in printed
    assert "http://neraca.test/login" in printed
    admin = session.scalar(select(User))
    assert admin.role == "admin" and admin.organisation.time_zone == "Asia/Makassar"
    assert post(client, "/login", {"email": "admin@dispenda.go.id", "password": PASSWORD}).status_code == 302
    assert client.get("/hr/users").status_code == 200


def test_init_refuses_once_users_exist_unless_told_to_add_an_organisation(console, session, capsys, monkeypatch):
    monkeypatch.setenv("NERACA_PASSWORD", PASSWORD)
    assert console("init", "--org", "A", "--email", "a@a.go.id", "--name", "A") == 0
    assert console("init", "--org", "B", "--email", "b@b.go.id", "--name", "B") == 2
    assert "users exist already" in capsys.readouterr().err
    assert count(session, Organisation) == 1
    assert console("init", "--org", "B", "--email", "b@b.go.id", "--name", "B", "--force-new-org") == 0
    assert count(session, Organisation) == 2


def test_init_with_bad_input_writes_nothing(console, session, capsys):
    assert console("init", "--org", "A", "--email", "not an email", "--name", "A", "--password-stdin",
                   stdin="short\n") == 2
    error = capsys.readouterr().err
    assert "valid email" in error and "at least 10 characters" in error
    assert console("init", "--org", "A", "--email", "a@a.go.id", "--name", "A", "--time-zone", "Mars/Olympus",
                   "--password-stdin", stdin=PASSWORD + "\n") == 2
    assert (count(session, Organisation), count(session, User)) == (0, 0)  # no organisation without its admin


def test_init_without_a_password_and_no_console_to_ask_refuses(console, session, capsys):
    assert console("init", "--org", "A", "--email", "a@a.go.id", "--name", "A") == 2
    assert "--password-stdin" in capsys.readouterr().err
    assert count(session, Organisation) == 0


def test_a_host_makes_organisations_and_their_users_who_stay_apart(console, app, session, capsys):
    assert console("org", "create", "Dinas A") == 0
    assert console("org", "create", "Dinas B") == 0
    ids = [int(n) for n in re.findall(r"Organisation (\d+)", capsys.readouterr().out)]
    assert console("user", "create", "--org", str(ids[0]), "--email", "hr@a.go.id", "--name", "HR A", "--role", "admin",
                   "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert console("user", "create", "--org", str(ids[1]), "--email", "hr@b.go.id", "--name", "HR B",
                   "--role", "viewer") == 0
    printed = capsys.readouterr().out
    link = re.search(r"http://neraca\.test(/password/\S+)", printed).group(1)  # no password given: a link
    a_client, b_client = app.test_client(), app.test_client()
    assert post(b_client, link, {"password": PASSWORD, "repeat": PASSWORD}).status_code == 302
    post(a_client, "/login", {"email": "hr@a.go.id", "password": PASSWORD})
    post(b_client, "/login", {"email": "hr@b.go.id", "password": PASSWORD})
    users_of_a = a_client.get("/hr/users").get_data(as_text=True)
    assert b_client.get("/hr/").status_code == 200
    assert "hr@a.go.id" in users_of_a and "hr@b.go.id" not in users_of_a
    assert console("user", "create", "--org", "999", "--email", "x@x.go.id", "--name", "X") == 2
    assert "no organisation 999" in capsys.readouterr().err


def test_disable_enable_and_reset_password_from_the_console(console, app, client, session, capsys):
    organisation = accounts.create_organisation(session, "Dinas")
    accounts.create_user(session, organisation.id, "siti@dinas.go.id", "Siti", PASSWORD)
    assert post(client, "/login", {"email": "siti@dinas.go.id", "password": PASSWORD}).status_code == 302
    assert console("user", "disable", "siti@dinas.go.id") == 0
    assert client.get("/hr/").status_code == 302  # signed out at once
    assert post(client, "/login", {"email": "siti@dinas.go.id", "password": PASSWORD}).status_code == 401
    assert console("user", "enable", "siti@dinas.go.id") == 0

    assert console("user", "reset-password", "siti@dinas.go.id") == 0
    link = re.search(r"http://neraca\.test(/password/\S+)", capsys.readouterr().out).group(1)
    assert post(client, link, {"password": "brand new passphrase", "repeat": "brand new passphrase"}).status_code == 302
    assert post(client, "/login", {"email": "siti@dinas.go.id", "password": "brand new passphrase"}).status_code == 302

    assert console("user", "reset-password", "siti@dinas.go.id", "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert client.get("/hr/").status_code == 302  # their sessions ended
    assert post(client, "/login", {"email": "siti@dinas.go.id", "password": PASSWORD}).status_code == 302
    assert console("user", "reset-password", "nobody@dinas.go.id") == 2
    assert "no user with the email" in capsys.readouterr().err


def test_a_printed_link_needs_the_sites_address(console, session, capsys, monkeypatch):
    monkeypatch.setenv("PUBLIC_URL", "")
    organisation = accounts.create_organisation(session, "Dinas")
    accounts.create_user(session, organisation.id, "siti@dinas.go.id", "Siti", PASSWORD)
    assert console("user", "reset-password", "siti@dinas.go.id") == 2
    assert "PUBLIC_URL" in capsys.readouterr().err
    assert console("user", "reset-password", "siti@dinas.go.id", "--base-url", "https://neraca.dinas.go.id") == 0
    assert "https://neraca.dinas.go.id/password/" in capsys.readouterr().out
