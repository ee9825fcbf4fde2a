"""The checks of notebooks 01-05 (section 1): correct answers pass, known mistakes are named."""
import numpy as np

import utils as course
from grader_contract import Exercise, assert_rejected, contract_tests, output_of
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
)

# ---- 01: the perceptron -----------------------------------------------------------------

def perceptron_update(w, xi, target, eta):  # the worked solution
    prediction = 1 if w[0] + np.dot(w[1:], xi) >= 0.0 else -1
    update = eta * (target - prediction)
    w = w.copy()
    w[1:] += update * xi
    w[0] += update
    return w


def perceptron_update_vectorised(w, xi, target, eta):
    prediction = np.where(w[0] + xi @ w[1:] >= 0.0, 1, -1)
    return w + eta * (target - prediction) * np.r_[1.0, xi]


def update_without_x(w, xi, target, eta):  # the slide's garbled rule
    prediction = 1 if w[0] + xi @ w[1:] >= 0 else -1
    return w + eta * (target - prediction)


def update_strict_threshold(w, xi, target, eta):
    prediction = 1 if w[0] + xi @ w[1:] > 0 else -1
    return w + eta * (target - prediction) * np.r_[1.0, xi]


def update_against_the_error(w, xi, target, eta):
    prediction = 1 if w[0] + xi @ w[1:] >= 0 else -1
    return w - eta * (target - prediction) * np.r_[1.0, xi]


def train_perceptron(X, y, eta, epochs):  # the worked solution
    w, errors = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        count = 0
        for xi, target in zip(X, y):
            new_w = perceptron_update(w, xi, target, eta)
            count += int(not np.array_equal(new_w, w))
            w = new_w
        errors.append(count)
    return w, errors


def train_perceptron_array_errors(X, y, eta, epochs):
    w, errors = np.zeros(1 + X.shape[1]), np.zeros(epochs, dtype=int)
    for epoch in range(epochs):
        for xi, target in zip(X, y):
            update = eta * (target - (1 if w[0] + xi @ w[1:] >= 0 else -1))
            w = w + update * np.r_[1.0, xi]
            errors[epoch] += update != 0
    return w, errors


def train_bias_frozen(X, y, eta, epochs):
    w, errors = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        errors.append(0)
        for xi, target in zip(X, y):
            update = eta * (target - (1 if w[0] + xi @ w[1:] >= 0 else -1))
            w[1:] += update * xi
            errors[-1] += update != 0
    return w, errors


def train_counting_across_epochs(X, y, eta, epochs):
    w, errors, count = np.zeros(1 + X.shape[1]), [], 0
    for _ in range(epochs):
        for xi, target in zip(X, y):
            new_w = perceptron_update(w, xi, target, eta)
            count += int(not np.array_equal(new_w, w))
            w = new_w
        errors.append(count)
    return w, errors


# ---- 02-03: Adaline ---------------------------------------------------------------------

def adaline_gradient(w, X, y):  # the worked solution
    errors = y - (X @ w[1:] + w[0])
    return -np.r_[errors.sum(), X.T @ errors]


def adaline_gradient_with_ones(w, X, y):
    X1 = np.column_stack([np.ones(len(X)), X])
    return X1.T @ (X1 @ w - y)


def adaline_gradient_wrong_sign(w, X, y):
    errors = y - (X @ w[1:] + w[0])
    return np.r_[errors.sum(), X.T @ errors]


def adaline_gradient_mean(w, X, y):
    errors = y - (X @ w[1:] + w[0])
    return -np.r_[errors.sum(), X.T @ errors] / len(y)


def adaline_gradient_without_bias(w, X, y):
    return -X.T @ (y - (X @ w[1:] + w[0]))


def train_adaline(X, y, alpha, epochs):  # the worked solution
    w, cost = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        errors = y - (X @ w[1:] + w[0])
        cost.append(0.5 * np.sum(errors**2))
        w = w - alpha * adaline_gradient(w, X, y)
    cost.append(0.5 * np.sum((y - (X @ w[1:] + w[0])) ** 2))
    return w, cost


def train_adaline_with_model(X, y, alpha, epochs):
    model = course.AdalineGD(alpha=alpha, epochs=epochs).train(X, y)
    return model.w_, np.array(model.cost_)


def train_adaline_cost_before_steps_only(X, y, alpha, epochs):
    w, cost = train_adaline(X, y, alpha, epochs)
    return w, cost[:-1]


def train_adaline_cost_after_steps_only(X, y, alpha, epochs):
    w, cost = np.zeros(1 + X.shape[1]), []
    for _ in range(epochs):
        w = w - alpha * adaline_gradient(w, X, y)
        cost.append(0.5 * np.sum((y - (X @ w[1:] + w[0])) ** 2))
    return w, cost


