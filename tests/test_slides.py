"""The exported slide decks load nothing from the network."""
import re
from pathlib import Path

from slides import export_decks

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "02_adaline_batch_gd.ipynb"


def test_a_deck_loads_only_local_files(tmp_path):
    (deck,) = export_decks([NOTEBOOK], tmp_path)
    html = deck.read_text(encoding="utf-8")
    references = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
    assert references, "no script or style sheet found"
    for ref in references:
        if ref.startswith("data:"):
            continue
        assert not re.match(r"[a-z]+://|//", ref), f"{ref} needs the network"
        assert (tmp_path / ref.split("?")[0]).is_file(), f"{ref} is missing from the deck's folder"
    assert not re.search(r"https?://(cdn|unpkg)", html)
    assert "assets/mathjax/MathJax.js" in html and "Reveal.initialize" in html
