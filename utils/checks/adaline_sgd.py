"""Exercise checks of notebook 03, Adaline with stochastic gradient descent."""
import numpy as np

from ._runner import allclose, run_cases


def check_sgd_epoch(sgd_epoch):
    """Check ``sgd_epoch(w, X, y, alpha)`` -> weights after one pass of per-sample updates,
    in the order of the rows of X; w has shape (1 + n_features,), bias in w[0]."""
    rng = np.random.default_rng(3)

    def expected(w, X, y, alpha):
        w = w.copy()
        for xi, target in zip(X, y):
            error = target - (w[0] + np.dot(w[1:], xi))
            w += alpha * error * np.r_[1.0, xi]
        return w

    cases = [
        dict(w=np.zeros(3), X=np.array([[1.0, 2.0], [-1.0, 0.5]]), y=np.array([1.0, -1.0]),
             alpha=0.1),
        dict(w=rng.normal(size=3), X=rng.normal(size=(6, 2)), y=rng.choice([-1.0, 1.0], 6),
             alpha=0.05),
    ]
    run_cases("sgd_epoch", sgd_epoch, cases, expected, allclose)
