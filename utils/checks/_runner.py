"""What every exercise check shares: run a student's function on cases, compare, report.

Every ``check_*`` of notebooks 01-14 goes through ``run_cases``. On each case it

1. calls the student's function on a deep copy of the inputs, recording warnings;
2. compares what came back with the expected value, output by output, by name
   (``dW1``, ``best_epoch``, ``running_var``): the form first (a tuple, a dict, a NumPy
   array, a number, a list), then the shape, then the values;
3. names the exercise's known mistake when the answer equals it;
4. compares every argument, dicts, lists, tuples and the arrays inside them included, with
   its state before the call, and names the key or index that changed;
5. for a function given a Generator ``rng``, checks that it draws from that ``rng``.

It prints "All N tests passed." or the first case that failed: a sentence naming the
problem, the call, and what was expected and returned (numbers with significant digits,
only the first differing entries, with their positions). It never raises. An error of the
student's function is reported as theirs ("your function raised"); an error of the check's
own code says so ("the check itself failed ... not your fault") and is never blamed on the
student. Only the warnings an exercise is about fail a check (e.g. an overflow in a
sigmoid); other warnings are mentioned only if the case fails anyway.

Expected values come from the math (numerical gradients, closed forms) or from the
lecture's own loop, never from the function checked.
"""
import copy
import traceback
import types
import warnings

import numpy as np

from ..gradcheck import relative_error

SHOWN_ENTRIES = 3  # differing entries shown in a failure message


def allclose(got, expected):
    return bool(np.allclose(got, expected, rtol=1e-7, atol=1e-10))


def gradient_close(got, expected):
    return relative_error(got, expected) < 1e-6


def function_name(fn, default):
    """The name the student gave ``fn``, for the messages; ``default`` for a lambda."""
    name = getattr(fn, "__name__", "")
    return name if isinstance(name, str) and name.isidentifier() else default


class Failure(Exception):
    """What a judge raises when a result is wrong: the sentence, and optionally what was
    expected and what was returned, as text."""

    def __init__(self, problem, expected=None, got=None):
        super().__init__(problem)
        self.problem, self.expected, self.got = problem, expected, got


class StudentRaised(Exception):
    """The student's function raised (or issued a warning the exercise is about)."""


