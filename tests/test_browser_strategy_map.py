"""The strategy map on a 390 px phone and a 1280 px screen, in a real browser (Debian's chromium via Playwright):
on HR's page and on the office report's printable page it fits or scrolls inside its own box, and never widens
the page (issue 26: the report's page was 847 px wide on a 390 px window, the map cut off at its edge)."""
from __future__ import annotations

import pytest

from survey.services import accounts, strategy
from tests.helpers.browser import keep_screenshot
from tests.helpers.reports import samsat_office
from tests.test_browser import ARTIFACTS, live_server  # noqa: F401  (fixture, skips)
from tests.test_browser_setup import sign_in

pytestmark = pytest.mark.browser
MAP_BOX = """() => { const box = document.querySelector('.map'), map = box.querySelector('svg');
    const b = box.getBoundingClientRect();
    return {left: b.left, right: b.right, scroll: box.scrollWidth, client: box.clientWidth,
            overflow: getComputedStyle(box).overflowX, mapWidth: map.getBoundingClientRect().width}; }"""


def test_the_strategy_map_scrolls_inside_its_box_on_a_phone_and_fits_a_screen(app, session, live_server, browser):
    organisation, version = samsat_office(session)
    strategy.add_arrow(session, version, "L1", "I1")
    accounts.create_user(session, organisation.id, "hr@kantor.go.id", "HR", "kata sandi rahasia", role="hr")
    ARTIFACTS.mkdir(exist_ok=True)
    pages = {"hr": f"/hr/versions/{version.id}/strategy-map?period=2010",
             "report": f"/hr/reports/office/{version.id}/2010.html"}
    for phone in (True, False):  # a phone, and a desktop browser's window made as narrow
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=phone, has_touch=phone,
                                locale="id-ID")
        sign_in(page, live_server, "hr@kantor.go.id", "kata sandi rahasia")
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            for name, url in pages.items():
                page.goto(live_server + url)
                keep_screenshot(page, ARTIFACTS / f"strategy-map-{name}-{width}.png")
                assert page.evaluate("window.innerWidth") == width, (name, width)  # laid out for the device
                assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
                box = page.evaluate(MAP_BOX)
                assert 0 <= box["left"] and box["right"] <= width, (name, box)  # its own box is on screen
                # The whole map is reachable: it fits its box, or the box scrolls to show the rest,
                assert box["scroll"] <= box["client"] or box["overflow"] in ("auto", "scroll"), (name, box)
                assert box["mapWidth"] >= min(640, box["client"]) - 1, (name, box)  # not shrunk to unreadable
        page.close()
