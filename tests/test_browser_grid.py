"""HR pastes a column of actuals copied from a spreadsheet into the grid, in a real browser (Debian's
chromium via Playwright), and saves once: the stored values are the pasted ones, read the Indonesian way."""
from __future__ import annotations

from survey.services import accounts, performance
from tests.helpers.browser import keep_screenshot, paste
from tests.test_browser import ARTIFACTS, live_server  # noqa: F401  (fixture, skips)
from tests.test_browser_setup import sign_in
from tests.test_data_grid import PERIOD, office, stored  # noqa: F401  (office is a fixture)

# A block as Google Sheets copies it: a header row, then tab-separated actuals and inputs of later rows.
BLOCK = "Realisasi\tCatatan\r\n95,5\t\r\n1.250,25\t\r\n\t\r\n88\t\r\n"


def test_hr_pastes_a_block_of_actuals_from_a_spreadsheet_and_saves_it_once(app, session, office, live_server, browser):
    version = office["version"]
    accounts.create_user(session, office["organisation"].id, "tu@kantor.go.id", "Tata Usaha", "kata sandi rahasia",
                         role="hr")
    performance.set_ladder(session, version, kpi="K01", period=PERIOD, anchors={0: 50, 3: 80, 10: 101})
    performance.record_measurement(session, version, kpi="K02", period="2025/TW 4", actual=80.0)  # an automatic ladder
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    sign_in(page, live_server, "tu@kantor.go.id", "kata sandi rahasia")
    page.goto(f"{live_server}/hr/versions/{version.id}/performance/grid/{PERIOD}?lang=id")

    first = page.locator('input[name="v-K01:actual"]')
    first.focus()
    paste(page, BLOCK)
    assert first.input_value() == "95,5"
    assert page.locator('input[name="v-K02:actual"]').input_value() == "1.250,25"
    assert page.locator('input[name="v-K03:actual"]').input_value() == "93"  # a blank pasted cell: unchanged
    assert page.locator('input[name="v-K04:actual"]').input_value() == "88"
    assert page.locator("input.changed").count() == 3
    assert "3 sel diisi" in page.locator("#grid-status").inner_text()

    # Enter moves down the column as in a spreadsheet, and an arrow key back up.
    page.locator('input[name="v-K05:target"]').focus()
    page.keyboard.press("Enter")  # to K06's target, selected: typing replaces it
    page.keyboard.type("110")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "v-K07:target"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.name") == "v-K06:target"

    keep_screenshot(page, ARTIFACTS / "grid-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    keep_screenshot(page, ARTIFACTS / "grid-390.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # one card per KPI, no sideways scroll

    page.click("form.grid-form button[type=submit]")
    assert "Nilai yang berubah: 4" in page.locator(".flash.ok").inner_text()

    assert stored(session, version, "K01")["actual"] == 95.5
    assert stored(session, version, "K02")["actual"] == 1250.25
    assert stored(session, version, "K03")["actual"] == 93.0
    assert stored(session, version, "K04")["actual"] == 88.0
    assert stored(session, version, "K06")["target"] == 110.0
    assert len(performance.history(session, performance.kpis(session, version)["K05"], PERIOD)) == 1
