"""Public satisfaction rounds: anyone answers through one anonymous link (a QR code on a poster), and
the guards against stuffing without accounts: one answer per browser, a limit per address, a daily cap,
and discarding a burst that stays on record."""
from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from sqlalchemy import func, select

from survey import create_app
from survey.models import AuditEntry, PublicVisit, Response
from survey.services import public, questionnaires
from survey.services.errors import Invalid
from tests.helpers.questionnaires import new_round, visit  # noqa: F401
from tests.qr_reader import links_in_pdf
from tests.web import post, sign_in

BURST_LIMIT = 5


@pytest.fixture
def public_round(app, client, session):
    """A satisfaction round in Indonesian with the scorecard's Likert items and a choice, made public by HR."""
    app.config["PUBLIC_ANSWERS_PER_ADDRESS"] = BURST_LIMIT
    _organisation, _version, round_ = new_round(client, session, "satisfaction", language="id")
    questionnaires.default_questions(session, round_)
    questionnaires.add_question(session, round_, kind="choice", text="Berapa lama Anda menunggu?",
                                options="0-10 menit = 5; 11-30 menit = 20; lebih dari 30 menit = 45")
    response = post(client, f"/hr/rounds/{round_.id}/public", {"daily_cap": ""}, page=f"/hr/rounds/{round_.id}")
    assert response.status_code == 302
    session.refresh(round_)
    assert round_.public_slug and len(round_.public_slug) == public.SLUG_LENGTH
    return round_


def random_answers(session, round_, rng) -> dict[int, str]:
    """A form's values: a Likert 1-5 or a choice's index per question."""
    return {q.id: str(rng.integers(1, 6)) if q.kind == "likert" else str(rng.integers(0, len(q.options)))
            for q in questionnaires.questions(session, round_)}


def stored(session) -> tuple[int, int]:
    session.expire_all()
    return (session.scalar(select(func.count()).select_from(PublicVisit)),
            session.scalar(select(func.count()).select_from(Response)))


def test_a_hundred_and_twenty_visitors_answer_one_repeat_and_a_burst_are_refused_results_are_the_answers(
        app, session, public_round):
    rng = np.random.default_rng(19)
    asked = questionnaires.questions(session, public_round)
    kept, browsers, outcomes = [], [], []
    for number in range(120):
        # 110 visitors each from their own address; the last ten from one address in a burst.
        address = f"10.0.{number // 200}.{number % 200 + 1}" if number < 110 else "10.9.9.9"
        values = random_answers(session, public_round, rng)
        browser, response = visit(app, public_round, address, values)
        browsers.append(browser)
        outcomes.append(response.status_code)
        if response.status_code == 302:
            kept.append(values)
            assert response.headers["Location"].endswith(f"/p/{public_round.public_slug}/thanks")
    assert outcomes[:110 + BURST_LIMIT] == [302] * (110 + BURST_LIMIT)
    assert outcomes[110 + BURST_LIMIT:] == [429] * (10 - BURST_LIMIT)
    refused = visit(app, public_round, "10.9.9.9", {})[1].get_data(as_text=True)
    assert "Banyak jawaban datang dari jaringan Anda" in refused

    # The first visitor comes back in the same browser, from another address: told, nothing stored.
    before = stored(session)
    again = browsers[0].get(f"/p/{public_round.public_slug}", environ_base={"REMOTE_ADDR": "10.5.5.5"})
    assert again.status_code == 200 and "sudah menjawab survei ini" in again.get_data(as_text=True)
    resent = browsers[0].post(f"/p/{public_round.public_slug}", environ_base={"REMOTE_ADDR": "10.5.5.5"},
                              data={f"q_{q.id}": "3" if q.kind == "likert" else "0" for q in asked})
    assert resent.status_code == 409 and "Tidak ada yang disimpan" in resent.get_data(as_text=True)
    assert stored(session) == before == (len(kept), len(kept) * len(asked))

    items, overall = questionnaires.satisfaction_results(session, public_round)
    likert = [q for q in asked if q.kind == "likert"]
    assert [item[0].id for item in items] == [q.id for q in likert]
    for question, mean, percent, count in items:
        given = [int(values[question.id]) for values in kept]
        assert count == len(kept) == 115
        assert mean == pytest.approx(np.mean(given)) and percent == pytest.approx(np.mean(given) / 5 * 100)
    assert overall == pytest.approx(np.mean([int(v[q.id]) for v in kept for q in likert]) / 5 * 100)
    choice = next(q for q in asked if q.kind == "choice")
    table = questionnaires.response_table(session, public_round)
    waits = [choice.options[int(values[choice.id])]["value"] for values in kept]
    assert sorted(table[choice.id].tolist()) == sorted(waits)


