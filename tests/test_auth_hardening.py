"""Attacks and faults on signing in and on forms: lock-outs through the proxy, sessions that outlive
sign-out, timing that tells which emails exist, pages lost to an expired form token, English error pages."""
from __future__ import annotations

import hashlib
import time
from datetime import timedelta

import pytest
from flask import abort
from flask_login.utils import encode_cookie

from analysis.ahp import scale_label
from survey import config, create_app
from survey.auth import LAST_USED
from survey.models import ClusterAnswer, Judgment, Person, Response, User
from survey.services import accounts, answers, api_tokens, people, questionnaires, rounds
from tests.helpers.questionnaires import invite_person, new_round
from tests.helpers.spies import calls_of
from tests.helpers.weighting import invited_to_root_page, launch_round
from tests.samsat_site import published_answers
from tests.web import expired_token, hidden, post, sign_in

PASSWORD = "correct horse battery"
PROXY = "10.0.0.1"


@pytest.fixture
def proxied(app):
    """The site behind one trusted reverse proxy: every connection comes from the proxy's address."""
    return create_app({"TESTING": True, "DATABASE_URL": app.config["DATABASE_URL"], "SECRET_KEY": "test",
                       "SESSION_COOKIE_SECURE": False, "TRUSTED_PROXIES": 1})


def browser_at(site, address: str, forwarded_for: str | None = None):
    """A browser at ``address``, reaching the site through the proxy, which adds that address to the header."""
    browser = site.test_client()
    browser.environ_base.update(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for or address)
    return browser


def admin(session) -> User:
    organisation = accounts.create_organisation(session, "Kantor SAMSAT")
    return accounts.create_user(session, organisation.id, "admin@samsat.go.id", "Admin", PASSWORD, role="admin")


def signs_in(browser, email="admin@samsat.go.id", password=PASSWORD) -> int:
    return post(browser, "/login", {"email": email, "password": password}).status_code


# 1. Anyone could lock every HR user out.

def test_made_up_emails_through_the_proxy_do_not_lock_the_admin_out(proxied, session, monkeypatch):
    monkeypatch.setattr(accounts, "MAX_ADDRESS_FAILURES", 6)  # 50 in production: a whole office behind one address
    admin(session)
    attacker = browser_at(proxied, "203.0.113.9")
    assert [signs_in(attacker, f"guess{n}@samsat.go.id", "x") for n in range(6)] == [401] * 6
    assert signs_in(attacker, "guess6@samsat.go.id", "x") == 429  # the attacker's own address is slowed down
    assert signs_in(browser_at(proxied, "198.51.100.7")) == 302  # the admin, also through the proxy, gets in


def test_wrong_passwords_for_the_admins_email_elsewhere_do_not_lock_her_out(proxied, session):
    admin(session)
    attacker = browser_at(proxied, "203.0.113.9")
    assert [signs_in(attacker, password="guess") for _ in range(accounts.FREE_FAILURES)] == [401] * 5
    refused = post(attacker, "/login", {"email": "admin@samsat.go.id", "password": PASSWORD})
    assert refused.status_code == 429 and 0 < int(refused.headers["Retry-After"]) <= 60  # even the right one
    assert "Coba lagi setelah 1 menit" in refused.get_data(as_text=True)
    assert signs_in(browser_at(proxied, "198.51.100.7")) == 302


