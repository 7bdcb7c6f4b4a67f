"""Answers that survive a weak signal, in a real browser (Debian's chromium): the visitor's or stakeholder's
connection drops as they press save; the page says the answer is kept on the device, and once the
connection returns it is sent and stored exactly once; the same answer sent again stores nothing more."""
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from survey.models import ClusterAnswer, Judgment, PublicVisit, Response, utcnow
from survey.services import answers, counters, people, public, questionnaires, rounds, skm
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401
from tests.samsat_site import build_samsat

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]
SAVED = "Disimpan di perangkat ini, akan dikirim saat koneksi kembali."


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def saved_on_device(page) -> list[dict]:
    return json.loads(page.evaluate("localStorage.getItem('neraca-outbox') || '[]'"))


def resend(page, entry) -> int:
    """The browser sends a saved answer again, as a flaky network's retry would: the reply's status."""
    return page.evaluate("""entry => fetch(entry.action, {method: "POST", body: entry.body, credentials: "same-origin",
        headers: {"Content-Type": "application/x-www-form-urlencoded"}}).then(response => response.status)""", entry)


def skm_round(session, title: str):
    """An open SKM round in Indonesian with two services."""
    organisation, version = build_samsat(session, stakeholders=0)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title=title,
                                 kind="satisfaction", language="id")
    skm.create_questionnaire(session, round_, "Pajak kendaraan; Balik nama")
    return round_


def test_a_visitor_answers_the_public_skm_offline_and_it_is_sent_once_the_connection_returns(app, session,
                                                                                              live_server, browser):
    round_ = skm_round(session, "SKM Samsat")
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    ARTIFACTS.mkdir(exist_ok=True)

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    delivered = []  # the POSTs the server answered
    page.on("requestfinished", lambda request: delivered.append(request.url) if request.method == "POST" else None)
    page.goto(f"{live_server}/p/{round_.public_slug}")
    for question in asked:
        if question.kind == "text":
            page.fill(f'textarea[name="q_{question.id}"]', "Antrean terlalu panjang")
        else:
            page.locator(f'input[name="q_{question.id}"][value="1"]').check()
    context.set_offline(True)
    page.click("button[type=submit]")
    note = page.locator("[data-offline-note]")
    note.wait_for(state="visible")
    assert note.inner_text() == SAVED
    keep_screenshot(page, ARTIFACTS / "browser-offline-public.png")
    [entry] = saved_on_device(page)
    assert count(session, PublicVisit) == 0
    context.set_offline(False)  # the signal returns: sent once, and the page follows the server's reply
    page.wait_for_url(f"**/p/{round_.public_slug}/thanks")
    assert "Jawaban Anda tersimpan" in page.content() and saved_on_device(page) == []
    assert delivered == [f"{live_server}/p/{round_.public_slug}"]  # sent exactly once
    assert count(session, PublicVisit) == 1 and count(session, Response) == len(asked)
    assert resend(page, entry) == 200  # the same answer again: thanked (redirect followed), nothing stored
    assert count(session, PublicVisit) == 1 and count(session, Response) == len(asked)


def test_a_stakeholder_saves_a_pairwise_page_offline_and_it_is_stored_once_back_online(app, session, live_server,
                                                                                       browser):
    organisation, version = build_samsat(session)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Pembobotan 2010",
                                 language="id")
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    first = answers.questionnaire(session, invitation)[0]

    context = browser.new_context(viewport={"width": 400, "height": 850})
    page = context.new_page()
    page.goto(f"{live_server}/r/{token}/c/{first.key}")
    for a, b in first.pairs:
        page.locator(f'input[name="p_{a.id}_{b.id}"][value="1"]').check()
    context.set_offline(True)
    page.click("button[type=submit]")
    page.locator("[data-offline-note]").wait_for(state="visible")
    assert page.locator("[data-offline-note]").inner_text() == SAVED
    [entry] = saved_on_device(page)
    assert count(session, ClusterAnswer) == 0
    context.set_offline(False)
    page.wait_for_url(lambda url: f"/c/{first.key}" not in url)  # the next page, as after a plain save
    assert saved_on_device(page) == []
    assert resend(page, entry) == 200  # the same page again: nothing more
    assert count(session, ClusterAnswer) == 1 and count(session, Judgment) == len(first.pairs)


