"""Activation functions g as forward/backward pairs: A = g(Z) and dZ = dA * g'(Z).

Each ``*_forward(Z)`` returns (A, cache) and each ``*_backward(dA, cache)`` returns dZ,
all of the shape of Z, (n[l], m). The cache holds what g' is written with: Z for ReLU,
A itself for tanh (g' = 1 - A^2) and sigmoid (g' = A (1 - A)), so nothing is computed twice.
Everything keeps the dtype of Z (float32 stays float32).
"""
import numpy as np

from ._checks import check_float_matrix, check_same_shape


def relu_forward(Z):
    """A = max(Z, 0), elementwise. Returns A and cache = Z."""
    check_float_matrix("Z", Z, what="(n[l], m)")
    return np.maximum(Z, 0), Z


def relu_backward(dA, cache):
    """dZ = dA * g'(Z) with g'(Z) = 1 where Z > 0, else 0 (0 also at the kink Z = 0)."""
    Z = _check_cache(cache, "Z", "relu_forward")
    check_same_shape("dA", dA, "Z", Z)
    return dA * (Z > 0)


def tanh_forward(Z):
    """A = tanh(Z), elementwise. Returns A and cache = A."""
    check_float_matrix("Z", Z, what="(n[l], m)")
    A = np.tanh(Z)
    return A, A


def tanh_backward(dA, cache):
    """dZ = dA * (1 - A^2), since tanh'(z) = 1 - tanh(z)^2."""
    A = _check_cache(cache, "A", "tanh_forward")
    check_same_shape("dA", dA, "A", A)
    return dA * (1 - A**2)


def sigmoid(Z):
    """sigma(Z) = 1 / (1 + e^-Z), elementwise, in Z's dtype; never overflows.

    e^-|Z| lies in (0, 1]: for Z >= 0, sigma = 1 / (1 + e^-Z); for Z < 0 the same number
    is e^Z / (1 + e^Z). Both read (1 or e^-|Z|) / (1 + e^-|Z|).
    """
    if not (isinstance(Z, np.ndarray) and Z.dtype.kind == "f"):
        raise TypeError(f"Z must be a float ndarray; got {type(Z).__name__}"
                        + (f" of dtype {Z.dtype}" if isinstance(Z, np.ndarray) else ""))
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1, e) / (1 + e)


def sigmoid_forward(Z):
    """A = sigma(Z), elementwise. Returns A and cache = A."""
    check_float_matrix("Z", Z, what="(n[l], m)")
    A = sigmoid(Z)
    return A, A


def sigmoid_backward(dA, cache):
    """dZ = dA * A (1 - A), since sigma'(z) = sigma(z) (1 - sigma(z))."""
    A = _check_cache(cache, "A", "sigmoid_forward")
    check_same_shape("dA", dA, "A", A)
    return dA * A * (1 - A)


def _check_cache(cache, name, function):
    if not (isinstance(cache, np.ndarray) and cache.dtype.kind == "f"):
        raise TypeError(f"cache must be the {name} that {function} returned, a float array "
                        f"of shape (n[l], m); got {type(cache).__name__}")
    return cache


# The hidden layers' g by name, as NeuralNetwork(activation=...) takes it.
ACTIVATIONS = {
    "relu": (relu_forward, relu_backward),
    "tanh": (tanh_forward, tanh_backward),
    "sigmoid": (sigmoid_forward, sigmoid_backward),
}
