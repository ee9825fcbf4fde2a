"""`course.py handouts` without a browser: where it looks for Chromium, what it says when there
is none, and which decks it prints. The handouts themselves: tests/browser/test_handouts.py."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from handouts import NO_CHROMIUM, choose_notebooks, find_chromium, handout_name

import course

NOTEBOOKS = [Path(f"notebooks/{stem}.ipynb") for stem in
             ("00_course_map", "06_shallow_network", "10_dropout", "16_autodiff")]


def nothing_on_path(name):
    return None


def test_without_any_browser_the_message_says_what_to_install_or_set():
    with pytest.raises(SystemExit) as stop:
        find_chromium(environ={}, which=nothing_on_path, is_file=lambda path: False)
    message = str(stop.value.code)
    assert message == NO_CHROMIUM and "\n" not in message
    assert "apt-get install chromium" in message and "COURSE_CHROMIUM" in message
    assert "Google Chrome" in message


def test_course_chromium_comes_first_and_must_name_a_file():
    everything = {"COURSE_CHROMIUM": "/opt/my/chrome"}
    assert find_chromium(everything, which=lambda n: f"/bin/{n}",
                         is_file=lambda path: True) == "/opt/my/chrome"
    with pytest.raises(SystemExit) as stop:
        find_chromium(everything, which=lambda n: f"/bin/{n}",
                      is_file=lambda path: path != "/opt/my/chrome")
    assert "COURSE_CHROMIUM is set to /opt/my/chrome, which is not a file" in str(stop.value)


def test_then_debians_chromium_the_path_and_the_usual_places():
    assert find_chromium({}, which=lambda n: f"/bin/{n}",
                         is_file=lambda path: True) == "/usr/bin/chromium"
    on_path = {"google-chrome": "/usr/local/bin/google-chrome"}
    assert find_chromium({}, which=on_path.get, is_file=lambda path: False) == on_path[
        "google-chrome"]
    mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    assert find_chromium({}, which=nothing_on_path, is_file=lambda path: path == mac) == mac
    windows = {"PROGRAMFILES": r"C:\Program Files"}
    edge = str(Path(r"C:\Program Files", "Microsoft", "Edge", "Application", "msedge.exe"))
    assert find_chromium(windows, which=nothing_on_path,
                         is_file=lambda path: path == edge) == edge


def test_a_missing_browser_is_one_line_and_no_traceback(tmp_path):
    environ = {**os.environ, "COURSE_CHROMIUM": str(tmp_path / "no-chrome")}
    result = subprocess.run([sys.executable, str(course.ROOT / "tools" / "handouts.py"), "00"],
                            env=environ, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"COURSE_CHROMIUM is set to {tmp_path / 'no-chrome'}, which is not a file: set it to "
        "the program file of Chromium or Chrome, or unset it."]
    assert result.stdout == ""


def test_decks_are_chosen_by_name_file_or_number_in_course_order():
    assert choose_notebooks([], NOTEBOOKS) == NOTEBOOKS
    assert choose_notebooks(["10_dropout", "notebooks/06_shallow_network.ipynb", "00"],
                            NOTEBOOKS) == NOTEBOOKS[:3]
    with pytest.raises(SystemExit, match="no deck is named '07'; the decks are 00_course_map, "):
        choose_notebooks(["07"], NOTEBOOKS)


def test_handout_names_and_the_course_command():
    assert handout_name("06_shallow_network", notes=False) == "06_shallow_network.pdf"
    assert handout_name("06_shallow_network", notes=True) == "06_shallow_network.notes.pdf"
    command = course.job("handouts", ["--notes", "06"], cwd=Path.cwd(), python="py")
    assert command == ["py", "tools/handouts.py", "--notes", "06"]
