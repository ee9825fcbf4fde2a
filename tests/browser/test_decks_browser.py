"""Every exported deck, opened from disk in Chromium as in a classroom with no network.

Each deck is checked slide by slide on the 1280x720 canvas that reveal.js scales to the
screen: nothing may be taller than the slide, wider than it, or cut off inside a box (a
code line running out of its frame). A failure lists every offending slide with its title,
so a notebook's author knows what to split, shorten or move to a slide of its own.
"""
import json
import re

import pytest
from slides import deck_notebooks, export_decks

NOTEBOOKS = deck_notebooks()
VIEWPORT = {"width": 1280, "height": 720}

# Runs in the deck: visits every slide (fragments included, as they take their room even
# before they appear), lets MathJax typeset it at its real size, then measures it in the
# slide's own pixels (reveal.js scales the whole canvas).
MEASURE_SLIDES = """async () => {
  const config = Reveal.getConfig(), W = config.width, H = config.height;
  const typeset = () => new Promise(done => MathJax.Hub.Queue(done));
  const describe = el => {
    const cls = (el.getAttribute('class') || '').split(/\\s+/).filter(Boolean).slice(0, 2);
    const text = (el.innerText || el.getAttribute('alt') || '').trim().replace(/\\s+/g, ' ');
    return el.tagName.toLowerCase() + (cls.length ? '.' + cls.join('.') : '') +
           (text ? ' "' + text.slice(0, 50) + '"' : '');
  };
  // How far right and down the visible content of a box reaches: text lines and pictures,
  // not the empty margins and paddings that a box may also hide.
  const inkEdges = el => {
    let right = -Infinity, bottom = -Infinity;
    const add = r => { if (r.width && r.height) { right = Math.max(right, r.right);
                                                  bottom = Math.max(bottom, r.bottom); } };
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) add(r);
    }
    el.querySelectorAll('img, svg, canvas, video').forEach(e => add(e.getBoundingClientRect()));
    return {right, bottom};
  };
  const slides = [];
  for (const slide of Reveal.getSlides()) {
    const {h, v} = Reveal.getIndices(slide);
    Reveal.slide(h, v);
    await typeset();
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const scale = Reveal.getScale(), box = slide.getBoundingClientRect();
    const heading = slide.querySelector('h1, h2, h3, h4');
    const problems = [];
    if (slide.scrollHeight > H + 1) {
      problems.push(`${slide.scrollHeight} px tall (the slide is ${H})`);
    }
    const reported = [];
    for (const el of slide.querySelectorAll('*')) {
      if (reported.some(r => r.contains(el)) || el.closest('.MathJax, .MathJax_Display')) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const right = (r.right - box.left) / scale, style = getComputedStyle(el);
      let problem = null;
      if (right > W + 1) {
        problem = `${describe(el)} ends at x = ${Math.round(right)} px, past the slide's ${W}`;
      } else if ((el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') ||
                 (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible')) {
        const ink = inkEdges(el);
        const inner = {right: r.left + el.clientLeft + el.clientWidth,
                       bottom: r.top + el.clientTop + el.clientHeight};
        const hiddenRight = (ink.right - inner.right) / scale;
        const hiddenBelow = (ink.bottom - inner.bottom) / scale;
        if (hiddenRight > 1) {
          problem = `${describe(el)} is cut off: ${Math.round(hiddenRight)} px of it hidden ` +
                    `at the right (overflow-x: ${style.overflowX})`;
        } else if (hiddenBelow > 1) {
          problem = `${describe(el)} is cut off: ${Math.round(hiddenBelow)} px of it hidden ` +
                    `below (overflow-y: ${style.overflowY})`;
        }
      }
      if (problem) { problems.push(problem); reported.push(el); }
    }
    slides.push({index: `${h + 1}.${v + 1}`, title: heading ? heading.innerText.trim() : '',
                 problems});
  }
  return slides;
}"""

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
            cache[stem] = {
                "requests": requests, "failed": failed, "slides": slides,
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
