"""Self-checks for the notebooks' exercises.

Each ``check_...`` function calls a student's function on a few cases and prints either
"All N tests passed." or which case failed, with its inputs, the expected value and the
value returned. The expected values come from the math (numerical gradients, closed forms)
or from the lecture's own loop, never from the function being checked.
"""
import warnings

import numpy as np

from .gradcheck import numerical_gradient, relative_error
from .logistic import loss, propagate_two_loops, sigmoid


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
    _run("perceptron_update", perceptron_update, cases, expected, _allclose)


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
    _run("adaline_gradient", adaline_gradient, cases, expected, _gradient_close)


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
        dict(w=np.zeros(3), X=np.array([[1.0, 2.0], [-1.0, 0.5]]), y=np.array([1.0, -1.0]), alpha=0.1),
        dict(w=rng.normal(size=3), X=rng.normal(size=(6, 2)), y=rng.choice([-1.0, 1.0], 6), alpha=0.05),
    ]
    _run("sgd_epoch", sgd_epoch, cases, expected, _allclose)


def check_sigmoid(sigmoid_fn):
    """Check ``sigmoid(z)`` -> 1 / (1 + e^-z), elementwise, same shape as z, with no overflow
    warning for large |z|."""
    cases = [
        dict(z=np.array([0.0, 1.0, -1.0, 4.0])),
        dict(z=np.array([[-30.0, 30.0], [2.5, -0.5]])),
        dict(z=np.array([-1000.0, 1000.0])),
    ]
    _run("sigmoid", sigmoid_fn, cases, sigmoid, _allclose)


def check_logistic_backward(logistic_backward):
    """Check ``logistic_backward(x, y, w, b)`` -> (dw, db), the gradient of the loss
    L(sigma(w^T x + b), y) for one example x of shape (n_x,); dw has shape (n_x,)."""
    rng = np.random.default_rng(4)

    def expected(x, y, w, b):
        dw = numerical_gradient(lambda v: loss(np.dot(v, x) + b, y), w.copy())
        db = numerical_gradient(lambda v: loss(np.dot(w, x) + v[0], y), np.array([b]))[0]
        return dw, db

    cases = [
        dict(x=np.array([1.0, 2.0]), y=1.0, w=np.zeros(2), b=0.0),
        dict(x=rng.normal(size=3), y=0.0, w=rng.normal(size=3), b=0.5),
        dict(x=rng.normal(size=4), y=1.0, w=rng.normal(size=4), b=-1.0),
    ]
    _run("logistic_backward", logistic_backward, cases, expected, _gradient_close)


def check_vectorized_propagate(propagate_fn):
    """Check ``propagate(w, b, X, Y)`` -> (J, dw, db) against the slides' loop, with
    w : (n_x,), X : (n_x, m), Y : (m,); dw has shape (n_x,)."""
    rng = np.random.default_rng(5)
    cases = [
        dict(w=np.zeros(2), b=0.0, X=np.array([[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]]),
             Y=np.array([1.0, 0.0, 1.0])),
        dict(w=rng.normal(size=4), b=0.3, X=rng.normal(size=(4, 10)),
             Y=rng.integers(0, 2, 10).astype(float)),
    ]
    _run("propagate", propagate_fn, cases, propagate_two_loops, _allclose)


def _allclose(got, expected):
    return _close(got, expected, lambda g, e: np.allclose(g, e, rtol=1e-7, atol=1e-10))


def _gradient_close(got, expected):
    return _close(got, expected, lambda g, e: relative_error(g, e) < 1e-6)


def _close(got, expected, arrays_close):
    """Compare a value or a tuple of values, shapes first, with ``arrays_close``."""
    if isinstance(expected, tuple):
        return (
            isinstance(got, tuple)
            and len(got) == len(expected)
            and all(_close(g, e, arrays_close) for g, e in zip(got, expected))
        )
    got = np.asarray(got, dtype=float)
    return got.shape == np.shape(expected) and bool(arrays_close(got, expected))


def _run(name, fn, cases, expected_fn, close):
    for number, case in enumerate(cases, start=1):
        inputs = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in case.items()}
        expected = expected_fn(**case)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                got = fn(*inputs.values())  # by position: any parameter names work
        except NotImplementedError:
            print(f"Not attempted yet: {getattr(fn, '__name__', name)} raises NotImplementedError. "
                  f"Write its body, then run this cell again.")
            return
        except Exception as exc:  # a student's bug, reported with the case that caused it
            got = f"{type(exc).__name__}: {exc}"
        if isinstance(got, str) or not _safe(close, got, expected):
            print(f"Case {number} of {len(cases)} failed: {name}({_show(case)})\n"
                  f"  expected: {_format(expected)}\n"
                  f"  got:      {_format(got)}")
            return
    print(f"All {len(cases)} tests passed.")


def _safe(close, got, expected):
    try:
        return close(got, expected)
    except (TypeError, ValueError):
        return False


def _show(case):
    return ", ".join(f"{k}={_format(v)}" for k, v in case.items())


def _format(value):
    if isinstance(value, tuple):
        return "(" + ", ".join(_format(v) for v in value) + ")"
    if isinstance(value, (np.ndarray, list, float, np.floating)):
        return np.array2string(np.asarray(value, dtype=float), precision=4, suppress_small=True,
                               separator=", ")
    return value if isinstance(value, str) else repr(value)
