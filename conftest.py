"""pytest's set-up for the whole course folder: a plain ``pytest`` runs the notebooks under the
arithmetic their stored outputs were made with, as ``python3 course.py test`` does.

The notebook kernels that nbval starts inherit this process's environment, so the settings
of course.py (REPRODUCIBLE_ARITHMETIC, by course.pin_arithmetic) are put into os.environ
before the first kernel starts; pytest-xdist's workers inherit them too. Where NumPy reports
no AVX2 and FMA, the notebooks are run but their outputs are not compared (--nbval-lax),
as course.py does. Already pinned (course.py test, or the README's three variables): nothing
changes.
"""
import contextlib
import io
import os
import sys

import pytest

import course

_HEADER = pytest.StashKey[str]()


def pin_notebook_kernels(config, environ, avx2):
    """Put course.py's test environment into ``environ``; return the line to report.

    config : pytest's Config (its nbval_lax option is set where outputs cannot be compared).
    avx2 : a function returning whether NumPy reports AVX2 and FMA (asked only if needed).
    """
    if all(environ.get(name) == value for name, value in course.REPRODUCIBLE_ARITHMETIC.items()):
        return "arithmetic: pinned (" + " ".join(course.REPRODUCIBLE_ARITHMETIC) + ")"
    command, pinned = course.pin_arithmetic("test", [], {}, avx2())
    environ.update(pinned)
    if "--nbval-lax" in command:
        config.option.nbval_lax = True
        return "arithmetic: not pinned. " + course.NOT_PINNED
    return "arithmetic: pinned by conftest.py (" + " ".join(pinned) + ")"


def pytest_configure(config):
    # course.pin_arithmetic prints its notice; pytest_report_header shows it instead.
    with contextlib.redirect_stdout(io.StringIO()):
        config.stash[_HEADER] = pin_notebook_kernels(
            config, os.environ, lambda: course.has_avx2(sys.executable))


def pytest_report_header(config):
    return config.stash.get(_HEADER, None)
