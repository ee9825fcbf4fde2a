"""Exercise checks of notebook 01, the perceptron."""
import numpy as np

from ._runner import allclose, run_cases


def check_perceptron_update(perceptron_update):
    """Check ``perceptron_update(w, xi, target, eta)`` -> new weights, shape (1 + n_features,).

    w : (1 + n_features,) with the bias in w[0]; xi : (n_features,); target : -1 or +1.
    """

    def expected(w, xi, target, eta):
        prediction = 1 if w[0] + np.dot(w[1:], xi) >= 0.0 else -1
        return w + eta * (target - prediction) * np.r_[1.0, xi]

    cases = [
        dict(w=np.array([0.5, 1.0, -1.0]), xi=np.array([2.0, 1.0]), target=1, eta=0.1),
        dict(w=np.array([0.0, 0.0, 0.0]), xi=np.array([5.1, 1.4]), target=-1, eta=0.1),
        dict(w=np.array([-1.0, 0.2, 0.3]), xi=np.array([1.0, 2.0]), target=1, eta=0.5),
        dict(w=np.array([0.1, -0.4, 0.0, 2.0]), xi=np.array([1.0, -1.0, 0.5]), target=-1, eta=0.01),
    ]
    run_cases("perceptron_update", perceptron_update, cases, expected, allclose)
