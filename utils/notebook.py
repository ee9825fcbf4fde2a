"""Helpers for the notebooks themselves: showing code, checking the set-up, timing."""
import inspect
import re
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from IPython.display import Markdown

from .data import read_iris

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements.txt"


def show_source(obj):
    """Display the source code of a function, class or method from ``utils``, highlighted.

    The notebooks show the course's code this way, so that what a student reads is the
    code that runs, never a copy of it.
    """
    return Markdown(f"```python\n{inspect.getsource(obj).rstrip()}\n```")


def check_environment():
    """Print whether Python, the packages in requirements.txt and the data are as required."""
    problems = 0
    ok = sys.version_info >= (3, 11)
    problems += not ok
    print(f"Python 3.11 or newer: {'OK' if ok else 'NO, install a newer Python'}")
    for line in REQUIREMENTS.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if not match:
            continue
        name, wanted = match.groups()
        try:
            found = version(name)
        except PackageNotFoundError:
            found = None
        ok = found == wanted
        problems += not ok
        status = "OK" if ok else f"found {found or 'nothing'}; run the set-up command again"
        print(f"{name} {wanted}: {status}")
    try:
        read_iris()
        print("data/iris.data: OK")
    except (OSError, ValueError) as exc:
        problems += 1
        print(f"data/iris.data: {exc}")
    print("Everything is ready." if not problems else f"{problems} problem(s) to fix, see above.")


def best_time(fn, *args, repeat=3):
    """The shortest of ``repeat`` wall-clock times of ``fn(*args)``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return min(times)
