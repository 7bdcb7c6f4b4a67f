"""The demo's respondent, public and HR pages pass axe-core with no serious or critical violation, in both
languages: every field named, readable contrast, landmarks and headings in order.

axe-core's own axe.min.js, as the axe-playwright-python package ships it (nothing is downloaded), runs in
Debian's chromium on each page. Respondent and public pages are checked on a 390 px phone, HR pages on a
1280 px desktop. One browser for the module, one load per page and language. Colour contrast, set by the
stylesheet and not by the words, is checked once per page (in Indonesian, the site's default): it is two thirds
of axe-core's time, and every other rule still runs in both languages.
"""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from survey import demo
from survey.models import Round
from survey.services import answers, counters, people, rounds
from tests.test_browser import CHROMIUM, live_server  # noqa: F401 (a fixture)
from tests.test_screens import demo_pages

pytestmark = [pytest.mark.browser, pytest.mark.demo("id"),
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]
axe = pytest.importorskip("axe_playwright_python.sync_playwright")
SERIOUS = ("serious", "critical")


def reask_and_rating_pages(session) -> dict[str, str]:
    """A respondent asked again about contradicting answers, a direct-rating page, the public pages."""
    weighting = session.scalar(select(Round).where(Round.kind == "weighting"))
    person = people.add_person(session, weighting.organisation_id, name="Budi Santoso", email="budi@samsat.demo",
                               role="Stakeholder")
    asked, asked_token = rounds.new_invitation(weighting, person, "test")
    rating = rounds.create_round(session, weighting.organisation_id, version_id=weighting.version_id, kind="rating",
                                 title="Penilaian 2010", rating_scale=10, ask_identity=False, allow_dont_know=True)
    rated, rated_token = rounds.new_invitation(rating, person, "test")
    session.add_all([asked, rated])
    session.commit()
    answers.save_identity(session, asked, "Ahli", 3)
    root = answers.questionnaire(session, asked)[0]
    first = root.members[0]
    # The first element ranked above all but also below one of them: the page contradicts itself.
    circular = {(a.id, b.id): (1 / 9 if (a, b) == (first, root.members[-1]) else 9.0 if a == first else 1.0)
                for a, b in root.pairs}
    answers.submit_cluster(session, asked, root, circular, "a" * 32)
    assert answers.open_reask(session, asked, root.key) is not None
    skm = session.scalar(select(Round).where(Round.kind == "satisfaction"))
    _device, device_token = counters.create_device(session, skm, "Loket 1", 1, "hr@example.org")
    return {"r-reask": f"/r/{asked_token}/c/{root.key}/reask", "r-rating": f"/r/{rated_token}/rate/root",
            "p-thanks": f"/p/{skm.public_slug}/thanks", "p-home": "/", "p-login": "/login",
            "k-kiosk": f"/k/{device_token}", "k-thanks": f"/k/{device_token}/thanks", "k-live": f"/k/{device_token}/live"}


def with_axe(page):
    """``page`` with axe-core in every document it loads: added once, where Axe().run would send the
    script's 500 kB with each check (7 of this test's 53 s)."""
    page.add_init_script(script=axe.Axe().axe_script)
    return page


def serious_violations(page, contrast: bool = True) -> list[str]:
    """axe-core's serious and critical violations on the page (run as Axe().run does, its violations only),
    colour contrast among them when ``contrast``."""
    results = page.evaluate("contrast => axe.run({resultTypes: ['violations'], "
                            "rules: {'color-contrast': {enabled: contrast}}})", contrast)
    return [f"{violation['id']} ({violation['impact']}): "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in results["violations"] if violation["impact"] in SERIOUS]


def test_respondent_public_and_hr_pages_have_no_serious_accessibility_violation(app, session, live_server, tmp_path,
                                                                                browser):
    pages, password = demo_pages(session, tmp_path)
    pages |= reask_and_rating_pages(session)
    failures = []
    for width, names in ((390, [name for name in pages if re.match(r"[rp]-", name)]),
                         (1280, [name for name in pages if not re.match(r"[rp]-", name)])):
        page = with_axe(browser.new_page(viewport={"width": width, "height": 800}))
        if width == 1280:
            page.goto(f"{live_server}/login")
            page.fill("#email", demo.ADMIN_EMAIL)
            page.fill("#password", password)
            page.click("main button[type=submit]")
        for language in ("id", "en"):
            for name in names:
                path = pages[name]
                page.goto(f"{live_server}{path}{'&' if '?' in path else '?'}lang={language}")
                failures += [f"{name} ({language}): {found}"
                             for found in serious_violations(page, contrast=language == "id")]
        page.close()
    assert not failures, "\n".join(failures)
