"""The output layer's cost and its gradient dZ[L], from the scores Z = Z[L].

Both losses return the MEAN over the m examples (the cost J) and dZ, the exact derivative
of that mean, so dZ carries the 1/m and linear_backward does not divide again.
"""
import numpy as np

from ._checks import check_float_matrix, check_labels, check_number
from .activations import sigmoid


def log_softmax(Z):
    """log softmax(Z) column by column, shape (C, m), from log-sum-exp.

    log softmax(Z)[k] = Z[k] - log sum_j e^Z[j]; subtracting each column's maximum first
    changes nothing mathematically, keeps every exponent <= 0 (no overflow), and leaves
    at least one term e^0 = 1 in the sum (no log 0).
    """
    check_float_matrix("Z", Z, what="(C, m)", nonempty=True)
    shifted = Z - Z.max(axis=0, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))


def softmax(Z):
    """Probabilities A[k, i] = e^Z[k, i] / sum_j e^Z[j, i], shape (C, m); columns sum to 1."""
    return np.exp(log_softmax(Z))


def softmax_cross_entropy(Z, y):
    """Mean cross-entropy of softmax(Z) against integer labels, and its gradient.

    Z : (C, m) scores, one column per example; y : (m,) integer labels in 0 .. C-1.
    Returns loss = -(1/m) sum_i log softmax(Z)[y_i, i] (a float) and
    dZ = (softmax(Z) - Y) / m of shape (C, m), where Y is y one-hot encoded, shape (C, m).
    Finite and exact for scores as large as +-1e4 (see log_softmax).
    """
    check_float_matrix("Z", Z, what="(C, m)", nonempty=True)
    C, m = Z.shape
    check_labels(y, m, C)
    examples = np.arange(m)
    log_A = log_softmax(Z)
    loss = -log_A[y, examples].sum() / m  # sum / m: np.mean's own overhead is larger
    dZ = np.exp(log_A)
    dZ[y, examples] -= 1  # A - Y without building the one-hot Y
    dZ /= m
    return float(loss), dZ


def sigmoid_cross_entropy(Z, y):
    """Mean binary cross-entropy of sigma(Z) against labels 0/1, and its gradient.

    Z : (1, m) scores; y : (m,) integer labels 0 or 1.
    Returns loss = (1/m) sum_i -(y log a + (1 - y) log(1 - a)) with a = sigma(z) (a float),
    computed as max(z, 0) - y z + log(1 + e^-|z|), the same number without log 0 or
    overflow; and dZ = (sigma(Z) - y) / m of shape (1, m).
    """
    check_float_matrix("Z", Z, rows=1, what="(1, m)", nonempty=True)
    m = Z.shape[1]
    check_labels(y, m, 2)
    y = y.astype(Z.dtype)  # integer labels would turn float32 arithmetic into float64
    loss = np.mean(np.maximum(Z, 0) - y * Z + np.log1p(np.exp(-np.abs(Z))))
    dZ = (sigmoid(Z) - y) / m
    return float(loss), dZ


def smoothed_cross_entropy(Z, y, eps):
    """Softmax cross-entropy against label-smoothed targets, and its gradient.

    Z : (C, m) scores; y : (m,) integer labels in 0 .. C-1; eps in [0, 1].
    Targets Q = (1 - eps) Y + eps / C, Y one-hot: every class gets eps / C, the
    true one 1 - eps more. Returns loss = -(1/m) sum(Q * log softmax(Z)) and
    dZ = (softmax(Z) - Q) / m, shape (C, m): PyTorch's CrossEntropyLoss with
    label_smoothing=eps.
    """
    check_float_matrix("Z", Z, what="(C, m)", nonempty=True)
    C, m = Z.shape
    check_labels(y, m, C)
    eps = check_label_smoothing(eps)
    log_A = log_softmax(Z)
    Q = np.full_like(Z, eps / C)
    Q[y, np.arange(m)] += 1 - eps
    return float(-np.sum(Q * log_A) / m), (np.exp(log_A) - Q) / m


def check_label_smoothing(eps):
    """eps as a float, or TypeError/ValueError unless it is a number in [0, 1]."""
    return check_number("label_smoothing", eps, "a number in [0, 1], e.g. 0.1",
                        lambda e: 0 <= e <= 1)


def output_loss(ZL, y, label_smoothing=0.0):
    """The network's cost on its scores ZL of shape (n[L], m): softmax cross-entropy when
    n[L] >= 2 (one row per class; with label smoothing if label_smoothing > 0), sigmoid
    cross-entropy when n[L] = 1 (two classes)."""
    if label_smoothing:
        return smoothed_cross_entropy(ZL, y, label_smoothing)
    if isinstance(ZL, np.ndarray) and ZL.ndim == 2 and ZL.shape[0] == 1:
        return sigmoid_cross_entropy(ZL, y)
    return softmax_cross_entropy(ZL, y)
