"""Set up the course and run it: one command for each job, on Linux, macOS and Windows.

    python3 course.py lab      install into .venv (first time only) and open JupyterLab
    python3 course.py test     install into .venv (first time only) and run every test
    python3 course.py slides   export every notebook to an HTML slide deck in slides/
    python3 course.py bench    time the course's code against its references
    python3 course.py outputs  re-run every notebook on a fresh kernel and store its outputs

Extra arguments after ``test`` go to pytest, e.g. ``python3 course.py test -k perceptron``.
Only the Python standard library is used here, since this runs before anything is installed.
"""
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "course-installed.txt"
INSTALL_INPUTS = ("requirements.txt", "pyproject.toml")


def install():
    """Create .venv and install the course into it, unless that is already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in INSTALL_INPUTS)).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == digest and PYTHON.is_file():
        return
    if not PYTHON.is_file():
        print(f"Creating the virtual environment {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the course's packages (a few minutes the first time) ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    run(pip + ["-r", "requirements.txt", "-e", "."])
    # Build Matplotlib's font cache now: built inside a notebook, its notice would be stored
    # as output and differ from the committed one.
    run([str(PYTHON), "-c", "import matplotlib.pyplot"])
    STAMP.write_text(digest)


def run(command):
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main(argv):
    jobs = {
        "lab": [str(PYTHON), "-m", "jupyter", "lab", "notebooks/00_course_map.ipynb"],
        "test": [str(PYTHON), "-m", "pytest", "-n", "auto", "--dist", "loadscope"],
        "slides": [str(PYTHON), "tools/slides.py"],
        "bench": [str(PYTHON), "benchmarks/bench_training.py"],
        "outputs": [str(PYTHON), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--inplace", "--NotebookClient.record_timing=False",
                    *sorted(str(p) for p in (ROOT / "notebooks").glob("**/*.ipynb"))],
    }
    if not argv or argv[0] not in jobs:
        sys.exit(__doc__)
    install()
    run(jobs[argv[0]] + argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
