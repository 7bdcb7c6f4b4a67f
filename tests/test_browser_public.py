"""A visitor scans the poster's QR code: a phone (390 px) opens the public link and answers in Indonesian."""
from pathlib import Path

import pytest
from sqlalchemy import func, select

from survey.models import PublicVisit
from survey.services import public, questionnaires, rounds
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401
from tests.samsat_site import build_samsat

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def test_a_visitor_opens_the_public_link_on_a_phone_and_answers_in_indonesian(app, session, live_server, browser):
    organisation, version = build_samsat(session, stakeholders=0)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Survei Kepuasan 2010",
                                 kind="satisfaction", language="id")
    questionnaires.default_questions(session, round_)
    questionnaires.add_question(session, round_, kind="choice", text="Berapa lama Anda menunggu?",
                                options="0-10 menit = 5; 11-30 menit = 20")
    public.make_public(session, round_, 300, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")  # the phone speaks English
    page.goto(f"{live_server}/p/{round_.public_slug}")
    assert page.locator("html").get_attribute("lang") == "id"  # the round's language wins
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    first = asked[0]
    for question in asked[1:]:  # one left out: refused at its field, in Indonesian
        value = "4" if question.kind == "likert" else "1"
        page.locator(f'input[name="q_{question.id}"][value="{value}"]').check()
    page.click("button[type=submit]")
    assert page.locator(f"#q_{first.id} .error").inner_text() == "Jawab pertanyaan ini."
    assert session.scalar(select(func.count()).select_from(PublicVisit)) == 0
    page.locator(f'input[name="q_{first.id}"][value="5"]').check()
    keep_screenshot(page, ARTIFACTS / "browser-public-answers.png")
    page.click("button[type=submit]")
    page.wait_for_url(f"**/p/{round_.public_slug}/thanks")  # sent in the background (offline.js), then followed
    assert "Jawaban Anda tersimpan" in page.content()
    page.goto(f"{live_server}/p/{round_.public_slug}")  # the same phone again: told, not asked twice
    assert "Anda sudah menjawab survei ini" in page.content()
    session.expire_all()
    items, _overall = questionnaires.satisfaction_results(session, round_)
    assert [count for *_rest, count in items] == [1] * len(items)
    assert items[0][1] == 5 and all(mean == 4 for _q, mean, _p, _c in items[1:])
