"""course.py, the set-up and run command: its answers, and what it trusts before running a job."""
import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from types import SimpleNamespace

import pytest

import course

COURSE_PY = Path(course.__file__).resolve()


def course_cli(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, str(COURSE_PY), *args], cwd=cwd, env=env, check=False,
                          capture_output=True, text=True, timeout=120)


def test_help_exits_0_and_lists_the_commands():
    for flag in ("--help", "-h", "help"):
        result = course_cli(flag)
        assert result.returncode == 0, result.stderr
        for command in ("lab", "test", "slides", "handouts", "bench", "outputs"):
            assert f"course.py {command}" in result.stdout


def test_an_unknown_command_is_named_and_installs_nothing(tmp_path):
    result = course_cli("serve", env={"COURSE_VENV": str(tmp_path / "venv")})
    assert result.returncode == 2
    assert "unknown command 'serve'" in result.stderr
    assert not (tmp_path / "venv").exists()


def test_no_command_is_a_usage_error():
    result = course_cli()
    assert result.returncode == 2 and "which command?" in result.stderr


def test_file_arguments_after_test_are_taken_from_the_users_folder(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_mine.py").write_text("def test_x():\n    pass\n")
    command = course.job("test", ["tests/test_mine.py::test_x", "-k", "perceptron", "-x"],
                         cwd=tmp_path, python="py")
    assert command[-4:] == [f"{tmp_path / 'tests' / 'test_mine.py'}::test_x", "-k",
                            "perceptron", "-x"]
    assert command[:3] == ["py", "-m", "pytest"]


def test_lab_serves_the_course_folder_opens_on_the_map_and_runs_as_root():
    options = course.lab_options(is_root=True)
    assert f"--ServerApp.root_dir={course.ROOT}" in options
    assert "--LabApp.default_url=/lab/tree/notebooks/00_course_map.ipynb" in options
    assert (course.ROOT / "notebooks" / "00_course_map.ipynb").is_file()
    assert "--allow-root" in options
    assert "--allow-root" not in course.lab_options(is_root=False)


def test_lab_hides_the_style_sheets_rise_needs_beside_the_notebooks():
    from fnmatch import fnmatch
    globs = [o.split("=", 1)[1] for o in course.lab_options(is_root=False)
             if o.startswith("--ContentsManager.hide_globs=")]
    shown = sorted(p.name for p in (course.ROOT / "notebooks").iterdir()
                   if not any(fnmatch(p.name, g) for g in globs))
    assert not [name for name in shown if name.endswith(".css")]
    assert [name for name in shown if name.endswith(".ipynb")], "the notebooks are hidden too"
    assert {"__pycache__", "*.pyc"} <= set(globs), "Jupyter's own hidden files are shown"


def test_lab_overrides_turn_off_the_news_question_and_keep_other_settings(tmp_path):
    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"other:plugin": {"x": 1},
                                "@jupyterlab/apputils-extension:notification": {"y": 2}}))
    course.write_lab_overrides(tmp_path)
    written = json.loads(path.read_text())
    assert written["other:plugin"] == {"x": 1}
    assert written["@jupyterlab/apputils-extension:notification"] == {
        "y": 2, "fetchNews": "false", "checkForUpdates": False}
    stamp = path.stat().st_mtime_ns
    course.write_lab_overrides(tmp_path)
    assert path.stat().st_mtime_ns == stamp, "rewritten although nothing changed"


def test_pins_are_read_with_normalised_names():
    text = "# comment\nNumPy==2.4.6  # why\n\njupyterlab_rise==0.43.1\n"
    assert course.pinned_requirements(text) == ["numpy==2.4.6", "jupyterlab-rise==0.43.1"]


def make_course(folder, requirements):
    folder.mkdir()
    (folder / "requirements.txt").write_text(requirements)
    return folder


def test_a_missing_environment_is_not_trusted(tmp_path):
    root = make_course(tmp_path / "course", "numpy==2.4.6\n")
    assert course.setup_problems(tmp_path / "nowhere", root) == [
        f"there is no virtual environment in {tmp_path / 'nowhere'}"]


