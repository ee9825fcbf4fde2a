"""The code a notebook shows with show_source is the code that runs now.

nbval compares a displayed Markdown object by its text/plain form, which is the same for
any source, so a notebook stored before its code changed would still pass there.
"""
import inspect
import json
import re
from pathlib import Path

import pytest

import utils
import utils.nn

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").rglob("*.ipynb"))


class _Names(dict):
    """Names as a notebook imports them: from utils, or from utils.nn."""

    def __missing__(self, name):
        for module in (utils, utils.nn):
            if hasattr(module, name):
                return getattr(module, name)
        raise KeyError(name)


def shown_sources(path):
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        match = re.fullmatch(r"show_source\((.+)\)", "".join(cell["source"]).strip())
        if cell["cell_type"] == "code" and match:
            yield match.group(1), "".join(cell["outputs"][0]["data"]["text/markdown"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_shown_source_is_current(path):
    for expression, stored in shown_sources(path):
        obj = eval(expression, {"__builtins__": {}}, _Names())  # a dotted name, no call
        current = f"```python\n{inspect.getsource(obj).rstrip()}\n```"
        assert stored == current, f"{path.name}: show_source({expression}) is stale; re-run it"
