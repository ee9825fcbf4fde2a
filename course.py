"""Set up the course and run it: one command for each job, on Linux, macOS and Windows.

    python3 course.py lab       install into .venv (first time only) and open JupyterLab
    python3 course.py test      install into .venv (first time only) and run every test
    python3 course.py slides    export every notebook to an HTML slide deck in slides/
    python3 course.py handouts  print every deck to a PDF handout in handouts/ (needs Chromium
                                or Chrome; --notes adds the speaker notes)
    python3 course.py bench     time the course's code against its references
    python3 course.py outputs   re-run every notebook on a fresh kernel and store its outputs

Extra arguments go to the command, e.g. ``python3 course.py test -k perceptron``,
``python3 course.py lab --port 9000`` or ``python3 course.py handouts --notes 06`` (deck 06
only, with its notes); file names after ``test`` are taken from the folder you are in.
Every run first checks .venv against requirements.txt and repairs it if needed.
Only the Python standard library is used here, since this runs before anything is installed.
"""
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# COURSE_VENV lets a maintainer or a test use an environment that already exists elsewhere.
VENV = Path(os.environ.get("COURSE_VENV", ROOT / ".venv"))
COURSE_MAP = "notebooks/00_course_map.ipynb"
COURSE_PACKAGE = "nn-from-scratch"

# Run by the environment's own Python, outside the course folder (so that only an installed
# utils can be found): prints one line per problem, nothing when all is well.
VERIFY_SCRIPT = r"""
import importlib.metadata as md, importlib.util, pathlib, subprocess, sys
course, *pins = sys.stdin.read().splitlines()
for pin in pins:
    name, _, wanted = pin.partition("==")
    try:
        got = md.version(name)
    except md.PackageNotFoundError:
        print(f"{name} is not installed")
        continue
    if got != wanted:
        print(f"{name} {got} is installed, requirements.txt asks for {wanted}")
utils = importlib.util.find_spec("utils")
if utils is None or pathlib.Path(utils.origin).parent.parent != pathlib.Path(course):
    print(f"the course's utils package is not installed from {course}")
if importlib.util.find_spec("pip") is None:
    print("pip is missing from the environment")
else:
    check = subprocess.run([sys.executable, "-m", "pip", "check", "--disable-pip-version-check"],
                           capture_output=True, text=True)
    if check.returncode:
        print(*check.stdout.splitlines(), sep="\n")
"""


def venv_python(venv_dir):
    """The virtual environment's interpreter, where venv puts it on this system."""
    return Path(venv_dir) / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def pinned_requirements(text):
    """``name==version`` lines of a requirements file, without comments, names normalised."""
    pins = []
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins.append(f"{re.sub(r'[-_.]+', '-', name.strip()).lower()}=={version.strip()}")
    return pins


def setup_problems(venv_dir=VENV, root=ROOT):
    """What keeps the environment from being trusted, one sentence each; [] when all is well.

    Checked on every run, not remembered: an interrupted install leaves an environment
    without pip, and a package can be uninstalled or upgraded by hand at any time.
    """
    python = venv_python(venv_dir)
    if not python.is_file():
        return [f"there is no virtual environment in {venv_dir}"]
    pins = pinned_requirements((Path(root) / "requirements.txt").read_text())
    result = subprocess.run([str(python), "-c", VERIFY_SCRIPT], cwd=venv_dir, check=False,
                            input="\n".join([str(Path(root).resolve()), *pins]),
                            capture_output=True, text=True)
    if result.returncode:
        return [f"its Python does not run: {result.stderr.strip()[-300:]}"]
    return result.stdout.splitlines()


