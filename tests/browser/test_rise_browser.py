"""Every notebook presented with RISE in JupyterLab, slide by slide, as on a 1080p projector.

`python3 course.py lab` serves the course; each notebook opens at /rise/ (View > Open as
Reveal Slideshow) in a 1920x1080 window, and the right arrow alone walks it from the first
slide to the last. On every step the slide must be the next one the notebook's slide types
make, show its number, fit its 1280x720 canvas with nothing cut off (the measurement the
decks get, tests/browser/slide_measure.py), print its results in text at least 24 px tall
on the screen, and keep its speaker notes off the slide.
"""
import json
import re
import urllib.request

import pytest
from slide_measure import SHOWN_TEXT_SIZES, SLIDE_PROBLEMS
from slides import deck_notebooks
from test_decks_browser import slide_plan

NOTEBOOKS = deck_notebooks()
SCREEN = {"width": 1920, "height": 1080}
SMALLEST_TEXT = 24  # px on a 1080p screen, for printed results and code listings

# The slide on screen (RISE nests each slide's section in a top-level one), its index among
# the slides and the number of its fragments shown.
POSITION = """() => {
  const tops = [...document.querySelectorAll('.reveal .slides > section')];
  const slide = [...document.querySelectorAll('.reveal .slides section.present')].pop();
  return {slide, index: tops.findIndex(s => s.contains(slide)),
          fragments: slide.querySelectorAll('.fragment.visible').length};
}"""
WHERE = """() => {
  const canvas = document.querySelector('.reveal > .jp-Notebook.slides');
  const {slide, index, fragments} = (POSITION)();
  const number = document.querySelector('.reveal .slide-number');
  const scale = canvas.getBoundingClientRect().width / 1280;
  return {slide: index, fragments,
          number: number ? number.innerText : '', numberShown: !!number?.getClientRects().length,
          title: ((slide.querySelector('h1, h2, h3, h4') || {}).innerText || '').trim(),
          problems: (SLIDE_PROBLEMS)(slide, scale, 1280, 720),
          sizes: (SHOWN_TEXT_SIZES)(slide, scale),
          notes: slide.querySelectorAll('aside.notes').length,
          notesShown: [...slide.querySelectorAll('aside.notes')].some(
              a => a.getClientRects().length > 0)};
}"""
WHERE = WHERE.replace("(POSITION)", f"({POSITION})")
WHERE = WHERE.replace("(SLIDE_PROBLEMS)", f"({SLIDE_PROBLEMS})")
WHERE = WHERE.replace("(SHOWN_TEXT_SIZES)", f"({SHOWN_TEXT_SIZES})")
# Whether the slideshow has left the slide and fragment ``[slide, fragments]``.
MOVED = f"""([slide, fragments]) => {{ const now = ({POSITION})();
  return now.index !== slide || now.fragments !== fragments; }}"""


def close_kernels(lab, path):
    """Shut down the kernel that opening ``path`` in RISE started."""
    base, token = lab["base"], lab["token"]
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}") as answer:
        sessions = json.load(answer)
    for session in sessions:
        if session.get("path") == path:
            request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}",
                                             method="DELETE")
            urllib.request.urlopen(request).close()


@pytest.fixture(scope="module")
def presented(browser, lab):
    """Present a notebook in RISE and walk it with the right arrow; what each step showed."""
    cache = {}

    def present(notebook):
        if notebook.stem not in cache:
            path = f"notebooks/{notebook.name}"
            page = browser.new_page(viewport=SCREEN)
            page.goto(f"{lab['base']}/rise/{path}?token={lab['token']}")
            page.locator(".reveal .slides section.present").first.wait_for(timeout=60_000)
            page.wait_for_function("() => document.querySelector('.reveal .slide-number')",
                                   timeout=30_000)
            plan = slide_plan(notebook)
            steps = len(plan) - 1 + sum(plan)
            seen = [page.evaluate(WHERE)]
            for _ in range(steps + 1):  # one more press than needed: it must change nothing
                before = (seen[-1]["slide"], seen[-1]["fragments"])
                page.keyboard.press("ArrowRight")
                try:
                    page.wait_for_function(MOVED, arg=before,
                                           timeout=2_000 if len(seen) <= steps else 300)
                except Exception:  # noqa: BLE001 (the step is checked below)
                    pass
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => "
                              "requestAnimationFrame(r)))")
                seen.append(page.evaluate(WHERE))
            page.close()
            close_kernels(lab, path)
            cache[notebook.stem] = {"plan": plan, "seen": seen}
        return cache[notebook.stem]

    return present


