"""Give every notebook the course's RISE settings, and the style sheets RISE asks for.

    python3 tools/rise_settings.py     # also run by `python3 course.py outputs`

RISE (View > Render as Reveal Slideshow in JupyterLab) reads its settings from the
notebook's metadata, so they travel with the notebook to any JupyterLab. It also loads
``rise.css`` and ``<notebook>.css`` from the notebook's folder on every start, and asks the
server again on every slide: both files are shipped, so that nothing answers 404.
tests/test_rise_settings.py fails, naming this command, when a notebook lacks any of it.
"""
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RISE_CSS = Path(__file__).resolve().parent / "rise_assets" / "rise.css"
NOTEBOOK_CSS = ("/* RISE loads this file for {name}.ipynb only; the course's slide styles are in\n"
                "   rise.css (a copy of tools/rise_assets/rise.css). Kept so RISE finds it. */\n")

# A 1280x720 canvas that reveal.js scales to fit the screen (RISE's own minScale of 1 would
# let it grow but never shrink), so a slide that fits on a laptop fits a projector, and text
# grows with the screen. rise.css holds the same size, which JupyterLab would otherwise
# overwrite. The theme "white" uses no web font (the default, "simple", fetches two from
# Google). No "scroll": RISE turns a slide taller than 95 % of the SCREEN's height into a
# scrolling box 95vh tall on the unscaled canvas, 1026 px on a 1080p screen, taller than the
# 720 px slide (it cut off a 713 px slide of notebook 11). tests/browser/ measure every
# slide in RISE and in the decks: none is taller than 720 px.
RISE = {
    "width": 1280,
    "height": 720,
    "margin": 0.04,
    "minScale": 0.2,
    "maxScale": 2.0,
    "theme": "white",
    "transition": "none",
    "scroll": False,
    "center": False,
    "enable_chalkboard": False,
    "start_slideshow_at": "beginning",
    # "current/total", counted as the decks count, so "slide 12" means the same slide in both.
    "slideNumber": "c/t",
}


def notebooks(root=ROOT):
    """Every notebook of the course, solutions included (not checkpoints)."""
    return sorted(p for p in (Path(root) / "notebooks").glob("**/*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def missing(notebook):
    """What `apply` would change for ``notebook``, one line each; [] when it is up to date."""
    notebook = Path(notebook)
    rise = json.loads(notebook.read_text(encoding="utf-8"))["metadata"].get("rise", {})
    problems = [f"{notebook.name}: metadata.rise.{key} is {rise.get(key)!r}, not {value!r}"
                for key, value in RISE.items() if rise.get(key) != value]
    for css in (notebook.parent / "rise.css", notebook.with_suffix(".css")):
        if not css.is_file():
            problems.append(f"{css.relative_to(notebook.parent.parent)} is missing")
    if (notebook.parent / "rise.css").is_file() and \
            (notebook.parent / "rise.css").read_text() != RISE_CSS.read_text():
        problems.append(f"{notebook.parent.name}/rise.css differs from {RISE_CSS.name} in tools/")
    return problems


def apply(notebook):
    """Write the settings into ``notebook``'s metadata (keeping nbformat's layout) and its css."""
    notebook = Path(notebook)
    text = notebook.read_text(encoding="utf-8")
    content = json.loads(text)
    content["metadata"]["rise"] = {**content["metadata"].get("rise", {}), **RISE}
    new_text = json.dumps(content, indent=1, ensure_ascii=False) + "\n"
    if new_text != text:
        notebook.write_text(new_text, encoding="utf-8")
    shutil.copyfile(RISE_CSS, notebook.parent / "rise.css")
    css = notebook.with_suffix(".css")
    if not css.is_file():
        css.write_text(NOTEBOOK_CSS.format(name=notebook.stem))


def main():
    for notebook in notebooks():
        if missing(notebook):
            apply(notebook)
            print(f"RISE settings written for {notebook.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
