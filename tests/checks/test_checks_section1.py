"""Each exercise check passes a correct solution and rejects typical wrong ones."""
import numpy as np
import pytest

from utils import (
    check_adaline_gradient,
    check_logistic_backward,
    check_perceptron_update,
    check_sgd_epoch,
    check_sigmoid,
    check_vectorized_propagate,
    logistic_loss,
)


def perceptron_update(w, xi, target, eta):
    prediction = np.where(w[0] + xi @ w[1:] >= 0.0, 1, -1)
    return w + eta * (target - prediction) * np.r_[1.0, xi]


def perceptron_update_without_x(w, xi, target, eta):  # the slide's garbled rule
    prediction = np.where(w[0] + xi @ w[1:] >= 0.0, 1, -1)
    return w + eta * (target - prediction)


def perceptron_update_strict_threshold(w, xi, target, eta):  # z > 0 instead of z >= 0
    prediction = np.where(w[0] + xi @ w[1:] > 0.0, 1, -1)
    return w + eta * (target - prediction) * np.r_[1.0, xi]


def adaline_gradient(w, X, y):
    errors = y - (X @ w[1:] + w[0])
    return -np.r_[errors.sum(), X.T @ errors]


def adaline_gradient_wrong_sign(w, X, y):
    return -adaline_gradient(w, X, y)


def adaline_gradient_without_bias(w, X, y):
    return adaline_gradient(w, X, y)[1:]


def sgd_epoch(w, X, y, alpha):
    w = w.copy()
    for xi, target in zip(X, y):
        error = target - (w[0] + xi @ w[1:])
        w[1:] += alpha * error * xi
        w[0] += alpha * error
    return w


def sgd_epoch_batch_instead(w, X, y, alpha):  # one batch step: not per sample
    errors = y - (X @ w[1:] + w[0])
    return w + alpha * np.r_[errors.sum(), X.T @ errors]


def stable_sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def naive_sigmoid(z):  # overflows, with a RuntimeWarning, for z = -1000
    return 1 / (1 + np.exp(-z))


def logistic_backward(x, y, w, b):
    dz = stable_sigmoid(w @ x + b) - y
    return x * dz, dz


def logistic_backward_wrong_sign(x, y, w, b):
    dz = y - stable_sigmoid(w @ x + b)
    return x * dz, dz


def propagate(w, b, X, Y):
    Z = w @ X + b
    dZ = stable_sigmoid(Z) - Y
    m = X.shape[1]
    return logistic_loss(Z, Y).sum() / m, X @ dZ / m, dZ.sum() / m


def propagate_not_averaged(w, b, X, Y):
    Z = w @ X + b
    dZ = stable_sigmoid(Z) - Y
    return logistic_loss(Z, Y).sum(), X @ dZ, dZ.sum()


def propagate_column_dw(w, b, X, Y):  # dw of shape (n_x, 1) instead of (n_x,)
    J, dw, db = propagate(w, b, X, Y)
    return J, dw.reshape(-1, 1), db


def not_attempted(*args):
    raise NotImplementedError


CHECKS = [
    (check_perceptron_update, perceptron_update,
     [perceptron_update_without_x, perceptron_update_strict_threshold]),
    (check_adaline_gradient, adaline_gradient,
     [adaline_gradient_wrong_sign, adaline_gradient_without_bias]),
    (check_sgd_epoch, sgd_epoch, [sgd_epoch_batch_instead]),
    (check_sigmoid, stable_sigmoid, [naive_sigmoid]),
    (check_logistic_backward, logistic_backward, [logistic_backward_wrong_sign]),
    (check_vectorized_propagate, propagate, [propagate_not_averaged, propagate_column_dw]),
]


@pytest.mark.parametrize("check, correct, _", CHECKS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_correct_solution_passes(check, correct, _, capsys):
    check(correct)
    assert capsys.readouterr().out.startswith("All ")


@pytest.mark.parametrize(
    "check, wrong",
    [(check, wrong) for check, _, wrongs in CHECKS for wrong in wrongs],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_a_wrong_solution_is_rejected_with_the_case(check, wrong, capsys):
    check(wrong)
    out = capsys.readouterr().out
    assert "failed" in out and "expected:" in out and "got:" in out
    assert "All " not in out


@pytest.mark.parametrize("check", [c for c, _, _ in CHECKS], ids=lambda c: c.__name__)
def test_an_unattempted_exercise_says_so(check, capsys):
    check(not_attempted)
    assert "Not attempted yet: not_attempted" in capsys.readouterr().out


def test_an_exception_is_reported_with_its_inputs(capsys):
    check_perceptron_update(lambda w, xi, target, eta: w[5])
    out = capsys.readouterr().out
    assert "Case 1 of 4 failed: perceptron_update(w=" in out and "IndexError" in out


def test_the_naive_sigmoid_is_rejected_for_its_overflow_warning(capsys):
    check_sigmoid(naive_sigmoid)
    out = capsys.readouterr().out
    assert "Case 3" in out and "overflow" in out