class WalkedWithTheRightArrow:
    """The checks on each notebook's walk. The notebooks are split in two halves below,
    one class each, which pytest-xdist (--dist loadscope) can give to different workers."""

    def test_rise_right_arrow_visits_every_slide_in_order_each_numbered(self, notebook, presented):
        shown = presented(notebook)
        plan, seen = shown["plan"], shown["seen"]
        expected = [(s, f) for s, fragments in enumerate(plan) for f in range(fragments + 1)]
        expected.append(expected[-1])  # the press past the last slide stays there
        assert [(v["slide"], v["fragments"]) for v in seen] == expected
        assert all(v["numberShown"] for v in seen), "a slide without its number"
        assert [re.sub(r"\s", "", v["number"]) for v in seen] == \
            [f"{s + 1}/{len(plan)}" for s, _ in expected]

    def test_rise_slides_fit_1280x720_with_nothing_cut_off(self, notebook, presented):
        seen = presented(notebook)["seen"]
        bad = {v["slide"] + 1: v for v in seen if v["problems"]}
        report = "\n".join(f"  slide {n} {v['title']!r}:\n" + "\n".join(f"    - {p}"
                                                                        for p in v["problems"])
                           for n, v in bad.items())
        assert not bad, f"{len(bad)} slides of {notebook.stem} do not fit in RISE:\n{report}"

    def test_rise_prints_results_at_least_24px_on_a_1080p_screen(self, notebook, presented):
        seen = presented(notebook)["seen"]
        small = sorted({(v["slide"] + 1, round(s["px"], 1), s["text"]) for v in seen
                        for s in v["sizes"] if s["px"] < SMALLEST_TEXT})
        assert not small, f"output text under {SMALLEST_TEXT} px: {small[:8]}"
        assert any(v["sizes"] for v in seen) or notebook.stem.startswith("00_"), \
            "no printed result found: has the output markup changed?"

    def test_rise_keeps_every_slides_speaker_notes_off_the_slide(self, notebook, presented):
        if notebook.stem.startswith("00_"):
            pytest.skip("the course map is not taught from: it has no speaker notes")
        seen = presented(notebook)["seen"]
        without = sorted({v["slide"] + 1 for v in seen if not v["notes"]})
        assert not without, f"slides without speaker notes: {without}"
        shown = sorted({v["slide"] + 1 for v in seen if v["notesShown"]})
        assert not shown, f"speaker notes visible on slides {shown}"


@pytest.mark.parametrize("notebook", NOTEBOOKS[:10], ids=lambda p: p.stem)
class TestFirstLessons(WalkedWithTheRightArrow):
    pass


@pytest.mark.parametrize("notebook", NOTEBOOKS[10:], ids=lambda p: p.stem)
class TestLastLessons(WalkedWithTheRightArrow):
    pass


def test_rise_jumps_by_address_and_t_opens_the_speaker_notes(browser, lab):
    """What README's presenting guide promises for RISE: the address ``#/n`` shows slide
    n + 1, and T (after clicking a cell) opens a speaker view with the slide's notes."""
    notebook = next(n for n in NOTEBOOKS if n.stem.startswith("06_"))
    path = f"notebooks/{notebook.name}"
    page = browser.new_page(viewport=SCREEN)
    page.goto(f"{lab['base']}/rise/{path}?token={lab['token']}")
    page.locator(".reveal .slides section.present").first.wait_for(timeout=60_000)
    total = len(slide_plan(notebook))
    page.evaluate("() => { location.hash = '#/11'; }")
    page.wait_for_function(f"() => document.querySelector('.reveal .slide-number').innerText"
                           f".replace(/\\s/g, '') === '12/{total}'", timeout=10_000)
    page.locator(".reveal section.present .jp-Cell").first.dispatch_event("mousedown")
    with page.expect_popup(timeout=10_000) as popup:
        page.keyboard.press("t")
    speaker = popup.value
    speaker.wait_for_function("() => /Speaker notes/.test((document.querySelector("
                              "'.speaker-controls-notes') || {}).innerText || '')",
                              timeout=20_000)
    speaker.close()
    page.close()
    close_kernels(lab, path)
