"""Export every notebook to an HTML slide deck that opens with no network.

    python3 course.py slides            # writes slides/NN_name.slides.html and slides/assets/

Each deck follows the slide types stored in its notebook's cell metadata (the same ones
that RISE presents inside JupyterLab). The decks load reveal.js and MathJax from
``slides/assets/``, never from the internet, so the whole ``slides/`` folder can be copied
to a classroom computer and opened in any browser.
"""
import shutil
from pathlib import Path

import jupyter_server_mathjax
from nbconvert import SlidesExporter

ROOT = Path(__file__).resolve().parent.parent
ASSETS = Path(__file__).resolve().parent / "slides_assets"
MATHJAX = Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


def export_decks(notebooks, out_dir):
    """Write one deck per notebook into ``out_dir``, with the assets they load; return the paths."""
    out_dir = Path(out_dir)
    (out_dir / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ASSETS / "reveal.js", out_dir / "assets" / "reveal.js", dirs_exist_ok=True)
    shutil.copytree(MATHJAX, out_dir / "assets" / "mathjax", dirs_exist_ok=True)

    exporter = SlidesExporter(
        extra_template_paths=[str(ASSETS / "template")],
        template_file="offline_reveal.html.j2",
        reveal_url_prefix="assets/reveal.js",
        reveal_theme="white",
        reveal_scroll=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    decks = []
    for notebook in notebooks:
        notebook = Path(notebook)
        html, _ = exporter.from_filename(str(notebook))
        deck = out_dir / f"{notebook.stem}.slides.html"
        deck.write_text(html, encoding="utf-8")
        decks.append(deck)
    return decks


def main():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    decks = export_decks(notebooks, ROOT / "slides")
    for deck in decks:
        print(f"wrote {deck.relative_to(ROOT)}")
    print("Open a deck in a browser; copy the whole slides/ folder to present elsewhere.")


if __name__ == "__main__":
    main()
