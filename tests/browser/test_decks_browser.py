"""Every exported deck, opened from disk in Chromium as in a classroom with no network.

Each deck is checked slide by slide on the 1280x720 canvas that reveal.js scales to the
screen: nothing may be taller than the slide, wider than it, or cut off inside a box (a
code line running out of its frame). A failure lists every offending slide with its title,
so a notebook's author knows what to split, shorten or move to a slide of its own.
"""
import json
import re

import pytest
from slide_measure import SLIDE_PROBLEMS
from slides import deck_notebooks, export_decks, slide_numbers, slide_type

NOTEBOOKS = deck_notebooks()
VIEWPORT = {"width": 1280, "height": 720}

# Runs in the deck: visits every slide (fragments included, as they take their room even
# before they appear), lets MathJax typeset it at its real size, then measures it in the
# slide's own pixels (reveal.js scales the whole canvas).
MEASURE_SLIDES = """async () => {
  const config = Reveal.getConfig(), W = config.width, H = config.height;
  const typeset = () => new Promise(done => MathJax.Hub.Queue(done));
  const slideProblems = SLIDE_PROBLEMS;
  const slides = [];
  for (const slide of Reveal.getSlides()) {
    const {h, v} = Reveal.getIndices(slide);
    Reveal.slide(h, v);
    await typeset();
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const heading = slide.querySelector('h1, h2, h3, h4');
    slides.push({index: `${h + 1}.${v + 1}`, title: heading ? heading.innerText.trim() : '',
                 problems: slideProblems(slide, Reveal.getScale(), W, H),
                 notes: Reveal.getSlideNotes(slide) || '',
                 notesShown: [...slide.querySelectorAll('aside.notes')].some(
                     a => a.getClientRects().length > 0)});
  }
  return slides;
}""".replace("SLIDE_PROBLEMS", SLIDE_PROBLEMS)

# Where the deck is: the slide's place in the document, its fragments shown, and the number
# it displays.
WHERE = """() => {
  const slide = Reveal.getCurrentSlide(), number = document.querySelector('.reveal .slide-number');
  return {slide: Reveal.getSlides().indexOf(slide),
          fragments: slide.querySelectorAll('.fragment.visible').length,
          number: number ? number.innerText : '', numberShown: !!number?.getClientRects().length};
}"""


def slide_plan(notebook):
    """The fragments on each slide, one entry per slide, as the notebook's slide types make
    them ("slide" starts a slide, "fragment" a fragment on it)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    numbers = slide_numbers(cells)
    plan = [0] * max(n for n in numbers if n)
    for cell, number in zip(cells, numbers):
        if number and slide_type(cell) == "fragment":
            plan[number - 1] += 1
    return plan


# Text MathJax should have turned into formulas: $...$ holding TeX commands, scripts or braces.
RAW_TEX = re.compile(r"\$[^$\n]*[\\^_{}][^$\n]*\$")


@pytest.fixture(scope="session")
def decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    return {deck.name.removesuffix(".slides.html"): deck for deck in export_decks(NOTEBOOKS, out)}


@pytest.fixture(scope="session")
def opened(browser, decks):
    """Open each deck once, recording what it requested; return its slides' measurements."""
    cache = {}

    def open_deck(stem):
        if stem not in cache:
            page = browser.new_page(viewport=VIEWPORT)
            requests, failed = [], []
            page.on("request", lambda r: requests.append(r.url))
            page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
            page.goto(decks[stem].as_uri())
            page.wait_for_function("window.Reveal && Reveal.isReady() && window.MathJax "
                                   "&& MathJax.isReady")
            page.evaluate("() => Reveal.configure({transition: 'none'})")
            slides = page.evaluate(MEASURE_SLIDES)
            # Back to the first slide, fragments hidden, then the right arrow only.
            page.evaluate("() => Reveal.slide(0, 0, -1)")
            steps = page.evaluate("() => Reveal.getTotalSlides() - 1 + document.querySelectorAll("
                                  "'.reveal .slides .fragment').length")
            visited = [page.evaluate(WHERE)]
            for _ in range(steps + 1):  # one more press than needed: it must change nothing
                page.keyboard.press("ArrowRight")
                visited.append(page.evaluate(WHERE))
            cache[stem] = {
                "requests": requests, "failed": failed, "slides": slides, "visited": visited,
                "formulas": page.locator(".MathJax, .MathJax_Display").count(),
                "math_errors": page.locator(".MathJax_Error, merror").count(),
                "markdown": page.evaluate("""() => [...document.querySelectorAll(
                    '.jp-RenderedMarkdown')].map(md => { const c = md.cloneNode(true);
                    c.querySelectorAll('code, pre, script').forEach(e => e.remove());
                    return c.textContent; }).join('\\n')"""),
            }
            page.close()
        return cache[stem]

    return open_deck


