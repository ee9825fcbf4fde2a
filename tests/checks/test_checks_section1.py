"""Each exercise check passes a correct solution and rejects typical wrong ones."""
import numpy as np
import pytest

from grader_contract import contract_tests
from utils import (
    check_adaline_gradient,
    check_logistic_backward,
    check_optimize,
    check_perceptron_update,
    check_predict,
    check_sgd_epoch,
    check_sigmoid,
    check_train_adaline,
    check_train_perceptron,
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


def train_perceptron(X, y, eta, epochs):  # the slide's loop, written out
    w, errors = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        count = 0
        for xi, target in zip(X, y):
            update = eta * (target - (1 if w[0] + xi @ w[1:] >= 0 else -1))
            w[1:] += update * xi
            w[0] += update
            count += int(update != 0)
        errors.append(count)
    return w, errors


def train_perceptron_bias_never_updated(X, y, eta, epochs):
    w, errors = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        count = 0
        for xi, target in zip(X, y):
            update = eta * (target - (1 if w[0] + xi @ w[1:] >= 0 else -1))
            w[1:] += update * xi
            count += int(update != 0)
        errors.append(count)
    return w, errors


def train_adaline(X, y, alpha, epochs):
    w, cost = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        errors = y - (X @ w[1:] + w[0])
        cost.append(0.5 * np.sum(errors**2))
        w = w + alpha * np.r_[errors.sum(), X.T @ errors]
    cost.append(0.5 * np.sum((y - (X @ w[1:] + w[0])) ** 2))
    return w, cost


def train_adaline_cost_before_steps_only(X, y, alpha, epochs):
    w, cost = train_adaline(X, y, alpha, epochs)
    return w, cost[:-1]


def optimize(w, b, X, Y, alpha, epochs):  # independent of utils: stable loss from the math
    costs = []
    for _ in range(epochs + 1):
        Z = w @ X + b
        costs.append(np.mean(np.logaddexp(0, Z) - Y * Z))
        dZ = stable_sigmoid(Z) - Y
        w, b = w - alpha * (X @ dZ) / X.shape[1], b - alpha * dZ.mean()
    Z = w @ X + b
    return w + alpha * (X @ dZ) / X.shape[1], b + alpha * dZ.mean(), costs


def optimize_ascending(w, b, X, Y, alpha, epochs):
    return optimize(w, b, X, Y, -alpha, epochs)


def predict(w, b, X):
    return (w @ X + b >= 0).astype(int)


def predict_strict(w, b, X):
    return (w @ X + b > 0).astype(int)


CHECKS = [
    (check_perceptron_update, perceptron_update,
     [perceptron_update_without_x, perceptron_update_strict_threshold]),
    (check_adaline_gradient, adaline_gradient,
     [adaline_gradient_wrong_sign, adaline_gradient_without_bias]),
    (check_sgd_epoch, sgd_epoch, [sgd_epoch_batch_instead]),
    (check_train_perceptron, train_perceptron, [train_perceptron_bias_never_updated]),
    (check_train_adaline, train_adaline, [train_adaline_cost_before_steps_only]),
    (check_optimize, optimize, [optimize_ascending]),
    (check_predict, predict, [predict_strict]),
    (check_sigmoid, stable_sigmoid, [naive_sigmoid]),
    (check_logistic_backward, logistic_backward, [logistic_backward_wrong_sign]),
    (check_vectorized_propagate, propagate, [propagate_not_averaged, propagate_column_dw]),
]

(test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
 test_an_unattempted_exercise_says_so) = contract_tests(CHECKS)


def test_an_exception_is_reported_with_its_inputs(capsys):
    check_perceptron_update(lambda w, xi, target, eta: w[5])
    out = capsys.readouterr().out
    assert "Case 1 of 4 failed: perceptron_update raised IndexError" in out
    assert "call:     perceptron_update(w=" in out


def test_the_naive_sigmoid_is_rejected_for_its_overflow_warning(capsys):
    check_sigmoid(naive_sigmoid)
    out = capsys.readouterr().out
    assert "Case 3" in out and "overflow" in out


def sgd_epoch_bias_not_updated(w, X, y, alpha):
    w = w.copy()
    for xi, target in zip(X, y):
        w[1:] += alpha * (target - (w[0] + xi @ w[1:])) * xi
    return w


def sgd_epoch_in_place(w, X, y, alpha):
    for xi, target in zip(X, y):
        error = target - (w[0] + xi @ w[1:])
        w[1:] += alpha * error * xi
        w[0] += alpha * error
    return w


@pytest.mark.parametrize("wrong, sentence", [
    (sgd_epoch_batch_instead, "errors were computed once, from the starting weights"),
    (sgd_epoch_bias_not_updated, "the bias w[0] was not updated"),
    (sgd_epoch_in_place, "changed its argument w in place"),
])
def test_sgd_epoch_names_the_mistake(wrong, sentence, capsys):
    check_sgd_epoch(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Case 1 of 2 failed: ") and sentence in out
    assert out.count("from the starting weights") + out.count("bias w[0]") <= 1


def propagate_list(w, b, X, Y):
    return list(propagate(w, b, X, Y))


def propagate_complex(w, b, X, Y):
    J, dw, db = propagate(w, b, X, Y)
    return J + 0j, dw, db


def propagate_nan(w, b, X, Y):
    J, dw, db = propagate(w, b, X, Y)
    return J, dw * np.nan, db


def propagate_text(w, b, X, Y):
    _, dw, db = propagate(w, b, X, Y)
    return "J", dw, db


@pytest.mark.parametrize("wrong, sentence", [
    (propagate_list, "my_propagate returned a list; expected a tuple (J, dw, db)"),
    (propagate_column_dw, "dw has shape (2, 1), expected (2,)"),
    (propagate_complex, "J is complex"),
    (propagate_nan, "dw contains NaN or infinity"),
    (propagate_text, "J is str 'J'"),
    (propagate_not_averaged, "divide them by m"),
])
def test_a_malformed_result_gets_a_sentence_naming_the_students_function(wrong, sentence,
                                                                         capsys):
    def my_propagate(w, b, X, Y):
        return wrong(w, b, X, Y)

    check_vectorized_propagate(my_propagate)
    out = capsys.readouterr().out
    assert out.startswith("Case 1 of 2 failed: ") and sentence in out, out
    assert "call:     my_propagate(w=" in out and "Traceback" not in out


def test_a_failure_names_the_students_function_not_the_courses(capsys):
    def my_sigmoid(z):
        return z

    check_sigmoid(my_sigmoid)
    out = capsys.readouterr().out
    assert "my_sigmoid(z=" in out and "the right shape but wrong values" in out


def test_a_train_perceptron_without_bias_update_fails_on_w(capsys):
    check_train_perceptron(train_perceptron_bias_never_updated)
    assert "w has the right shape but wrong values" in capsys.readouterr().out


@pytest.mark.parametrize("check, wrong, sentence", [
    (check_train_adaline, train_adaline_cost_before_steps_only, "cost misses its last value"),
    (check_optimize, optimize_ascending, "the cost goes up"),
    (check_predict, predict_strict, "a = 0.5 exactly (z = 0) was predicted 0"),
])
def test_typical_mistakes_are_named(check, wrong, sentence, capsys):
    check(wrong)
    assert sentence in capsys.readouterr().out