def train_adaline_sse(X, y, alpha, epochs):
    w, cost = train_adaline(X, y, alpha, epochs)
    return w, [2 * c for c in cost]


def sgd_epoch(w, X, y, alpha):  # the worked solution
    w = w.astype(float)
    for xi, target in zip(X, y):
        error = target - (w[0] + xi @ w[1:])
        w[1:] += alpha * error * xi
        w[0] += alpha * error
    return w


def sgd_epoch_new_arrays(w, X, y, alpha):
    for xi, target in zip(X, y):
        error = target - (w[0] + xi @ w[1:])
        w = w + alpha * error * np.r_[1.0, xi]
    return w


def sgd_epoch_batch_instead(w, X, y, alpha):
    errors = y - (X @ w[1:] + w[0])
    return w + alpha * np.r_[errors.sum(), X.T @ errors]


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


# ---- 04: logistic regression ------------------------------------------------------------

def my_sigmoid(z):  # the worked solution
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_clipped(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


def naive_sigmoid(z):  # overflows for z = -1000
    return 1 / (1 + np.exp(-z))


def sigmoid_of_minus_z(z):
    return my_sigmoid(-z)


def logistic_backward(x, y, w, b):  # the worked solution
    a = my_sigmoid(np.dot(w, x) + b)
    dz = a - y
    return x * dz, dz


def logistic_backward_float_db(x, y, w, b):
    dz = float(course.sigmoid(w @ x + b) - y)
    return dz * x, dz


def logistic_backward_wrong_sign(x, y, w, b):
    dz = y - my_sigmoid(w @ x + b)
    return x * dz, dz


def logistic_backward_without_x(x, y, w, b):
    dz = my_sigmoid(w @ x + b) - y
    return dz, dz


def optimize(w, b, X, Y, alpha, epochs):  # the worked solution
    costs = []
    for _ in range(epochs):
        J, dw, db = course.propagate(w, b, X, Y)
        costs.append(J)
        w, b = w - alpha * dw, b - alpha * db
    costs.append(course.propagate(w, b, X, Y)[0])
    return w, b, costs


def optimize_from_the_math(w, b, X, Y, alpha, epochs):  # stable loss written out
    costs = []
    for step in range(epochs + 1):
        Z = w @ X + b
        costs.append(np.mean(np.logaddexp(0, Z) - Y * Z))
        if step < epochs:
            dZ = my_sigmoid(Z) - Y
            w, b = w - alpha * (X @ dZ) / X.shape[1], b - alpha * dZ.mean()
    return w, b, np.array(costs)


def optimize_ascending(w, b, X, Y, alpha, epochs):
    return optimize(w, b, X, Y, -alpha, epochs)


def optimize_without_final_cost(w, b, X, Y, alpha, epochs):
    w, b, costs = optimize(w, b, X, Y, alpha, epochs)
    return w, b, costs[:-1]


def optimize_cost_after_each_step(w, b, X, Y, alpha, epochs):
    costs = []
    for _ in range(epochs):
        _, dw, db = course.propagate(w, b, X, Y)
        w, b = w - alpha * dw, b - alpha * db
        costs.append(course.propagate(w, b, X, Y)[0])
    return w, b, costs


def predict(w, b, X):  # the worked solution
    return np.where(my_sigmoid(np.dot(w, X) + b) >= 0.5, 1, 0)


def predict_from_z(w, b, X):
    return (w @ X + b >= 0).astype(int)


def predict_strict(w, b, X):
    return (w @ X + b > 0).astype(int)


def predict_probabilities(w, b, X):
    return my_sigmoid(w @ X + b)


def predict_plus_minus_one(w, b, X):
    return np.where(w @ X + b >= 0, 1, -1)


# ---- 05: vectorization ------------------------------------------------------------------

def my_propagate(w, b, X, Y):  # the worked solution
    m = X.shape[1]
    Z = np.dot(w, X) + b
    A = course.sigmoid(Z)
    J = np.sum(course.logistic_loss(Z, Y)) / m
    dZ = A - Y
    return J, np.dot(X, dZ) / m, np.sum(dZ) / m


def propagate_with_mean(w, b, X, Y):
    Z = w @ X + b
    dZ = my_sigmoid(Z) - Y
    return np.mean(np.logaddexp(0, Z) - Y * Z), (X * dZ).mean(axis=1), dZ.mean()


def propagate_not_averaged(w, b, X, Y):
    Z = w @ X + b
    dZ = my_sigmoid(Z) - Y
    return course.logistic_loss(Z, Y).sum(), X @ dZ, dZ.sum()


def propagate_wrong_sign(w, b, X, Y):
    J, dw, db = my_propagate(w, b, X, Y)
    return J, -dw, -db


def propagate_as_a_list(w, b, X, Y):
    return [*my_propagate(w, b, X, Y)]


def propagate_complex_cost(w, b, X, Y):
    J, dw, db = my_propagate(w, b, X, Y)
    return J + 0j, dw, db


def propagate_text(w, b, X, Y):
    _, dw, db = my_propagate(w, b, X, Y)
    return "J", dw, db


def propagate_column_dw(w, b, X, Y):  # dw of shape (n_x, 1) instead of (n_x,)
    J, dw, db = my_propagate(w, b, X, Y)
    return J, dw.reshape(-1, 1), db


EXERCISES = [
    Exercise(check_perceptron_update, [perceptron_update, perceptron_update_vectorised], [
        (update_without_x, "needs the factor x_j"),
        (update_strict_threshold, "the unit step gives +1 for z >= 0"),
        (update_against_the_error, "the update has the wrong sign"),
    ]),
    Exercise(check_train_perceptron, [train_perceptron, train_perceptron_array_errors], [
        (train_bias_frozen, "the bias w[0] never moved"),
        (train_counting_across_epochs, "errors is a running total"),
    ]),
    Exercise(check_adaline_gradient, [adaline_gradient, adaline_gradient_with_ones], [
        (adaline_gradient_wrong_sign, "the sign is flipped"),
        (adaline_gradient_mean, "J is a sum, 1/2 SSE, not a mean"),
        (adaline_gradient_without_bias, "the bias's derivative is missing"),
    ]),
    Exercise(check_train_adaline, [train_adaline, train_adaline_with_model], [
        (train_adaline_cost_before_steps_only, "cost misses its last value"),
        (train_adaline_cost_after_steps_only, "cost misses its first value"),
        (train_adaline_sse, "cost is the SSE: J = SSE / 2"),
    ]),
    Exercise(check_sgd_epoch, [sgd_epoch, sgd_epoch_new_arrays], [
        (sgd_epoch_batch_instead, "the errors were computed once, from the starting weights"),
        (sgd_epoch_bias_not_updated, "the bias w[0] was not updated"),
        (sgd_epoch_in_place, "sgd_epoch_in_place changed its argument w in place"),
    ]),
    Exercise(check_sigmoid, [my_sigmoid, sigmoid_clipped], [
        (naive_sigmoid, "RuntimeWarning: overflow encountered in exp. np.exp overflowed"),
        (sigmoid_of_minus_z, "this is sigma(-z)"),
    ]),
    Exercise(check_logistic_backward, [logistic_backward, logistic_backward_float_db], [
        (logistic_backward_wrong_sign, "the sign is flipped: dz = a - y"),
        (logistic_backward_without_x, "dw is dz alone: dw = x dz"),
    ]),
    Exercise(check_optimize, [optimize, optimize_from_the_math], [
        (optimize_ascending, "the cost goes up: step against the gradient"),
        (optimize_without_final_cost, "costs misses its last value"),
        (optimize_cost_after_each_step, "costs misses its first value"),
    ]),
    Exercise(check_predict, [predict, predict_from_z], [
        (predict_strict, "a = 0.5 exactly (z = 0) was predicted 0"),
        (predict_probabilities, "these are the probabilities a"),
        (predict_plus_minus_one, "the labels are -1 and +1"),
    ]),
    Exercise(check_vectorized_propagate, [my_propagate, propagate_with_mean], [
        (propagate_not_averaged, "sums over the m examples: divide them by m"),
        (propagate_wrong_sign, "dw and db have the wrong sign"),
        (propagate_as_a_list, "propagate_as_a_list returned a list of 3 values; expected a "
                              "tuple (J, dw, db)"),
        (propagate_complex_cost, "J is complex"),
        (propagate_text, "J is a str"),
        (propagate_column_dw, "dw has shape (2, 1), expected (2,)"),
    ]),
]

globals().update(contract_tests(EXERCISES))


def test_an_error_names_the_students_function_and_its_line(capsys):
    def my_update(w, xi, target, eta):
        return w[5]

    out = output_of(check_perceptron_update, my_update, capsys)
    assert_rejected(out, "your function my_update raised IndexError", case="Case 1 of 4")
    assert "(in the line `return w[5]`)" in out and "call:     my_update(w=" in out


def test_a_lambda_is_reported_under_the_exercises_name(capsys):
    out = output_of(check_sigmoid, lambda z: z, capsys)
    assert_rejected(out, "a has the right shape but wrong values", case="Case 1 of 3")
    assert "call:     sigmoid(z=" in out
