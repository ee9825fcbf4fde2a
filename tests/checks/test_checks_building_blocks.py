"""The checks of notebook 08 pass a correct solution and reject typical wrong ones."""
import numpy as np
import pytest

import utils as course
from grader_contract import assert_rejected
from utils import check_leaky_relu, check_linear_backward


def linear_backward(dZ, cache):
    A_prev, W = cache
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)


def divides_by_m(dZ, cache):  # deeplearning.ai's convention, with this course's dZ
    m = dZ.shape[1]
    dA_prev, dW, db = linear_backward(dZ, cache)
    return dA_prev, dW / m, db / m


def flat_db(dZ, cache):
    dA_prev, dW, db = linear_backward(dZ, cache)
    return dA_prev, dW, db.ravel()


def transposed_dW(dZ, cache):
    A_prev, W = cache
    return W.T @ dZ, A_prev @ dZ.T, dZ.sum(axis=1, keepdims=True)


def db_averaged_over_units(dZ, cache):  # sums over the wrong axis
    dA_prev, dW, _ = linear_backward(dZ, cache)
    return dA_prev, dW, dZ.sum(axis=0, keepdims=True)


def returns_a_list(dZ, cache):
    return list(linear_backward(dZ, cache))


def leaky_relu_forward(Z):
    return np.where(Z > 0, Z, 0.01 * Z), Z


def leaky_relu_backward(dA, cache):
    Z = cache
    return dA * np.where(Z > 0, 1.0, 0.01)


def relu_backward_instead(dA, cache):  # the slope 0.01 forgotten on the negative side
    return dA * (cache > 0)


def derivative_without_dA(dA, cache):  # g'(Z) alone, not multiplied by the upstream gradient
    return np.where(cache > 0, 1.0, 0.01)


def forward_without_cache(Z):
    return np.where(Z > 0, Z, 0.01 * Z)


LINEAR_WRONG = [
    (divides_by_m, "Case 1 of 4", "dW is 0.2 times the expected value"),
    (flat_db, "Case 1 of 4", "db has shape (3,), expected (3, 1)"),
    (transposed_dW, "Case 1 of 4", "dW has shape (4, 3), expected (3, 4)"),
    (db_averaged_over_units, "Case 1 of 4", "db has shape (1, 5), expected (3, 1)"),
    (returns_a_list, "Case 1 of 4", "returned a list; expected a tuple of 3 values"),
]


@pytest.mark.parametrize("solution", [linear_backward, course.linear_backward],
                         ids=["linear_backward", "the course's"])
def test_a_correct_linear_backward_passes(solution, capsys):
    check_linear_backward(solution)
    assert capsys.readouterr().out == "All 4 tests passed.\n"


@pytest.mark.parametrize("wrong, case, sentence", LINEAR_WRONG,
                         ids=lambda v: getattr(v, "__name__", ""))
def test_a_wrong_linear_backward_is_rejected(wrong, case, sentence, capsys):
    check_linear_backward(wrong)
    assert_rejected(capsys.readouterr().out, case, f"{wrong.__name__}(dZ=", sentence)


def test_a_correct_leaky_relu_pair_passes(capsys):
    check_leaky_relu(leaky_relu_forward, leaky_relu_backward)
    assert capsys.readouterr().out == "All 3 tests passed.\n"


@pytest.mark.parametrize("forward, backward, sentence", [
    (leaky_relu_forward, relu_backward_instead, "dZ is wrong: relative error"),
    (leaky_relu_forward, derivative_without_dA, "dZ is wrong: relative error"),
    (lambda Z: (np.maximum(Z, 0), Z), leaky_relu_backward, "A is wrong: relative error"),
    (forward_without_cache, leaky_relu_backward, "ValueError: too many values to unpack"),
], ids=["relu_backward", "without_dA", "relu_forward", "without_cache"])
def test_a_wrong_leaky_relu_pair_is_rejected(forward, backward, sentence, capsys):
    check_leaky_relu(forward, backward)
    out = capsys.readouterr().out
    names = [f.__name__ if f.__name__.isidentifier() else default
             for f, default in ((forward, "leaky_relu_forward"),
                                (backward, "leaky_relu_backward"))]
    assert_rejected(out, "Case 1 of 3", f"{names[0]}, then {names[1]}(Z=", sentence)


def test_an_unattempted_pair_names_both_functions(capsys):
    def leaky_relu_forward(Z):
        raise NotImplementedError

    def leaky_relu_backward(dA, cache):
        raise NotImplementedError

    check_leaky_relu(leaky_relu_forward, leaky_relu_backward)
    assert capsys.readouterr().out.startswith(
        "Not attempted yet: leaky_relu_forward, then leaky_relu_backward raises")


def test_an_unattempted_linear_backward_says_so(capsys):
    def linear_backward(dZ, cache):
        raise NotImplementedError

    check_linear_backward(linear_backward)
    assert capsys.readouterr().out.startswith("Not attempted yet: linear_backward")