def test_a_client_cannot_pick_its_address_by_sending_its_own_forwarded_header(proxied, app, session):
    admin(session)
    # The proxy appends the real address; only that last one is trusted, whatever the client put before it.
    for n in range(accounts.FREE_FAILURES):
        assert signs_in(browser_at(proxied, "", forwarded_for=f"192.0.2.{n}, 203.0.113.9"), password="guess") == 401
    assert signs_in(browser_at(proxied, "", forwarded_for="192.0.2.99, 203.0.113.9"), password="guess") == 429
    # Without a trusted proxy (the default) the header counts for nothing: the connection's address does.
    direct = app.test_client()
    direct.environ_base.update(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert signs_in(direct) == 302


def test_each_further_wrong_password_doubles_the_wait_of_that_email_at_that_address(session):
    user = admin(session)
    start = accounts.utcnow()

    def attempt(after: timedelta, password="guess"):
        return accounts.authenticate(session, user.email, password, "203.0.113.9", now=start + after)

    for n in range(accounts.FREE_FAILURES):
        assert attempt(timedelta(seconds=n)) is None
    with pytest.raises(accounts.Throttled) as first:
        attempt(timedelta(seconds=10))
    assert 50 <= first.value.seconds <= 60
    assert attempt(timedelta(seconds=70)) is None  # a minute later one more try, which fails
    with pytest.raises(accounts.Throttled) as second:
        attempt(timedelta(seconds=80))
    assert 100 <= second.value.seconds <= 120  # now two minutes
    assert attempt(timedelta(seconds=200), PASSWORD) == user  # the owner gets in, and her typos are forgiven
    assert attempt(timedelta(seconds=201)) is None


# 3. Signing out did not end the session.

def test_a_copied_session_cookie_stops_working_after_sign_out(app, client, session):
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    assert thief.get("/hr/people").status_code == 200
    post(client, "/logout", {}, page="/hr/")
    assert thief.get("/hr/people").status_code == 302
    assert client.get("/hr/people").status_code == 302


def test_a_new_password_ends_the_sessions_signed_in_with_the_old_one(client, session):
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    accounts.set_password(session, session.query(User).one(), "another long password")
    assert client.get("/hr/people").status_code == 302


def test_a_session_unused_longer_than_the_idle_timeout_ends(app, client, session):
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    with client.session_transaction() as browser:
        browser[LAST_USED] = time.time() - 7.9 * 3600
    assert client.get("/hr/people").status_code == 200
    with client.session_transaction() as browser:
        assert time.time() - browser[LAST_USED] < 60  # using it keeps it alive
        browser[LAST_USED] = time.time() - 8.1 * 3600
    assert client.get("/hr/people").status_code == 302


def test_the_idle_timeout_is_a_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path))
    assert config.load()["IDLE_TIMEOUT_HOURS"] == 8
    monkeypatch.setenv("NERACA_IDLE_TIMEOUT_HOURS", "0.5")
    monkeypatch.setenv("NERACA_TRUSTED_PROXIES", "2")
    assert config.load()["IDLE_TIMEOUT_HOURS"] == 0.5 and config.load()["TRUSTED_PROXIES"] == 2


def test_a_remember_me_cookie_alone_never_signs_in(app, session):
    user = admin(session)
    browser = app.test_client()
    with app.test_request_context():
        browser.set_cookie("remember_token", encode_cookie(user.get_id()))
    assert browser.get("/hr/people").status_code == 302


def test_pages_with_peoples_data_are_not_kept_in_caches(app, client, session):
    organisation, _, round_ = launch_round(client, session)
    invitation, link = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    _token, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    session.commit()
    responses = [client.get(url) for url in ("/hr/people", f"/hr/rounds/{round_.id}",
                                             f"/hr/reports/weighting/{round_.id}/judgments.csv", f"/r/{link}")]
    responses.append(client.get("/api/rounds", headers={"Authorization": f"Bearer {raw}"}))
    assert [r.status_code for r in responses] == [200] * 5
    assert all(r.headers["Cache-Control"] == "no-store" for r in responses)


