"""The course map's demo index (written by tools/demo_index.py) still matches the lessons.

The times it lists were measured on one machine and are not re-measured here; what can go
stale is checked: every lesson listed, every widget demo listed, each cell found on the
slide the index names (or hidden, when it says so), and the rule that a cell called live
takes 2 s at most and is not one its speaker notes keep from running. When a lesson's
slides change, re-run `.venv/bin/python tools/demo_index.py`.
"""
import json
import re

import demo_index
import pytest
from demo_index import first_line, lessons, slide_notes
from slides import slide_numbers

ROW = re.compile(r"^\| (`(?P<lesson>\w+)`)? \| (?P<total>[^|]*) \| (?P<slide>[^|]*) \| "
                 r"`(?P<code>.*)` \| (?P<time>[\d.]+) s \| (?P<shown>[^|]+) \|$")


def index_rows():
    cells = json.loads(demo_index.COURSE_MAP.read_text(encoding="utf-8"))["cells"]
    (cell,) = [c for c in cells if c.get("id") == demo_index.INDEX_ID]
    assert cell["metadata"]["slideshow"]["slide_type"] == "skip", "the index is not a slide"
    rows, lesson = [], None
    for line in "".join(cell["source"]).splitlines():
        match = ROW.match(line)
        if match:
            lesson = match["lesson"] or lesson
            rows.append({**match.groupdict(), "lesson": lesson,
                         "code": match["code"].replace("\\|", "|")})
    return rows


ROWS = index_rows()


def test_every_lesson_is_in_the_index():
    assert sorted({row["lesson"] for row in ROWS}) == [nb.stem for nb in lessons()]


@pytest.mark.parametrize("notebook", lessons(), ids=lambda p: p.stem)
def test_the_index_names_real_cells_on_their_slides(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    slides, notes = slide_numbers(cells), slide_notes(cells)
    code = [(first_line(c), s, c) for c, s in zip(cells, slides) if c["cell_type"] == "code"]
    listed = [row for row in ROWS if row["lesson"] == notebook.stem and row["code"]]
    for row in listed:
        text = row["code"].removesuffix("…")
        slide = None if row["slide"].strip() == "–" else int(row["slide"])
        matches = [c for line, s, c in code if line.startswith(text) and s == slide]
        assert matches, f"no code cell starting {text!r} on slide {row['slide']}: re-run " \
                        "tools/demo_index.py"
        assert (row["shown"].strip() == "hidden") == (slide is None)
        if row["shown"].strip() in ("live", "live demo"):
            assert float(row["time"]) <= demo_index.LIVE, row
            assert not demo_index.NOT_LIVE.search(notes.get(slide, "")), \
                f"slide {slide}'s notes say not to run it, the index says live"
    demos = [line for line, _, c in code if demo_index.DEMO in "".join(c["source"])]
    for line in demos:
        assert any(line.startswith(r["code"].removesuffix("…")) and r["shown"].strip() ==
                   "live demo" for r in listed), f"the widget demo {line!r} is not listed"
