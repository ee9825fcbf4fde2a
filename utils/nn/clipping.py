"""Gradient clipping by the global norm: one bad mini-batch cannot throw the weights away.

All the gradients of a step, taken together as one long vector g, have the norm
||g|| = sqrt(sum over every array of the sum of its squared entries). If ||g|| exceeds
max_norm, every gradient is multiplied by the same factor max_norm / ||g||: the step keeps
its direction and gets the length max_norm. Otherwise nothing changes.

This is torch.nn.utils.clip_grad_norm_(parameters, max_norm), including its small
constant: the factor is max_norm / (||g|| + 1e-6), capped at 1.
"""
import math

import numpy as np

from ._checks import check_positive_number

EPS = 1e-6  # PyTorch's, so that a zero gradient does not divide by zero


def global_norm(grads):
    """sqrt of the sum of squares of every entry of every array in the dict ``grads``.

    Squared in float64, so float32 gradients as large as 1e30 do not overflow.
    """
    return math.sqrt(sum(float(np.sum(np.square(g, dtype=np.float64))) for g in grads.values()))


def clip_by_global_norm(grads, max_norm):
    """Scale every gradient by min(1, max_norm / (||g|| + 1e-6)).

    grads : dict of float arrays, e.g. {"dW1": (n[1], n[0]), "db1": (n[1], 1)}.
    max_norm : number > 0. ||g|| : the norm of all the arrays together.
    Returns (a new dict of new arrays, ||g|| BEFORE clipping, a float); the
    caller's arrays are not modified. Gradients holding inf or NaN raise
    ValueError (PyTorch would return NaN gradients).
    """
    _check_clip_args(grads, max_norm)
    total = global_norm(grads)
    if not math.isfinite(total):
        raise ValueError(f"the gradients hold inf or NaN (global norm "
                         f"{total}): clipping cannot repair them; the step "
                         "that produced them diverged")
    return scale_to_norm(grads, total, max_norm), total


def scale_to_norm(grads, total, max_norm):
    """The clipping step alone, for a caller that has the global norm ``total`` already."""
    factor = min(1.0, max_norm / (total + EPS))
    return {name: g * factor for name, g in grads.items()}


def _check_clip_args(grads, max_norm):
    if not isinstance(grads, dict) or not grads:
        raise TypeError("grads must be a non-empty dict of gradient arrays, e.g. "
                        f"{{'dW1': ..., 'db1': ...}}; got {type(grads).__name__}")
    for name, g in grads.items():
        if not (isinstance(g, np.ndarray) and g.dtype.kind == "f"):
            raise TypeError(f"grads[{name!r}] must be a float ndarray; got {type(g).__name__}"
                            + (f" of dtype {g.dtype}" if isinstance(g, np.ndarray) else ""))
    check_positive_number("max_norm", max_norm)