def test_forms_posted_over_https_carry_the_referrer_the_site_asks_browsers_to_send(app, session):
    admin(session)
    browser = app.test_client()
    browser.environ_base["wsgi.url_scheme"] = "https"  # as gunicorn sets it behind nginx's X-Forwarded-Proto
    policy = browser.get("https://neraca.test/login").headers["Referrer-Policy"]
    # A browser sends the page's address with a form posted to the same site unless the policy forbids it.
    referrer = {} if policy == "no-referrer" else {"Referer": "https://neraca.test/login"}
    response = post(browser, "https://neraca.test/login", {"email": "admin@samsat.go.id", "password": PASSWORD},
                    headers=referrer)
    assert response.status_code == 302
    assert policy in ("same-origin", "strict-origin", "strict-origin-when-cross-origin")  # links stay ours


# 12. The time a sign-in took told which emails have accounts.

def test_an_unknown_email_costs_the_same_password_check_as_a_known_one(client, session, monkeypatch):
    admin(session)
    derivations = calls_of(monkeypatch, hashlib, "scrypt")  # the work a password check does: one key derivation
    signs_in(client, "nobody@samsat.go.id", "guess")  # the first unknown email also makes the stand-in hash
    costs = {}
    for email in ("nobody@samsat.go.id", "admin@samsat.go.id", "someone@else.org"):
        derivations.clear()
        assert signs_in(client, email, "guess") == 401
        costs[email] = len(derivations)
    assert set(costs.values()) == {1}, costs


# 13. A respondent lost a page when its form token had expired.

def test_a_pairwise_page_sent_with_an_expired_token_comes_back_with_the_choices_and_stores_nothing(
        app, client, session):
    link, cluster = invited_to_root_page(client, session)
    url = f"/r/{link}/c/root"
    choices = {f"p_{r}_{c}": scale_label(v) for (r, c), v in published_answers(cluster).items()}
    page = client.get(url).get_data(as_text=True)
    response = client.post(url, data={"csrf_token": expired_token(app, client),
                                      "submission": hidden(page, "submission"), **choices})
    again = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "tekan tombolnya sekali lagi untuk menyimpan" in again and "CSRF" not in again
    assert all(f'name="{name}" value="{value}" checked' in again for name, value in choices.items())
    assert session.query(Judgment).count() == 0 and session.query(ClusterAnswer).count() == 0
    fresh = {"csrf_token": hidden(again, "csrf_token"), "submission": hidden(again, "submission"), **choices}
    assert client.post(url, data=fresh).status_code == 302  # pressing save again stores the page
    assert session.query(Judgment).count() == len(cluster.pairs)


def test_a_reask_page_sent_with_an_expired_token_keeps_the_new_choice_and_reason(app, client, session):
    link, root = invited_to_root_page(client, session)
    invitation = answers.find_invitation(session, link)
    F, C, I, L = root.members
    circular = {(F.id, C.id): 5, (F.id, I.id): 1 / 5, (F.id, L.id): 3, (C.id, I.id): 5, (C.id, L.id): 1 / 3,
                (I.id, L.id): 5}
    answers.submit_cluster(session, invitation, root, circular, "first")
    reask = answers.open_reask(session, invitation, "root")
    url = f"/r/{link}/c/root/reask"
    page = client.get(url).get_data(as_text=True)
    choices = {f"p_{p['row_id']}_{p['column_id']}": scale_label(p["implied_scale"]) for p in reask.pairs_shown}
    response = client.post(url, data={"csrf_token": expired_token(app, client), "submission": hidden(page, "submission"),
                                      "reason": "Saya yakin", **choices})
    again = response.get_data(as_text=True)
    assert response.status_code == 400 and "tekan tombolnya sekali lagi" in again
    assert all(f'name="{name}" value="{value}" checked' in again for name, value in choices.items())
    assert "Saya yakin" in again
    assert session.query(Judgment).filter(Judgment.revision > 1).count() == 0