def test_two_visitors_answer_on_an_offline_counter_tablet_and_both_are_stored_once_it_is_back(app, session,
                                                                                              live_server, browser):
    round_ = skm_round(session, "SKM Loket")
    _device, token = counters.create_device(session, round_, "Loket 1", 2, "hr@example.org")
    asked = [q for q in questionnaires.questions(session, round_) if q.kind != "text"]

    context = browser.new_context(viewport={"width": 1024, "height": 768})  # a tablet
    page = context.new_page()
    page.goto(f"{live_server}/k/{token}")
    context.set_offline(True)
    for visitor in ("0", "1"):
        page.locator(f'input[name="q_{asked[-1].id}"]').first.wait_for()
        for question in asked:
            page.locator(f'input[name="q_{question.id}"][value="{visitor}"]').check()
        page.click("button[type=submit]")
        page.locator("[data-offline-note]").wait_for(state="visible")
        page.locator("[data-offline-note]").wait_for(state="hidden")  # a fresh form for the next visitor
        assert not page.locator(f'input[name="q_{asked[-1].id}"]:checked').count()
    assert len(saved_on_device(page)) == 2 and count(session, PublicVisit) == 0
    context.set_offline(False)
    for _ in range(100):  # both sent, one after the other, in the background
        if not saved_on_device(page):
            break
        page.wait_for_timeout(100)
    assert saved_on_device(page) == [] and "Terima kasih" not in page.content()  # the tablet stays ready
    assert count(session, PublicVisit) == 2


def test_the_live_screen_shows_a_new_answer_without_being_reloaded(app, session, live_server, browser):
    app.config["COUNTER_LIVE_REFRESH_SECONDS"] = 1
    round_ = skm_round(session, "SKM Layar")
    _device, token = counters.create_device(session, round_, "TV", None, "hr@example.org")
    asked = questionnaires.questions(session, round_)

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{live_server}/k/{token}/live")
    assert "Responden: 0" in page.inner_text("main")
    page.evaluate("document.body.dataset.marker = 'same page'")  # gone if the page were loaded again
    # A visitor answers U1-U9 with 3 ("good"): IKM 3 x 25 = 75,00, grade C (65,00-76,60).
    answered = {q.id: "2" if q.role.startswith(skm.SKM) else "0" if q.kind == "choice" else "" for q in asked}
    public.store_visit(session, round_, answered, "v-1", "id", utcnow())
    session.commit()
    page.locator("main", has_text="Responden: 1").wait_for(timeout=10000)
    assert "75,00" in page.inner_text("main") and page.evaluate("document.body.dataset.marker") == "same page"


def test_a_counter_answer_kept_offline_past_its_forms_token_is_sent_with_a_fresh_one_and_stored_once(
        app, session, live_server, browser):
    """The tablet kept an answer offline longer than a form token lasts (an hour; two seconds here): the
    server refuses that token and gives a fresh one, and the tablet sends the same answer with it, once."""
    app.config["WTF_CSRF_TIME_LIMIT"] = 2
    round_ = skm_round(session, "SKM Loket")
    _device, token = counters.create_device(session, round_, "Loket 1", None, "hr@example.org")
    asked = [q for q in questionnaires.questions(session, round_) if q.kind != "text"]

    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    delivered = []  # the POSTs the server answered, with their status
    page.on("response", lambda response: delivered.append(response.status)
            if response.request.method == "POST" else None)
    page.goto(f"{live_server}/k/{token}")
    context.set_offline(True)
    for question in asked:
        page.locator(f'input[name="q_{question.id}"][value="1"]').check()
    page.click("button[type=submit]")
    page.locator("[data-offline-note]").wait_for(state="hidden")  # the next visitor's form
    [kept] = saved_on_device(page)
    page.wait_for_timeout(3000)  # the token the answer was typed with has expired
    context.set_offline(False)
    for _ in range(100):
        if not saved_on_device(page):
            break
        page.wait_for_timeout(100)
    assert saved_on_device(page) == [] and delivered == [400, 302]  # refused for its token, then stored
    assert "Terima kasih" not in page.content()  # the tablet stays ready for the next visitor
    assert count(session, PublicVisit) == 1
    session.expire_all()
    assert session.scalars(select(PublicVisit)).one().submission == kept["key"]  # the same answer
