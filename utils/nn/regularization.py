"""L2 regularisation: a penalty on the weights added to the cost, and its gradient.

    J_reg = J + lambd / (2 m) * sum_l ||W[l]||_F^2,        dW[l] += lambd / m * W[l]

over the weights W1, ..., WL only: biases b[l] (and batch norm's gamma, beta) are not
penalised. m is the number of examples the cost J averages over (the mini-batch).
``lambd`` is lambda, a keyword in Python.
"""
import numbers
import re

import numpy as np

from ..validation import validate_positive_int
from ._checks import is_finite_number

_WEIGHT = re.compile(r"W\d+")


def weight_names(params):
    """The keys of the weights in ``params``, e.g. ["W1", "W2"] (not "b1", "gamma1", ...)."""
    return [name for name in params if isinstance(name, str) and _WEIGHT.fullmatch(name)]


def l2_cost(params, lambd, m):
    """lambd / (2 m) * sum of the squares of every entry of W1, ..., WL (a float).

    params : dict with "W1" of shape (n[1], n[0]), "b1" of shape (n[1], 1), ...
    lambd : float >= 0; m : number of examples in the batch the cost averages over.
    """
    names = _check_l2_args(params, lambd, m)
    return float(lambd / (2 * m) * sum(np.sum(params[name] ** 2) for name in names))


def l2_grads(params, lambd, m):
    """The gradient of ``l2_cost``: {"dW1": lambd / m * W1, ...}, each shaped like its W.

    Add each to the data term's dW[l]; biases get no term, so their key is absent.
    """
    names = _check_l2_args(params, lambd, m)
    return {"d" + name: lambd / m * params[name] for name in names}


def _check_l2_args(params, lambd, m):
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict such as {{'W1': ..., 'b1': ...}}; "
                        f"got {type(params).__name__}")
    names = weight_names(params)
    if not names:
        raise ValueError(f"params has no weights named W1, W2, ...; got keys {list(params)}")
    for name in names:
        if not (isinstance(params[name], np.ndarray) and params[name].dtype.kind == "f"):
            raise TypeError(f"params[{name!r}] must be a float ndarray of shape (n[l], n[l-1]); "
                            f"got {type(params[name]).__name__}")
    if isinstance(lambd, bool) or not isinstance(lambd, numbers.Real):
        raise TypeError(f"lambd (lambda) must be a number >= 0; got {lambd!r}")
    if not (is_finite_number(lambd) and lambd >= 0):
        raise ValueError(f"lambd (lambda) must be a finite number >= 0, e.g. 0.1; got {lambd!r}")
    validate_positive_int("m", m)
    return names
