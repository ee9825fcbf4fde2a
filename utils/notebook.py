"""Helpers for the notebooks themselves: showing code, checking the set-up, timing."""
import inspect
import re
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .data import read_iris
from .validation import validate_positive_int

COURSE_DIR = Path(__file__).resolve().parent.parent
REQUIREMENTS = COURSE_DIR / "requirements.txt"


def show_source(obj):
    """Display the source code of a function, class or method from ``utils``, highlighted.

    The notebooks show the course's code this way, so that what a student reads is the
    code that runs, never a copy of it.
    """
    from IPython.display import Markdown  # only a notebook needs IPython

    return Markdown(f"```python\n{inspect.getsource(obj).rstrip()}\n```")


def utils_location_problem(where=None, course_dir=COURSE_DIR):
    """None if ``utils`` was imported from the course folder, else what went wrong and the fix.

    where: the file ``utils`` was imported from (``utils.__file__``); by default, that of the
    ``utils`` imported in this Python. ``utils`` is a common name: a ``utils.py`` or ``utils/``
    that comes earlier on Python's path (the notebook's own folder, say) is imported instead
    of the course's, and then ``from utils import Perceptron`` fails.
    """
    if where is None:
        where = getattr(sys.modules.get("utils"), "__file__", None)
    expected = Path(course_dir).resolve() / "utils" / "__init__.py"
    if where is not None and Path(where).resolve() == expected:
        return None
    return (
        f"Python imported `utils` from {where or 'a namespace package (no __init__.py)'}, "
        f"not from the course's {expected}. Another utils.py or utils folder comes first on "
        f"the path: rename or move it (or start Jupyter from the course folder with "
        f"`python3 course.py lab`), then restart the kernel."
    )


def check_environment():
    """Print whether Python, ``utils``, the packages in requirements.txt and the data are right."""
    problems = 0
    ok = sys.version_info >= (3, 11)
    problems += not ok
    print(f"Python 3.11 or newer: {'OK' if ok else 'NO, install a newer Python'}")
    location = utils_location_problem()
    problems += location is not None
    print(f"utils package: {location or 'OK'}")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", REQUIREMENTS.read_text(), re.M)
    wrong = 0
    for name, wanted in pins:
        try:
            found = version(name)
        except PackageNotFoundError:
            found = None
        if found != wanted:  # only the packages to fix are listed, so the output stays short
            wrong += 1
            print(f"{name} {wanted}: found {found or 'nothing'}; run the set-up command again")
    problems += wrong
    if not wrong:
        print(f"the {len(pins)} packages of requirements.txt, at their pinned versions: OK")
    try:
        read_iris()
        print("data/iris.data: OK")
    except (OSError, ValueError) as exc:
        problems += 1
        print(f"data/iris.data: {exc}")
    print("Everything is ready." if not problems else f"{problems} problem(s) to fix, see above.")


def best_time(fn, *args, repeat=3):
    """The shortest of ``repeat`` wall-clock times of ``fn(*args)``, in seconds."""
    if not callable(fn):
        raise TypeError(f"fn must be a function to time; got {type(fn).__name__}")
    validate_positive_int("repeat", repeat)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return min(times)
