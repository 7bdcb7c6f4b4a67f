"""The feedback round on a 390 px phone in a real browser (Debian's chromium via Playwright): the group's
answer beside one's own, a change refused without a reason, then saved with one."""
import pytest

from survey.models import FeedbackReview
from survey.services import answers, feedback
from survey.services.tokens import token_for
from tests.helpers.browser import CHROMIUM, live_server, overflow, playwright  # noqa: F401 (a fixture)
from tests.helpers.weighting import SECRET
from tests.test_feedback_round import SETTINGS, closed_round

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not installed")]


def test_a_respondent_changes_a_judgment_on_a_phone_saying_why(app, session, live_server, browser):  # noqa: F811
    round_, people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    root = answers.questionnaire(session, people[0])[0]
    a, b = root.pairs[0]
    field = f"p_{a.id}_{b.id}"
    own = answers.current_answers(session, people[0], root.key)[(a.id, b.id)]
    new_choice = "5" if own < 2 else "1/5"
    token = token_for(SECRET, people[0].token_nonce)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="id-ID")
    page.goto(f"{live_server}/r/{token}/next")
    assert f"/r/{token}/f/{root.key}" in page.url
    beside = page.locator(f"#{field}-beside")
    playwright.expect(beside).to_contain_text("Kelompok:")
    assert beside.bounding_box()["width"] <= 390 and overflow(page) <= 0  # the page never widens
    assert page.locator(f'input[name="{field}"]:checked').count() == 1  # one's own answer preselected
    page.locator(f'#{field} label:has(input[value="{new_choice}"])').click()
    page.get_by_role("button", name="Simpan dan lanjutkan").click()
    playwright.expect(page.locator("#reason-error")).to_contain_text("alasan")
    page.locator("#reason").fill("Kelompok lebih berpengalaman")
    page.get_by_role("button", name="Simpan dan lanjutkan").click()
    page.wait_for_url(lambda url: f"/f/{root.key}" not in url)
    session.expire_all()
    (review,) = session.query(FeedbackReview).all()
    assert review.reason == "Kelompok lebih berpengalaman" and len(review.changed) == 1
