"""The PDF handouts of `course.py handouts`, printed in Chromium and read back with pypdfium2.

Two small decks of the course (the map, and a lesson with a fragment) and a tiny deck built
here, which has what the course's decks may lack: speaker notes, a fragment, and a slide far
taller than the canvas. A handout has exactly one 1280x720 page per slide (no blank page at
the end), each with ink on it and its slide's number; with --notes, one more page for each
slide with notes, holding them.
"""
import json

import pypdfium2 as pdfium
import pytest
from handouts import handout_name, make_handouts
from slides import ROOT, export_decks

LESSONS = [ROOT / "notebooks" / f"{stem}.ipynb" for stem in ("00_course_map", "10_dropout")]
# 1280x720 CSS pixels, in the PDF's points (1 px = 0.75 pt).
PAGE_POINTS = (960, 540)
NOTE = "Say hello to the class first."
FRAGMENT = "Revealed later: the fragment's line"


def _cell(kind, source, slide_type="slide"):
    cell = {"cell_type": kind, "id": f"c{abs(hash(source))}",
            "metadata": {"slideshow": {"slide_type": slide_type}}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    """A four-slide deck: two slides with notes, a fragment, a slide 1,900 px tall."""
    notebook = tmp_path_factory.mktemp("tiny") / "99_tiny.ipynb"
    notebook.write_text(json.dumps({
        "cells": [
            _cell("markdown", "# A tiny deck\n\nIts first slide, with notes."),
            _cell("markdown", NOTE, "notes"),
            _cell("code", "x = 1 + 1"),
            _cell("markdown", "## A fragment\n\n$a^2 + b^2 = c^2$"),
            _cell("markdown", FRAGMENT, "fragment"),
            _cell("markdown", "## Tall\n\n" + "\n\n".join(f"line {i}" for i in range(40))),
            _cell("markdown", "A long note. " * 400, "notes"),
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return notebook


@pytest.fixture(scope="session")
def handouts(browser, tiny, tmp_path_factory):
    """{(stem, notes): (the handout's PDF, the number of slides its deck has on screen)}."""
    out = tmp_path_factory.mktemp("handouts")
    notebooks = [*LESSONS, tiny]
    make_handouts(notebooks, out, browser=browser, log=lambda *a, **k: None)
    make_handouts([tiny], out, notes=True, browser=browser, log=lambda *a, **k: None)
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    slides = {}
    for deck in export_decks(notebooks, tmp_path_factory.mktemp("decks")):
        page.goto(deck.as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        slides[deck.name.removesuffix(".slides.html")] = page.evaluate("Reveal.getTotalSlides()")
    page.close()
    return {(stem, notes): (pdfium.PdfDocument(out / handout_name(stem, notes)), count)
            for stem, count in slides.items() for notes in (False, True)
            if (out / handout_name(stem, notes)).is_file()}


def text(page):
    return page.get_textpage().get_text_range()


def ink(page):
    """The share of a page's pixels that are not near white, its slide number's corner left out
    (a page reveal.js printed without its slide would still have that)."""
    pixels = page.render(scale=0.25, grayscale=True).to_numpy()
    pixels = pixels.reshape(pixels.shape[0], pixels.shape[1], -1)[..., 0].copy()
    height, width = pixels.shape
    pixels[int(height * 0.9):, int(width * 0.9):] = 255
    return (pixels < 200).mean()


STEMS = ["00_course_map", "10_dropout", "99_tiny"]


@pytest.mark.parametrize("stem", STEMS)
def test_a_handout_has_one_16_by_9_page_per_slide(handouts, stem):
    pdf, slides = handouts[stem, False]
    assert slides > 0
    assert len(pdf) == slides, f"{len(pdf)} pages for {slides} slides"
    sizes = {tuple(round(x) for x in pdf[i].get_size()) for i in range(len(pdf))}
    assert sizes == {PAGE_POINTS}, f"page sizes {sizes} (points), not 1280x720 px"


@pytest.mark.parametrize("stem", STEMS)
def test_first_middle_and_last_pages_have_ink_and_their_slide_numbers(handouts, stem):
    pdf, slides = handouts[stem, False]
    least = 0.01 if stem != "99_tiny" else 0.001  # the tiny deck's slides hold a line or two
    for i in sorted({0, len(pdf) // 2, len(pdf) - 1}):
        assert ink(pdf[i]) > least, f"page {i + 1} of {len(pdf)} is (nearly) blank"
        assert text(pdf[i]).rstrip().endswith(f"{i + 1}/{slides}"), (
            f"page {i + 1} does not show its slide number {i + 1}/{slides}")


def test_fragments_are_printed_on_their_slides_page(handouts):
    pdf, _ = handouts["99_tiny", False]
    assert FRAGMENT in text(pdf[2]) and "A fragment" in text(pdf[2])
    lesson, slides = handouts["10_dropout", False]
    pages = [i for i in range(slides) if "does better" in text(lesson[i])]
    assert pages, "notebook 10's fragment is missing from its handout"


def test_a_slide_taller_than_the_page_is_shrunk_onto_it(handouts):
    pdf, _ = handouts["99_tiny", False]
    page = pdf[3]
    textpage = page.get_textpage()
    for line in ("Tall", "line 0", "line 39"):
        found = textpage.search(line, match_whole_word=True).get_next()
        assert found, f"{line!r} is not on the tall slide's page"
        left, bottom, right, top = textpage.get_charbox(found[0])
        assert 0 <= left and right <= PAGE_POINTS[0] and 0 <= bottom and top <= PAGE_POINTS[1]


def test_notes_get_a_page_after_their_slide(handouts):
    pdf, slides = handouts["99_tiny", True]
    assert len(pdf) == slides + 2, "one page per slide, and one per slide with notes"
    pages = [text(pdf[i]) for i in range(len(pdf))]
    assert NOTE in pages[1] and "Speaker notes, slide 1/4" in pages[1]
    assert "A long note." in pages[5] and "Speaker notes, slide 4/4" in pages[5]
    assert pages[4].rstrip().endswith("4/4") and "line 39" in pages[4]
    assert ink(pdf[1]) > 0.001
    plain, _ = handouts["99_tiny", False]
    assert not any(NOTE in text(plain[i]) for i in range(len(plain)))


def test_without_its_fix_the_last_page_would_be_blank(browser, tiny, tmp_path):
    """The page count above can fail: with the last page's forced page break put back (what
    reveal.js's style sheet does), Chromium prints one more, empty page."""
    (deck,) = export_decks([tiny], tmp_path)
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(deck.as_uri() + "?print-pdf")
    page.wait_for_function("document.documentElement.classList.contains('print-ready')")
    page.add_style_tag(content="html.print-pdf .reveal .slides > :last-child "
                               "{ break-after: page !important; }")
    pdf = pdfium.PdfDocument(page.pdf(prefer_css_page_size=True, print_background=True))
    page.close()
    assert len(pdf) == 5 and ink(pdf[4]) == 0
