"""The office scorecard's what-if slider in a real browser (Debian's chromium via Playwright): moving it past a
weight's threshold asks the server for the page again and shows the changed signal, on a 390 px phone and a
1280 px screen, in Indonesian and English, without widening the page."""
from __future__ import annotations

import re

import pytest

from survey.render.numbers import format_number
from survey.services import accounts
from survey.services.scorecard_document import office_document
from tests.helpers.browser import (ARTIFACTS, CHROMIUM, keep_screenshot, live_server, overflow,  # noqa: F401
                                   playwright)
from tests.helpers.reports import samsat_office
from tests.test_browser_setup import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not installed")]
CHANGES = {"id-ID": "Sinyal berubah.", "en-GB": "The signal changes."}


def test_the_slider_tries_a_weight_on_the_server_and_the_page_stays_within_the_screen(app, session, live_server,
                                                                                      browser):
    organisation, version = samsat_office(session)
    accounts.create_user(session, organisation.id, "hr@kantor.go.id", "HR", "kata sandi rahasia", role="hr")
    row = next(r for r in office_document(session, version, "2010").signal if r.above is not None)
    past = round((row.above + 0.01) * 100, 1)
    ARTIFACTS.mkdir(exist_ok=True)
    for locale, changed in CHANGES.items():
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale=locale)
        sign_in(page, live_server, "hr@kantor.go.id", "kata sandi rahasia")
        page.goto(f"{live_server}/hr/versions/{version.id}/scorecard/2010#signal")
        page.select_option("#what-if-element", row.code)
        slider = page.locator("#what-if-slider")
        playwright.expect(slider).to_be_visible()  # shown where JavaScript runs
        # Choosing the element asks for its own weight first: at that weight the signal stays as it is.
        playwright.expect(page).to_have_url(re.compile(rf"element={row.code}&weight="))
        playwright.expect(page.locator("#what-if-result")).not_to_contain_text(changed)
        slider.fill(str(past))
        playwright.expect(page.locator("#what-if-result")).to_contain_text(changed)
        language = locale[:2]
        typed = format_number(past / 100, "weight", language)
        assert page.locator("#what-if-weight").input_value() == typed
        assert f"element={row.code}" in page.url and "weight=" in page.url  # the address gives the same page
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            keep_screenshot(page.locator("#signal"), ARTIFACTS / f"what-if-office-{language}-{width}.png")
            assert overflow(page) <= 0, (locale, width)
        page.close()


def test_the_results_pages_slider_and_groups_page_by_page_fit_a_phone_and_a_screen(app, session, live_server, browser):
    from tests.test_respondent_groups import camps_on_the_perspectives
    organisation, version, round_, _camp = camps_on_the_perspectives(session)
    accounts.create_user(session, organisation.id, "hr@kantor.go.id", "HR", "kata sandi rahasia", role="hr")
    customer = next(e for e in version.elements if e.code == "C")
    for locale, tried in {"id-ID": "Jika C ", "en-GB": "If C "}.items():
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale=locale)
        sign_in(page, live_server, "hr@kantor.go.id", "kata sandi rahasia")
        page.goto(f"{live_server}/hr/rounds/{round_.id}/results?agreement=80")
        page.select_option("#what-if-element", str(customer.id))
        page.locator("#what-if-slider").fill("20")
        # The element's own weight was asked first (on choosing it): wait for the slider's answer.
        playwright.expect(page).to_have_url(re.compile(r"agreement=80&.*weight=20\b"))  # the threshold stays
        playwright.expect(page.locator("#what-if-result h3")).to_contain_text(tried)
        playwright.expect(page.locator("#agreement details[open]")).to_have_count(1)  # the perspectives
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            for part in ("sensitivity", "agreement"):
                keep_screenshot(page.locator(f"#{part}"), ARTIFACTS / f"results-{part}-{locale[:2]}-{width}.png")
            assert overflow(page) <= 0, (locale, width)
        page.close()
