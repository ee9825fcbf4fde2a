"""Exercise checks of notebook 04, logistic regression."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..linear.logistic import logistic_loss, propagate, sigmoid
from ._runner import gradient_close, run_cases


def check_sigmoid(sigmoid_fn):
    """Check ``sigmoid(z)`` -> 1 / (1 + e^-z), elementwise, same shape as z, with no overflow
    warning for large |z|."""
    cases = [
        {"z": np.array([0.0, 1.0, -1.0, 4.0])},
        {"z": np.array([[-30.0, 30.0], [2.5, -0.5]])},
        {"z": np.array([-1000.0, 1000.0])},
    ]
    mistakes = [
        (lambda z: sigmoid(-z), "this is sigma(-z): sigma(z) = 1 / (1 + e^-z), with -z in "
                                "the exponent"),
    ]
    overflow = ("overflow", "np.exp overflowed for a large |z|: compute e^-|z|, which never "
                            "overflows, and choose the formula by the sign of z")
    run_cases("sigmoid", sigmoid_fn, cases, sigmoid, outputs="a", mistakes=mistakes,
              fatal_warnings=(overflow,))


def _backward(x, y, w, b):
    dw = numerical_gradient(lambda v: logistic_loss(np.dot(v, x) + b, y), w.copy())
    db = numerical_gradient(lambda v: logistic_loss(np.dot(w, x) + v[0], y),
                            np.array([float(b)]))[0]
    return dw, db


def check_logistic_backward(logistic_backward):
    """Check ``logistic_backward(x, y, w, b)`` -> (dw, db), the gradient of the loss
    L(sigma(w^T x + b), y) for one example x of shape (n_x,); dw has shape (n_x,)."""
    rng = np.random.default_rng(4)
    cases = [
        {"x": np.array([1.0, 2.0]), "y": 1.0, "w": np.zeros(2), "b": 0.0},
        {"x": rng.normal(size=3), "y": 0.0, "w": rng.normal(size=3), "b": 0.5},
        {"x": rng.normal(size=4), "y": 1.0, "w": rng.normal(size=4), "b": -1.0},
    ]
    mistakes = [
        (lambda x, y, w, b: tuple(-g for g in _backward(x, y, w, b)),
         "the sign is flipped: dz = a - y (prediction minus label), not y - a"),
        (lambda x, y, w, b: (_backward(x, y, w, b)[1],) * 2,
         "dw is dz alone: dw = x dz, one derivative per weight"),
    ]
    run_cases("logistic_backward", logistic_backward, cases, _backward,
              outputs=("dw", "db"), close=gradient_close, mistakes=mistakes)


def _optimize(w, b, X, Y, alpha, epochs):
    w, costs = w.astype(float), []
    for _ in range(epochs):
        J, dw, db = propagate(w, b, X, Y)
        costs.append(J)
        w, b = w - alpha * dw, b - alpha * db
    costs.append(propagate(w, b, X, Y)[0])
    return w, b, np.array(costs)


def _optimize_ascending(w, b, X, Y, alpha, epochs):
    return _optimize(w, b, X, Y, -alpha, epochs)


def _optimize_without_final_cost(w, b, X, Y, alpha, epochs):
    w, b, costs = _optimize(w, b, X, Y, alpha, epochs)
    return w, b, costs[:-1]


def check_optimize(optimize):
    """Check ``optimize(w, b, X, Y, alpha, epochs)`` -> (w, b, costs): ``epochs`` steps of
    gradient descent from w : (n_x,) and b; X : (n_x, m), Y : (m,) in {0, 1}; costs holds
    J after k steps for k = 0, 1, ..., epochs (epochs + 1 numbers, a list or an array)."""
    rng = np.random.default_rng(7)
    cases = [
        {"w": np.zeros(2), "b": 0.0, "X": np.array([[1.0, -2.0, 0.5], [2.0, 0.0, -1.0]]),
         "Y": np.array([1.0, 0.0, 1.0]), "alpha": 0.5, "epochs": 3},
        {"w": rng.normal(size=3), "b": 0.2, "X": rng.normal(size=(3, 25)),
         "Y": rng.integers(0, 2, 25).astype(float), "alpha": 0.1, "epochs": 20},
    ]
    mistakes = [
        (_optimize_ascending, ("the cost goes up: step against the gradient, "
                              "w := w - alpha dw and b := b - alpha db")),
        (_optimize_without_final_cost,
         "costs misses its last value: after the loop, add J of the final weights"),
        (lambda w, b, X, Y, alpha, epochs: _optimize(w, b, X, Y, alpha, epochs)[:2]
         + (_optimize(w, b, X, Y, alpha, epochs)[2][1:],),
         "costs misses its first value: record J before each step, then once more after "
         "the loop"),
    ]
    run_cases("optimize", optimize, cases, _optimize, outputs=("w", "b", "costs"),
              lists=("costs",), mistakes=mistakes)


def _predict(w, b, X):
    return np.where(sigmoid(np.dot(w, X) + b) >= 0.5, 1, 0)


def check_predict(predict):
    """Check ``predict(w, b, X)`` -> labels 0 or 1, shape (m,), for X : (n_x, m):
    1 where a = sigma(w^T x + b) >= 0.5."""
    rng = np.random.default_rng(8)
    cases = [
        {"w": np.array([1.0, -1.0]), "b": 0.0, "X": np.array([[2.0, 0.0, 1.0], [1.0, 3.0, 1.0]])},
        {"w": rng.normal(size=3), "b": -0.4, "X": rng.normal(size=(3, 12))},
    ]
    mistakes = [
        (lambda w, b, X: np.where(sigmoid(np.dot(w, X) + b) > 0.5, 1, 0),
         "a = 0.5 exactly (z = 0) was predicted 0: predict 1 when a >= 0.5"),
        (lambda w, b, X: sigmoid(np.dot(w, X) + b),
         "these are the probabilities a; predict the labels: 1 where a >= 0.5, else 0"),
        (lambda w, b, X: np.where(sigmoid(np.dot(w, X) + b) >= 0.5, 1, -1),
         "the labels are -1 and +1 (the perceptron's): logistic regression predicts 0 or 1"),
    ]
    run_cases("predict", predict, cases, _predict, outputs="labels", mistakes=mistakes)
