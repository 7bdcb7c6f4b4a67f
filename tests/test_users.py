"""People who sign in: an administrator invites colleagues by email, gives roles and disables them; everyone
changes their own password or gets a new one by email. Links go through a real SMTP server."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from survey.models import OutboxMessage, PasswordToken, User, utcnow
from survey.services import accounts, users
from survey.services.errors import Invalid
from tests.helpers.database import database_text
from tests.web import post, sign_in

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a much longer passphrase"
LINK = re.compile(r"http://neraca\.test/password/[A-Za-z0-9_-]+")


@pytest.fixture
def office(app, session, smtp_server):
    """An organisation with a signed-in administrator; mail goes to a real SMTP server."""
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    return accounts.create_organisation(session, "Dinas Pendapatan")


def mailed_link(smtp_server, to: str) -> str:
    bodies = [message.get_payload() for message in smtp_server.messages if message["To"] == to]
    assert bodies, f"no email to {to}"
    return LINK.findall(bodies[-1])[-1]


def sign_in_with(client, email, password):
    return post(client, "/login", {"email": email, "password": password})


def invite(client, email="siti@dispenda.go.id", role="hr", name="Siti"):
    return post(client, "/hr/users", {"name": name, "email": email, "role": role})


def test_an_invited_colleague_sets_a_password_from_the_email_once_and_signs_in(app, client, session, office,
                                                                                 smtp_server):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    assert invite(client).status_code == 302
    link = mailed_link(smtp_server, "siti@dispenda.go.id")
    assert link.rsplit("/", 1)[1] not in database_text(session)  # only the token's hash is kept
    assert "Siti" in client.get("/hr/users").get_data(as_text=True)

    colleague = app.test_client()
    assert sign_in_with(colleague, "siti@dispenda.go.id", PASSWORD).status_code == 401  # no password yet
    path = link.removeprefix("http://neraca.test")
    assert colleague.get(path).status_code == 200
    assert post(colleague, path, {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD}).status_code == 302
    assert sign_in_with(colleague, "siti@dispenda.go.id", NEW_PASSWORD).status_code == 302
    assert colleague.get("/hr/").status_code == 200

    again = app.test_client()  # the link works once
    assert again.get(path).status_code == 404
    assert "This link has been used" in again.get(path + "?lang=en").get_data(as_text=True)


def test_an_invitation_link_expires_after_72_hours(session, office):
    users.invite(session, office.id, email="budi@dispenda.go.id", name="Budi", role="viewer",
                 settings={"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test"}, language="en", invited_by="Admin")
    user = session.scalar(select(User).where(User.email == "budi@dispenda.go.id"))
    token = users.new_link_token(session, user, "invite", secret_key="test")
    assert users.usable_token(session, token, utcnow() + timedelta(hours=71)) is not None
    assert users.usable_token(session, token, utcnow() + timedelta(hours=73)) is None
    with pytest.raises(Invalid, match="expired"):
        users.set_password_with_token(session, token, NEW_PASSWORD, utcnow() + timedelta(hours=73))


def test_a_refused_invitation_writes_nothing_and_says_why_at_the_field(client, session, office):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    before = session.scalar(select(func.count()).select_from(User))
    response = invite(client, email="admin@dispenda.go.id")  # taken
    assert response.status_code == 400
    assert "Pengguna dengan email ini sudah ada" in response.get_data(as_text=True)
    response = invite(client, email="budi@dispenda.go.id", name="Budi\u202eevil")
    assert response.status_code == 400
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(User)) == before
    assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_an_invitation_is_refused_when_links_cannot_be_made(app, client, session, office):
    app.config.update(PUBLIC_URL="")
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    response = invite(client)
    assert response.status_code == 400 and "PUBLIC_URL" in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(User).where(User.email == "siti@dispenda.go.id")) == 0


def test_a_disabled_user_is_signed_out_at_once_cannot_sign_in_and_can_be_enabled_again(app, client, session, office):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    colleague = app.test_client()
    sign_in(colleague, session, office.id, email="siti@dispenda.go.id", role="hr")
    siti = session.scalar(select(User).where(User.email == "siti@dispenda.go.id"))
    assert post(client, f"/hr/users/{siti.id}/disable", {}, page="/hr/users").status_code == 302
    assert colleague.get("/hr/").status_code == 302  # to the sign-in page
    assert sign_in_with(colleague, "siti@dispenda.go.id", PASSWORD).status_code == 401
    assert post(client, f"/hr/users/{siti.id}/enable", {}, page="/hr/users").status_code == 302
    assert sign_in_with(colleague, "siti@dispenda.go.id", PASSWORD).status_code == 302


def test_the_last_administrator_cannot_disable_or_demote_themselves(client, session, office):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    admin = session.scalar(select(User).where(User.email == "admin@dispenda.go.id"))
    post(client, f"/hr/users/{admin.id}/role", {"role": "hr"}, page="/hr/users")
    page = client.get("/hr/users").get_data(as_text=True)
    assert "sekurang-kurangnya satu administrator aktif" in page  # said in the page's language
    post(client, f"/hr/users/{admin.id}/disable", {}, page="/hr/users")
    session.expire_all()
    assert (admin.role, admin.disabled_at) == ("admin", None)
    accounts.create_user(session, office.id, "kedua@dispenda.go.id", "Kedua", PASSWORD, role="admin")
    post(client, f"/hr/users/{admin.id}/role", {"role": "viewer"}, page="/hr/users")
    session.expire_all()
    assert admin.role == "viewer"  # with another administrator, they may


def test_an_administrator_gives_a_role_that_takes_effect_on_the_next_page(app, client, session, office):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    colleague = app.test_client()
    sign_in(colleague, session, office.id, email="siti@dispenda.go.id", role="viewer")
    assert colleague.get("/hr/scorecards/new").status_code == 403
    siti = session.scalar(select(User).where(User.email == "siti@dispenda.go.id"))
    assert post(client, f"/hr/users/{siti.id}/role", {"role": "hr"}, page="/hr/users").status_code == 302
    assert colleague.get("/hr/scorecards/new").status_code == 200


def test_another_organisations_users_cannot_be_touched(client, session, office):
    other = accounts.create_organisation(session, "Other office")
    stranger = accounts.create_user(session, other.id, "stranger@other.go.id", "Stranger", PASSWORD, role="admin")
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    assert "stranger@other.go.id" not in client.get("/hr/users").get_data(as_text=True)
    for action in ("disable", "link"):
        assert post(client, f"/hr/users/{stranger.id}/{action}", {}, page="/hr/users").status_code == 404
    assert post(client, f"/hr/users/{stranger.id}/role", {"role": "viewer"}, page="/hr/users").status_code == 404
    session.expire_all()
    assert (stranger.role, stranger.disabled_at) == ("admin", None)


def test_changing_ones_password_needs_the_current_one_and_ends_the_other_sessions(app, client, session, office):
    sign_in(client, session, office.id, email="siti@dispenda.go.id", role="hr")
    elsewhere = app.test_client()
    assert sign_in_with(elsewhere, "siti@dispenda.go.id", PASSWORD).status_code == 302
    wrong = post(client, "/account/password?lang=en", {"current": "not it at all", "password": NEW_PASSWORD,
                                                       "repeat": NEW_PASSWORD})
    assert wrong.status_code == 400 and "not your current password" in wrong.get_data(as_text=True)
    differ = post(client, "/account/password", {"current": PASSWORD, "password": NEW_PASSWORD, "repeat": "other"})
    assert differ.status_code == 400
    assert elsewhere.get("/hr/").status_code == 200  # nothing changed yet
    changed = post(client, "/account/password", {"current": PASSWORD, "password": NEW_PASSWORD,
                                                 "repeat": NEW_PASSWORD})
    assert changed.status_code == 302
    assert client.get("/hr/").status_code == 200  # this browser stays signed in
    assert elsewhere.get("/hr/").status_code == 302  # the other one is signed out
    assert sign_in_with(elsewhere, "siti@dispenda.go.id", NEW_PASSWORD).status_code == 302


def test_a_forgotten_password_is_reset_by_email_and_the_page_says_the_same_for_unknown_emails(
        app, client, session, office, smtp_server):
    accounts.create_user(session, office.id, "siti@dispenda.go.id", "Siti", PASSWORD)
    known = post(client, "/password/forgot", {"email": "siti@dispenda.go.id"})
    unknown = post(client, "/password/forgot", {"email": "nobody@dispenda.go.id"})
    assert known.status_code == unknown.status_code == 200
    assert known.get_data() == unknown.get_data()
    assert [message["To"] for message in smtp_server.messages] == ["siti@dispenda.go.id"]

    path = mailed_link(smtp_server, "siti@dispenda.go.id").removeprefix("http://neraca.test")
    assert sign_in_with(client, "siti@dispenda.go.id", PASSWORD).status_code == 302  # the old one works until reset
    other_session = app.test_client()
    assert post(other_session, path, {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD}).status_code == 302
    assert client.get("/hr/").status_code == 302  # signed out everywhere
    assert sign_in_with(client, "siti@dispenda.go.id", PASSWORD).status_code == 401
    assert sign_in_with(client, "siti@dispenda.go.id", NEW_PASSWORD).status_code == 302
    assert other_session.get(path).status_code == 404  # single use


def test_forgotten_password_emails_are_limited_per_hour(client, session, office, smtp_server):
    accounts.create_user(session, office.id, "siti@dispenda.go.id", "Siti", PASSWORD)
    for _ in range(users.MAX_RESETS_PER_HOUR + 2):
        post(client, "/password/forgot", {"email": "siti@dispenda.go.id"})
    assert len(smtp_server.messages) == users.MAX_RESETS_PER_HOUR


def test_a_short_password_from_a_link_is_refused_and_the_link_still_works(client, session, office, smtp_server):
    accounts.create_user(session, office.id, "siti@dispenda.go.id", "Siti", PASSWORD)
    post(client, "/password/forgot", {"email": "siti@dispenda.go.id"})
    path = mailed_link(smtp_server, "siti@dispenda.go.id").removeprefix("http://neraca.test")
    short = post(client, path + "?lang=en", {"password": "short", "repeat": "short"})
    assert short.status_code == 400 and "at least 10 characters" in short.get_data(as_text=True)
    assert client.get(path).status_code == 200
    assert session.scalar(select(func.count()).select_from(PasswordToken).where(PasswordToken.used_at.isnot(None))) == 0


def test_a_disabled_users_link_no_longer_works(session, office):
    user = accounts.create_user(session, office.id, "siti@dispenda.go.id", "Siti", PASSWORD)
    token = users.new_link_token(session, user, "reset", secret_key="test")
    accounts.create_user(session, office.id, "admin@dispenda.go.id", "Admin", PASSWORD, role="admin")
    users.disable(session, office.id, user.id)
    assert users.usable_token(session, token) is None


def test_the_users_page_reads_in_both_languages(client, session, office):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    assert "Undang rekan kerja" in client.get("/hr/users?lang=id").get_data(as_text=True)
    assert "Invite a colleague" in client.get("/hr/users?lang=en").get_data(as_text=True)


def test_role_changes_disabling_and_enabling_are_in_the_audit_log_with_who_did_them(app, client, session, office):
    from survey.models import AuditEntry
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    accounts.create_user(session, office.id, "siti@dispenda.go.id", "Siti", PASSWORD, role="viewer")
    siti = session.scalar(select(User).where(User.email == "siti@dispenda.go.id"))
    post(client, f"/hr/users/{siti.id}/role", {"role": "hr"}, page="/hr/users")
    post(client, f"/hr/users/{siti.id}/disable", {}, page="/hr/users")
    post(client, f"/hr/users/{siti.id}/enable", {}, page="/hr/users")
    entries = session.query(AuditEntry).filter_by(action="user_changed").order_by(AuditEntry.id).all()
    assert [(e.actor_email, e.subject, e.details["change"]) for e in entries] == [
        ("admin@dispenda.go.id", "siti@dispenda.go.id", change) for change in ("role", "disabled", "enabled")]
    assert entries[0].details == {"change": "role", "before": "viewer", "after": "hr"}


def test_without_a_mail_server_an_administrator_copies_an_invited_colleagues_link_and_it_is_audited(
        app, client, session):
    app.config.update(SMTP_HOST="", PUBLIC_URL="http://neraca.test")
    office = accounts.create_organisation(session, "Dinas Pendapatan")
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    client.get("/lang/id")
    assert invite(client).status_code == 302
    siti = session.scalar(select(User).where(User.email == "siti@dispenda.go.id"))
    page = client.get("/hr/users").get_data(as_text=True)
    assert "Buat tautan atur kata sandi untuk disalin" in page and f"/hr/users/{siti.id}/link\"" not in page
    shown = post(client, f"/hr/users/{siti.id}/copy-link", {}, page="/hr/users")
    text = shown.get_data(as_text=True)
    assert shown.status_code == 200 and "72 jam" in text
    path = LINK.search(text).group(0).removeprefix("http://neraca.test")
    colleague = app.test_client()
    assert post(colleague, path, {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD}).status_code == 302
    assert sign_in_with(colleague, "siti@dispenda.go.id", NEW_PASSWORD).status_code == 302
    entries = client.get("/hr/audit").get_data(as_text=True)
    assert "tautan atur kata sandi disalin" in entries


def test_with_a_mail_server_the_link_is_emailed_and_not_shown(client, session, office):
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")
    assert invite(client).status_code == 302
    siti = session.scalar(select(User).where(User.email == "siti@dispenda.go.id"))
    refused = post(client, f"/hr/users/{siti.id}/copy-link", {}, page="/hr/users")
    assert refused.status_code == 302 and not LINK.search(client.get("/hr/users").get_data(as_text=True))
    assert session.scalar(select(func.count()).select_from(PasswordToken)) == 1  # the invitation's only
