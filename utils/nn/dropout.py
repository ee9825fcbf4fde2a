"""Inverted dropout, as a layer: ``dropout_forward`` -> (out, cache), ``dropout_backward``.

keep_prob IS THE PROBABILITY OF KEEPING A UNIT (deeplearning.ai's ``keep_prob``).
PyTorch's ``nn.Dropout(p)`` and Keras' ``Dropout(rate)`` take the probability of DROPPING
one: keep_prob = 1 - p. keep_prob=0.8 here is ``nn.Dropout(p=0.2)`` there.

Training: draw a mask D with P(D = 1) = keep_prob, out = A * D / keep_prob. Dividing by
keep_prob ("inverted" dropout) keeps E[out] = A, so evaluation uses A as it is, with no
rescaling and no randomness.
"""
import numbers

import numpy as np

from ._checks import check_cache, is_finite_number

MODES = ("train", "eval")


def dropout_forward(A, keep_prob, mode, rng=None):
    """Drop each entry of A with probability 1 - keep_prob, and scale the rest by 1 / keep_prob.

    A : float array of shape (n[l], m), the activations of a layer.
    keep_prob : probability of KEEPING a unit, in (0, 1] (PyTorch's p is 1 - keep_prob).
    mode : "train" draws a new mask from rng; "eval" returns A unchanged.
    rng : numpy Generator, needed in training; the same seed gives the same mask.
    Returns out of shape (n[l], m) and cache = (D, keep_prob), D the boolean mask of kept
    units (None when nothing is dropped: in evaluation, or with keep_prob = 1).
    """
    _check_dropout_args(A, keep_prob, mode, rng)
    if mode == "eval" or keep_prob == 1:
        return A, (None, keep_prob)
    D = rng.random(A.shape) < keep_prob
    return A * D / keep_prob, (D, keep_prob)


def dropout_backward(dout, cache):
    """dA = dout * D / keep_prob: the gradient flows only through the units kept in forward.

    dout : upstream gradient, shape (n[l], m); cache from ``dropout_forward``.
    Returns dA of shape (n[l], m).
    """
    D, keep_prob = _check_backward_args(dout, cache)
    if D is None:
        return dout
    if np.shape(dout) != D.shape:
        raise ValueError(f"dout must have the shape of the forward input {D.shape}; "
                         f"got {np.shape(dout)}")
    return dout * D / keep_prob


def _check_backward_args(dout, cache):
    """(D, keep_prob) from the cache of dropout_forward, after checking it and dout."""
    check_cache(cache, 2, "(D, keep_prob)", "dropout_forward")
    D, keep_prob = cache
    if not (D is None or isinstance(D, np.ndarray) and D.dtype == bool) or not (
            is_finite_number(keep_prob) and 0 < keep_prob <= 1):
        raise TypeError("cache must be the (D, keep_prob) that dropout_forward returned: "
                        "D a boolean mask (or None), keep_prob in (0, 1]")
    if not isinstance(dout, np.ndarray):
        raise TypeError(f"dout must be a NumPy array of shape (n[l], m); "
                        f"got {type(dout).__name__}")
    return cache


def _check_dropout_args(A, keep_prob, mode, rng):
    if not (isinstance(A, np.ndarray) and A.dtype.kind == "f"):
        raise TypeError(f"A must be a float ndarray of shape (n[l], m); got {type(A).__name__}"
                        + (f" of dtype {A.dtype}" if isinstance(A, np.ndarray) else ""))
    if isinstance(keep_prob, bool) or not isinstance(keep_prob, numbers.Real):
        raise TypeError(f"keep_prob must be a number in (0, 1]; got {keep_prob!r}")
    if not (is_finite_number(keep_prob) and 0 < keep_prob <= 1):
        raise ValueError(
            f"keep_prob is the probability of KEEPING a unit and must lie in (0, 1]; got "
            f"{keep_prob!r}. (PyTorch's nn.Dropout(p) takes the probability of dropping one: "
            f"keep_prob = 1 - p.)"
        )
    if not isinstance(mode, str) or mode not in MODES:
        raise ValueError(f"mode must be 'train' or 'eval'; got {mode!r}")
    if mode == "train" and keep_prob < 1 and not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator in training, e.g. "
                        f"np.random.default_rng(0); got {type(rng).__name__}")
