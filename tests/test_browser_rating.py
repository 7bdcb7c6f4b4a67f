"""A stakeholder answers a direct-rating round on a 390 px phone in a real browser (Debian's chromium via
Playwright), marked and skipped like tests/test_browser.py."""
import pytest

from survey.models import Rating
from survey.services import answers, people, rounds
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401
from tests.samsat_site import build_samsat

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not installed")]


def test_stakeholder_rates_every_page_on_a_phone_is_told_of_a_rating_off_the_scale_and_sees_their_ratings(
        app, session, live_server, browser):  # noqa: F811
    organisation, version = build_samsat(session)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Penilaian 2010",
                                 kind="rating", rating_scale=10, rating_mean="geometric", ask_identity=False)
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    pages = len(answers.questionnaire(session, invitation))
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                            has_touch=True)
    page.goto(f"{live_server}/r/{token}")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url.endswith("/rate/root")
    fields = page.locator('input[name^="r_"]')
    for index in range(fields.count()):
        fields.nth(index).fill("11" if index == 0 else "8")
    page.click("button[type=submit]")
    refusal = page.locator('[role="alert"]', has_text="Berikan penilaian dari 1 sampai 10.")
    refusal.first.wait_for()  # the reply comes in the background (offline.js) and takes the page's place
    assert refusal.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    keep_screenshot(page, ARTIFACTS / "browser-rating-refused.png")
    fields.nth(0).fill("9")
    with page.expect_navigation():
        page.click("button[type=submit]")
    answered = 1
    while "/rate/" in page.url:
        fields = page.locator('input[name^="r_"]')
        for index in range(fields.count()):
            fields.nth(index).fill(str(index + 5))
        with page.expect_navigation():  # page.url is the next page's only once it has come
            page.click("button[type=submit]")
        answered += 1
    assert page.url.endswith("/done") and answered == pages
    assert page.locator("h1").inner_text() == "Terima kasih"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    keep_screenshot(page, ARTIFACTS / "browser-rating-done.png")

    session.expire_all()
    assert invitation.completed_at is not None
    root = answers.questionnaire(session, invitation)[0]
    stored = {r.element_id: r.value for r in session.query(Rating).filter_by(cluster="root")}
    assert stored == {element.id: (9.0 if i == 0 else 8.0) for i, element in enumerate(root.members)}
