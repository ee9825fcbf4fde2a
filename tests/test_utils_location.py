"""`utils` is a common name: a utils.py earlier on the path shadows the course's package.

The environment check says where `utils` was imported from and what to do about it.
"""
import os
import subprocess
import sys
from pathlib import Path

from utils import check_environment
from utils.notebook import utils_location_problem

COURSE_DIR = Path(__file__).resolve().parent.parent


def test_this_utils_is_the_courses(capsys):
    assert utils_location_problem() is None
    check_environment()
    assert "utils package: OK" in capsys.readouterr().out


def test_a_shadowing_utils_py_is_named_with_the_fix(tmp_path):
    # A notebook saved beside a utils.py of its own: Python puts the notebook's folder
    # first on the path, before the course (here on PYTHONPATH, as an install puts it).
    (tmp_path / "utils.py").write_text("def helper():\n    pass\n")
    code = "import utils; print(utils.__file__); from utils import Perceptron"
    env = dict(os.environ, PYTHONPATH=str(COURSE_DIR))
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    shadow = result.stdout.strip()
    assert Path(shadow).resolve() == (tmp_path / "utils.py").resolve()
    assert "cannot import name 'Perceptron' from 'utils'" in result.stderr

    problem = utils_location_problem(shadow, course_dir=COURSE_DIR)
    assert shadow in problem and str(COURSE_DIR / "utils" / "__init__.py") in problem
    assert "rename or move it" in problem and "restart the kernel" in problem


def test_a_utils_folder_without_init_is_named_too(tmp_path):
    problem = utils_location_problem(str(tmp_path / "utils" / "helpers.py"), COURSE_DIR)
    assert "helpers.py" in problem and "rename or move it" in problem
