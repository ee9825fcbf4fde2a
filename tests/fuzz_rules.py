"""The rule every public function and class of the course keeps, whatever it is given.

A call either returns numbers without NaN, or raises a ValueError or TypeError that the
course itself raises (not NumPy from deep inside), with a message; it gives no warning
but the course's own DivergenceWarning; and it leaves the caller's arrays unchanged.
"""
import copy
import os
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from utils.validation import DivergenceWarning

UTILS_DIR = str(Path(__file__).resolve().parent.parent / "utils")

# Bounded, so that the whole fuzz suite takes well under a minute on two cores; no
# deadline, since a shared machine makes single calls slow now and then. The default run
# draws the same examples every time (derandomize), so that the test command gives one
# verdict for one tree; a deeper search draws new ones, e.g. before a release:
# COURSE_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_*.py
SEARCHING = "COURSE_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("COURSE_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not SEARCHING)
FEW = settings(max_examples=max(1, EXAMPLES * 2 // 5), deadline=None,  # calls that train or draw
               derandomize=not SEARCHING)

# Numbers as the fuzzer found trouble with them: extremes, near-constants, non-finite.
EXTREME_FLOATS = st.sampled_from(
    [0.0, -0.0, 0.1, 1.0, -1.0, 1e-300, 5e-324, 1e300, -1e300, 1e308, -1.7e308,
     np.nan, np.inf, -np.inf]
)
FLOATS = st.one_of(st.floats(allow_nan=True, allow_infinity=True), EXTREME_FLOATS)
ODD_VALUES = st.sampled_from(
    [None, "a", "1.5", b"x", {"a": 1}, [1, [2]], Fraction(1, 3), 10**400, -(10**400), 1j,
     True, object()]
)
# Counts (epochs, batch_size, repeat): never a huge int, which would just run for ever.
COUNTS = st.one_of(
    st.integers(-2, 4),
    st.sampled_from([None, "3", 2.0, 2.5, np.nan, True, np.int64(2), np.uint8(3), Fraction(3, 1)]),
)
DTYPES = st.sampled_from(
    [np.float64, np.float32, np.float16, np.int64, np.int8, np.uint8, np.bool_, np.complex128]
)


def arrays(min_dims=0, max_dims=3, max_side=5, dtypes=DTYPES):
    """Arrays of any of DTYPES and 0 to 3 dimensions, with extreme values."""
    return dtypes.flatmap(
        lambda dtype: hnp.arrays(
            dtype,
            hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=0,
                             max_side=max_side),
            elements=_elements(dtype),
        )
    )


def array_likes(**kwargs):
    """Arrays, the same as nested lists, numbers, and values that are not numbers at all."""
    return st.one_of(
        arrays(**kwargs),
        arrays(**kwargs).map(lambda a: a.tolist()),
        FLOATS,
        ODD_VALUES,
        st.lists(st.one_of(FLOATS, ODD_VALUES), max_size=4),
    )


def _elements(dtype):
    kind = np.dtype(dtype).kind
    if kind == "f":  # any float of that width: extremes, subnormals, NaN and infinity
        return st.floats(width=np.finfo(dtype).bits)
    if kind == "c":
        return st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=1e10)
    return None  # hypothesis's own choice for integers and booleans


def call_keeps_the_rule(fn, *args, **kwargs):
    """Call fn(*args, **kwargs) and check the rule; return its result, or None if it raised."""
    result = _call_checked(fn, args, kwargs, hot_path=False)
    if result is not None:
        assert_no_nan(result)
    return result


def call_on_the_hot_path(fn, *args, **kwargs):
    """call_keeps_the_rule for the functions a training step runs (layers, losses, update
    rules): they check shapes and types, not values (the NaN scan is done once, by
    Trainer.fit, predict and loss), so given NaN, infinity or numbers near float's limits
    they may return NaN or infinity and NumPy may warn. Any other input keeps the rule."""
    if not any(_extreme(a) for a in (*args, *kwargs.values())):
        return call_keeps_the_rule(fn, *args, **kwargs)
    return _call_checked(fn, args, kwargs, hot_path=True)


def _call_checked(fn, args, kwargs, hot_path):
    """fn's result, or None if it raised the course's ValueError/TypeError; the arguments
    must come back unchanged. Warnings fail, except a DivergenceWarning (and NumPy's
    RuntimeWarnings on the hot path given extreme numbers)."""
    before = copy.deepcopy(args)
    with warnings.catch_warnings():
        if hot_path:
            warnings.simplefilter("ignore", RuntimeWarning)
        else:
            warnings.simplefilter("error")
            warnings.simplefilter("ignore", DivergenceWarning)
        try:
            result = fn(*args, **kwargs)
        except (ValueError, TypeError) as exc:
            raised_by_the_course(exc)
            result = None
    for arg, old in zip(args, before, strict=True):
        assert_unchanged(arg, old)
    return result


def _extreme(a):
    """Whether ``a`` (or an array inside a tuple, list or dict) holds NaN, infinity or a
    float beyond 1e30 in size, where float32 or a square overflow."""
    if isinstance(a, dict):
        return any(_extreme(v) for v in a.values())
    if isinstance(a, tuple | list):
        return any(_extreme(v) for v in a)
    if isinstance(a, np.ndarray) and a.dtype.kind in "fc" and a.size:
        with np.errstate(all="ignore"):
            return not (np.isfinite(a).all() and np.abs(a).max() < 1e30)
    return isinstance(a, float) and not abs(a) < 1e30


def raised_by_the_course(exc):
    """The error comes from a line in utils/ and has a message: it names the problem."""
    assert str(exc), f"{type(exc).__name__} without a message"
    tb = exc.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    assert tb.tb_frame.f_code.co_filename.startswith(UTILS_DIR), (
        f"{type(exc).__name__}({exc}) raised in {tb.tb_frame.f_code.co_filename}, "
        f"not by the course's own checks"
    )


def assert_unchanged(arg, old):
    if isinstance(arg, np.ndarray):
        np.testing.assert_array_equal(arg, old, strict=True)
    elif isinstance(arg, list | tuple):
        assert len(arg) == len(old)
        for a, o in zip(arg, old, strict=True):
            assert_unchanged(a, o)


def assert_no_nan(result):
    if isinstance(result, tuple | list):
        for r in result:
            assert_no_nan(r)
    elif isinstance(result, float | np.floating) or (
            isinstance(result, np.ndarray) and result.dtype.kind in "fc"):
        assert not np.isnan(result).any(), f"NaN returned: {result!r}"