def test_the_hr_round_page_shows_the_link_and_its_qr_code_and_the_poster_carries_both(
        app, client, session, public_round, tmp_path):
    link = f"http://neraca.test/p/{public_round.public_slug}"
    page = client.get(f"/hr/rounds/{public_round.id}").get_data(as_text=True)
    assert f'value="{link}"' in page and 'src="data:image/svg+xml' in page
    poster = client.get(f"/hr/rounds/{public_round.id}/poster.pdf")
    assert poster.status_code == 200 and poster.mimetype == "application/pdf"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(poster.data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert link in text and public_round.title in text and public_round.organisation.name in text
    assert "Anonim: tanpa nama" in text  # in the round's language, whatever HR's page language
    assert links_in_pdf(poster.data, tmp_path) == [[link]]


def test_a_viewer_reads_the_round_but_gets_neither_the_link_nor_the_poster(app, session, public_round):
    viewer = app.test_client()
    sign_in(viewer, session, public_round.organisation_id, email="viewer@example.org", role="viewer")
    page = viewer.get(f"/hr/rounds/{public_round.id}").get_data(as_text=True)
    assert public_round.public_slug not in page
    assert viewer.get(f"/hr/rounds/{public_round.id}/poster.pdf").status_code == 403


def test_beyond_the_daily_cap_a_visitor_gets_a_clear_page_and_nothing_is_stored(app, client, session, public_round):
    post(client, f"/hr/rounds/{public_round.id}/public", {"daily_cap": "2"}, page=f"/hr/rounds/{public_round.id}")
    rng = np.random.default_rng(1)
    for number in range(2):
        assert visit(app, public_round, f"10.1.0.{number}", random_answers(session, public_round, rng))[1].status_code == 302
    before = stored(session)
    _browser, refused = visit(app, public_round, "10.1.0.9", {})
    assert refused.status_code == 429 and "semua jawaban yang diterimanya hari ini" in refused.get_data(as_text=True)
    assert stored(session) == before
    # A form opened before the cap was reached and sent after it: refused the same way.
    with pytest.raises(public.Refused, match="today"):
        public.submit(session, public_round, {}, "late-form", client="10.1.0.10", settings=app.config, locale="id")
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    assert public.answers_today(session, public_round, tomorrow) == 0  # the cap counts the office's day


def test_after_closing_off_the_scale_or_with_a_missing_answer_nothing_is_stored(app, client, session, public_round):
    asked = questionnaires.questions(session, public_round)
    good = {q.id: "4" if q.kind == "likert" else "1" for q in asked}
    likert = next(q for q in asked if q.kind == "likert")
    _browser, off_scale = visit(app, public_round, "10.2.0.1", {**good, likert.id: "7"})
    assert off_scale.status_code == 400
    assert "tidak ada pada skala pertanyaan" in off_scale.get_data(as_text=True)
    missing = {qid: value for qid, value in good.items() if qid != likert.id}
    _browser, refused = visit(app, public_round, "10.2.0.2", missing)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "Jawab pertanyaan ini." in page and f'id="q_{likert.id}"' in page
    assert stored(session) == (0, 0)
    post(client, f"/hr/rounds/{public_round.id}/close", {}, page=f"/hr/rounds/{public_round.id}/close")
    browser = app.test_client()
    _browser, closed = visit(app, public_round, "10.2.0.3", good, browser=browser)
    assert closed.status_code == 410 and "Survei ini sudah ditutup" in closed.get_data(as_text=True)
    sent_anyway = browser.post(f"/p/{public_round.public_slug}", data={f"q_{qid}": v for qid, v in good.items()})
    assert sent_anyway.status_code == 410
    assert stored(session) == (0, 0)


def test_hr_discards_a_burst_it_leaves_the_results_and_stays_on_record_with_who_and_when(
        app, client, session, public_round):
    asked = questionnaires.questions(session, public_round)
    morning = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)  # 08:00 WIB
    settings = {**app.config, "PUBLIC_ANSWERS_PER_ADDRESS": 1000}
    for number in range(6):  # honest visitors through the morning: all 4
        public.submit(session, public_round, {q.id: "4" if q.kind == "likert" else "0" for q in asked},
                      f"honest-{number}", client=f"10.3.0.{number}", settings=settings, locale="id",
                      now=morning + timedelta(minutes=40 * number))
    burst_start = morning + timedelta(hours=1, minutes=5)  # 09:05 WIB: 30 answers of 1 in three minutes
    for number in range(30):
        public.submit(session, public_round, {q.id: "1" if q.kind == "likert" else "0" for q in asked},
                      f"burst-{number}", client="10.3.9.9", settings=settings, locale="id",
                      now=burst_start + timedelta(seconds=6 * number))
    items, _overall = questionnaires.satisfaction_results(session, public_round)
    assert items[0][3] == 36 and items[0][1] == pytest.approx((6 * 4 + 30) / 36)
    hours = client.get(f"/hr/rounds/{public_round.id}/public-answers").get_data(as_text=True)
    assert "09.00" in hours  # the burst's hour, on the office clock

    window = {"start": "2026-03-02T09:04", "end": "2026-03-02T09:09"}
    confirm = post(client, f"/hr/rounds/{public_round.id}/public-answers/confirm", window,
                   page=f"/hr/rounds/{public_round.id}/public-answers")
    assert confirm.status_code == 200 and "Buang 30 jawaban" in confirm.get_data(as_text=True)
    assert stored(session)[0] == 36 and questionnaires.satisfaction_results(session, public_round)[0][0][3] == 36
    done = post(client, f"/hr/rounds/{public_round.id}/public-answers/discard", window,
                page=f"/hr/rounds/{public_round.id}/public-answers")
    assert done.status_code == 302

    items, overall = questionnaires.satisfaction_results(session, public_round)
    assert items[0][3] == 6 and items[0][1] == pytest.approx(4.0) and overall == pytest.approx(80.0)
    assert stored(session) == (36, 36 * len(asked))  # on record
    discarded = session.scalars(select(PublicVisit).where(PublicVisit.discarded_at.is_not(None))).all()
    assert len(discarded) == 30 and {v.discarded_by for v in discarded} == {"hr@example.org"}
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "public_answers_discarded"))
    assert entry.actor_email == "hr@example.org" and entry.details["count"] == 30
    page = client.get(f"/hr/rounds/{public_round.id}/public-answers").get_data(as_text=True)
    assert "30 jawaban diterima" in page and "hr@example.org" in page
    round_page = client.get(f"/hr/rounds/{public_round.id}").get_data(as_text=True)
    assert "Seluruhnya: 6 dihitung, 30 dibuang." in round_page

    again = post(client, f"/hr/rounds/{public_round.id}/public-answers/confirm", window,
                 page=f"/hr/rounds/{public_round.id}/public-answers")
    assert again.status_code == 400 and "Tidak ada jawaban publik" in again.get_data(as_text=True)


