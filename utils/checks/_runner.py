"""What every exercise check shares: run a student's function on cases, compare, report.

A check prints "All N tests passed." or the first case that failed: a sentence that names
the problem (a list where a tuple was expected, a wrong shape, a complex or non-finite
value, a changed input, a known mistake), the inputs, the expected value and the value
returned. It never raises. Expected values come from the math (numerical gradients,
closed forms) or from the lecture's own loop, never from the function checked.
"""
import copy
import warnings

import numpy as np

from ..gradcheck import relative_error


def allclose(got, expected):
    return bool(np.allclose(got, expected, rtol=1e-7, atol=1e-10))


def gradient_close(got, expected):
    return relative_error(got, expected) < 1e-6


def named_arrays_close(got, expected, tolerance=1e-6):
    """A whole-value judge for run_cases: True if ``got`` matches ``expected``, else a
    sentence saying what is wrong.

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


def function_name(fn, default):
    """The name the student gave ``fn``, for the messages; ``default`` for a lambda."""
    name = getattr(fn, "__name__", "")
    return name if name.isidentifier() else default


def _judges_whole_value(close):
    """allclose and gradient_close compare one array with another; any other ``close``
    judges the whole result (a tuple, a dict, draws from a distribution)."""
    return close not in (allclose, gradient_close)


def run_cases(name, fn, cases, expected_fn, close, outputs=None, mistakes=()):
    """Call ``fn`` on each case (a dict of inputs, passed by position) and report.

    name : the function's name in the exercise, used when ``fn`` has none (a lambda).
    expected_fn : the correct function, called with the same inputs.
    close : allclose or gradient_close, applied array by array once the result has the
        expected form (a tuple of ``outputs``, shapes); or any other function, which judges
        the whole result (e.g. named_arrays_close, dict_close) and returns True, False, or
        a sentence saying what is wrong.
    outputs : names of the returned values, e.g. ("J", "dw", "db") when a tuple is
        expected, or "w" for one array; they name the value in a failure message.
    mistakes : (wrong_fn, sentence) pairs: a typical wrong version and what it does wrong,
        reported when the student's result equals the wrong version's.
    """
    fn_name = function_name(fn, name)
    for number, case in enumerate(cases, start=1):
        inputs = copy.deepcopy(case)  # the student's function may change its inputs
        expected = expected_fn(**case)  # the course's function: it changes nothing
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                got = fn(*inputs.values())
        except NotImplementedError:
            print(f"Not attempted yet: {fn_name} raises NotImplementedError. "
                  f"Write its body, then run this cell again.")
            return
        except Exception as exc:  # noqa: BLE001 - a student's bug, reported with its case
            problem = f"{fn_name} raised {type(exc).__name__}: {exc}"
            got = None
        else:
            if _judges_whole_value(close):
                verdict = _safe(close, got, expected)
                problem = None if verdict is True else (
                    verdict if isinstance(verdict, str) else f"{fn_name} returned wrong values")
            else:
                problem = _problem(fn_name, got, expected, close, outputs)
            problem = problem or _changed_input(fn_name, case, inputs)
            if problem and mistakes:
                problem = _known_mistake(got, case, mistakes, close) or problem
        if problem:
            print(f"Case {number} of {len(cases)} failed: {problem}\n"
                  f"  call:     {fn_name}({_show(case)})\n"
                  f"  expected: {_format(expected)}\n"
                  f"  got:      {_format(got)}")
            return
    print(f"All {len(cases)} tests passed.")


def _problem(fn_name, got, expected, close, outputs):
    """A sentence saying how ``got`` differs from ``expected``, or None if it is right."""
    if isinstance(expected, tuple):
        names = outputs or [f"value {i + 1}" for i in range(len(expected))]
        form = "(" + ", ".join(names) + ")"
        if not isinstance(got, tuple):
            return (f"{fn_name} returned a {type(got).__name__}; expected a tuple {form} "
                    f"(write return {', '.join(names)})")
        if len(got) != len(expected):
            return f"{fn_name} returned {len(got)} values; expected {len(expected)}: {form}"
        for g, e, n in zip(got, expected, names):
            problem = _value_problem(n, g, e, close)
            if problem:
                return problem
        return None
    return _value_problem(outputs or "the result", got, expected, close)


def _value_problem(name, got, expected, close):
    if isinstance(got, (tuple, list)) and np.ndim(expected) == 0:
        return f"{name} is a {type(got).__name__}; expected a single number"
    try:
        array = np.asarray(got)
    except Exception:  # noqa: BLE001 - an object NumPy cannot hold
        array = np.asarray(None)
    if array.dtype.kind == "c":
        return f"{name} is complex ({_format(got)}); expected real numbers"
    if array.dtype.kind not in "biuf":
        return f"{name} is {type(got).__name__} {got!r:.60}; expected a number or an array"
    if array.shape != np.shape(expected):
        return f"{name} has shape {array.shape}, expected {np.shape(expected)}"
    if not np.isfinite(array).all():
        return f"{name} contains NaN or infinity; expected finite numbers"
    if not close(array.astype(float), expected):
        return f"{name} has the right shape but wrong values"
    return None


def _safe(close, got, expected):
    try:
        return close(got, expected)
    except (TypeError, ValueError):
        return False


def _changed_input(fn_name, case, inputs):
    for key, value in case.items():
        if isinstance(value, np.ndarray) and not np.array_equal(value, inputs[key]):
            return (f"{fn_name} changed its argument {key} in place; work on a copy "
                    f"({key} = {key}.copy()) so that the caller's array stays as it was")
    return None


def _known_mistake(got, case, mistakes, close):
    for wrong_fn, sentence in mistakes:
        wrong = wrong_fn(**copy.deepcopy(case))
        if _problem("", got, wrong, close, None) is None:
            return sentence
    return None


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
    try:
        array = np.asarray(value)
    except Exception:  # noqa: BLE001 - shown as Python prints it
        return repr(value)
    if array.dtype.kind in "biufc" and array.size > 0:
        return np.array2string(array, precision=4, suppress_small=True, separator=", ",
                               max_line_width=70)
    return repr(value)
