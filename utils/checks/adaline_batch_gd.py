"""Exercise checks of notebook 02, Adaline with batch gradient descent."""
import numpy as np

from ..gradcheck import numerical_gradient
from ._runner import gradient_close, run_cases


def check_adaline_gradient(adaline_gradient):
    """Check ``adaline_gradient(w, X, y)`` -> dJ/dw, shape (1 + n_features,), for
    J(w) = 1/2 sum_i (y(i) - (w_0 + w^T x(i)))^2, with X of shape (n_samples, n_features)."""
    rng = np.random.default_rng(2)

    def cost(w, X, y):
        return 0.5 * np.sum((y - (X @ w[1:] + w[0])) ** 2)

    def expected(w, X, y):
        return numerical_gradient(lambda v: cost(v, X, y), w.copy())

    cases = [
        dict(w=np.zeros(3), X=rng.normal(size=(5, 2)), y=np.array([1.0, -1, 1, 1, -1])),
        dict(w=rng.normal(size=3), X=rng.normal(size=(8, 2)), y=rng.choice([-1.0, 1.0], 8)),
        dict(w=rng.normal(size=4), X=rng.normal(size=(6, 3)), y=rng.choice([-1.0, 1.0], 6)),
    ]
    run_cases("adaline_gradient", adaline_gradient, cases, expected, gradient_close)