def run_cases(name, fn, cases, expected=None, *, judge=None, outputs=None, lists=(),
              close=allclose, mistakes=(), diagnose=None, fatal_warnings=(), seeds=(),
              report_name=None):
    """Call ``fn`` on each case (a dict of inputs, passed by position) and report.

    name : the function's name in the exercise, used when ``fn`` has none (a lambda).
    expected : the correct function, called with the same inputs (by keyword). What it
        returns sets the form the student must return: a tuple (of ``outputs``, names), a
        dict (its keys name the values), an array, or a number (int: a whole number).
    judge : instead of ``expected``, a function (got, case) that raises ``Failure`` when
        ``got`` is wrong (for results judged by their distribution).
    outputs : the names of the returned values, e.g. ("J", "dw", "db"), or one name.
    lists : names of outputs that are lists (of numbers, or of rows): there, a list, a
        tuple or an array with the expected rows is accepted. Everywhere else an array
        is expected, and a list is rejected (the next line, ``W -= lr * dW``, breaks on it).
    close : how two arrays are judged equal: allclose, or gradient_close for a gradient
        compared with a numerical one.
    mistakes : (wrong_fn, sentence) pairs: a typical wrong version of the function and
        what it does wrong, named when the student's result equals the wrong version's.
    diagnose : a function (got, case) -> sentence or None, for mistakes no wrong version
        reproduces; tried after ``mistakes``.
    fatal_warnings : the warnings the exercise is about, as (part of the message, what to
        do) pairs, e.g. ("overflow", "compute e^-|z|"): those fail the case. Other
        warnings do not.
    seeds : names of the inputs that are seeds of a Generator: the function receives
        ``np.random.default_rng(seed)`` there, and must draw from it.
    report_name : how the function appears in the messages (default: its name).
    """
    fn_name = report_name or function_name(fn, name)
    history = []  # (case, result) of the cases passed so far
    for number, case in enumerate(cases, start=1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the check's own arithmetic stays quiet
                failure = _run_case(fn, fn_name, case, expected, judge, outputs, lists,
                                    close, mistakes, diagnose, fatal_warnings, seeds, history)
        except _NotAttempted:
            print(f"Not attempted yet: {fn_name} raises NotImplementedError. "
                  f"Write its body, then run this cell again.")
            return
        except Exception as exc:  # noqa: BLE001 - the check's own bug, not the student's
            print(f"Case {number} of {len(cases)}: the check itself failed "
                  f"({type(exc).__name__}: {exc}). This is not your fault; please report "
                  f"it. Your {fn_name} may well be right.")
            return
        if failure:
            print(f"Case {number} of {len(cases)} failed: {failure}\n"
                  f"  call:     {fn_name}({_show_case(case, seeds)})"
                  + "".join(f"\n  {label:<9} {text}" for label, text in failure.lines))
            return
    print(f"All {len(cases)} tests passed.")


class _NotAttempted(Exception):
    pass


class _Report:
    def __init__(self, problem, lines):
        self.problem, self.lines = problem, lines

    def __str__(self):
        return self.problem


def _run_case(fn, fn_name, case, expected_fn, judge, outputs, lists, close, mistakes,
              diagnose, fatal_warnings, seeds, history):
    """None if ``fn`` passes ``case``, else a _Report. Raises only for the check's own bugs."""
    want = None if judge else expected_fn(**_arguments(case, seeds))
    inputs = _arguments(case, seeds)
    before = copy.deepcopy(inputs)
    try:
        got, caught = _call(fn, inputs, fatal_warnings)
    except StudentRaised as exc:
        return _Report(f"your function {fn_name} raised {exc}",
                       _expected_lines(want, outputs) + [("got:", "an error, not a value")])
    changed = _changed_argument(before, inputs)
    try:
        if judge:
            judge(got, case)
        else:
            _compare(got, want, fn_name, outputs, lists, close)
    except Failure as failure:
        problem = failure.problem
        if judge or not _same(got, want):  # the right numbers in the wrong form: no mistake
            problem = (_known_mistake(history + [(case, got)], mistakes, seeds)
                       or _safe_diagnose(diagnose, got, case) or problem)
        if failure.expected is None:
            failure.expected, failure.got = _describe_expected(want, outputs), _describe(got)
        lines = [("expected:", failure.expected), ("got:", failure.got)]
        if problem != failure.problem:
            lines.append(("seen:", failure.problem))
        if changed:
            lines.append(("also:", f"{fn_name} changed {changed}: the caller's data must "
                                   "stay as it was"))
        if caught:
            lines.append(("warning:", "; ".join(caught)))
        return _Report(problem, lines)
    if changed:
        return _Report(
            f"{fn_name} changed its argument {changed} in place; work on a copy (x = x.copy(), "
            f"or x = x + ... rather than x += ...) so that the caller's data stays as it was",
            [("expected:", "the arguments unchanged"), ("got:", f"{changed} changed")])
    if seeds:
        return _rng_problem(fn, fn_name, case, seeds, got)
    history.append((case, _copy(got)))
    return None


def _copy(value):
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - an object that cannot be copied: keep it as it is
        return value


def _arguments(case, seeds):
    """A deep copy of the case, with a fresh Generator for each seed."""
    return {key: np.random.default_rng(value) if key in seeds else copy.deepcopy(value)
            for key, value in case.items()}


def _call(fn, inputs, fatal_warnings):
    """fn(*inputs) -> (result, the warnings it issued); StudentRaised if it raised or
    issued a warning the exercise is about."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            got = fn(*inputs.values())
        except NotImplementedError:
            raise _NotAttempted from None
        except Exception as exc:  # noqa: BLE001 - a student's bug, reported with its case
            raise StudentRaised(f"{type(exc).__name__}: {exc}" + _where(exc)) from None
    messages = [f"{w.category.__name__}: {w.message}" for w in caught]
    for message in messages:
        for part, advice in fatal_warnings:
            if part in message:
                raise StudentRaised(f"a warning, {message}. {advice}")
    return got, messages


def _where(exc):
    """' (in the line `...`)': the last line of the student's code that ran, if known."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)[1:]
              if "numpy" not in f.filename and "/utils/" not in f.filename.replace("\\", "/")]
    if frames and frames[-1].line:
        return f" (in the line `{frames[-1].line.strip()}`)"
    return ""


