"""What every exercise check shares: run a student's function on cases, compare, report.

A check prints "All N tests passed." or the first case that failed, with its inputs, the
expected value and the value returned. Expected values come from the math (numerical
gradients, closed forms) or from the lecture's own loop, never from the function checked.
"""
import warnings

import numpy as np

from ..gradcheck import relative_error


def allclose(got, expected):
    return _close(got, expected, lambda g, e: np.allclose(g, e, rtol=1e-7, atol=1e-10))


def gradient_close(got, expected):
    return _close(got, expected, lambda g, e: relative_error(g, e) < 1e-6)


def _close(got, expected, arrays_close):
    """Compare a value or a tuple of values, shapes first, with ``arrays_close``."""
    if isinstance(expected, tuple):
        return (
            isinstance(got, tuple)
            and len(got) == len(expected)
            and all(_close(g, e, arrays_close) for g, e in zip(got, expected))
        )
    got = np.asarray(got, dtype=float)
    return got.shape == np.shape(expected) and bool(arrays_close(got, expected))


def run_cases(name, fn, cases, expected_fn, close):
    for number, case in enumerate(cases, start=1):
        inputs = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in case.items()}
        expected = expected_fn(**case)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                got = fn(*inputs.values())  # by position: any parameter names work
        except NotImplementedError:
            print(f"Not attempted yet: {getattr(fn, '__name__', name)} raises NotImplementedError. "
                  f"Write its body, then run this cell again.")
            return
        except Exception as exc:  # a student's bug, reported with the case that caused it
            got = f"{type(exc).__name__}: {exc}"
        if isinstance(got, str) or not _safe(close, got, expected):
            print(f"Case {number} of {len(cases)} failed: {name}({_show(case)})\n"
                  f"  expected: {_format(expected)}\n"
                  f"  got:      {_format(got)}")
            return
    print(f"All {len(cases)} tests passed.")


def _safe(close, got, expected):
    try:
        return close(got, expected)
    except (TypeError, ValueError):
        return False


def _show(case):
    return ", ".join(f"{k}={_format(v)}" for k, v in case.items())


def _format(value):
    if isinstance(value, tuple):
        return "(" + ", ".join(_format(v) for v in value) + ")"
    if isinstance(value, (np.ndarray, list, float, np.floating)):
        return np.array2string(np.asarray(value, dtype=float), precision=4, suppress_small=True,
                               separator=", ")
    return value if isinstance(value, str) else repr(value)