def install(venv_dir=VENV, root=ROOT):
    """Make .venv match requirements.txt, repairing whatever `setup_problems` finds."""
    if sys.version_info < (3, 11):  # noqa: UP036 (this file runs on whatever python3 is)
        sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    problems = setup_problems(venv_dir, root)
    if not problems:
        return
    print("Setting up the course's environment, because:", *problems, sep="\n  ", flush=True)
    python = venv_python(venv_dir)
    if any(p.startswith(("there is no virtual", "pip is missing", "its Python")) for p in problems):
        print(f"Step 1 of 3: creating the virtual environment {venv_dir} (under a minute) ...",
              flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    print("Step 2 of 3: installing the packages in requirements.txt and the course's utils.\n"
          "  The first time, pip downloads about 150 packages (a few minutes): each line below is\n"
          "  pip at work, and its last step, 'Installing collected packages', is quiet for a\n"
          "  minute or two before it prints 'Successfully installed'.", flush=True)
    run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "--progress-bar",
         "on", "-r", "requirements.txt", "-e", "."], cwd=root)
    # Build Matplotlib's font cache now: built inside a notebook, its notice would be stored
    # as output and differ from the committed one.
    print("Step 3 of 3: building Matplotlib's font cache (under a minute) ...", flush=True)
    run([str(python), "-c", "import matplotlib.pyplot"], cwd=root)
    left = setup_problems(venv_dir, root)
    if left:
        sys.exit("The environment is still not right after installing:\n  " + "\n  ".join(left))
    print("The course's environment is ready.", flush=True)


def write_lab_overrides(venv_dir=VENV):
    """Merge LAB_OVERRIDES into the environment's JupyterLab overrides.json (a user's own
    settings still win)."""
    path = Path(venv_dir) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    try:
        overrides = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        overrides = {}
    merged = {**overrides, **{plugin: {**overrides.get(plugin, {}), **values}
                              for plugin, values in LAB_OVERRIDES.items()}}
    if merged != overrides:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")


def run(command, cwd=ROOT):
    result = subprocess.run(command, cwd=cwd, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def from_user_folder(args, cwd):
    """Make the arguments that name files under ``cwd`` absolute (pytest runs in the course folder).

    ``tests/test_x.py::test_y`` counts as a file name; options and ``-k`` expressions stay
    as they are.
    """
    resolved = []
    for arg in args:
        path, sep, node = arg.partition("::")
        if not arg.startswith("-") and (Path(cwd) / path).exists():
            arg = str((Path(cwd) / path).resolve()) + sep + node
        resolved.append(arg)
    return resolved


# RISE asks for rise.css and <notebook>.css beside every notebook it presents, so both are
# shipped (tools/rise_settings.py); the file browser does not list them, nor what Jupyter
# hides by default.
HIDDEN_FILES = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "rise.css",
                "[0-9][0-9]_*.css"]
# JupyterLab's defaults for every user of .venv (overrides.json; a user's own settings still
# win): no pop-up asking to fetch Jupyter's news (it would appear on the projector at the
# first launch), no check for updates.
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification":
                 {"fetchNews": "false", "checkForUpdates": False}}


def lab_options(is_root):
    """JupyterLab serving the whole course folder, opening on (and printing the URL of) the map."""
    options = [f"--ServerApp.root_dir={ROOT}",
               f"--LabApp.default_url=/lab/tree/{COURSE_MAP}",
               *(f"--ContentsManager.hide_globs={glob}" for glob in HIDDEN_FILES)]
    if is_root:
        # Jupyter refuses root to protect a personal account; in a container, CI image or
        # lab machine root is often the only user, and nothing else lives in its home.
        options.append("--allow-root")
    return options


