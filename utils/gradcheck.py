"""Checking an analytic gradient against a centred-difference numerical gradient."""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Centred-difference gradient of a scalar function f at x.

    f : callable taking an array shaped like x and returning a float.
    x : float ndarray of any shape; it is perturbed in place and restored.
    Returns an array shaped like x: (f(x + h e_i) - f(x - h e_i)) / 2h for each entry i.
    """
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f"):
        raise TypeError(f"x must be a float ndarray; got {type(x).__name__}")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(a, b):
    """||a - b|| / (||a|| + ||b||): about 1e-7 or below means the two gradients agree.

    Measured over the whole gradient, so that a component that is nearly 0 in both does not
    make a correct gradient look wrong.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(1e-12, np.linalg.norm(a) + np.linalg.norm(b)))