# ---- comparing a result with the expected one ------------------------------------------

def _names(want, outputs):
    if isinstance(want, tuple):
        names = list(outputs) if isinstance(outputs, (tuple, list)) else []
        return names + [f"value {i + 1}" for i in range(len(names), len(want))]
    return outputs if isinstance(outputs, str) else "the result"


def _compare(got, want, fn_name, outputs, lists, close):
    """Raise Failure naming the first output of ``got`` that is not ``want``."""
    if isinstance(want, tuple):
        names = _names(want, outputs)
        form = "(" + ", ".join(names) + ")"
        if not isinstance(got, tuple):
            raise Failure(f"{fn_name} returned {_a(got)}; expected a tuple {form} "
                          f"(write return {', '.join(names)})")
        if len(got) != len(want):
            raise Failure(f"{fn_name} returned {len(got)} values; expected {len(want)}: "
                          f"{form}")
        for g, w, n in zip(got, want, names):
            _compare_value(g, w, n, n in lists, close)
    elif isinstance(want, dict):
        if not isinstance(got, dict):
            raise Failure(f"{fn_name} returned {_a(got)}; expected a dict with keys "
                          f"{list(want)}")
        missing = [key for key in want if key not in got]
        if missing:
            raise Failure(f"the dict returned has no key {missing[0]!r}; expected keys "
                          f"{list(want)}", f"keys {list(want)}", f"keys {list(got)}")
        for key, w in want.items():
            _compare_value(got[key], w, str(key), key in lists, close)
    else:
        name = _names(want, outputs)
        _compare_value(got, want, name, name in lists, close)


def _compare_value(got, want, name, as_list, close):
    want = want if isinstance(want, (bool, int, float, np.generic)) else np.asarray(want)
    if np.ndim(want) == 0:
        value = _number(got, name, want)
    elif as_list:
        value = _rows(got, name, want)
    else:
        value = _array(got, name, want)
    want = np.asarray(want, dtype=float)
    if value.shape != want.shape:
        raise Failure(_shape_problem(name, value.shape, want.shape),
                      f"{name} of shape {want.shape}", f"{name} of shape {value.shape}")
    if not np.isfinite(value).all():
        raise Failure(f"{name} contains NaN or infinity; expected finite numbers",
                      *_entries(name, value, want, None))
    if not close(value, want):
        kind = np.asarray(got).dtype if isinstance(got, (np.ndarray, np.generic)) else None
        if kind in (np.float16, np.float32) and np.allclose(value, want, rtol=1e-2):
            raise Failure(f"{name} is {kind}, which holds about {np.finfo(kind).precision} "
                          f"digits: compute in float64, NumPy's default",
                          *_entries(name, value, want, close))
        raise Failure(_value_problem(name, value, want), *_entries(name, value, want, close))


def _number(got, name, want):
    """``got`` as a 0-d float array, or Failure if it is not one number."""
    if isinstance(got, (list, tuple, dict, str, types.GeneratorType)) or got is None:
        raise Failure(f"{name} is {_a(got)}; expected a single number",
                      f"{name} = {_fmt(want)}", _describe(got))
    value = _float_array(got, name)
    if value.ndim:
        raise Failure(f"{name} is an array of shape {value.shape}; expected a single number "
                      f"(float(...) or .item() makes one)", f"{name} = {_fmt(want)}",
                      _describe(got))
    if isinstance(want, (int, np.integer)) and not isinstance(want, bool):
        if not isinstance(got, (int, np.integer)) or isinstance(got, bool):
            shown = repr(float(got)) if isinstance(got, (float, np.floating)) else _fmt(got)
            raise Failure(f"{name} is {_a(got)} ({shown}); expected a whole number, an int",
                          f"{name} = {want}", f"{name} = {_fmt(got)}")
    return value


