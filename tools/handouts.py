"""Print every slide deck to a PDF handout, one page per slide, through headless Chromium.

    python3 course.py handouts                      # handouts/NN_name.pdf for every deck
    python3 course.py handouts 06_shallow_network   # only the decks named (or numbered: 06)
    python3 course.py handouts --notes              # handouts/NN_name.notes.pdf, with notes

The decks are exported as ``course.py slides`` does (into a temporary folder) and printed
by reveal.js's own print mode (``?print-pdf``) in Chromium. Each page is the 1280x720 slide
canvas (16:9) with the slide drawn on it as on a screen, its formulas typeset and all of
its fragments shown, and the slide's number ("7/29") in its bottom right corner: a handout
has exactly as many pages as its deck has slides. A slide taller than the canvas, which
scrolls on a screen, is shrunk to fit its page.

With ``--notes`` each slide that has speaker notes (markdown cells of slide type "Notes")
is followed by a page of its notes, headed "Speaker notes, slide 7/29": the handout has one
page per slide plus one per slide with notes. The notes get pages of their own (reveal.js's
``showNotes: "separate-page"``) because the other form, notes printed over the bottom of
their slide's page, hides the slide's last lines behind them and cuts off long notes,
whereas a page of its own keeps both the slide and its notes whole and at full size (a note
longer than a page is shrunk until it fits, down to a third of its size).

The print layout is the deck template's (tools/slides_assets/template/offline_reveal.html.j2):
the slides placed on their pages, the numbers, the notes pages, and no blank page after the
last one (Chromium adds one after reveal.js's forced page break at the end of the last page
unless it is taken away). So a deck opened as ``NN_name.slides.html?print-pdf`` in Chrome or
Chromium and printed to PDF, margins none, comes out the same.

Chromium or Chrome is looked for at COURSE_CHROMIUM, then where Debian, other Linux
systems, macOS and Windows install Chromium, Chrome or Edge.
"""
import argparse
import os
import shutil
import tempfile
from pathlib import Path

from slides import ROOT, deck_notebooks, export_decks

OUT_DIR = ROOT / "handouts"
# Also the browser tests' (tests/browser/conftest.py). Without the background-networking
# flags Chromium keeps calling Google's servers, which a closed network refuses; as root it
# needs --no-sandbox.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                  "chrome", "microsoft-edge", "msedge"]
NO_CHROMIUM = ("course.py handouts needs Chromium or Google Chrome and found none: install "
               "one (Debian/Ubuntu: apt-get install chromium; macOS, Windows: Google Chrome) "
               "or set COURSE_CHROMIUM to the browser's program file.")
# Milliseconds a deck may take to load, typeset and print on a busy machine.
TIMEOUT = 180_000


def chromium_candidates(environ):
    """The program files where Chromium, Chrome or Edge is usually installed, in that order."""
    candidates = ["/usr/bin/chromium"]
    for app in ("Google Chrome", "Chromium", "Microsoft Edge"):
        candidates.append(f"/Applications/{app}.app/Contents/MacOS/{app}")
    for base in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA"):
        if environ.get(base):
            candidates += [str(Path(environ[base], "Google", "Chrome", "Application",
                                    "chrome.exe")),
                           str(Path(environ[base], "Microsoft", "Edge", "Application",
                                    "msedge.exe"))]
    return candidates


def find_chromium(environ=os.environ, which=shutil.which, is_file=os.path.isfile):
    """The browser's program file; a SystemExit with a one-line message when there is none.

    COURSE_CHROMIUM first (it must then name a file), then /usr/bin/chromium, the browsers on
    the PATH, and the usual macOS and Windows places.
    """
    chosen = environ.get("COURSE_CHROMIUM")
    if chosen:
        if is_file(chosen):
            return chosen
        raise SystemExit(f"COURSE_CHROMIUM is set to {chosen}, which is not a file: set it to "
                         "the program file of Chromium or Chrome, or unset it.")
    first, *others = chromium_candidates(environ)
    if is_file(first):
        return first
    for name in CHROMIUM_NAMES:
        found = which(name)
        if found:
            return found
    for path in others:
        if is_file(path):
            return path
    raise SystemExit(NO_CHROMIUM)


def choose_notebooks(names, notebooks=None):
    """The deck notebooks named (``06_shallow_network``, its file name, or its number ``06``);
    all of them without names. An unknown name is a SystemExit listing the names."""
    notebooks = deck_notebooks() if notebooks is None else list(notebooks)
    if not names:
        return notebooks
    chosen = []
    for name in names:
        stem = Path(name).name.removesuffix(".ipynb").removesuffix(".slides.html")
        found = [nb for nb in notebooks if nb.stem == stem or nb.stem.startswith(stem + "_")]
        if len(found) != 1:
            raise SystemExit(f"course.py handouts: no deck is named {name!r}; the decks are "
                             + ", ".join(nb.stem for nb in notebooks))
        chosen += found
    return [nb for nb in notebooks if nb in chosen]


def handout_name(stem, notes):
    return f"{stem}.notes.pdf" if notes else f"{stem}.pdf"


def print_deck(browser, deck, pdf, notes=False):
    """Print the exported ``deck`` to the file ``pdf`` in a Playwright ``browser``; return the
    number of pages printed (slides, plus pages of notes)."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.set_default_timeout(TIMEOUT)
        query = "?print-pdf" + ("&showNotes=separate-page" if notes else "")
        page.goto(deck.as_uri() + query)
        # Set by the deck's template once reveal.js has laid out the pages and MathJax has
        # typeset every formula on them (tools/slides_assets/template/offline_reveal.html.j2).
        page.wait_for_function("document.documentElement.classList.contains('print-ready')")
        page.evaluate("document.fonts.ready.then(() => true)")
        pages = page.evaluate("""() => document.querySelectorAll(
            '.reveal .slides .pdf-page, .reveal .slides .speaker-notes-pdf').length""")
        # The page size is reveal.js's (@page: the 1280x720 canvas, no margins).
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True,
                 outline=True)
    finally:
        page.close()
    return pages


def make_handouts(notebooks, out_dir=OUT_DIR, notes=False, browser=None, log=print):
    """Write a handout of each notebook's deck into ``out_dir``; return their paths.

    browser : a Playwright Browser to print in; by default a headless Chromium is started
        (found by `find_chromium`) and closed again.
    """
    out_dir = Path(out_dir)
    if browser is None:
        executable = find_chromium()
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable,
                                                  args=CHROMIUM_FLAGS)
            try:
                return make_handouts(notebooks, out_dir, notes, chromium, log)
            finally:
                chromium.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as decks_dir:
        for deck in export_decks(notebooks, decks_dir):
            pdf = out_dir / handout_name(deck.name.removesuffix(".slides.html"), notes)
            pages = print_deck(browser, deck, pdf, notes)
            shown = pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf
            log(f"wrote {shown} ({pages} pages)", flush=True)
            written.append(pdf)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="course.py handouts",
        description="Print slide decks to PDF handouts in handouts/, one page per slide.")
    parser.add_argument("notebooks", nargs="*", metavar="NOTEBOOK",
                        help="the decks to print, e.g. 06_shallow_network or 06 (default: all)")
    parser.add_argument("--notes", action="store_true",
                        help="follow each slide with a page of its speaker notes, if it has "
                             "any (writes NN_name.notes.pdf)")
    args = parser.parse_args(argv)
    notebooks = choose_notebooks(args.notebooks)
    find_chromium()  # before exporting anything: a missing browser is said at once
    make_handouts(notebooks, notes=args.notes)


if __name__ == "__main__":
    main()
