"""An office starts for real in a browser: `neraca init` on a fresh database, the administrator invites an HR
colleague, who sets a password from the email's link, signs in and launches a round (Debian's chromium)."""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from survey.models import Organisation
from survey.services import people, scorecards
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401
from tests.helpers.cli import console  # noqa: F401  (a fixture)
from tests.samsat_site import samsat_rows

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]
ADMIN_PASSWORD, HR_PASSWORD = "admin passphrase 2026", "colleague passphrase 2026"


def test_a_new_office_is_set_up_and_its_hr_colleague_launches_a_round(app, session, console, live_server,
                                                                      smtp_server, browser):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port, PUBLIC_URL=live_server)
    assert console("init", "--org", "Dinas Pendapatan", "--email", "admin@dispenda.go.id", "--name", "Admin Dispenda",
                   "--password-stdin", stdin=ADMIN_PASSWORD + "\n") == 0
    organisation_id = session.scalar(select(Organisation.id))
    # What HR would have imported first: the scorecard and one stakeholder.
    version = scorecards.create_scorecard(session, organisation_id, "BSC Dispenda", "2026")
    scorecards.import_scorecard(session, version, samsat_rows())
    people.add_person(session, organisation_id, name="Kepala Bidang", email="kabid@dispenda.go.id")
    ARTIFACTS.mkdir(exist_ok=True)

    admin = browser.new_context(viewport={"width": 400, "height": 850}).new_page()  # a phone
    sign_in(admin, live_server, "admin@dispenda.go.id", ADMIN_PASSWORD)
    admin.click('a[href$="/hr/users"]')
    admin.fill("#name", "Siti Rahma")
    admin.fill("#email", "siti@dispenda.go.id")
    admin.select_option("#role", "hr")
    with admin.expect_navigation():  # content() during the navigation is empty (seen on a loaded machine)
        admin.click("form:has(#email) button[type=submit]")
    assert "siti@dispenda.go.id" in admin.content()
    keep_screenshot(admin, ARTIFACTS / "browser-users.png")

    mailed = [m.get_payload() for m in smtp_server.messages if m["To"] == "siti@dispenda.go.id"]
    link = re.search(rf"{re.escape(live_server)}/password/\S+", mailed[0]).group(0)
    colleague = browser.new_context(viewport={"width": 400, "height": 850}).new_page()
    colleague.goto(link)
    colleague.fill("#password", HR_PASSWORD)
    colleague.fill("#repeat", HR_PASSWORD)
    colleague.click("button[type=submit]")
    assert colleague.url.endswith("/login")
    sign_in(colleague, live_server, "siti@dispenda.go.id", HR_PASSWORD)
    assert colleague.locator('a[href$="/hr/users"]').count() == 0  # HR, not an administrator

    colleague.goto(f"{live_server}/hr/rounds/new")
    colleague.fill("#title", "Pembobotan 2026")
    colleague.click("form:has(#title) button[type=submit]")
    assert re.search(r"/hr/rounds/\d+$", colleague.url)
    colleague.locator('input[name="person"]').first.check()
    colleague.click('form:has(input[name="person"]) button[type=submit]')
    colleague.click('form[action$="/invite"] button[type=submit]')  # the page naming who is invited
    keep_screenshot(colleague, ARTIFACTS / "browser-round-launched.png")

    invited = [m.get_payload() for m in smtp_server.messages if m["To"] == "kabid@dispenda.go.id"]
    assert invited and f"{live_server}/r/" in invited[0]


def sign_in(page, live_server, email, password):
    page.goto(f"{live_server}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form:has(#email) button[type=submit]")
    assert page.url.endswith("/hr/"), page.url