def _rows(got, name, want):
    """``got``, a list (of numbers, or of rows) or an array, as a float array."""
    if isinstance(got, types.GeneratorType) or isinstance(got, (map, filter, zip)):
        raise Failure(f"{name} is a generator; expected a list (wrap it in list(...))",
                      f"{name} of shape {want.shape}", _describe(got))
    if not isinstance(got, (list, tuple, np.ndarray)):
        raise Failure(f"{name} is {_a(got)}; expected a list", f"a list of {len(want)}",
                      _describe(got))
    value = _float_array(got, name)
    if value.size == 0 and want.size == 0:
        return value.reshape(want.shape)
    return value


def _array(got, name, want):
    if isinstance(got, tuple) and any(isinstance(v, np.ndarray) for v in got):
        raise Failure(f"{name} is a tuple of {len(got)} values; expected one NumPy array "
                      f"(return {name} alone)", f"{name} as a NumPy array of shape "
                      f"{want.shape}", _describe(got))
    if isinstance(got, (list, tuple)):
        kind = "list" if isinstance(got, list) else "tuple"
        raise Failure(f"{name}: return a NumPy array (np.asarray(...)), got a {kind}",
                      f"{name} as a NumPy array of shape {want.shape}", _describe(got))
    if not isinstance(got, np.ndarray):
        raise Failure(f"{name} is {_a(got)}; expected a NumPy array of shape {want.shape}",
                      f"{name} as a NumPy array of shape {want.shape}", _describe(got))
    return _float_array(got, name)


def _float_array(got, name):
    try:
        value = np.asarray(got)
        if value.dtype.kind == "c":
            raise Failure(f"{name} is complex ({_fmt(got)}); expected real numbers")
        if value.dtype.kind not in "biuf":
            value = value.astype(float)  # an object array of numbers is fine
        return value.astype(float)
    except Failure:
        raise
    except Exception:  # noqa: BLE001 - strings, None, objects: not numbers
        if isinstance(got, np.ndarray):
            raise Failure(f"{name} is an array of dtype {got.dtype} that NumPy cannot turn "
                          f"into numbers; expected numbers") from None
        shown = repr(got) if len(repr(got)) < 60 else repr(got)[:57] + "..."
        raise Failure(f"{name} is {type(got).__name__} {shown}; expected numbers") from None


def _shape_problem(name, got, want):
    if len(want) == 2 and want[1] == 1 and got == (want[0],):
        return (f"{name} has shape {got}, expected {want}: keep it a column "
                f"(keepdims=True, or .reshape(-1, 1))")
    if len(want) == 2 and got == want[::-1]:
        return f"{name} has shape {got}, expected {want}: it is transposed"
    return f"{name} has shape {got}, expected {want}"


def _value_problem(name, value, want):
    """The sentence for right shape, wrong values: a sign or a factor if there is one."""
    if want.size > 1 and np.any(want):
        scale = float(np.sum(value * want) / np.sum(want * want))
        if (abs(scale - 1) > 1e-3 and scale != 0
                and relative_error(value, scale * want) < 1e-6):
            if np.isclose(scale, -1.0):
                return f"{name} has the wrong sign"
            return f"{name} is {scale:.4g} times the expected value"
    if want.size == 1 and want.item() != 0 and value.item() != 0:
        ratio = value.item() / want.item()
        if np.isclose(ratio, -1.0):
            return f"{name} has the wrong sign"
        if any(abs(r - round(r)) < 1e-6 and abs(r) >= 2 for r in (ratio, 1 / ratio)):
            return f"{name} is {ratio:.4g} times the expected value"
    if want.ndim == 0:
        return f"{name} is wrong"
    wrong = int(np.count_nonzero(_differs(value, want)))
    return f"{name} has the right shape but wrong values ({wrong} of {want.size} entries)"


def _differs(value, want):
    """Entries that differ, for the message (not for the verdict)."""
    scale = max(float(np.abs(want).max(initial=0.0)), 1e-300)
    differs = ~np.isclose(value, want, rtol=1e-6, atol=1e-9 * scale, equal_nan=True)
    if not differs.any():  # wrong as a whole (a gradient), not entry by entry
        differs = np.abs(value - want) == np.abs(value - want).max()
    return differs


