"""A stakeholder answers a round with a re-ask in a real browser (Debian's chromium via Playwright)."""
from pathlib import Path

import pytest

from survey.services import answers, people, rounds
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401
from tests.samsat_site import build_samsat

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def test_stakeholder_answers_in_a_browser_is_reasked_and_sees_their_weights(app, session, live_server, browser):
    organisation, version = build_samsat(session)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Pembobotan 2010",
                                 language="id", max_reasks=1)
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    pages = answers.questionnaire(session, invitation)
    F, C, I, L = pages[0].members
    circular = {(F, C): "5", (F, I): "1/5", (F, L): "3", (C, I): "5", (C, L): "1/3", (I, L): "5"}
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser.new_page(viewport={"width": 400, "height": 850})  # a phone
    page.goto(f"{live_server}/r/{token}")
    page.fill("#role", "Kepala Seksi")
    page.click("button[type=submit]")
    assert page.url.endswith("/c/root")
    first = True
    for (a, b), value in circular.items():
        radio = page.locator(f'input[name="p_{a.id}_{b.id}"][value="{value}"]')
        if first:  # the keyboard works too: focus the equal value, then arrow to the chosen one
            page.locator(f'input[name="p_{a.id}_{b.id}"][value="1"]').focus()
            page.keyboard.press("ArrowLeft")
            page.keyboard.press("ArrowLeft")  # 1 -> 2 -> 3 ... on A's side
            assert page.locator(f'input[name="p_{a.id}_{b.id}"][value="3"]').is_checked()
            first = False
        radio.check()
    hint = page.locator("#consistency-hint").inner_text()
    assert "bertentangan" in hint and "1,33" in hint  # the CR the server will find, written the Indonesian way
    keep_screenshot(page, ARTIFACTS / "browser-live-hint.png")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url.endswith("/c/root/reask")
    assert page.locator(".hint").first.is_visible()
    keep_screenshot(page, ARTIFACTS / "browser-reask.png")
    reask = answers.open_reask(session, invitation, "root")
    shown = reask.pairs_shown[0]
    implied = shown["implied_scale"]
    label = f"{implied:g}" if implied >= 1 else f"1/{1 / implied:g}"
    page.locator(f'input[name="p_{shown["row_id"]}_{shown["column_id"]}"][value="{label}"]').check()
    with page.expect_navigation():
        page.click("button[type=submit]")
    while "/c/" in page.url:
        if page.url.endswith("/reask"):
            page.fill("textarea", "Saya yakin")
        else:
            for radio_group in page.locator("fieldset.pair").all():
                radio_group.locator('input[value="1"]').check()
        with page.expect_navigation():  # page.url is the next page's only once it has come
            page.click("button[type=submit]")
    assert page.url.endswith("/done")
    assert page.locator("h1").inner_text() == "Terima kasih"
    keep_screenshot(page, ARTIFACTS / "browser-done.png")

    session.expire_all()
    assert invitation.completed_at is not None
    root = answers.current_answers(session, invitation, "root")
    assert root[(shown["row_id"], shown["column_id"])] == pytest.approx(implied)


def test_hr_types_indonesian_numbers_into_the_performance_form_and_they_are_stored_as_meant(app, session,
                                                                                           live_server, browser):
    from survey.models import Element, Measurement
    from survey.services import accounts
    from tests.helpers.reports import samsat_office
    organisation, version = samsat_office(session)
    accounts.create_user(session, organisation.id, "hr@example.org", "HR", "correct horse battery", role="hr")
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser.new_page(viewport={"width": 1600, "height": 900}, locale="id-ID")
    page.goto(f"{live_server}/login?lang=id")
    page.fill("#email", "hr@example.org")
    page.fill("#password", "correct horse battery")
    page.click("button[type=submit]")
    page.goto(f"{live_server}/hr/versions/{version.id}/performance?lang=id")
    page.select_option("#m-kpi", "L1a")
    page.select_option("#m-period", "2025")  # chosen from the calendar, not typed
    page.fill("#m-target", "1.250.000")  # typed as an Indonesian writes it: no browser may reread it
    page.fill("#m-actual", "95,5")
    page.locator("#m-actual").press("Enter")
    page.wait_for_load_state()
    assert "/performance" in page.url and page.locator(".error").count() == 0
    for language in ("id", "en"):
        page.goto(f"{live_server}/hr/versions/{version.id}/scorecard/2010?lang={language}")
        assert page.locator("h1").first.is_visible()
        keep_screenshot(page, ARTIFACTS / f"office-scorecard-{language}.png")
    assert "Capaian kinerja" in page.content() or "Share of target" in page.content()

    l1a = session.query(Element).filter_by(version_id=version.id, code="L1a").one()
    stored = session.query(Measurement).filter_by(element_id=l1a.id, period="2025").one()
    assert (stored.target, stored.actual) == (1250000.0, 95.5)
