"""Exercise checks of notebook 01, the perceptron."""
import numpy as np

from ..linear.perceptron import Perceptron
from ._runner import run_cases


def _update(w, xi, target, eta):
    prediction = 1 if w[0] + np.dot(w[1:], xi) >= 0.0 else -1
    return w + eta * (target - prediction) * np.r_[1.0, xi]


def _update_without_x(w, xi, target, eta):  # the slide's garbled rule
    prediction = 1 if w[0] + np.dot(w[1:], xi) >= 0.0 else -1
    return w + eta * (target - prediction)


def _update_sign_flipped(w, xi, target, eta):
    prediction = 1 if w[0] + np.dot(w[1:], xi) >= 0.0 else -1
    return w - eta * (target - prediction) * np.r_[1.0, xi]


def _update_strict_threshold(w, xi, target, eta):
    prediction = 1 if w[0] + np.dot(w[1:], xi) > 0.0 else -1
    return w + eta * (target - prediction) * np.r_[1.0, xi]


def check_perceptron_update(perceptron_update):
    """Check ``perceptron_update(w, xi, target, eta)`` -> new weights, shape (1 + n_features,).

    w : (1 + n_features,) with the bias in w[0]; xi : (n_features,); target : -1 or +1.
    """
    cases = [
        {"w": np.array([0.5, 1.0, -1.0]), "xi": np.array([2.0, 1.0]), "target": 1, "eta": 0.1},
        {"w": np.array([0.0, 0.0, 0.0]), "xi": np.array([5.1, 1.4]), "target": -1, "eta": 0.1},
        {"w": np.array([-1.0, 0.2, 0.3]), "xi": np.array([1.0, 2.0]), "target": 1, "eta": 0.5},
        {"w": np.array([0.1, -0.4, 0.0, 2.0]), "xi": np.array([1.0, -1.0, 0.5]), "target": -1,
         "eta": 0.01},
    ]
    mistakes = [
        (_update_without_x, ("every weight moved by the same amount: the update of w_j "
                            "needs the factor x_j (and x_0 = 1 for the bias)")),
        (_update_strict_threshold, ("z = 0 was predicted -1: the unit step gives +1 for "
                                   "z >= 0")),
        (_update_sign_flipped, ("the update has the wrong sign: w := w + eta (target - "
                               "prediction) x")),
    ]
    run_cases("perceptron_update", perceptron_update, cases, _update, outputs="w",
              mistakes=mistakes)


def _train(X, y, eta, epochs):
    model = Perceptron(eta=eta, epochs=epochs).train(X, y)
    return model.w_, np.array(model.errors_)


def _train_bias_never_updated(X, y, eta, epochs):
    w, errors = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        errors.append(0)
        for xi, target in zip(X, y):
            update = eta * (target - (1 if w[0] + xi @ w[1:] >= 0 else -1))
            w[1:] += update * xi
            errors[-1] += int(update != 0)
    return w, np.array(errors)


def _train_running_total(X, y, eta, epochs):
    w, errors = _train(X, y, eta, epochs)
    return w, np.cumsum(errors)


def check_train_perceptron(train_perceptron):
    """Check ``train_perceptron(X, y, eta, epochs)`` -> (w, errors): the weights after
    training from zero, shape (1 + n_features,), and the number of updates in each epoch,
    ``epochs`` whole numbers (a list or an array); X : (n_samples, n_features), y in
    {-1, +1}."""
    rng = np.random.default_rng(1)
    X3 = rng.normal(size=(12, 3))
    cases = [
        {"X": np.array([[1.0, 2.0], [2.0, -1.0], [-1.0, -1.0]]), "y": np.array([1, 1, -1]),
         "eta": 0.1, "epochs": 3},
        {"X": X3, "y": np.where(X3 @ [1.0, -2.0, 0.5] + 0.3 >= 0, 1, -1), "eta": 0.5, "epochs": 6},
        {"X": rng.normal(size=(10, 2)), "y": rng.choice([-1, 1], 10), "eta": 0.01, "epochs": 4},
    ]
    mistakes = [
        (_train_bias_never_updated, "the bias w[0] never moved: it is updated by "
                                    "eta (target - prediction), as its input x_0 = 1"),
        (_train_running_total, "errors is a running total: count the updates of each epoch "
                               "on their own (start the count at 0 in every epoch)"),
    ]
    run_cases("train_perceptron", train_perceptron, cases, _train, outputs=("w", "errors"),
              lists=("errors",), mistakes=mistakes)