def _entries(name, value, want, close):
    """(expected text, got text): whole small arrays, else the first differing entries."""
    if want.size <= 6:
        return f"{name} = {_fmt(want)}", f"{name} = {_fmt(value)}"
    positions = np.argwhere(_differs(value, want))
    shown = positions[:SHOWN_ENTRIES]

    def at(array):
        text = ", ".join(f"{name}[{', '.join(map(str, p))}] = {_fmt(array[tuple(p)])}"
                         for p in shown)
        more = len(positions) - len(shown)
        return text + (f" (and {more} more of {want.size} entries differ)" if more > 0 else "")

    return at(want), at(value)


# ---- known mistakes --------------------------------------------------------------------

def _known_mistake(results, mistakes, seeds):
    """The sentence of the mistake whose wrong version returns what the student's function
    returned: on every case so far if one does, else on the failed case (the last)."""
    matches = [_matches(wrong_fn, results, seeds) for wrong_fn, _ in mistakes]
    for everywhere in (True, False):
        for (_, sentence), (on_all, on_last) in zip(mistakes, matches):
            if (on_all if everywhere else on_last):
                return sentence
    return None


def _matches(wrong_fn, results, seeds):
    """(equal on every case, equal on the last case) for the wrong version ``wrong_fn``."""
    same = []
    for case, got in results:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                same.append(_same(got, wrong_fn(**_arguments(case, seeds))))
        except Exception:  # noqa: BLE001 - a wrong version that cannot run this case
            same.append(False)
    return all(same), same[-1]


def _safe_diagnose(diagnose, got, case):
    if diagnose is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return diagnose(got, case)
    except Exception:  # noqa: BLE001 - an odd answer the diagnosis cannot read
        return None


def _same(got, wrong, rtol=1e-7):
    """True if ``got`` equals ``wrong`` (a tuple, dict or array), with NaNs equal."""
    if isinstance(wrong, tuple):
        return (isinstance(got, (tuple, list)) and len(got) == len(wrong)
                and all(_same(g, w) for g, w in zip(got, wrong)))
    if isinstance(wrong, dict):
        return (isinstance(got, dict) and set(wrong) <= set(got)
                and all(_same(got[k], w) for k, w in wrong.items()))
    try:
        g = np.asarray(got, dtype=float)
        w = np.asarray(wrong, dtype=float)
        return g.shape == w.shape and bool(np.allclose(g, w, rtol=rtol, atol=1e-12,
                                                       equal_nan=True))
    except Exception:  # noqa: BLE001 - not numbers: not this mistake
        return False


# ---- changed arguments -----------------------------------------------------------------

def _changed_argument(before, after):
    """The first argument (or key, or index inside one) the call changed, e.g.
    "params['W1']" or "caches[2][0]", or None."""
    for key in before:
        where = _changed(before[key], after[key], key)
        if where:
            return where
    return None


def _changed(before, after, path):
    if isinstance(before, np.random.Generator):
        return None  # drawing from rng is what it is for
    if type(before) is not type(after):
        return f"{path} (now {_a(after)})"
    if isinstance(before, np.ndarray):
        if before.shape != after.shape or before.dtype != after.dtype:
            return f"{path} (its shape or dtype)"
        same = (np.array_equal(before, after, equal_nan=True) if before.dtype.kind in "fc"
                else _equal(before, after))
        return None if same else path
    if isinstance(before, dict):
        if list(before) != list(after):
            added = [k for k in after if k not in before]
            removed = [k for k in before if k not in after]
            return f"{path} (keys added {added}, removed {removed})"
        for key in before:
            where = _changed(before[key], after[key], f"{path}[{key!r}]")
            if where:
                return where
        return None
    if isinstance(before, (list, tuple)):
        if len(before) != len(after):
            return f"{path} (its length went from {len(before)} to {len(after)})"
        for i, (b, a) in enumerate(zip(before, after)):
            where = _changed(b, a, f"{path}[{i}]")
            if where:
                return where
        return None
    return None if _equal(before, after) else path


def _equal(a, b):
    try:
        return bool(np.all(a == b))
    except Exception:  # noqa: BLE001 - cannot be compared: assume unchanged
        return True


# ---- drawing from the rng given --------------------------------------------------------

def _rng_problem(fn, fn_name, case, seeds, got):
    """A _Report if ``fn`` does not draw from the Generator it is given, else None."""
    try:
        return _rng_reproducible(fn, fn_name, case, seeds, got)
    except StudentRaised as exc:
        return _Report(f"your function {fn_name} raised {exc} when called a second time",
                       [("expected:", "a result on every call"), ("got:", "an error")])


