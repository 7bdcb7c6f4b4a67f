"""A stakeholder answers a network (ANP) round on a phone, 390 px wide, in a real browser."""
from pathlib import Path

import pytest

from survey.models import Element
from survey.services import answers, network, people, rounds
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401
from tests.helpers.network import NETWORK, small_scorecard

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def test_stakeholder_answers_a_network_round_on_a_phone(app, session, live_server, browser):  # noqa: F811
    organisation, version = small_scorecard(session)
    codes = {e.code: e.id for e in session.query(Element).filter_by(version_id=version.id)}
    for target, sources in NETWORK.items():
        network.set_influencers(session, version, codes[target], [codes[s] for s in sources])
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Jaringan 2026",
                                 language="id", kind="network", ask_identity=False)
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(f"{live_server}/r/{token}")
    with page.expect_navigation():
        page.click("button[type=submit]")
    seen = []
    while "/c/" in page.url:
        heading = page.locator("h1").inner_text()
        seen.append(heading)
        assert heading.startswith("Dibandingkan terhadap ")
        # Nothing wider than the phone: the page scrolls down, never sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        for pair in page.locator("fieldset.pair").all():
            pair.locator('input[value="2"]').check()
        if len(seen) == 1:
            keep_screenshot(page, ARTIFACTS / "browser-network-page.png")
        with page.expect_navigation():  # page.url is the next page's only once it has come
            page.click("button[type=submit]")
    assert page.url.endswith("/done")
    assert page.locator("h1").inner_text() == "Terima kasih"
    keep_screenshot(page, ARTIFACTS / "browser-network-done.png")

    assert seen == [f"Dibandingkan terhadap Name of {code}" for code in ("O1", "O2", "K1", "K2", "K3")]
    session.expire_all()
    assert invitation.completed_at is not None
    o1_page = answers.questionnaire(session, invitation)[0]
    assert set(answers.current_answers(session, invitation, o1_page.key).values()) == {2.0}


@pytest.mark.parametrize("language, width", [("id", 390), ("en", 1280)])
def test_hr_ticks_a_cluster_matrix_on_a_phone_and_a_desktop(app, session, live_server, language, width,
                                                            browser):  # noqa: F811
    from survey.services import accounts
    organisation, version = small_scorecard(session)
    accounts.create_user(session, organisation.id, "hr@example.org", "HR", "correct horse battery", role="hr")
    page = browser.new_page(viewport={"width": width, "height": 844}, locale=language)
    page.goto(f"{live_server}/login?lang={language}")
    page.fill("#email", "hr@example.org")
    page.fill("#password", "correct horse battery")
    page.click("form:has(#email) button[type=submit]")
    page.goto(f"{live_server}/hr/versions/{version.id}/network/kpi/objective?lang={language}")
    name = "K1 Name of K1 memengaruhi O1 Name of O1" if language == "id" else \
        "K1 Name of K1 influences O1 Name of O1"
    page.get_by_role("checkbox", name=name).check()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # the matrix scrolls in its box
    keep_screenshot(page, ARTIFACTS / f"browser-network-matrix-{language}-{width}.png")
    page.click("form button[type=submit]")
    assert page.url.endswith("/network")
    keep_screenshot(page, ARTIFACTS / f"browser-network-{language}-{width}.png")
    codes = {e.id: e.code for e in version.elements}
    assert {(codes[a], codes[b]) for a, b in network.links(session, version)} == {("K1", "O1")}
