"""A headless Chromium for the browser tests, driven by Playwright (skipped where there is
none), and `course.py lab` running for the tests that need JupyterLab.

The browser is the system's (Debian's package ``chromium``, installed by .ci/run), never one
downloaded by Playwright. COURSE_CHROMIUM names another Chromium or Chrome; with
COURSE_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser fails instead of skipping.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from handouts import CHROMIUM_FLAGS

import course

CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))


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
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# JupyterLab would save the executed notebook into the course folder after two minutes, and
# would keep only the cells in view on the page.
SETTINGS = {"@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
            "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
                {"windowingMode": "none"}}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    """The printed URL and the token of `course.py lab`, running until the module ends."""
    problems = course.setup_problems()
    if problems:
        pytest.skip(f"the course's environment {course.VENV} is not set up: {problems[0]}")
    home = tmp_path_factory.mktemp("jupyter")
    for name, content in SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content))
    env = {**os.environ, "COURSE_VENV": str(course.VENV), "JUPYTER_CONFIG_DIR": str(home),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    command = [sys.executable, str(course.ROOT / "course.py"), "lab", "--no-browser",
               f"--port={free_port()}", "--ServerApp.port_retries=0", "--ip=127.0.0.1",
               f"--LabApp.user_settings_dir={home / 'settings'}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}",
               # JupyterLab saves a checkpoint of each notebook it opens: not in the course.
               f"--FileCheckpoints.checkpoint_dir={home / 'checkpoints'}"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    log = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    try:
        deadline = time.monotonic() + 90
        while not any(m := re.search(r"(http://127\.0\.0\.1:\d+/\S*token=(\w+))", line)
                      for line in log):
            assert server.poll() is None, "course.py lab stopped:\n" + "".join(log)
            assert time.monotonic() < deadline, "no URL printed in 90 s:\n" + "".join(log)
            time.sleep(0.2)
        url = next(m.group(1) for line in log
                   if (m := re.search(r"(http://127\.0\.0\.1:\d+/\S*token=(\w+))", line)))
        yield {"url": url, "token": url.rsplit("=", 1)[1], "base": url.split("/lab")[0],
               "log": log}
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        server.stdout.close()


