"""Issue 26's rough edges in a real browser (Debian's chromium via Playwright): what needs JavaScript."""
import pytest

from survey.services import accounts, people, rounds
from tests.helpers.browser import CHROMIUM, launch, live_server, playwright  # noqa: F401 (a fixture)
from tests.samsat_site import build_samsat
from tests.test_browser_setup import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not installed")]
PASSWORD = "kata sandi kantor 2026"


def test_hr_copies_a_personal_link_with_its_button_and_is_told_it_is_copied(app, session, live_server,
                                                                            browser):  # noqa: F811
    organisation, version = build_samsat(session)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2026")
    rounds.invite(session, round_, [people.people(session, organisation.id)[0].id], {"SECRET_KEY": "test"})
    accounts.create_user(session, organisation.id, "sari@samsat.go.id", "Sari", PASSWORD)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    sign_in(page, live_server, "sari@samsat.go.id", PASSWORD)
    page.goto(f"{live_server}/hr/rounds/{round_.id}")
    box = page.locator(".link-box").first
    link = box.locator("input").input_value()
    assert "/r/" in link
    assert box.locator("input").bounding_box()["width"] >= 250  # the address is readable, not a stub
    box.get_by_role("button").click()
    playwright.expect(box.locator(".copied")).to_have_text("Tersalin")  # the clipboard answers in its own time
    assert page.evaluate("navigator.clipboard.readText()") == link


def test_the_new_round_form_shows_only_the_chosen_kinds_options(app, session, live_server, browser):  # noqa: F811
    organisation, _ = build_samsat(session)
    accounts.create_user(session, organisation.id, "sari@samsat.go.id", "Sari", PASSWORD)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    sign_in(page, live_server, "sari@samsat.go.id", PASSWORD)
    page.goto(f"{live_server}/hr/rounds/new")
    assert page.locator("#cr_threshold").is_visible() and not page.locator("#rating_scale").is_visible()
    page.select_option("#kind", "rating")
    assert page.locator("#rating_scale").is_visible() and page.locator("#weight_decimals").is_visible()
    assert not page.locator("#cr_threshold").is_visible() and not page.locator("#snap").is_visible()
    page.select_option("#kind", "satisfaction")
    assert page.locator("fieldset.options:visible").count() == 0 and page.locator("#title").is_visible()


def test_the_publish_confirmation_fits_a_phone_its_table_scrolling_in_its_own_box(app, session, live_server,
                                                                                  browser):  # noqa: F811
    from tests.helpers.weighting import answer_everything, invitations
    from tests.helpers.weighting import launch as launch_round
    organisation, _, round_ = launch_round(session)
    for invitation in invitations(session, round_):
        answer_everything(session, invitation)
    accounts.create_user(session, organisation.id, "sari@samsat.go.id", "Sari", PASSWORD)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="id-ID")
    sign_in(page, live_server, "sari@samsat.go.id", PASSWORD)
    page.goto(f"{live_server}/hr/rounds/{round_.id}/publish")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page never widens
    box = page.get_by_role("region", name="Halaman")
    assert box.evaluate("b => b.scrollWidth >= b.clientWidth") and box.bounding_box()["width"] <= 390
    assert page.locator("section.card form button[type=submit]").is_visible()
