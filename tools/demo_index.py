"""Measure how long every cell of every lesson runs, and write the course map's demo index.

    .venv/bin/python tools/demo_index.py          # about 3 minutes on a 2-core laptop

Runs each lesson once on a fresh kernel, one after the other (as Run All would, on a quiet
machine), then rewrites the markdown cell ``demo-index`` of ``notebooks/00_course_map.ipynb``:
per lesson, how long Run All takes, and every cell an instructor has to plan for (the live
demos, and every cell that runs for half a second or more), with its slide, its measured
time, and whether it is on a slide and can be run live (2 s at most) or is hidden or best
shown from its stored output. tests/test_demo_index.py checks the table against the
notebooks (slides, hidden cells), not the times, which depend on the machine.
"""
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from slides import slide_numbers, slide_type

ROOT = Path(__file__).resolve().parent.parent
COURSE_MAP = ROOT / "notebooks" / "00_course_map.ipynb"
INDEX_ID = "demo-index"
LONG = 0.5  # seconds: a cell the instructor waits for
LIVE = 2.0  # seconds: the longest a cell may run in front of a room
DEMO = "interact("  # a live demo: a widget the instructor drags
# A slide whose speaker notes say not to run it (e.g. training that continues a run).
NOT_LIVE = re.compile(r"do not (re-?)?run", re.IGNORECASE)


def lessons():
    return sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
                  if not p.name.startswith("00_"))


def slide_notes(cells):
    """The speaker notes of each slide, by slide number."""
    notes = {}
    for cell, slide in zip(cells, slide_numbers(cells, notes_on_slide=True)):
        if slide_type(cell) == "notes":
            notes[slide] = notes.get(slide, "") + "".join(cell["source"])
    return notes


def first_line(cell):
    """The cell's first line that is not a comment or blank (what a reader recognises it by)."""
    lines = "".join(cell["source"]).splitlines()
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return (code or lines or [""])[0].strip()


def seconds(cell):
    timing = cell["metadata"].get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda t: datetime.fromisoformat(t.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def measure(notebook, out_dir):
    """Run ``notebook`` on a fresh kernel with nbconvert, recording each cell's time."""
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook",
                    "--execute", "--NotebookClient.record_timing=True",
                    f"--output-dir={out_dir}", str(notebook)],
                   check=True, capture_output=True)
    return json.loads((Path(out_dir) / notebook.name).read_text(encoding="utf-8"))["cells"]


def rows(notebook, timed_cells):
    """(slide, first line, seconds, how it is shown) for every cell worth planning for."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    times = {c.get("id"): seconds(c) for c in timed_cells if c["cell_type"] == "code"}
    notes = slide_notes(cells)
    found = []
    for cell, slide in zip(cells, slide_numbers(cells)):
        if cell["cell_type"] != "code":
            continue
        took = times.get(cell.get("id"), 0.0)
        is_demo = DEMO in "".join(cell["source"])
        if took < LONG and not is_demo:
            continue
        if slide is None:
            shown = "hidden"
        elif took > LIVE or NOT_LIVE.search(notes.get(slide, "")):
            shown = "stored output"
        else:
            shown = "live demo" if is_demo else "live"
        found.append((slide, first_line(cell), took, shown))
    total = sum(times.values())
    return total, found


def table(measured):
    lines = ["## Demo index: what runs, and for how long", "",
             "For an instructor planning a class: every live demo, and every cell that runs "
             f"for {LONG} s or more, with its slide and its measured time. **live**: run it "
             f"on its slide (Shift+Enter in RISE), it takes {LIVE:g} s at most; **live demo**: "
             "a widget to drag, which needs the kernel; **stored output**: show the result "
             f"already on the slide, because the cell takes over {LIVE:g} s or its speaker "
             "notes say why not; **hidden**: a set-up cell that is on no slide. Run every "
             "notebook before class (Run ▸ Run All Cells): the *Run All* column is the time "
             f"its cells take. Measured with `tools/demo_index.py` on {measured['machine']}, "
             "one lesson at a time; yours will differ.", "",
             "| lesson | Run All | slide | cell | time | shown |",
             "|---|---|---|---|---|---|"]
    for stem, (total, found) in measured["lessons"].items():
        label = f"`{stem}`"
        if not found:
            lines.append(f"| {label} | {total:.0f} s | | (no cell over {LONG} s) | | |")
        for k, (slide, line, took, shown) in enumerate(found):
            where = str(slide) if slide is not None else "–"
            code = line if len(line) <= 46 else line[:45] + "…"
            code = code.replace("|", "\\|")
            lines.append(f"| {label if k == 0 else ''} | {f'{total:.0f} s' if k == 0 else ''} "
                         f"| {where} | `{code}` | {took:.1f} s | {shown} |")
    return "\n".join(lines) + "\n"


def write_index(markdown, course_map=COURSE_MAP):
    """Replace the source of the course map's ``demo-index`` cell (which must exist)."""
    text = course_map.read_text(encoding="utf-8")
    content = json.loads(text)
    (cell,) = [c for c in content["cells"] if c.get("id") == INDEX_ID]
    cell["source"] = markdown.splitlines(keepends=True)
    new_text = json.dumps(content, indent=1, ensure_ascii=False) + "\n"
    if new_text != text:
        course_map.write_text(new_text, encoding="utf-8")


def main():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    machine = f"{cores} cores ({platform.machine()}, Python {platform.python_version()})"
    measured = {"machine": machine, "lessons": {}}
    with tempfile.TemporaryDirectory() as out_dir:
        for notebook in lessons():
            total, found = rows(notebook, measure(notebook, out_dir))
            measured["lessons"][notebook.stem] = (total, found)
            print(f"{notebook.stem}: Run All {total:.1f} s, {len(found)} cells listed", flush=True)
    write_index(table(measured))
    print(f"wrote the demo index into {COURSE_MAP.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
