"""Initial weights for an L-layer network: W[l] random, b[l] = 0.

Weights must differ between units, or every unit of a layer computes the same thing and
receives the same gradient forever (symmetry): that is why "zeros" exists, to watch it
fail. Their scale keeps the activations' variance from growing or shrinking layer after
layer: He (sqrt(2 / n[l-1])) for ReLU, Xavier (sqrt(1 / n[l-1])) for tanh.
"""
import math

import numpy as np

from ._checks import check_float_dtype, check_layer_dims

# Standard deviation of W[l]'s entries as a function of n[l-1], by method.
INIT_SCALES = {
    "he": lambda n_prev: math.sqrt(2 / n_prev),
    "xavier": lambda n_prev: math.sqrt(1 / n_prev),
    "small": lambda n_prev: 0.01,
    # N(0, 1) unscaled, a plain randn: variance n[l-1] times too large for a linear layer.
    "large": lambda n_prev: 1.0,
    "zeros": lambda n_prev: 0.0,
}


def initialize_parameters(layer_dims, rng, method="he", dtype=np.float64):
    """Parameters W1, b1, ..., WL, bL of a network with layer sizes layer_dims.

    layer_dims : [n[0], n[1], ..., n[L]], whole numbers >= 1 (n[0] inputs, n[L] outputs).
    rng : numpy Generator, e.g. np.random.default_rng(0); dtype : np.float64 or np.float32.
    method : "he", "xavier", "small" (0.01 N(0, 1), deeplearning.ai's shallow network),
        "large" (N(0, 1): activations explode or saturate) or "zeros" (symmetry stalls).
    Returns {"W{l}": (n[l], n[l-1]) from N(0, scale^2), "b{l}": (n[l], 1) zeros}, l = 1..L.
    """
    layer_dims = check_layer_dims(layer_dims)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator, e.g. np.random.default_rng(0); "
                        f"got {type(rng).__name__}")
    if method not in INIT_SCALES:
        raise ValueError(f"method must be one of {sorted(INIT_SCALES)}; got {method!r}")
    dtype = check_float_dtype(dtype)
    params = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        scale = INIT_SCALES[method](n_prev)
        if scale == 0:  # not N(0, 1) * 0, which would print half the weights as -0.0
            params[f"W{l}"] = np.zeros((n, n_prev), dtype=dtype)
        else:
            params[f"W{l}"] = rng.standard_normal((n, n_prev), dtype=dtype) * scale
        params[f"b{l}"] = np.zeros((n, 1), dtype=dtype)
    return params

