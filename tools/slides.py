"""Export every notebook to an HTML slide deck that opens with no network.

    python3 course.py slides            # writes slides/NN_name.slides.html and slides/assets/

Each deck follows the slide types stored in its notebook's cell metadata (the same ones
that RISE presents inside JupyterLab). The decks load reveal.js and MathJax from
``slides/assets/``, never from the internet, so the whole ``slides/`` folder can be copied
to a classroom computer and opened in any browser.
"""
import re
import shutil
from pathlib import Path

import jupyter_server_mathjax
from nbconvert import SlidesExporter
from rise_settings import RISE

ROOT = Path(__file__).resolve().parent.parent
ASSETS = Path(__file__).resolve().parent / "slides_assets"
MATHJAX = Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


def export_decks(notebooks, out_dir):
    """Write one deck per notebook into ``out_dir``, with the assets they load; return the paths."""
    out_dir = Path(out_dir)
    (out_dir / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ASSETS / "reveal.js", out_dir / "assets" / "reveal.js", dirs_exist_ok=True)
    shutil.copytree(MATHJAX, out_dir / "assets" / "mathjax", dirs_exist_ok=True)
    # jupyter-server-mathjax leaves out the TeX fonts, which some formulas ask for.
    shutil.copytree(ASSETS / "mathjax-fonts", out_dir / "assets" / "mathjax" / "fonts",
                    dirs_exist_ok=True)

    exporter = SlidesExporter(
        extra_template_paths=[str(ASSETS / "template")],
        template_file="offline_reveal.html.j2",
        reveal_url_prefix="assets/reveal.js",
        reveal_theme="white",
        reveal_scroll=True,
        reveal_number="c/t",
        # The same 1280x720 canvas as RISE in JupyterLab, scaled by reveal.js to the screen.
        reveal_width=str(RISE["width"]),
        reveal_height=str(RISE["height"]),
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    notebooks = [Path(notebook) for notebook in notebooks]
    stems = [notebook.stem for notebook in notebooks]
    decks = []
    for notebook in notebooks:
        html, _ = exporter.from_filename(str(notebook))
        deck = out_dir / f"{notebook.stem}.slides.html"
        deck.write_text(link_decks(html, stems), encoding="utf-8")
        decks.append(deck)
    return decks


def link_decks(html, stems):
    """Turn each mention of another notebook (``NN_name`` or a link to NN_name.ipynb) into a
    link to its deck, so the course map's deck leads to every lesson's deck."""
    for stem in stems:
        html = html.replace(f'href="{stem}.ipynb"', f'href="{stem}.slides.html"')
        html = re.sub(rf"(?<!\.slides\.html\">)<code>{re.escape(stem)}</code>",
                      f'<a href="{stem}.slides.html"><code>{stem}</code></a>', html)
    return html


def slide_type(cell):
    """A cell's slide type as RISE and nbconvert read it; "-" (continue the slide) if unset."""
    return cell["metadata"].get("slideshow", {}).get("slide_type", "-")


def slide_numbers(cells, notes_on_slide=False):
    """The slide each cell is shown on (1-based, as the decks and RISE number them), or None
    for a cell on no slide: "skip", and "notes" unless ``notes_on_slide`` (a speaker note
    belongs to its slide's speaker view). A "slide" cell starts the next slide."""
    numbers, slide = [], 0
    for cell in cells:
        kind = slide_type(cell)
        if kind == "skip" or (kind == "notes" and not notes_on_slide):
            numbers.append(None)
            continue
        if kind == "slide" or slide == 0:
            slide += 1
        numbers.append(slide)
    return numbers


def deck_notebooks():
    """The notebooks that get a deck: the course map and the lessons (not the solutions)."""
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def main():
    decks = export_decks(deck_notebooks(), ROOT / "slides")
    for deck in decks:
        print(f"wrote {deck.relative_to(ROOT)}")
    print("Open a deck in a browser; copy the whole slides/ folder to present elsewhere.")


if __name__ == "__main__":
    main()