def test_an_environment_without_pip_or_packages_is_not_trusted(tmp_path):
    # What an install interrupted while the environment was being created leaves behind.
    venv.EnvBuilder(with_pip=False).create(tmp_path / "venv")
    root = make_course(tmp_path / "course", "numpy==2.4.6\n")
    problems = course.setup_problems(tmp_path / "venv", root)
    assert "pip is missing from the environment" in problems
    assert "numpy is not installed" in problems
    assert f"the course's utils package is not installed from {root}" in problems


def test_a_wrong_or_uninstalled_requirement_is_not_trusted(tmp_path):
    if sys.prefix == sys.base_prefix:
        pytest.skip("the tests do not run in a virtual environment")
    numpy = importlib.metadata.version("numpy")
    root = make_course(tmp_path / "course",
                       f"numpy=={numpy}\npytest==0.0.1\nno-such-package-here==1.0\n")
    problems = course.setup_problems(Path(sys.prefix), root)
    assert f"pytest {importlib.metadata.version('pytest')} is installed, requirements.txt " \
           "asks for 0.0.1" in problems
    assert "no-such-package-here is not installed" in problems
    assert not any(p.startswith("numpy") for p in problems)


def test_an_environment_without_pip_is_rebuilt_then_installed_into(tmp_path, monkeypatch):
    venv.EnvBuilder(with_pip=False).create(tmp_path / "venv")
    root = make_course(tmp_path / "course", "numpy==2.4.6\n")
    built, ran = [], []

    class Builder:
        def __init__(self, **options):
            built.append(options)

        def create(self, folder):
            built.append(folder)

    monkeypatch.setattr(course.venv, "EnvBuilder", Builder)
    monkeypatch.setattr(course, "run", lambda command, cwd: ran.append(command))
    with pytest.raises(SystemExit, match="still not right"):
        course.install(tmp_path / "venv", root)
    assert built == [{"with_pip": True, "clear": True}, tmp_path / "venv"]
    assert ran[0][1:5] == ["-m", "pip", "install", "--disable-pip-version-check"]
    assert ran[0][-4:] == ["-r", "requirements.txt", "-e", "."]


