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
from utils.notebook import source_markdown

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(p for p in NOTEBOOK_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


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
    names = _Names(source_markdown=source_markdown)
    for arguments, stored in shown_sources(path):
        # a dotted name, and perhaps lines=(first, last): nothing else can be evaluated
        current = eval(f"source_markdown({arguments})", {"__builtins__": {}}, names)
        assert stored == current, f"{path.name}: show_source({arguments}) is stale; re-run it"


def test_part_of_a_listing_is_those_lines():
    whole = inspect.getsource(utils.Perceptron.train).rstrip().splitlines()
    part = source_markdown(utils.Perceptron.train, lines=(2, 4))
    assert part == "```python\n" + "\n".join(whole[1:4]) + "\n```"
    with pytest.raises(ValueError, match="lines must be"):
        source_markdown(utils.Perceptron.train, lines=(0, 4))
