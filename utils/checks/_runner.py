"""What every exercise check shares: run a student's function on cases, compare, report.

A check prints "All N tests passed." or the first case that failed: a sentence that names
the problem (a list where a tuple was expected, a wrong shape, a complex or non-finite
value, a changed input, a known mistake), the inputs, the expected value and the value
returned. It never raises. Expected values come from the math (numerical gradients,
closed forms) or from the lecture's own loop, never from the function checked.
"""
import warnings

import numpy as np

from ..gradcheck import relative_error


def allclose(got, expected):
    return bool(np.allclose(got, expected, rtol=1e-7, atol=1e-10))


def gradient_close(got, expected):
    return relative_error(got, expected) < 1e-6


def run_cases(name, fn, cases, expected_fn, close, outputs=None, mistakes=()):
    """Call ``fn`` on each case (a dict of inputs, passed by position) and report.

    name : the function's name in the exercise, used when ``fn`` has none (a lambda).
    expected_fn : the correct function, called with the same inputs.
    close : (got array, expected array) -> bool, for arrays of equal shapes.
    outputs : names of the returned values, e.g. ("J", "dw", "db") when a tuple is
        expected, or "w" for one array; they name the value in a failure message.
    mistakes : (wrong_fn, sentence) pairs: a typical wrong version and what it does wrong,
        reported when the student's result equals the wrong version's.
    """
    fn_name = getattr(fn, "__name__", "<lambda>")
    fn_name = name if fn_name == "<lambda>" else fn_name
    for number, case in enumerate(cases, start=1):
        inputs = {k: _copy(v) for k, v in case.items()}
        expected = expected_fn(**{k: _copy(v) for k, v in case.items()})
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


def _changed_input(fn_name, case, inputs):
    for key, value in case.items():
        if isinstance(value, np.ndarray) and not np.array_equal(value, inputs[key]):
            return (f"{fn_name} changed its argument {key} in place; work on a copy "
                    f"({key} = {key}.copy()) so that the caller's array stays as it was")
    return None


def _known_mistake(got, case, mistakes, close):
    for wrong_fn, sentence in mistakes:
        wrong = wrong_fn(**{k: _copy(v) for k, v in case.items()})
        if _problem("", got, wrong, close, None) is None:
            return sentence
    return None


def _copy(value):
    return value.copy() if isinstance(value, np.ndarray) else value


def _show(case):
    return ", ".join(f"{k}={_format(v)}" for k, v in case.items())


def _format(value):
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
