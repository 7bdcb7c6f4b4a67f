"""Every HR and respondent page of the demo fits a 390 px phone and a 1280 px desktop, in both languages.

Debian's chromium via Playwright (as tests/test_browser.py): a page fails when it scrolls sideways
(document.documentElement.scrollWidth > innerWidth) or when a radio button of the pairwise scale
offers a tap target under 44 x 44 px. Screenshots of every page are kept in test-artifacts/screens when asked
for (`make screenshots`).
"""
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from survey import demo
from survey.models import Round, ScorecardVersion
from survey.services import answers, people, questionnaires, rounds
from tests.helpers.browser import (ARTIFACTS, CHROMIUM, SCREENSHOTS, full_page_screenshot, live_server,  # noqa: F401
                                   overflow, playwright)  # live_server: a fixture

# The demo is loaded once per session (tests/conftest.py demo_templates); demo_pages loads it again on it.
pytestmark = [pytest.mark.browser, pytest.mark.demo("id"), pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not installed")]
WIDTHS = (390, 1280)
TAP = 44


def demo_pages(session, tmp_path) -> tuple[dict[str, str], str]:
    """({name: path} of HR and respondent pages, admin password) of the demo, plus a self-report round and a fresh link."""
    lines = demo.load(session, secret_key="test", base_url="http://x", password_file=tmp_path / "password")
    password = re.search(r"as \S+ / (\S+)", lines[0]).group(1)
    round_ = session.scalar(select(Round).where(Round.kind == "weighting"))
    skm_round = session.scalar(select(Round).where(Round.kind == "satisfaction"))
    version = session.get(ScorecardVersion, round_.version_id)
    self_report = rounds.create_round(session, round_.organisation_id, version_id=version.id, kind="self_report",
                                      title="Kinerja pegawai 2010", period="2010")
    questionnaires.default_questions(session, self_report)
    employee = people.add_person(session, round_.organisation_id, name="Dewi Lestari", email="dewi@samsat.demo",
                                 kind="employee")
    invitation, employee_token = rounds.new_invitation(self_report, employee, "test")
    session.add(invitation)
    newcomer = people.add_person(session, round_.organisation_id, name="Rina Wati", email="rina@samsat.demo",
                                 role="Stakeholder")
    fresh, fresh_token = rounds.new_invitation(round_, newcomer, "test")
    welcome, welcome_token = rounds.new_invitation(self_report, newcomer, "test")
    session.add_all([fresh, welcome])
    session.commit()
    answers.save_identity(session, fresh, "Ahli", 3)
    links = [line.split()[1].replace("http://x", "") for line in lines if line.startswith("Respondent:")]
    hr = {"home": "/hr/", "people": "/hr/people", "outbox": "/hr/outbox", "settings": "/hr/settings",
          "api-tokens": "/hr/api-tokens", "scorecard-new": "/hr/scorecards/new", "version": f"/hr/versions/{version.id}",
          "performance": f"/hr/versions/{version.id}/performance", "strategy-map": f"/hr/versions/{version.id}/strategy-map",
          "office-scorecard": f"/hr/versions/{version.id}/scorecard/2010", "round-new": "/hr/rounds/new",
          "kpi-values": f"/hr/versions/{version.id}/performance/C1a/values/2010",
          "reporting": f"/hr/versions/{version.id}/reporting/2010",
          "round": f"/hr/rounds/{round_.id}", "results": f"/hr/rounds/{round_.id}/results",
          "self-report-round": f"/hr/rounds/{self_report.id}", "self-report-results": f"/hr/rounds/{self_report.id}/results",
          "groups": f"/hr/versions/{version.id}/groups", "network": f"/hr/versions/{version.id}/network",
          "skm-round": f"/hr/rounds/{skm_round.id}", "ikm": f"/hr/rounds/{skm_round.id}/ikm",
          "public-answers": f"/hr/rounds/{skm_round.id}/public-answers"}
    respondent = {"r-finished": links[0], "r-thank-you": f"{links[0]}/done", "r-halfway": links[1], "r-not-started": links[2],
                  "r-pairwise": f"/r/{fresh_token}/c/root", "r-self-report-welcome": f"/r/{welcome_token}",
                  "r-self-report-form": f"/r/{employee_token}/q", "p-skm": f"/p/{skm_round.public_slug}"}
    return hr | respondent, password


def small_scale_targets(page) -> list[str]:
    return page.evaluate(f"""[...document.querySelectorAll('fieldset.pair .scale label')]
        .map(l => [l, l.getBoundingClientRect()])
        .filter(([l, r]) => r.width < {TAP} || r.height < {TAP})
        .map(([l, r]) => l.querySelector('input').value + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""")


def test_every_demo_page_fits_a_phone_and_a_desktop_in_both_languages(app, session, live_server, tmp_path, browser):
    pages, password = demo_pages(session, tmp_path)
    shots = ARTIFACTS / "screens"
    if SCREENSHOTS:  # this run's pages only
        shutil.rmtree(shots, ignore_errors=True)
        shots.mkdir(parents=True)
    failures = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(f"{live_server}/login")
        page.fill("#email", demo.ADMIN_EMAIL)
        page.fill("#password", password)
        page.click("main button[type=submit]")
        for language in ("id", "en"):
            for name, path in pages.items():
                response = page.goto(f"{live_server}{path}{'&' if '?' in path else '?'}lang={language}")
                full_page_screenshot(page, shots / f"{width}-{language}-{name}.png")
                if response.status != 200:
                    failures.append(f"{path} answered {response.status}")
                if overflow(page) > 0:
                    failures.append(f"{path} at {width} px ({language}) is {overflow(page)} px too wide")
                if name == "office-scorecard" and width >= 1280 and response.status == 200 and page.evaluate(
                        "(box => box.scrollWidth > box.clientWidth)(document.querySelector('.omax').parentElement)"):
                    failures.append(f"the OMAX table does not fit {width} px ({language})")
                small = small_scale_targets(page)
                if small:
                    failures.append(f"{path} at {width} px: {len(small)} scale targets like {small[0]}")
        context.close()
    assert not failures, "\n".join(dict.fromkeys(failures))


def test_arrow_keys_stop_at_the_ends_of_the_two_sided_scale(app, session, live_server, tmp_path, browser):
    """ArrowLeft on A's 9 must not wrap round to B's 9 (one key press would reverse the judgment)."""
    pages, _ = demo_pages(session, tmp_path)
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{live_server}{pages['r-pairwise']}")
    pair = page.locator("fieldset.pair").first
    radios = pair.locator("input[type=radio]")
    first, last = radios.first, radios.last
    first.check()
    first.press("ArrowLeft")
    assert first.is_checked() and not pair.locator('input[value="1/9"]').is_checked()
    last.check()
    last.press("ArrowRight")
    assert last.is_checked()
    pair.locator('input[value="3"]').check()
    pair.locator('input[value="3"]').press("ArrowLeft")  # inside the scale the keys still move
    assert pair.locator('input[value="4"]').is_checked()
    assert pair.locator("legend").bounding_box()["height"] <= 1  # the names are shown once, above the scale
    assert pair.locator(".ends").is_visible()
