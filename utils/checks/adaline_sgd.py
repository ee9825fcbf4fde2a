"""Exercise checks of notebook 03, Adaline with stochastic gradient descent."""
import numpy as np

from ._runner import run_cases


def _sgd_epoch(w, X, y, alpha):
    w = w.astype(float)
    for xi, target in zip(X, y):
        error = target - (w[0] + np.dot(w[1:], xi))
        w += alpha * error * np.r_[1.0, xi]
    return w


def _errors_from_the_starting_weights(w, X, y, alpha):
    errors = y - (X @ w[1:] + w[0])
    return w + alpha * np.r_[errors.sum(), X.T @ errors]


def _bias_not_updated(w, X, y, alpha):
    w = w.astype(float)
    for xi, target in zip(X, y):
        error = target - (w[0] + np.dot(w[1:], xi))
        w[1:] += alpha * error * xi
    return w


def check_sgd_epoch(sgd_epoch):
    """Check ``sgd_epoch(w, X, y, alpha)`` -> weights after one pass of per-sample updates,
    in the order of the rows of X; w has shape (1 + n_features,), bias in w[0]."""
    rng = np.random.default_rng(3)
    cases = [
        {"w": np.zeros(3), "X": np.array([[1.0, 2.0], [-1.0, 0.5]]), "y": np.array([1.0, 1.0]),
         "alpha": 0.1},
        {"w": rng.normal(size=3), "X": rng.normal(size=(6, 2)),
         "y": rng.choice([-1.0, 1.0], 6), "alpha": 0.05},
    ]
    mistakes = [
        (_errors_from_the_starting_weights,
         ("the errors were computed once, from the starting weights (one batch step): "
          "compute each sample's error with the weights the samples before it left")),
        (_bias_not_updated,
         "the bias w[0] was not updated: it moves by alpha * error, as its input x_0 = 1"),
    ]
    run_cases("sgd_epoch", sgd_epoch, cases, _sgd_epoch, outputs="w", mistakes=mistakes)
