"""What nbval does not check about the stored notebooks: clean runs, slides, exercises."""
import json
import re
from pathlib import Path

import pytest
from slides import slide_numbers, slide_type

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS_AND_MAP = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SOLUTIONS = sorted((NOTEBOOK_DIR / "solutions").glob("*.ipynb"))
NOTEBOOKS = LESSONS_AND_MAP + SOLUTIONS
LESSONS = [nb for nb in LESSONS_AND_MAP if not nb.name.startswith("00_")]


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_course_has_its_notebooks_numbered_in_teaching_order():
    numbers = [nb.name[:3] for nb in LESSONS_AND_MAP]
    assert numbers == [f"{i:02d}_" for i in range(len(numbers))]
    assert len(numbers) >= 6


def test_every_solutions_notebook_belongs_to_a_lesson():
    stems = {nb.stem for nb in LESSONS}
    for solution in SOLUTIONS:
        assert solution.stem.endswith("_solutions"), solution.name
        assert solution.stem.removesuffix("_solutions") in stems, solution.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_come_from_one_clean_run(path):
    cells = code_cells(path)
    assert [c["execution_count"] for c in cells] == list(range(1, len(cells) + 1))
    for cell in cells:
        for out in cell["outputs"]:
            assert out["output_type"] != "error", "".join(cell["source"])
            assert out.get("name") != "stderr", "".join(out.get("text", ""))
            plain = out.get("data", {}).get("text/plain", "")
            text = json.dumps(plain) + json.dumps(out.get("text", ""))
            assert not re.search(r" at 0x[0-9a-f]+", text), text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_imports_its_helpers_from_utils_and_defines_no_class(path):
    sources = ["".join(c["source"]) for c in code_cells(path)]
    assert any(re.search(r"^from utils import", s, re.M) for s in sources)
    assert not any(re.search(r"^class ", s, re.M) for s in sources)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_cell_has_slide_metadata_starting_with_a_title_slide(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in cells]
    assert kinds[0] == "slide" and cells[0]["source"][0].startswith("# ")
    # No "subslide": reveal.js stacks sub-slides vertically, and RISE (which cannot be given
    # reveal's linear navigation) skips them on the right arrow a presenter presses.
    assert set(kinds) <= {"slide", "fragment", "skip", "notes", "-"}


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_ends_with_exercises_that_have_a_check(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    headings = [i for i, c in enumerate(cells) if "".join(c["source"]).startswith("## Exercises")]
    assert headings, "no '## Exercises' section"
    after = ["".join(c["source"]) for c in cells[headings[-1]:] if c["cell_type"] == "code"]
    assert any(re.search(r"^check_\w+\(", s, re.M) for s in after)


def slides_of(cells):
    """The cells of each slide as presented, its speaker notes included ("skip" cells, not
    shown, belong to none)."""
    slides = {}
    for cell, number in zip(cells, slide_numbers(cells, notes_on_slide=True)):
        if number:
            slides.setdefault(number, []).append(cell)
    return list(slides.values())


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_slide_has_one_speaker_notes_cell_with_its_minutes(path):
    """Speaker notes (slide type "notes") show in the speaker view only (tests/browser/ check
    that); each slide of a lesson has one, saying how long the slide takes."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    problems = []
    for number, slide in enumerate(slides_of(cells), start=1):
        notes = [c for c in slide if slide_type(c) == "notes"]
        first = "".join(slide[0]["source"]).splitlines()[0][:50]
        if len(notes) != 1:
            problems.append(f"slide {number} ({first!r}) has {len(notes)} notes cells")
        elif not re.match(r"\*\*Speaker notes\*\* · .*\babout \d+ min",
                          "".join(notes[0]["source"]).splitlines()[0]):
            problems.append(f"slide {number}: notes do not start with "
                            f"'**Speaker notes** · about N min'")
        elif notes[0]["cell_type"] != "markdown":
            problems.append(f"slide {number}: notes in a code cell")
    assert not problems, "\n".join(problems)
