"""A network with one hidden layer, written out equation by equation (notebook 6).

Column layout as on the slides: X has shape (n_x, m), one example per column; y has
shape (m,) with labels 0 and 1. The network is logistic regression stacked on n_h
tanh units:

    Z1 = W1 X + b1   (n_h, m)      A1 = tanh(Z1)
    Z2 = W2 A1 + b2  (1, m)        A2 = sigma(Z2), the probability that y = 1

with W1 : (n_h, n_x), b1 : (n_h, 1), W2 : (1, n_h), b2 : (1, 1), e.g. from
initialize_parameters([n_x, n_h, 1], rng, method="small"). The cost is the mean
cross-entropy of logistic regression. Notebook 7 generalises this to L layers, and
notebook 8 builds the same thing from modules.
"""
import numpy as np

from ..linear.logistic import logistic_loss, sigmoid
from ..validation import validate_positive_int
from ._checks import check_float_matrix, check_positive_number


def shallow_forward(X, params):
    """Forward pass. Returns A2 of shape (1, m) and the cache the backward pass needs."""
    _check_X_params(X, params)
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.tanh(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def shallow_cost(cache, y):
    """J = mean cross-entropy over the m examples, computed from Z2 (never log 0)."""
    _check_cache(cache, y)
    return float(np.mean(logistic_loss(cache["Z2"][0], y)))


def shallow_backward(X, y, params, cache):
    """Backward pass: the gradient of the cost, {"dW1", "db1", "dW2", "db2"}, shaped like params.

    Starts from logistic regression's dz = a - y, one column per example, and goes back
    through W2 and tanh with the chain rule.
    """
    m = _check_backward_args(X, y, params, cache)
    dZ2 = cache["A2"] - y                               # (1, m)
    dW2 = dZ2 @ cache["A1"].T / m                       # (1, n_h)
    db2 = dZ2.sum(axis=1, keepdims=True) / m            # (1, 1)
    dZ1 = (params["W2"].T @ dZ2) * (1 - cache["A1"] ** 2)  # tanh'(Z1) = 1 - A1^2
    dW1 = dZ1 @ X.T / m                                 # (n_h, n_x)
    db1 = dZ1.sum(axis=1, keepdims=True) / m            # (n_h, 1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def train_shallow(X, y, params, learning_rate=1.2, epochs=2000):
    """Batch gradient descent from the initial ``params`` (not modified).

    Returns the trained params and the cost before each step (a list of ``epochs`` floats).
    """
    _check_train_args(X, y, params, learning_rate, epochs)
    params = {name: value.copy() for name, value in params.items()}
    costs = []
    for _ in range(epochs):
        _, cache = shallow_forward(X, params)
        costs.append(shallow_cost(cache, y))
        grads = shallow_backward(X, y, params, cache)
        for name in params:
            params[name] -= learning_rate * grads["d" + name]
    return params, costs


def predict_shallow(X, params):
    """Labels 0/1 of shape (m,): 1 where A2 >= 0.5."""
    A2, _ = shallow_forward(X, params)
    return (A2[0] >= 0.5).astype(int)


def _check_X_params(X, params):
    """X of shape (n_x, m), m >= 1, and params W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h),
    b2 (1, 1); returns n_x, m."""
    check_float_matrix("X", X, what="(n_x, m)")
    n_x, m = X.shape
    if m == 0:
        raise ValueError(f"X must hold at least one example (column); got shape {X.shape}")
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict with W1, b1, W2, b2; got {type(params).__name__}")
    W1 = params.get("W1")
    n_h = W1.shape[0] if isinstance(W1, np.ndarray) and W1.ndim == 2 else "n_h"
    for name, shape in (("W1", (n_h, n_x)), ("b1", (n_h, 1)), ("W2", (1, n_h)), ("b2", (1, 1))):
        what = "(" + ", ".join(map(str, shape)) + ")"
        if name not in params:
            raise ValueError(f"params must hold W1, b1, W2, b2; {name} is missing")
        check_float_matrix(f"params['{name}']", params[name], what=what)
        if params[name].shape != shape:
            raise ValueError(f"params['{name}'] must have shape {what} for X of shape "
                             f"(n_x, m) = {X.shape}; got {params[name].shape}")
    return n_x, m


def _check_y(y, m):
    """Labels 0 and 1 of shape (m,), one per example."""
    if not (isinstance(y, np.ndarray) and y.shape == (m,)):
        raise ValueError(f"y must be an array of shape (m,) = ({m},), one label per column "
                         f"of X; got {getattr(y, 'shape', type(y).__name__)}")
    if y.dtype.kind not in "biuf" or not np.isin(y, (0, 1)).all():
        raise ValueError("y must hold only the labels 0 and 1")


def _check_backward_args(X, y, params, cache):
    """shallow_backward's arguments, checked; returns m."""
    _, m = _check_X_params(X, params)
    _check_cache(cache, y, m)
    return m


def _check_train_args(X, y, params, learning_rate, epochs):
    _check_X_params(X, params)
    _check_y(y, X.shape[1])
    check_positive_number("learning_rate", learning_rate)
    validate_positive_int("epochs", epochs)


def _check_cache(cache, y, m=None):
    """The cache of shallow_forward: Z1, A1 (n_h, m), Z2, A2 (1, m); and y, shape (m,)."""
    if not (isinstance(cache, dict) and all(
            isinstance(cache.get(key), np.ndarray) for key in ("Z1", "A1", "Z2", "A2"))):
        raise TypeError("cache must be the dict {'Z1', 'A1', 'Z2', 'A2'} that shallow_forward "
                        "returned")
    if cache["Z2"].ndim != 2 or cache["Z2"].shape[0] != 1 or m not in (None, cache["Z2"].shape[1]):
        raise ValueError(f"cache must come from shallow_forward on the same X: Z2 of shape "
                         f"(1, m){'' if m is None else f' = (1, {m})'}; got {cache['Z2'].shape}")
    _check_y(y, cache["Z2"].shape[1])
