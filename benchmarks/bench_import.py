"""How much ``import utils`` adds to a notebook's first cell, against NumPy and pyplot.

    .venv/bin/python benchmarks/bench_import.py

Every notebook starts with ``import numpy``, ``import matplotlib.pyplot`` and a
``from utils import ...`` of the names it uses. Each statement below is timed in fresh
Python processes (best of several, so that a busy machine does not count), and printed
beside the reference ``import numpy, matplotlib.pyplot`` timed in the same run.
Target: each adds under 1 s to the reference. Nothing is asserted: timings are noisy.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 7
TARGET_SECONDS = 1.0
REFERENCE = "import numpy, matplotlib.pyplot"
STATEMENTS = {
    "import utils": "import utils",
    "notebook 01's imports": (
        "from utils import (Perceptron, check_perceptron_update, load_setosa_versicolor, "
        "plot_decision_regions, show_source, use_course_style)"
    ),
    "notebook 04's imports": (
        "from utils import (LogisticRegressionGD, check_logistic_backward, check_sigmoid, "
        "draw_computation_graph, logistic_loss, numerical_gradient, plot_cost, "
        "propagate_two_loops, relative_error, show_source, sigmoid, use_course_style)"
    ),
    "every name in utils": "import utils; [getattr(utils, n) for n in utils.__all__]",
}
# Heavy packages that only some calls need; listed when a statement imports them.
HEAVY = ("sklearn", "mlxtend", "pandas", "IPython", "scipy")


def best_times(codes):
    """Best wall-clock time of ``python -c code`` for each code, in fresh processes.

    The codes take turns in each of REPEAT rounds, so that a machine that gets busier
    during the run slows them all alike.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="Agg")
    best = [float("inf")] * len(codes)
    for _ in range(REPEAT):
        for i, code in enumerate(codes):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def heavy_modules(code):
    """Which of HEAVY the statement imports, found in a fresh process."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="Agg")
    result = subprocess.run([sys.executable, "-c", probe], check=True, cwd=ROOT, env=env,
                            capture_output=True, text=True)
    return result.stdout.strip() or "none"


def main():
    codes = ["pass", REFERENCE] + [f"{REFERENCE}\n{code}" for code in STATEMENTS.values()]
    empty, reference, *totals = best_times(codes)
    print(f"Fresh Python processes, best of {REPEAT}; Python start-up alone: {empty:.2f} s")
    print(f"reference: {REFERENCE:32s} {reference:.2f} s\n")
    print(f"{'statement (after the reference)':32s} {'total':>7s} {'added':>7s} {'target':>9s}"
          f"  heavy packages imported")
    for (name, code), total in zip(STATEMENTS.items(), totals, strict=True):
        added = total - reference
        verdict = "OK" if added < TARGET_SECONDS else "SLOW"
        print(f"{name:32s} {total:6.2f}s {added:+6.2f}s  < {TARGET_SECONDS:.1f} s {verdict:4s}"
              f"  {heavy_modules(code)}")


if __name__ == "__main__":
    main()
