"""Exercise checks of notebook 04, logistic regression."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..linear.logistic import logistic_loss, sigmoid
from ._runner import allclose, gradient_close, run_cases


def check_sigmoid(sigmoid_fn):
    """Check ``sigmoid(z)`` -> 1 / (1 + e^-z), elementwise, same shape as z, with no overflow
    warning for large |z|."""
    cases = [
        dict(z=np.array([0.0, 1.0, -1.0, 4.0])),
        dict(z=np.array([[-30.0, 30.0], [2.5, -0.5]])),
        dict(z=np.array([-1000.0, 1000.0])),
    ]
    run_cases("sigmoid", sigmoid_fn, cases, sigmoid, allclose)


def check_logistic_backward(logistic_backward):
    """Check ``logistic_backward(x, y, w, b)`` -> (dw, db), the gradient of the loss
    L(sigma(w^T x + b), y) for one example x of shape (n_x,); dw has shape (n_x,)."""
    rng = np.random.default_rng(4)

    def expected(x, y, w, b):
        dw = numerical_gradient(lambda v: logistic_loss(np.dot(v, x) + b, y), w.copy())
        db = numerical_gradient(lambda v: logistic_loss(np.dot(w, x) + v[0], y), np.array([b]))[0]
        return dw, db

    cases = [
        dict(x=np.array([1.0, 2.0]), y=1.0, w=np.zeros(2), b=0.0),
        dict(x=rng.normal(size=3), y=0.0, w=rng.normal(size=3), b=0.5),
        dict(x=rng.normal(size=4), y=1.0, w=rng.normal(size=4), b=-1.0),
    ]
    run_cases("logistic_backward", logistic_backward, cases, expected, gradient_close)
