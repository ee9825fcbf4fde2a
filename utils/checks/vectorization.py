"""Exercise checks of notebook 05, vectorization."""
import numpy as np

from ..linear.logistic import propagate_two_loops
from ._runner import run_cases


def _summed(w, b, X, Y):
    m = X.shape[1]
    J, dw, db = propagate_two_loops(w, b, X, Y)
    return J * m, dw * m, db * m


def check_vectorized_propagate(propagate_fn):
    """Check ``propagate(w, b, X, Y)`` -> (J, dw, db) against the slides' loop, with
    w : (n_x,), X : (n_x, m), Y : (m,); dw has shape (n_x,)."""
    rng = np.random.default_rng(5)
    cases = [
        {"w": np.zeros(2), "b": 0.0, "X": np.array([[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]]),
         "Y": np.array([1.0, 0.0, 1.0])},
        {"w": rng.normal(size=4), "b": 0.3, "X": rng.normal(size=(4, 10)),
         "Y": rng.integers(0, 2, 10).astype(float)},
    ]
    mistakes = [
        (_summed, "J, dw and db are sums over the m examples: divide them by m"),
        (lambda w, b, X, Y: tuple(-v if i else v for i, v in enumerate(
            propagate_two_loops(w, b, X, Y))),
         "dw and db have the wrong sign: dZ = A - Y (prediction minus label)"),
    ]
    run_cases("propagate", propagate_fn, cases, propagate_two_loops,
              outputs=("J", "dw", "db"), mistakes=mistakes)
