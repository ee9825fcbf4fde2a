"""Exercise checks of notebook 10, dropout."""
import numpy as np

from ..gradcheck import numerical_gradient
from ._runner import Failure, gradient_close, run_cases

SHAPE = (400, 500)


def check_dropout_mask(dropout_mask):
    """Check ``dropout_mask(shape, keep_prob, rng)`` -> D of that shape, 1 (True) for a kept
    unit with probability keep_prob and 0 (False) otherwise, drawn from the Generator rng:
    the same seed gives the same mask, another seed another mask."""
    cases = [{"shape": SHAPE, "keep_prob": 0.8, "rng": 11},
             {"shape": SHAPE, "keep_prob": 0.3, "rng": 12}]
    run_cases("dropout_mask", dropout_mask, cases, judge=_judge_mask, seeds=("rng",))


def _judge_mask(D, case):
    shape, keep_prob = case["shape"], case["keep_prob"]
    wanted = f"a NumPy array of shape {shape} of 0 and 1, about {keep_prob:.0%} of them 1"
    if isinstance(D, (list, tuple)):
        raise Failure("the mask: return a NumPy array (np.asarray(...)), got a "
                      f"{type(D).__name__}", wanted, f"a {type(D).__name__}")
    if not isinstance(D, np.ndarray):
        raise Failure(f"the mask is {type(D).__name__}, not a NumPy array", wanted,
                      f"{type(D).__name__}")
    if D.shape != shape:
        raise Failure(f"the mask has shape {D.shape}, expected {shape}", wanted,
                      f"shape {D.shape}")
    try:
        values = D.astype(float)
    except (TypeError, ValueError):
        raise Failure("the mask holds objects that are not numbers", wanted,
                      f"an array of dtype {D.dtype}") from None
    kept = float(np.mean(values != 0))
    scaled = np.isclose(values, 1 / keep_prob) | (values == 0)
    if scaled.all() and kept > 0:
        raise Failure("the mask holds 0 and 1 / keep_prob: the mask is only 0 and 1; the "
                      "division by keep_prob belongs in dropout_forward", wanted,
                      f"values {np.unique(values)[:4]}")
    if not np.isin(values, [0, 1]).all():
        raise Failure("the mask holds values other than 0 and 1", wanted,
                      f"values such as {np.unique(values)[:4]}")
    # The number kept is Binomial(n, keep_prob): allow 5 standard deviations.
    n = values.size
    spread = 5 * np.sqrt(keep_prob * (1 - keep_prob) / n)
    if abs(kept - keep_prob) > spread:
        if abs(kept - (1 - keep_prob)) <= spread:
            problem = ("keep and drop are swapped: keep_prob is the probability of KEEPING "
                       "a unit (rng.random(shape) < keep_prob)")
        else:
            problem = f"the fraction of units kept is {kept:.1%}, not keep_prob"
        raise Failure(problem, f"about {keep_prob:.0%} of the units kept", f"{kept:.1%} kept")


def check_dropout_forward(dropout_forward_fn):
    """Check ``dropout_forward(A, D, keep_prob)`` -> A * D / keep_prob (inverted dropout
    with the mask D given), shape (n[l], m)."""

    def expected(A, D, keep_prob):
        return A * D / keep_prob

    mistakes = [
        (lambda A, D, keep_prob: A * D,
         "the 1/keep_prob is missing: inverted dropout divides by keep_prob, so that the "
         "expected output stays A"),
        (lambda A, D, keep_prob: A * D * keep_prob,
         "multiplied by keep_prob: inverted dropout divides by it"),
        (lambda A, D, keep_prob: A * (1 - D) / keep_prob,
         "keep and drop are swapped: D is 1 for a kept unit, so multiply by D"),
    ]
    run_cases("dropout_forward", dropout_forward_fn, _cases(13), expected, outputs="out",
              mistakes=mistakes)


def check_dropout_backward(dropout_backward_fn):
    """Check ``dropout_backward(dout, D, keep_prob)`` -> dA, the gradient of
    sum(dout * out) with respect to A, where out = A * D / keep_prob."""

    def expected(dout, D, keep_prob):
        A = np.ones_like(dout)
        return numerical_gradient(lambda A_: np.sum(dout * A_ * D / keep_prob), A)

    mistakes = [
        (lambda dout, D, keep_prob: dout * D,
         "the 1/keep_prob is missing: the forward pass divided by keep_prob, so the gradient "
         "is dout * D / keep_prob"),
        (lambda dout, D, keep_prob: dout / keep_prob,
         "the mask is missing: a dropped unit gets no gradient, dout * D / keep_prob"),
        (lambda dout, D, keep_prob: dout * (1 - D) / keep_prob,
         "keep and drop are swapped: D is 1 for a kept unit, so multiply by D"),
    ]
    cases = [{"dout": c["A"], "D": c["D"], "keep_prob": c["keep_prob"]} for c in _cases(14)]
    run_cases("dropout_backward", dropout_backward_fn, cases, expected, outputs="dA",
              close=gradient_close, mistakes=mistakes)


def _cases(seed):
    rng = np.random.default_rng(seed)
    return [
        {"A": np.array([[1.0, 2.0], [3.0, 4.0]]), "D": np.array([[1.0, 0.0], [0.0, 1.0]]),
         "keep_prob": 0.5},
        {"A": rng.normal(size=(4, 6)), "D": (rng.random((4, 6)) < 0.8).astype(float),
         "keep_prob": 0.8},
        {"A": rng.normal(size=(3, 5)), "D": rng.random((3, 5)) < 0.6, "keep_prob": 0.6},
    ]
