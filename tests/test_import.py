"""`import utils` stays light: the heavy packages load only when a call needs them.

Not timed (timings are for benchmarks/bench_import.py); what is checked is which modules
a fresh Python has imported, which decides the time.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

COURSE_DIR = Path(__file__).resolve().parent.parent
HEAVY = ("sklearn", "mlxtend", "pandas", "IPython", "scipy")
NOTEBOOK_IMPORTS = [
    "import utils",
    "from utils import (Perceptron, check_perceptron_update, load_setosa_versicolor, "
    "plot_decision_regions, show_source, use_course_style)",
    "from utils import (AdalineSGD, AdalineGD, LogisticRegressionGD, logistic_loss, "
    "numerical_gradient, plot_cost, propagate, relative_error, sigmoid, standardize, "
    "best_time, check_environment, draw_computation_graph)",
]


def modules_loaded_by(code):
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    env = dict(os.environ, PYTHONPATH=str(COURSE_DIR), MPLBACKEND="Agg")
    result = subprocess.run([sys.executable, "-c", probe], cwd=COURSE_DIR, env=env,
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("code", NOTEBOOK_IMPORTS)
def test_the_notebooks_imports_load_no_heavy_package(code):
    loaded = modules_loaded_by(code)
    assert not [m for m in HEAVY if m in loaded]


def test_the_heavy_packages_load_when_used():
    loaded = modules_loaded_by(
        "from utils import Perceptron, load_setosa_versicolor, plot_decision_regions\n"
        "from sklearn.base import clone\n"
        "X, y = load_setosa_versicolor()\n"
        "plot_decision_regions(X, y, clone(Perceptron(epochs=2)).fit(X, y))"
    )
    assert {"pandas", "mlxtend", "sklearn"} <= loaded