def _rng_reproducible(fn, fn_name, case, seeds, got):
    same_seed = _call(fn, _arguments(case, seeds), ())[0]
    if not _same(got, same_seed, rtol=0):
        return _Report(
            f"{fn_name} gave two different results for two Generators with the same seed: "
            f"draw from the rng passed in (rng.random, rng.normal, ...), not from np.random",
            [("expected:", "the same result from the same seed"),
             ("got:", "two different results")])
    other = {key: (value + 1000 if key in seeds else value) for key, value in case.items()}
    other_seed = _call(fn, _arguments(other, seeds), ())[0]
    if _same(got, other_seed, rtol=0):
        return _Report(
            f"{fn_name} gave the same result for two different seeds: it ignores the rng "
            f"passed in (a Generator made inside the function, or a fixed seed?); draw "
            f"from rng", [("expected:", "different results from different seeds"),
                          ("got:", "the same result")])
    return None


# ---- showing values --------------------------------------------------------------------

def _fmt(value):
    """Numbers with 6 significant digits (1e-08 stays 1e-08), arrays as nested lists."""
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    try:
        array = np.asarray(value)
    except Exception:  # noqa: BLE001
        array = np.asarray(None)
    if array.dtype.kind in "biufc":
        if array.ndim == 0:
            return f"{array.item():.6g}" if array.dtype.kind in "fc" else str(array.item())
        return np.array2string(array, separator=", ", threshold=24, edgeitems=3,
                               max_line_width=10**6,
                               formatter={"float_kind": lambda x: f"{x:.6g}", "int": str,
                                          "complex_kind": lambda x: f"{x:.6g}"}
                               ).replace("\n", "")
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


def _a(value):
    """'a list', 'an array of shape (2, 3)', 'None', ...: what a value is, in a phrase."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, types.GeneratorType):
        return "a generator"
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} value{'s' * (len(value) != 1)}"
    kind = type(value).__name__
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _describe(value):
    """A returned value as the message shows it: in full if small, else its shape."""
    try:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k!r}: {_brief(v, True)}" for k, v in value.items()) + "}"
        if isinstance(value, tuple):
            return "(" + ", ".join(_brief(v, True) for v in value) + ")"
        if isinstance(value, str):
            return repr(value) if len(value) < 40 else repr(value[:37]) + "..."
        if isinstance(value, np.ndarray) and value.size <= 24 and value.dtype.kind in "biufc":
            return _fmt(value)
        if isinstance(value, np.ndarray) and value.dtype.kind not in "biufc":
            return f"an array of dtype {value.dtype}, shape {value.shape}"
        return _brief(value)
    except Exception:  # noqa: BLE001 - whatever it is, say what it is
        return _a(value)


def _describe_expected(want, outputs):
    if want is None:
        return "a valid result"
    if isinstance(want, tuple):
        return "(" + ", ".join(f"{n}: {_brief(w, True)}" for n, w in zip(_names(want, outputs),
                                                                        want)) + ")"
    if isinstance(want, dict):
        return _describe(want)
    return f"{outputs} = {_describe(want)}" if isinstance(outputs, str) else _describe(want)


def _expected_lines(want, outputs):
    return [("expected:", _describe_expected(want, outputs))]


def _brief(value, nested=False):
    """Numbers and small arrays in full (up to 12 entries, 4 inside a dict, list or tuple,
    such as params or caches), larger arrays as their shape."""
    if isinstance(value, np.ndarray) and value.size > (4 if nested else 12):
        return f"<array {value.shape}>"
    if isinstance(value, list) and len(value) > 8:
        return f"<list of {len(value)}>"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_brief(v, True)}" for k, v in value.items()) + "}"
    if isinstance(value, (tuple, list)):
        inner = ", ".join(_brief(v, True) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    if isinstance(value, np.ndarray) or isinstance(value, (int, float, np.generic)):
        return _fmt(value)
    return _a(value) if not isinstance(value, str) else repr(value)


def _show_case(case, seeds):
    return ", ".join(f"{k}=np.random.default_rng({v})" if k in seeds else f"{k}={_brief(v)}"
                     for k, v in case.items())