# The stored outputs of the notebooks are compared digit for digit by the tests. Training
# in float32 amplifies a difference in the last bit of one product into different weights a
# few epochs later, and that last bit depends on the machine: OpenBLAS and NumPy pick their
# vector instructions (AVX2, AVX-512) from the processor at run time, and OpenBLAS splits
# some products differently over a different number of threads. So `test` and `outputs`
# run every notebook with the same arithmetic on any x86-64 processor with AVX2 (nearly
# every one made since 2015): AVX2 kernels in both libraries and one BLAS thread per
# process (pytest already runs one process per core). `lab` keeps the machine's fastest.
REPRODUCIBLE_ARITHMETIC = {
    "OPENBLAS_CORETYPE": "Haswell",  # OpenBLAS's AVX2 kernels
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",  # NumPy's AVX-512 loops
    "OPENBLAS_NUM_THREADS": "1",
}
# Asked of the environment's NumPy, which reads the processor the same way on every system.
HAS_AVX2_SCRIPT = ("from numpy._core._multiarray_umath import __cpu_features__ as f\n"
                   "print(bool(f.get('AVX2') and f.get('FMA3')))")
NOT_PINNED = ("NumPy reports no x86-64 AVX2 and FMA here (or could not be asked), the "
              "arithmetic the stored notebook outputs were made with: the notebooks are run, "
              "but their outputs are not compared (nbval's --nbval-lax). See README.md, "
              "'The same digits on every machine'.")


def has_avx2(python):
    """Whether the processor runs x86-64 AVX2 and FMA code, as ``python``'s NumPy sees it."""
    try:
        done = subprocess.run([str(python), "-c", HAS_AVX2_SCRIPT], capture_output=True,
                              text=True, check=False)
    except OSError:
        return False
    return done.stdout.strip() == "True"


def pin_arithmetic(name, command, environ, avx2):
    """The command and environment of job ``name``, with REPRODUCIBLE_ARITHMETIC for `test`
    and `outputs` on a processor with AVX2. Without AVX2 (ARM, or an older x86-64) the names
    mean nothing or would select missing instructions: `test` then runs the notebooks
    without comparing their outputs, since the stored digits cannot be reproduced there."""
    environ = dict(environ)
    if name in ("test", "outputs") and avx2:
        environ.update(REPRODUCIBLE_ARITHMETIC)
    elif name == "test":
        print(NOT_PINNED, flush=True)
        command = [*command, "--nbval-lax"]
    elif name == "outputs":
        print("NumPy reports no x86-64 AVX2 and FMA here: outputs stored from here will "
              "differ in some training cells from what the tests reproduce on x86-64.",
              flush=True)
    return command, environ


def job(name, args, cwd, python):
    """The command line that runs job ``name`` with the user's extra ``args``."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    notebooks = sorted(str(p) for p in (ROOT / "notebooks").glob("**/*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    jobs = {
        "lab": ["-m", "jupyterlab", *lab_options(is_root)],
        "test": ["-m", "pytest", "-n", "auto", "--dist", "loadscope"],
        "slides": ["tools/slides.py"],
        "handouts": ["tools/handouts.py"],
        "bench": ["benchmarks/run_all.py"],
        "outputs": ["-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                    "--NotebookClient.record_timing=False", *notebooks],
    }
    if name not in jobs:
        return None
    if name == "test":
        args = from_user_folder(args, cwd)
    return [str(python), *jobs[name], *args]


def main(argv):
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        print(__doc__)
        return 0
    if not argv:
        print(f"course.py: which command?\n{__doc__}", file=sys.stderr)
        return 2
    command = job(argv[0], argv[1:], Path.cwd(), venv_python(VENV))
    if command is None:
        print(f"course.py: unknown command {argv[0]!r}.\n{__doc__}", file=sys.stderr)
        return 2
    install()
    os.chdir(ROOT)
    if argv[0] == "lab":
        write_lab_overrides()
    if argv[0] == "outputs":
        # Stored with every notebook, so that new notebooks present like the others.
        run([str(venv_python(VENV)), "tools/rise_settings.py"])
    if argv[0] in ("test", "outputs"):
        command, environ = pin_arithmetic(argv[0], command, os.environ,
                                          has_avx2(venv_python(VENV)))
        os.environ.update(environ)
    if os.name == "posix":
        # Become the job, so that Ctrl+C and a stop signal reach Jupyter or pytest directly.
        os.execv(command[0], command)
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