def test_the_same_page_sent_twice_is_stored_once(app, session, public_round):
    asked = questionnaires.questions(session, public_round)
    values = {q.id: "5" if q.kind == "likert" else "2" for q in asked}
    first = public.submit(session, public_round, values, "double-click", client="10.4.0.1", settings=app.config,
                          locale="id")
    second = public.submit(session, public_round, values, "double-click", client="10.4.0.1", settings=app.config,
                           locale="id")
    assert first.id == second.id and stored(session) == (1, len(asked))


def test_a_public_round_without_questions_yet_takes_no_answers(app, session, client):
    _organisation, _version, round_ = new_round(client, session, "satisfaction", language="id")
    public.make_public(session, round_, None, "hr@example.org")
    browser = app.test_client()
    shown = browser.get(f"/p/{round_.public_slug}")
    assert shown.status_code == 403 and "Survei ini belum siap" in shown.get_data(as_text=True)
    with pytest.raises(public.Refused, match="not ready"):
        public.submit(session, round_, {}, "empty-form", client="10.7.0.1", settings=app.config, locale="id")
    assert stored(session) == (0, 0)


def test_only_a_satisfaction_round_can_be_public(session, client):
    _organisation, _version, round_ = new_round(client, session, "self_report")
    with pytest.raises(Invalid, match="Only a satisfaction round"):
        public.make_public(session, round_, None, "hr@example.org")
    assert round_.public_slug is None


def test_guessing_public_links_is_slowed_down(app):
    browser = app.test_client()
    answers = [browser.get(f"/p/guess{n:05d}").status_code for n in range(21)]
    assert answers[:20] == [404] * 20 and answers[20] == 429


def test_by_default_a_counters_shared_wifi_takes_every_visitor_and_a_scripts_burst_is_slowed(app, client, session):
    """The default limit is a burst per minute: the old 30 an hour refused a busy counter's 31st visitor."""
    assert (app.config["PUBLIC_ANSWERS_PER_ADDRESS"], app.config["PUBLIC_ADDRESS_WINDOW_MINUTES"]) == (10, 1)
    _organisation, _version, round_ = new_round(client, session, "satisfaction", language="id")
    questionnaires.default_questions(session, round_)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    values = {q.id: "4" if q.kind == "likert" else "0" for q in asked}
    opening = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=6)
    # 150 visitors through a morning behind the counter's one address, two or three a minute at the rush.
    for number in range(150):
        public.submit(session, round_, values, f"counter-{number}", client="10.8.0.1", settings=app.config,
                      locale="id", now=opening + timedelta(seconds=25 * number))
    assert stored(session)[0] == 150
    # A script on another address: ten in a minute are taken, the eleventh is refused and stores nothing.
    burst = opening + timedelta(hours=2)
    for number in range(10):
        public.submit(session, round_, values, f"script-{number}", client="10.8.9.9", settings=app.config,
                      locale="id", now=burst + timedelta(seconds=number))
    with pytest.raises(public.Refused, match="Many answers came from your network"):
        public.submit(session, round_, values, "script-10", client="10.8.9.9", settings=app.config, locale="id",
                      now=burst + timedelta(seconds=30))
    session.rollback()
    assert stored(session)[0] == 160
    # A minute after its burst began, the address may answer again: at most ten a minute, not 30 an hour.
    public.submit(session, round_, values, "script-11", client="10.8.9.9", settings=app.config, locale="id",
                  now=burst + timedelta(seconds=61))
    assert stored(session)[0] == 161