def test_a_questionnaire_sent_with_an_expired_token_keeps_the_answers_and_stores_nothing(app, client, session):
    organisation, _, round_ = new_round(client, session, "self_report", language="id")
    question = questionnaires.add_question(session, round_, kind="number", text="Pelatihan", kpi="L1a",
                                           minimum=0, maximum=100)
    _invitation, link = invite_person(app, session, organisation, round_, "Ani")
    url = f"/r/{link}/q"
    page = client.get(url).get_data(as_text=True)
    response = client.post(url, data={"csrf_token": expired_token(app, client), "submission": hidden(page, "submission"),
                                      f"q_{question.id}": "87.5"})
    again = response.get_data(as_text=True)
    assert response.status_code == 400 and "tekan tombolnya sekali lagi" in again
    assert 'value="87.5"' in again and "Beberapa jawaban perlu diperhatikan" not in again
    assert session.query(Response).count() == 0


def test_an_hr_form_sent_with_an_expired_token_keeps_what_was_typed(app, client, session):
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    client.get("/hr/people")
    response = client.post("/hr/people", data={"csrf_token": expired_token(app, client), "name": "Siti Rahayu",
                                               "email": "siti@samsat.go.id", "kind": "employee", "weight": "1"})
    again = response.get_data(as_text=True)
    assert response.status_code == 400 and "tekan tombolnya sekali lagi" in again
    assert 'value="Siti Rahayu"' in again and 'value="siti@samsat.go.id"' in again
    assert session.query(Person).count() == 0


def test_a_question_refused_by_hr_form_checks_is_shown_again_as_typed(client, session):
    organisation, _, round_ = new_round(client, session, "self_report")
    response = post(client, f"/hr/rounds/{round_.id}/questions", {"kind": "number", "text": "",
                                                                  "unit": "orang"}, page=f"/hr/rounds/{round_.id}")
    assert response.status_code == 400 and 'value="orang"' in response.get_data(as_text=True)


# Error pages were Werkzeug's, in English.

ENGLISH = ("Bad Request", "Method Not Allowed", "Request Entity Too Large", "Too Many Requests",
           "Internal Server Error", "The CSRF token")


def test_every_error_page_is_in_the_visitors_language(app, client, session, monkeypatch):
    import survey.pages
    app.add_url_rule("/test/crash", "crash", lambda: 1 / 0)
    app.add_url_rule("/test/abort/<int:code>", "abort", lambda code: abort(code))
    app.config.update(PROPAGATE_EXCEPTIONS=False, MAX_CONTENT_LENGTH=10_000)
    monkeypatch.setattr(survey.pages, "WRONG_TOKENS_ALLOWED", 1)
    client.get("/r/" + "x" * 32)
    pages = {
        "form without its token": (client.post("/logout"), 400, "Formulir ini sudah kedaluwarsa"),
        "bad request": (client.get("/test/abort/400"), 400, "Permintaan tidak dapat dibaca"),
        "wrong method": (client.get("/logout"), 405, "Tidak dapat dilakukan di alamat ini"),
        "too large": (client.post("/login", data={"email": "x" * 20_000}), 413, "Terlalu besar"),
        "guessing links": (client.get("/r/" + "y" * 32), 429, "Terlalu banyak percobaan"),
        "crash": (client.get("/test/crash"), 500, "Terjadi kesalahan di pihak kami"),
    }
    for name, (response, code, title) in pages.items():
        page = response.get_data(as_text=True)
        assert response.status_code == code and title in page, name
        assert not any(english in page for english in ENGLISH), name
    assert pages["wrong method"][0].headers["Allow"]
    english = client.get("/logout?lang=en")
    assert english.status_code == 405 and "Not possible at this address" in english.get_data(as_text=True)


def test_the_language_chosen_on_the_login_page_stays_after_signing_in(client, session):
    organisation = accounts.create_organisation(session, "Kantor")
    client.get("/lang/en")
    before = client.get_cookie("session").value
    sign_in(client, session, organisation.id)
    assert client.get_cookie("session").value != before  # still a fresh session, not the one handed out
    page = client.get("/hr/people").get_data(as_text=True)
    assert 'lang="en"' in page and "People" in page