def has_math(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return any("$" in "".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_deck_works_offline_with_its_formulas_typeset(notebook, opened):
    deck = opened(notebook.stem)
    # about:blank is MathJax's own empty test font; it never leaves the machine.
    remote = [url for url in deck["requests"] if not url.startswith(("file://", "data:",
                                                                      "about:blank"))]
    assert not remote, f"requests that need the network: {remote}"
    missing = [f for f in deck["failed"] if not f.startswith("about:blank")]
    assert not missing, f"files the deck asks for but the export did not copy: {missing}"
    assert deck["math_errors"] == 0, "MathJax could not typeset a formula"
    assert not RAW_TEX.findall(deck["markdown"]), "TeX left untypeset"
    if has_math(notebook):
        assert deck["formulas"] > 0, "the notebook has formulas but none was typeset"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_slide_fits_1280x720_with_nothing_cut_off(notebook, opened):
    slides = opened(notebook.stem)["slides"]
    assert slides, "the deck has no slides"
    bad = [s for s in slides if s["problems"]]
    report = "\n".join(f"  slide {s['index']} {s['title']!r}:\n" +
                       "\n".join(f"    - {p}" for p in s["problems"]) for s in bad)
    assert not bad, (f"{len(bad)} of {len(slides)} slides of {notebook.stem} do not fit "
                     f"1280x720:\n{report}")


def test_the_course_maps_deck_links_to_every_other_deck(browser, decks):
    others = [stem for stem in decks if not stem.startswith("00_")]
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(decks["00_course_map"].as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    linked = page.evaluate("() => [...document.querySelectorAll('a[href$=\".slides.html\"]')]"
                           ".map(a => a.getAttribute('href'))")
    assert {f"{stem}.slides.html" for stem in others} <= set(linked)
    page.evaluate(f"() => Reveal.slide(...Object.values(Reveal.getIndices("
                  f"document.querySelector('a[href=\"{others[0]}.slides.html\"]')"
                  f".closest('section'))))")
    page.click(f'a[href="{others[0]}.slides.html"]')
    page.wait_for_url(f"**/{others[0]}.slides.html**")
    page.close()


def _cell(kind, source, slide_type="slide"):
    cell = {"cell_type": kind, "id": f"c{abs(hash(source))}",
            "metadata": {"slideshow": {"slide_type": slide_type}}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def test_the_measurement_catches_a_cut_off_line_a_wide_box_and_a_tall_slide(browser, tmp_path):
    """The checks above fail for the right reasons: a deck built to break each rule."""
    notebook = tmp_path / "broken.ipynb"
    notebook.write_text(json.dumps({
        "cells": [
            _cell("code", "x = " + " + ".join(["1"] * 120)),
            _cell("markdown", "## Tall\n\n" + "\n\n".join(f"line {i}" for i in range(40))),
            _cell("markdown", '## Wide\n\n<div style="width: 1500px">wide</div>'),
            _cell("markdown", "## Fits\n\n$a^2 + b^2 = c^2$"),
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    (deck,) = export_decks([notebook], tmp_path / "out")
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(deck.as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady() && window.MathJax && MathJax.isReady")
    wrapped = page.evaluate(MEASURE_SLIDES)
    # Undo the deck's line wrapping, as an export without it would be.
    page.add_style_tag(content=".reveal .slides pre { white-space: pre !important; }")
    unwrapped = page.evaluate(MEASURE_SLIDES)
    page.close()
    assert wrapped[0]["problems"] == [], "a long code line is wrapped, not cut off"
    assert any("cut off" in p or "past the slide" in p for p in unwrapped[0]["problems"])
    assert any(p.endswith("tall (the slide is 720)") for p in wrapped[1]["problems"])
    assert any('"wide" ends at x = 15' in p for p in wrapped[2]["problems"])
    assert wrapped[3]["problems"] == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_right_arrow_visits_every_slide_and_fragment_in_order_each_numbered(notebook,
                                                                                   opened):
    visited = opened(notebook.stem)["visited"]
    plan = slide_plan(notebook)
    expected = [(s, f) for s, fragments in enumerate(plan) for f in range(fragments + 1)]
    expected.append(expected[-1])  # the press past the last slide stays there
    assert [(v["slide"], v["fragments"]) for v in visited] == expected
    total = len(plan)
    assert all(v["numberShown"] for v in visited), "a slide without its number"
    assert [re.sub(r"\s", "", v["number"]) for v in visited] == \
        [f"{s + 1}/{total}" for s, _ in expected]


@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if not n.stem.startswith("00_")],
                         ids=lambda p: p.stem)
def test_every_slide_has_speaker_notes_that_the_slide_does_not_show(notebook, opened):
    slides = opened(notebook.stem)["slides"]
    bare = [f"{s['index']} {s['title']!r}" for s in slides if not s["notes"].strip()]
    assert not bare, f"slides without speaker notes: {bare}"
    shown = [f"{s['index']} {s['title']!r}" for s in slides if s["notesShown"]]
    assert not shown, f"speaker notes visible on the slide: {shown}"


def test_g_jumps_to_a_slide_by_its_number_and_s_opens_the_speaker_view(browser, decks):
    notebook = next(n for n in NOTEBOOKS if n.stem.startswith("07_"))
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(decks[notebook.stem].as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    total = page.evaluate("() => Reveal.getTotalSlides()")
    target = total // 2
    page.keyboard.press("g")
    page.keyboard.type(str(target))
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => Reveal.getIndices().h === {target - 1}")
    number = page.locator(".reveal .slide-number").inner_text()
    assert re.sub(r"\s", "", number) == f"{target}/{total}"
    notes = page.evaluate("() => Reveal.getSlideNotes()")
    with page.expect_popup() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    shown = speaker.locator(".speaker-controls-notes .value")
    shown.wait_for(timeout=10_000)
    speaker.wait_for_function("() => document.querySelector('.speaker-controls-notes .value')"
                              ".innerText.trim().length > 0", timeout=10_000)
    words = re.sub(r"<[^>]+>", " ", notes).split()[:4]
    assert words and " ".join(words) in " ".join(shown.inner_text().split())
    # Formulas once, not twice: the speaker window has no MathJax style sheet to hide the
    # copy kept for screen readers.
    assert speaker.locator(".speaker-controls-notes .MathJax").count() > 0
    assert speaker.locator(".speaker-controls-notes .MJX_Assistive_MathML").count() == 0
    speaker.close()
    page.close()
