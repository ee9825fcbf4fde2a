"""The set-up check of notebook 0 names what is wrong, and only that."""
import numpy as np
import pytest

import utils.notebook as notebook


@pytest.fixture
def check_with(tmp_path, monkeypatch, capsys):
    """Run the environment check against a requirements.txt of the given text; its output."""
    def run(requirements):
        pins = tmp_path / "requirements.txt"
        pins.write_text(requirements)
        monkeypatch.setattr(notebook, "REQUIREMENTS", pins)
        notebook.check_environment()
        return capsys.readouterr().out

    return run


def test_a_package_at_another_version_is_named_with_the_fix(check_with):
    out = check_with(f"# comment\nnumpy=={np.__version__}\nnumpy==0.0.1\n")
    assert f"numpy 0.0.1: found {np.__version__}; run the set-up command again" in out
    assert f"numpy {np.__version__}:" not in out  # a right package is not listed one by one
    assert out.rstrip().endswith("1 problem(s) to fix, see above.")


def test_all_packages_right_is_one_line(check_with):
    out = check_with(f"numpy=={np.__version__}\n")
    assert "the 1 packages of requirements.txt, at their pinned versions: OK" in out
    assert out.rstrip().endswith("Everything is ready.")
