"""The linter runs with the tests: `python3 course.py test` fails on any ruff finding.

Run here, rather than as a separate step, so that a finding shows in pytest's summary
with the file, line and rule, like any other failure. The rules are in pyproject.toml.
"""
import subprocess
import sys
from pathlib import Path

COURSE_DIR = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
        cwd=COURSE_DIR, capture_output=True, text=True,
    )
    assert result.returncode == 0, (
        f"ruff found problems (fix them, or run `ruff check --fix .` for the fixable ones):\n"
        f"{result.stdout}{result.stderr}"
    )
