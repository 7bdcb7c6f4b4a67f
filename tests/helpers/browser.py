"""Debian's chromium through Playwright, on a live server of the test's app."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.helpers.servers import free_port

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("NERACA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
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