def test_a_client_cannot_dodge_the_address_limit_by_naming_another_address(app, session, public_round):
    """Without trusted proxies (NERACA_TRUSTED_PROXIES=0) X-Forwarded-For is the client's own words."""
    rng = np.random.default_rng(7)
    answers = [visit(app, public_round, "10.6.0.1", random_answers(session, public_round, rng),
                     headers={"X-Forwarded-For": f"203.0.113.{number}"})[1].status_code
               for number in range(BURST_LIMIT + 1)]
    assert answers == [302] * BURST_LIMIT + [429]


def test_behind_a_trusted_proxy_each_visitor_counts_by_their_own_address(app, session, public_round):
    proxied = create_app({"TESTING": True, "DATABASE_URL": app.config["DATABASE_URL"], "SECRET_KEY": "test",
                          "SESSION_COOKIE_SECURE": False, "TRUSTED_PROXIES": 1,
                          "PUBLIC_ANSWERS_PER_ADDRESS": BURST_LIMIT})
    rng = np.random.default_rng(8)
    answers = [visit(proxied, public_round, "127.0.0.1", random_answers(session, public_round, rng),
                     headers={"X-Forwarded-For": f"198.51.100.{number}"})[1].status_code
               for number in range(BURST_LIMIT + 1)]
    assert answers == [302] * (BURST_LIMIT + 1)  # the proxy's own address is not everyone's


def test_an_ipv6_client_cannot_dodge_the_address_limit_by_rotating_its_own_64_addresses(app, session, public_round):
    rng = np.random.default_rng(9)
    answers = [visit(app, public_round, f"2001:db8:1:2::{number + 1:x}", random_answers(session, public_round, rng))[1]
               .status_code for number in range(BURST_LIMIT + 1)]
    assert answers == [302] * BURST_LIMIT + [429]
    # A neighbour on another /64 still answers.
    assert visit(app, public_round, "2001:db8:1:3::1", random_answers(session, public_round, rng))[1].status_code == 302


def test_the_address_counters_give_no_visitors_address_back(app, session, public_round):
    """Counter keys are keyed with SECRET_KEY: hashing every IPv4 address does not find a visitor's."""
    import hashlib

    from survey.models import LoginAttempt
    visit(app, public_round, "10.7.0.1", random_answers(session, public_round, np.random.default_rng(10)))
    session.expire_all()
    keys = [row.key for row in session.query(LoginAttempt).filter(LoginAttempt.key.like("public:%"))]
    assert len(keys) == 1
    assert hashlib.sha256(b"10.7.0.1").hexdigest()[:32] not in keys[0]


def test_a_discard_window_in_year_one_is_refused_at_its_field_not_a_server_error(client, session, public_round):
    page = f"/hr/rounds/{public_round.id}/public-answers"
    response = post(client, f"{page}/confirm", {"start": "0001-01-01T00:00", "end": "2010-01-01T00:00"}, page=page,
                    headers={"Accept-Language": "id"})
    assert response.status_code == 400
    assert "Isikan waktu antara tahun 2000 dan 2100." in response.get_data(as_text=True)


def test_a_public_answer_prunes_every_address_counter_older_than_a_day(app, session, public_round):
    """100,000 answers from as many addresses leave a day's counters, not 100,000 rows."""
    from datetime import timedelta

    from survey.models import LoginAttempt, utcnow
    old = utcnow() - timedelta(hours=25)
    session.add_all([LoginAttempt(key=f"public:{number}", created_at=old) for number in range(50)] +
                    [LoginAttempt(key="login:someone", created_at=old), LoginAttempt(key="recent", created_at=utcnow())])
    session.commit()
    assert visit(app, public_round, "10.7.0.2", random_answers(session, public_round, np.random.default_rng(11)))[1] \
        .status_code == 302
    session.expire_all()
    assert sorted(row.key == "recent" for row in session.query(LoginAttempt)) == [False, True]  # the answer's own, and "recent"
