"""Exercise checks of notebook 10, dropout."""
import warnings

import numpy as np

from ..gradcheck import numerical_gradient
from ._runner import allclose, gradient_close, run_cases


def check_dropout_mask(dropout_mask):
    """Check ``dropout_mask(shape, keep_prob, rng)`` -> D of that shape, 1 (True) for a kept
    unit with probability keep_prob and 0 (False) otherwise, drawn from the Generator rng."""
    shape = (400, 500)
    cases = [(0.8, 11), (0.3, 12)]
    for number, (keep_prob, seed) in enumerate(cases, start=1):
        call = f"dropout_mask(shape={shape}, keep_prob={keep_prob}, rng=default_rng({seed}))"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                D = np.asarray(dropout_mask(shape, keep_prob, np.random.default_rng(seed)))
                again = np.asarray(dropout_mask(shape, keep_prob, np.random.default_rng(seed)))
        except NotImplementedError:
            print(f"Not attempted yet: {getattr(dropout_mask, '__name__', 'dropout_mask')} "
                  f"raises NotImplementedError. Write its body, then run this cell again.")
            return
        # Any error is a student's bug, reported with the case that caused it.
        except Exception as exc:  # noqa: BLE001
            _fail(number, len(cases), call, "a mask", f"{type(exc).__name__}: {exc}")
            return
        problem = _mask_problem(D, again, shape, keep_prob)
        if problem:
            _fail(number, len(cases), call, *problem)
            return
    print(f"All {len(cases)} tests passed.")


def _mask_problem(D, again, shape, keep_prob):
    """(expected, got) describing what is wrong with the mask D, or None."""
    if D.shape != shape:
        return f"an array of shape {shape}", f"shape {D.shape}"
    if not np.isin(D, [0, 1]).all():
        return "only 0 and 1 (or False and True)", f"values such as {np.unique(D)[:4]}"
    # The number kept is Binomial(n, keep_prob): allow 5 standard deviations.
    n = D.size
    kept = float(np.sum(D))
    if abs(kept - keep_prob * n) > 5 * np.sqrt(n * keep_prob * (1 - keep_prob)):
        expected = (f"about {keep_prob:.0%} of the units kept "
                    f"(keep_prob is the probability of KEEPING a unit)")
        return expected, f"{kept / n:.1%} kept"
    if not np.array_equal(D, again):
        expected = ("the same mask from two Generators with the same seed "
                    "(draw from rng, not from np.random)")
        return expected, "two different masks"
    return None


def _fail(number, total, call, expected, got):
    print(f"Case {number} of {total} failed: {call}\n  expected: {expected}\n  got:      {got}")


def check_dropout_forward(dropout_forward_fn):
    """Check ``dropout_forward(A, D, keep_prob)`` -> A * D / keep_prob (inverted dropout
    with the mask D given), shape (n[l], m)."""

    def expected(A, D, keep_prob):
        return A * D / keep_prob

    run_cases("dropout_forward", dropout_forward_fn, _cases(13), expected, allclose)


def check_dropout_backward(dropout_backward_fn):
    """Check ``dropout_backward(dout, D, keep_prob)`` -> dA, the gradient of
    sum(dout * out) with respect to A, where out = A * D / keep_prob."""

    def expected(dout, D, keep_prob):
        A = np.ones_like(dout)
        return numerical_gradient(lambda A_: np.sum(dout * A_ * D / keep_prob), A)

    cases = [{"dout": c["A"], "D": c["D"], "keep_prob": c["keep_prob"]} for c in _cases(14)]
    run_cases("dropout_backward", dropout_backward_fn, cases, expected, gradient_close)


def _cases(seed):
    rng = np.random.default_rng(seed)
    return [
        {"A": np.array([[1.0, 2.0], [3.0, 4.0]]), "D": np.array([[1.0, 0.0], [0.0, 1.0]]),
         "keep_prob": 0.5},
        {"A": rng.normal(size=(4, 6)), "D": (rng.random((4, 6)) < 0.8).astype(float),
         "keep_prob": 0.8},
    ]