def test_the_test_command_runs_a_file_named_from_the_users_folder(tmp_path):
    here = Path(sys.prefix)
    if course.setup_problems(here, course.ROOT):
        pytest.skip("the tests do not run in the course's verified environment")
    (tmp_path / "test_from_here.py").write_text("def test_ok():\n    pass\n")
    env = {**os.environ, "COURSE_VENV": str(here)}
    result = course_cli("test", "test_from_here.py", "-p", "no:cacheprovider", "-n", "0",
                        cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_test_and_outputs_pin_the_arithmetic_where_the_processor_has_avx2():
    for name in ("test", "outputs"):
        command, env = course.pin_arithmetic(name, ["py", "-m", "x"], {"HOME": "/h"}, True)
        assert env == {"HOME": "/h", **course.REPRODUCIBLE_ARITHMETIC}
        assert command == ["py", "-m", "x"]
    command, env = course.pin_arithmetic("lab", ["py"], {"HOME": "/h"}, True)
    assert (command, env) == (["py"], {"HOME": "/h"})


def test_without_avx2_the_notebooks_run_but_are_not_compared(capsys):
    command, env = course.pin_arithmetic("test", ["py", "-m", "pytest"], {"HOME": "/h"}, False)
    assert command == ["py", "-m", "pytest", "--nbval-lax"] and env == {"HOME": "/h"}
    assert "outputs are not compared" in capsys.readouterr().out
    command, env = course.pin_arithmetic("outputs", ["py"], {"HOME": "/h"}, False)
    assert (command, env) == (["py"], {"HOME": "/h"})
    assert "will differ" in capsys.readouterr().out


def test_avx2_is_read_from_numpy_and_is_false_without_an_interpreter(tmp_path):
    from numpy._core._multiarray_umath import __cpu_features__ as features

    expected = bool(features.get("AVX2") and features.get("FMA3"))
    assert course.has_avx2(sys.executable) is expected
    assert course.has_avx2(tmp_path / "no-python-here") is False


@pytest.mark.skipif(not course.has_avx2(sys.executable),
                    reason="the pinned kernels are x86-64 AVX2 ones")
def test_the_pinned_environment_selects_avx2_kernels_in_numpy_and_openblas():
    # Proves the variable names still mean something to the installed NumPy and OpenBLAS:
    # were one renamed, the stored outputs would silently depend on the machine again.
    probe = ("import numpy, threadpoolctl\n"
             "from numpy._core._multiarray_umath import __cpu_features__ as f\n"
             "pools = [p for p in threadpoolctl.threadpool_info() "
             "if p['internal_api'] == 'openblas']\n"
             "print(sorted({p['architecture'] for p in pools}), "
             "sorted({p['num_threads'] for p in pools}), "
             "[k for k in ('X86_V4', 'AVX512_ICL', 'AVX512_SPR') if f.get(k)])")
    _, env = course.pin_arithmetic("test", [], os.environ, avx2=True)
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "['Haswell'] [1] []", done.stdout + done.stderr
    assert done.stderr == ""


def load_root_conftest():
    """The course folder's conftest.py, by path: tests/conftest.py is also called conftest."""
    spec = importlib.util.spec_from_file_location("course_conftest", course.ROOT / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Config:
    """What pin_notebook_kernels reads of pytest's Config."""

    def __init__(self):
        self.option = SimpleNamespace(nbval_lax=False)


def test_plain_pytest_pins_the_arithmetic_of_the_notebook_kernels_where_avx2():
    conftest = load_root_conftest()
    config, environ = Config(), {"HOME": "/h"}
    header = conftest.pin_notebook_kernels(config, environ, lambda: True)
    assert environ == {"HOME": "/h", **course.REPRODUCIBLE_ARITHMETIC}
    assert config.option.nbval_lax is False and "pinned by conftest.py" in header


def test_plain_pytest_without_avx2_runs_the_notebooks_without_comparing():
    conftest = load_root_conftest()
    config, environ = Config(), {"HOME": "/h"}
    header = conftest.pin_notebook_kernels(config, environ, lambda: False)
    assert environ == {"HOME": "/h"} and config.option.nbval_lax is True
    assert course.NOT_PINNED in header


def test_already_pinned_arithmetic_is_left_as_it_is():
    conftest = load_root_conftest()
    config, environ = Config(), dict(course.REPRODUCIBLE_ARITHMETIC)

    def never():
        raise AssertionError("the processor need not be asked")

    conftest.pin_notebook_kernels(config, environ, never)
    assert environ == course.REPRODUCIBLE_ARITHMETIC and config.option.nbval_lax is False


def test_a_plain_pytest_run_gives_its_notebook_kernels_the_pinned_environment(tmp_path):
    """End to end: pytest without the three variables, a kernel started by nbval, what it
    sees in os.environ compared by nbval with the pinned values."""
    if not course.has_avx2(sys.executable):
        pytest.skip("NumPy reports no AVX2 and FMA here: nothing is pinned")
    names = list(course.REPRODUCIBLE_ARITHMETIC)
    source = f"import os\nprint([os.environ.get(name) for name in {names!r}])"
    expected = str(list(course.REPRODUCIBLE_ARITHMETIC.values())) + "\n"
    notebook = {"cells": [{"cell_type": "code", "execution_count": 1, "id": "env",
                           "metadata": {}, "source": source,
                           "outputs": [{"name": "stdout", "output_type": "stream",
                                        "text": expected}]}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "env.ipynb").write_text(json.dumps(notebook))
    (tmp_path / "conftest.py").write_text((course.ROOT / "conftest.py").read_text())
    env = {name: value for name, value in os.environ.items()
           if name not in course.REPRODUCIBLE_ARITHMETIC}
    env["PYTHONPATH"] = str(course.ROOT)
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval",
                             "--nbval-current-env", "env.ipynb"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout and "pinned by conftest.py" in result.stdout
