"""A headless Chromium for the browser tests, driven by Playwright; skipped where there is none.

The browser is the system's (Debian's package ``chromium``, installed by .ci/run), never one
downloaded by Playwright. COURSE_CHROMIUM names another Chromium or Chrome; with
COURSE_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser fails instead of skipping.
"""
import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps calling Google's servers, which a
# closed network refuses; as root it needs --no-sandbox.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _skip_or_fail(reason):
    if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("browser tests need the playwright package (pip install -r requirements.txt)")
    if not CHROMIUM.is_file():
        _skip_or_fail(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium, "
                      "or set COURSE_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()
