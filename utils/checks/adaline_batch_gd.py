"""Exercise checks of notebook 02, Adaline with batch gradient descent."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..linear.adaline import AdalineGD
from ._runner import gradient_close, run_cases


def _cost(w, X, y):
    return 0.5 * np.sum((y - (X @ w[1:] + w[0])) ** 2)


def _gradient(w, X, y):
    return numerical_gradient(lambda v: _cost(v, X, y), w.astype(float))


def check_adaline_gradient(adaline_gradient):
    """Check ``adaline_gradient(w, X, y)`` -> dJ/dw, shape (1 + n_features,), for
    J(w) = 1/2 sum_i (y(i) - (w_0 + w^T x(i)))^2, with X of shape (n_samples, n_features)."""
    rng = np.random.default_rng(2)
    cases = [
        {"w": np.zeros(3), "X": rng.normal(size=(5, 2)), "y": np.array([1.0, -1, 1, 1, -1])},
        {"w": rng.normal(size=3), "X": rng.normal(size=(8, 2)), "y": rng.choice([-1.0, 1.0], 8)},
        {"w": rng.normal(size=4), "X": rng.normal(size=(6, 3)), "y": rng.choice([-1.0, 1.0], 6)},
    ]
    mistakes = [
        (lambda w, X, y: -_gradient(w, X, y),
         ("the sign is flipped: dJ/dw_j = -sum_i (y(i) - phi(z(i))) x_j(i); the update "
          "Delta w = -alpha dJ/dw then has a plus sign")),
        (lambda w, X, y: _gradient(w, X, y) / len(y),
         "divided by the number of samples: J is a sum, 1/2 SSE, not a mean"),
        (lambda w, X, y: _gradient(w, X, y)[1:],
         "the bias's derivative is missing: dJ/dw_0 = -sum_i (y(i) - phi(z(i))) goes "
         "first, in w[0]"),
    ]
    run_cases("adaline_gradient", adaline_gradient, cases, _gradient, outputs="dJ/dw",
              close=gradient_close, mistakes=mistakes)


def _train(X, y, alpha, epochs):
    model = AdalineGD(alpha=alpha, epochs=epochs).train(X, y)
    return model.w_, np.array(model.cost_)


def _train_cost_before_each_step(X, y, alpha, epochs):
    w, cost = _train(X, y, alpha, epochs)
    return w, cost[:-1]


def _train_cost_after_each_step(X, y, alpha, epochs):
    w, cost = _train(X, y, alpha, epochs)
    return w, cost[1:]


def _train_cost_without_half(X, y, alpha, epochs):
    w, cost = _train(X, y, alpha, epochs)
    return w, 2 * cost


def check_train_adaline(train_adaline):
    """Check ``train_adaline(X, y, alpha, epochs)`` -> (w, cost): weights after ``epochs``
    batch gradient-descent steps from zero, shape (1 + n_features,), and the cost
    J = SSE / 2 after k steps for k = 0, 1, ..., epochs (epochs + 1 numbers, a list or an
    array)."""
    rng = np.random.default_rng(6)
    cases = [
        {"X": np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, -1.0]]), "y": np.array([1.0, -1, -1]),
         "alpha": 0.1, "epochs": 3},
        {"X": rng.normal(size=(20, 2)), "y": rng.choice([-1.0, 1.0], 20), "alpha": 0.01,
         "epochs": 10},
        {"X": rng.normal(size=(15, 3)), "y": rng.choice([-1.0, 1.0], 15), "alpha": 0.02,
         "epochs": 5},
    ]
    mistakes = [
        (_train_cost_before_each_step,
         ("cost misses its last value: record J before each step, as the slide does, and "
         "once more after the last step, for the final weights")),
        (_train_cost_after_each_step,
         ("cost misses its first value: record J before each step (the first with the "
          "zero weights), and once more after the last step")),
        (_train_cost_without_half, "cost is the SSE: J = SSE / 2, with the 1/2"),
    ]
    run_cases("train_adaline", train_adaline, cases, _train, outputs=("w", "cost"),
              lists=("cost",), mistakes=mistakes)
