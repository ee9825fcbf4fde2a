"""What the browser tests measure on a slide, in the decks and in RISE alike.

``SLIDE_PROBLEMS`` is a JavaScript function ``(slide, scale, W, H) => [problem, ...]`` for
one reveal.js slide (a ``<section>``) on a W x H canvas that reveal.js draws ``scale`` times
larger on the screen. It measures in the slide's own pixels and names, in a sentence each,
what an audience would miss: the slide taller than the canvas, a box running past its
right edge, and a box that hides part of its text or picture (a code listing cut off at
the bottom, a line running out of its frame). Speaker notes (``aside.notes``) and MathJax's
own boxes are not measured.

``SHOWN_TEXT_SIZES`` is ``(slide, scale) => [{px, text}, ...]``: the on-screen size of
every printed result and listing on the slide (a cell's output), to hold it to the size an
audience can read.
"""

SLIDE_PROBLEMS = """(slide, scale, W, H) => {
  const box = slide.getBoundingClientRect();
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
  const problems = [];
  const tall = Math.max(slide.scrollHeight, box.height / scale);
  if (tall > H + 1) problems.push(`${Math.round(tall)} px tall (the slide is ${H})`);
  const reported = [];
  for (const el of slide.querySelectorAll('*')) {
    if (reported.some(r => r.contains(el)) || el.closest('aside.notes') ||
        el.closest('.MathJax, .MathJax_Display, mjx-container')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const right = (r.right - box.left) / scale, style = getComputedStyle(el);
    let problem = null;
    if (right > W + 1) {
      problem = `${describe(el)} ends at x = ${Math.round(right)} px, past the slide's ${W}`;
    } else if ((el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') ||
               (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible')) {
      const ink = inkEdges(el);
      const inner = {right: r.left + el.clientLeft * scale + el.clientWidth * scale,
                     bottom: r.top + el.clientTop * scale + el.clientHeight * scale};
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
  return problems;
}"""

SHOWN_TEXT_SIZES = """(slide, scale) => {
  const sizes = [];
  const shown = slide.querySelectorAll('.jp-OutputArea-output pre, .jp-OutputArea-output code');
  for (const el of shown) {
    if (el.closest('aside.notes') || !el.getBoundingClientRect().height) continue;
    const text = el.innerText.trim();
    if (!text) continue;
    sizes.push({px: parseFloat(getComputedStyle(el).fontSize) * scale,
                text: text.split('\\n')[0].slice(0, 50)});
  }
  return sizes;
}"""
