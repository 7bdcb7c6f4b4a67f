"""Debian's chromium through Playwright, on a live server of the test's app."""
from __future__ import annotations

import base64
import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.helpers.servers import free_port

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("NERACA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
#: Screenshots are for a person to look at, no test reads them: taken with NERACA_SCREENSHOTS=1 (`make
#: screenshots`), not by `make test` (chromium drawing ~170 full pages: 14 of test_screens.py's 31 s).
SCREENSHOTS = os.environ.get("NERACA_SCREENSHOTS") == "1"
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def live_server(app):
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


def launch(driver):
    return driver.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"])


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def paste(page, block: str) -> None:
    """``block`` pasted into the focused field as a spreadsheet's copied cells arrive (a paste event's text)."""
    page.evaluate("""block => {
        const data = new DataTransfer();
        data.setData('text/plain', block);
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,
                                                                          cancelable: true}));
    }""", block)


def keep_screenshot(target, path: Path, full_page: bool = True) -> None:
    """``target`` (a page, whole unless not ``full_page``, or one element's locator) as a PNG at ``path``, when
    screenshots are asked for."""
    if not SCREENSHOTS:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if hasattr(target, "set_viewport_size"):
        target.screenshot(path=str(path), full_page=full_page)
    else:
        target.screenshot(path=str(path))


def full_page_screenshot(page, path: Path) -> None:
    """The whole page, not only the viewport, as a PNG at ``path``: chromium's own capture beyond the
    viewport with its faster PNG encoding (optimizeForSpeed), half the time of
    page.screenshot(full_page=True) over tests/test_screens.py's 124 pages (31 s -> 16 s). Only when
    screenshots are asked for (SCREENSHOTS)."""
    if not SCREENSHOTS:
        return
    width, height = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    devtools = page.context.new_cdp_session(page)
    try:
        shot = devtools.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "optimizeForSpeed": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    finally:
        devtools.detach()
    path.write_bytes(base64.b64decode(shot["data"]))
