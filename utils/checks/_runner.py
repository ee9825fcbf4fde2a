"""What every exercise check shares: run a student's function on cases, compare, report.

A check prints "All N tests passed." or the first case that failed, with its inputs, the
expected value and the value returned. Expected values come from the math (numerical
gradients, closed forms) or from the lecture's own loop, never from the function checked.
"""
import copy
import warnings

import numpy as np

from ..gradcheck import relative_error


def allclose(got, expected):
    return _close(got, expected, lambda g, e: np.allclose(g, e, rtol=1e-7, atol=1e-10))


def gradient_close(got, expected):
    return _close(got, expected, lambda g, e: relative_error(g, e) < 1e-6)


def named_arrays_close(got, expected, tolerance=1e-6):
    """True if ``got`` matches ``expected``, else a sentence saying what is wrong.

    expected : dict name -> array (or number), in the order the function returns them.
    got : a tuple in that order, or one array if there is one name. Each array is compared
    by shape, then by relative error (below ``tolerance``).
    """
    names = list(expected)
    if len(names) == 1:
        values = [got]
    elif isinstance(got, tuple) and len(got) == len(names):
        values = list(got)
    else:
        return (f"returned {_describe(got)}; expected a tuple of {len(names)} values "
                f"({', '.join(names)})")
    return _first_problem(dict(zip(names, values)), expected, tolerance)


def dict_close(got, expected, tolerance=1e-6):
    """As ``named_arrays_close``, for a function that returns a dict, e.g. of gradients."""
    if not isinstance(got, dict):
        return f"returned {_describe(got)}; expected a dict with keys {list(expected)}"
    missing = [name for name in expected if name not in got]
    if missing:
        return f"the dict returned has no key {missing[0]!r}; expected keys {list(expected)}"
    return _first_problem(got, expected, tolerance)


def _first_problem(got, expected, tolerance):
    for name, wanted in expected.items():
        problem = _array_problem(name, got[name], np.asarray(wanted, dtype=float), tolerance)
        if problem:
            return (f"{problem}\n  expected {name}: {_format(wanted)}\n"
                    f"  got {name}:      {_format(got[name])}")
    return True


def _array_problem(name, value, wanted, tolerance):
    try:
        value = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return f"{name} is {_describe(value)}, not an array of numbers"
    if value.shape != wanted.shape:
        return f"{name} has shape {value.shape}, expected {wanted.shape}"
    if not np.isfinite(value).all():
        return f"{name} contains NaN or infinity"
    error = relative_error(value, wanted)
    if error < tolerance:
        return None
    scale = float(np.sum(value * wanted) / max(np.sum(wanted * wanted), 1e-300))
    if wanted.size > 1 and scale != 0 and relative_error(value, scale * wanted) < tolerance:
        if np.isclose(scale, -1.0):
            return f"{name} has the wrong sign"
        return f"{name} is {scale:.4g} times the expected value"
    if wanted.size == 1 and wanted.item() != 0 and value.item() != 0:
        # one number is always some multiple of another: name the factor if it is whole
        ratio = value.item() / wanted.item()
        if any(abs(r - round(r)) < 1e-6 and abs(r) >= 2 for r in (ratio, 1 / ratio)):
            return f"{name} is {ratio:.4g} times the expected value"
    return f"{name} is wrong: relative error {error:.1e} (expected below {tolerance:g})"


def _describe(value):
    if isinstance(value, tuple):
        return f"a tuple of {len(value)} values"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"a {type(value).__name__}"


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


def function_name(fn, default):
    """The name the student gave ``fn``, for the messages; ``default`` for a lambda."""
    name = getattr(fn, "__name__", "")
    return name if name.isidentifier() else default


def run_cases(name, fn, cases, expected_fn, close):
    for number, case in enumerate(cases, start=1):
        inputs = copy.deepcopy(case)  # the student's function may change its inputs
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
        verdict = False if isinstance(got, str) else _safe(close, got, expected)
        if isinstance(verdict, str) or not verdict:  # a str from ``close`` says what is wrong
            details = (verdict if isinstance(verdict, str) else
                       f"expected: {_format(expected)}\n  got:      {_format(got)}")
            print(f"Case {number} of {len(cases)} failed: {name}({_show(case)})\n  {details}")
            return
    print(f"All {len(cases)} tests passed.")


def _safe(close, got, expected):
    try:
        return close(got, expected)
    except (TypeError, ValueError):
        return False


def _show(case):
    return ", ".join(f"{k}={_brief(v)}" for k, v in case.items())


def _brief(value, nested=False):
    """Arrays in full, except inside a dict, list or tuple (params, caches): shapes only."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_brief(v, True)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_brief(v, True) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    if nested and isinstance(value, np.ndarray):
        return f"<array {value.shape}>"
    return _format(value)


def _format(value):
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_format(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_format(v) for v in value) + ")"
    if isinstance(value, (np.ndarray, list, float, np.floating)):
        return np.array2string(np.asarray(value, dtype=float), precision=4, suppress_small=True,
                               separator=", ")
    return value if isinstance(value, str) else repr(value)
