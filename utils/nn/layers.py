"""The linear (fully connected) layer as a forward/backward pair: Z[l] = W[l] A[l-1] + b[l].

Shapes, one example per column: A_prev = A[l-1] is (n[l-1], m), W = W[l] is (n[l], n[l-1]),
b = b[l] is (n[l], 1), and Z = Z[l] is (n[l], m).

The backward pass takes dZ, the derivative of the *mean* loss over the m examples (the loss
functions divide by m once), so the sums below are already the gradients of the cost:
no division by m here. deeplearning.ai writes dZ = A - Y and divides by m in this step
instead; the numbers are the same.
"""
import numpy as np

from ._checks import check_cache, check_float_matrix


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b, with b added to every column.

    A_prev : (n[l-1], m); W : (n[l], n[l-1]); b : (n[l], 1).
    Returns Z of shape (n[l], m) and cache = (A_prev, W), what the backward pass needs.
    """
    check_float_matrix("A_prev", A_prev, what="(n[l-1], m)")
    check_float_matrix("W", W, what="(n[l], n[l-1])")
    n, n_prev = W.shape
    if n_prev != A_prev.shape[0]:
        raise ValueError(
            f"W has shape {W.shape} but A_prev has {A_prev.shape[0]} rows; "
            f"expected W of shape (n[l], n[l-1]) = ({n}, {A_prev.shape[0]})"
        )
    check_float_matrix("b", b, what=f"(n[l], 1) = ({n}, 1)")
    if b.shape != (n, 1):
        raise ValueError(f"b must have shape (n[l], 1) = ({n}, 1); got shape {b.shape}")
    Z = W @ A_prev
    Z += b  # in place: Z is ours, and a second (n[l], m) array would be wasted
    return Z, (A_prev, W)


def linear_backward(dZ, cache, *, compute_dA_prev=True):
    """Gradients of the cost with respect to the layer's input and parameters.

    dZ : (n[l], m), derivative of the mean loss with respect to Z[l].
    cache : (A_prev, W) from linear_forward.
    compute_dA_prev : False skips dA_prev = W^T dZ and returns None in its place. The first
        layer's dA[0] (the gradient with respect to the data X) is never used, and on wide
        inputs such as MNIST's 784 pixels it costs as much as dW[1], the largest product.
    Returns dA_prev = W^T dZ of shape (n[l-1], m), dW = dZ A_prev^T of shape
    (n[l], n[l-1]) and db = dZ summed over the m columns, shape (n[l], 1).
    """
    A_prev, W = _check_linear_cache(cache)
    expected = (W.shape[0], A_prev.shape[1])
    check_float_matrix("dZ", dZ, what=f"(n[l], m) = {expected}")
    if dZ.shape != expected:
        raise ValueError(f"dZ must have the shape of Z, (n[l], m) = {expected}; "
                         f"got shape {dZ.shape}")
    dW = dZ @ A_prev.T
    db = dZ.sum(axis=1, keepdims=True)
    dA_prev = W.T @ dZ if compute_dA_prev else None
    return dA_prev, dW, db


def _check_linear_cache(cache):
    """A_prev (n[l-1], m) and W (n[l], n[l-1]) from cache, or a TypeError saying so."""
    check_cache(cache, 2, "(A_prev, W)", "linear_forward")
    A_prev, W = cache
    if not (isinstance(A_prev, np.ndarray) and isinstance(W, np.ndarray) and A_prev.ndim == 2
            and W.ndim == 2 and W.shape[1] == A_prev.shape[0]):
        raise TypeError("cache must be the (A_prev, W) that linear_forward returned, "
                        "A_prev of shape (n[l-1], m) and W of shape (n[l], n[l-1]); got "
                        f"({_described(A_prev)}, {_described(W)})")
    return A_prev, W


def _described(a):
    return f"shape {a.shape}" if isinstance(a, np.ndarray) else type(a).__name__
