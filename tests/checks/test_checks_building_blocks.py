"""The checks of notebook 08: correct answers pass, known mistakes are named."""
import numpy as np

import utils as course
from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import check_leaky_relu, check_linear_backward


def my_linear_backward(dZ, cache):  # the worked solution
    A_prev, W = cache
    dA_prev = W.T @ dZ                          # (n[l-1], m)
    dW = dZ @ A_prev.T                          # (n[l], n[l-1])
    db = dZ.sum(axis=1, keepdims=True)          # (n[l], 1)
    return dA_prev, dW, db


def linear_backward_with_dot(dZ, cache):
    A_prev, W = cache
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1).reshape(-1, 1)


def divides_by_m(dZ, cache):  # deeplearning.ai's convention, with this course's dZ
    m = dZ.shape[1]
    dA_prev, dW, db = my_linear_backward(dZ, cache)
    return dA_prev, dW / m, db / m


def db_averaged(dZ, cache):
    dA_prev, dW, _ = my_linear_backward(dZ, cache)
    return dA_prev, dW, dZ.mean(axis=1, keepdims=True)


def flat_db(dZ, cache):
    dA_prev, dW, db = my_linear_backward(dZ, cache)
    return dA_prev, dW, db.ravel()


def transposed_dW(dZ, cache):
    A_prev, W = cache
    return W.T @ dZ, A_prev @ dZ.T, dZ.sum(axis=1, keepdims=True)


def db_over_the_wrong_axis(dZ, cache):
    dA_prev, dW, _ = my_linear_backward(dZ, cache)
    return dA_prev, dW, dZ.sum(axis=0, keepdims=True)


def returns_a_list(dZ, cache):
    return list(my_linear_backward(dZ, cache))


def leaky_relu_forward(Z):  # the worked solution
    A = np.where(Z > 0, Z, 0.01 * Z)
    return A, Z


def leaky_relu_backward(dA, cache):  # the worked solution
    Z = cache
    return dA * np.where(Z > 0, 1.0, 0.01)


def leaky_relu_backward_with_mask(dA, cache):
    dZ = dA.copy()
    dZ[cache < 0] *= 0.01
    return dZ


def relu_backward_instead(dA, cache):  # the slope 0.01 forgotten on the negative side
    return dA * (cache > 0)


def derivative_without_dA(dA, cache):  # g'(Z) alone, not multiplied by the upstream gradient
    return np.where(cache > 0, 1.0, 0.01)


def backward_in_place(dA, cache):
    dA[cache < 0] *= 0.01
    return dA


def leaky_relu_forward_with_maximum(Z):  # max(Z, 0.01 Z) is Leaky ReLU for a slope below 1
    return np.maximum(Z, 0.01 * Z), Z.copy()


def relu_forward_instead(Z):
    return np.maximum(Z, 0), Z


def forward_max_with_the_slope(Z):
    return np.maximum(Z, 0.01), Z


def forward_without_cache(Z):
    return np.where(Z > 0, Z, 0.01 * Z)


def check_leaky_relu_backward(backward):
    check_leaky_relu(leaky_relu_forward, backward)


def check_leaky_relu_forward(forward):
    check_leaky_relu(forward, leaky_relu_backward)


check_leaky_relu_backward.__name__ = "check_leaky_relu (backward)"
check_leaky_relu_forward.__name__ = "check_leaky_relu (forward)"

EXERCISES = [
    Exercise(check_linear_backward, [my_linear_backward, linear_backward_with_dot,
                                     course.linear_backward], [
        (divides_by_m, "dW and db were divided by m: dZ already holds the 1/m"),
        (db_averaged, "db is a mean over the columns"),
        (flat_db, "db has shape (3,), expected (3, 1): keep it a column"),
        (transposed_dW, "dW has shape (4, 3), expected (3, 4): it is transposed"),
        (db_over_the_wrong_axis, "db has shape (1, 5), expected (3, 1)"),
        (returns_a_list, "returned a list of 3 values; expected a tuple (dA_prev, dW, db)"),
    ]),
    Exercise(check_leaky_relu_backward, [leaky_relu_backward, leaky_relu_backward_with_mask], [
        (relu_backward_instead, "dZ is 0 where Z < 0 (ReLU's derivative)"),
        (derivative_without_dA, "multiply it by dA (the chain rule)"),
        (backward_in_place, "changed its argument dA in place"),
    ]),
    Exercise(check_leaky_relu_forward, [leaky_relu_forward, leaky_relu_forward_with_maximum], [
        (relu_forward_instead, "A is 0 where Z < 0 (ReLU)"),
        (forward_max_with_the_slope, "A = max(Z, 0.01) cuts at the number 0.01"),
        (forward_without_cache, "returned an array of shape (3, 4); expected a tuple (A, dZ)"),
    ]),
]

globals().update(contract_tests(EXERCISES))


def test_a_pair_is_reported_under_both_names(capsys):
    out = output_of(check_leaky_relu_backward, relu_backward_instead, capsys)
    assert_rejected(out, "dZ is 0 where Z < 0", case="Case 1 of 3")
    assert "call:     leaky_relu_forward, then relu_backward_instead(Z=" in out


def test_an_unattempted_pair_names_both_functions(capsys):
    def leaky_relu_forward(Z):
        raise NotImplementedError

    def leaky_relu_backward(dA, cache):
        raise NotImplementedError

    check_leaky_relu(leaky_relu_forward, leaky_relu_backward)
    assert capsys.readouterr().out.startswith(
        "Not attempted yet: leaky_relu_forward, then leaky_relu_backward raises")
