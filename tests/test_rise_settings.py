"""Every notebook carries the course's RISE settings and has the style sheets RISE loads."""
import json
import shutil

import pytest
import rise_settings

NOTEBOOKS = rise_settings.notebooks()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_is_ready_for_rise(notebook):
    assert rise_settings.missing(notebook) == [], "run: python3 tools/rise_settings.py"


def test_apply_adds_the_settings_and_css_keeping_other_metadata(tmp_path):
    source = NOTEBOOKS[0]
    notebook = tmp_path / "notebooks" / "99_new.ipynb"
    notebook.parent.mkdir()
    content = json.loads(source.read_text(encoding="utf-8"))
    content["metadata"]["rise"] = {"autolaunch": True, "width": 800}
    notebook.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    assert len(rise_settings.missing(notebook)) > 2
    rise_settings.apply(notebook)
    assert rise_settings.missing(notebook) == []
    rise = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["rise"]
    assert rise["autolaunch"] is True and rise["width"] == 1280
    assert (notebook.parent / "99_new.css").is_file()


def test_apply_leaves_an_up_to_date_notebook_byte_for_byte(tmp_path):
    copy = tmp_path / NOTEBOOKS[0].name
    shutil.copyfile(NOTEBOOKS[0], copy)
    rise_settings.apply(copy)
    assert copy.read_bytes() == NOTEBOOKS[0].read_bytes()
