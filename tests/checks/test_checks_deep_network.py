"""The checks of notebook 07 pass a correct solution and reject typical wrong ones."""
import numpy as np
import pytest

import utils as course
from grader_contract import assert_rejected
from utils import (
    check_network_backward,
    check_softmax_cross_entropy,
    layer_backward,
    linear_backward,
    numerical_gradient,
    relative_error,
    relu_backward,
)
from utils.checks.deep_network import _mean_cross_entropy, _one_hot, _softmax


def softmax_cross_entropy(Z, y):
    m = Z.shape[1]
    shifted = Z - Z.max(axis=0, keepdims=True)
    log_A = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    Y = np.zeros_like(Z)
    Y[y, np.arange(m)] = 1
    return -np.sum(Y * log_A) / m, (np.exp(log_A) - Y) / m


def naive_softmax(Z, y):  # e^Z overflows for Z = 1e4
    m = Z.shape[1]
    A = np.exp(Z) / np.exp(Z).sum(axis=0)
    Y = np.zeros_like(Z)
    Y[y, np.arange(m)] = 1
    return -np.sum(Y * np.log(A)) / m, (A - Y) / m


def summed_loss(Z, y):
    loss, dZ = softmax_cross_entropy(Z, y)
    return loss * Z.shape[1], dZ * Z.shape[1]


def dZ_without_one_over_m(Z, y):  # deeplearning.ai's dZ = A - Y, with this course's mean loss
    loss, dZ = softmax_cross_entropy(Z, y)
    return loss, dZ * Z.shape[1]


def softmax_over_rows(Z, y):  # normalises each class over the examples
    m = Z.shape[1]
    shifted = Z - Z.max(axis=1, keepdims=True)
    A = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    return -np.mean(np.log(A[y, np.arange(m)])), (A - np.eye(Z.shape[0])[:, y]) / m


def dZ_transposed(Z, y):
    loss, dZ = softmax_cross_entropy(Z, y)
    return loss, dZ.T


def loss_as_array(Z, y):
    loss, dZ = softmax_cross_entropy(Z, y)
    return np.array([loss]), dZ


def network_backward(dZL, caches):
    L = len(caches)
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):
        linear_cache, relu_cache = caches[l]
        dZ = relu_backward(dA, relu_cache)
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
    return grads


def off_by_one(dZL, caches):  # layer l's gradients stored under l + 1
    L = len(caches)
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):
        linear_cache, relu_cache = caches[l]
        dA, grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_backward(
            relu_backward(dA, relu_cache), linear_cache)
    return grads


def without_relu_derivative(dZL, caches):
    L = len(caches)
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dA, caches[l][0])
    return grads


def divides_by_m_again(dZL, caches):  # deeplearning.ai's 1/m on top of this course's dZ
    m = dZL.shape[1]
    return {name: g / m for name, g in network_backward(dZL, caches).items()}


SOFTMAX_WRONG = [
    (naive_softmax, "Case 4 of 4", "RuntimeWarning: overflow"),
    (summed_loss, "Case 1 of 4", "loss is 2 times the expected value"),
    (dZ_without_one_over_m, "Case 1 of 4", "dZ is 2 times the expected value"),
    (softmax_over_rows, "Case 1 of 4", "loss is wrong: relative error"),
    (dZ_transposed, "Case 1 of 4", "dZ has shape (2, 3), expected (3, 2)"),
    (loss_as_array, "Case 1 of 4", "loss has shape (1,), expected ()"),
]

BACKWARD_WRONG = [
    (off_by_one, "Case 1 of 4", "the dict returned has no key 'dW1'"),
    (without_relu_derivative, "Case 1 of 4", "dW1 is wrong: relative error"),
    (divides_by_m_again, "Case 1 of 4", "dW1 is 0.2 times the expected value"),
]


@pytest.mark.parametrize("check, solution", [
    (check_softmax_cross_entropy, softmax_cross_entropy),
    (check_softmax_cross_entropy, course.softmax_cross_entropy),
    (check_network_backward, network_backward),
    (check_network_backward, course.network_backward),
], ids=["softmax", "course softmax", "backward", "course backward"])
def test_a_correct_solution_and_the_course_s_own_pass(check, solution, capsys):
    check(solution)
    assert capsys.readouterr().out == "All 4 tests passed.\n"


@pytest.mark.parametrize("check, wrong, case, sentence, first_argument",
                         [(check_softmax_cross_entropy, *row, "Z") for row in SOFTMAX_WRONG]
                         + [(check_network_backward, *row, "dZL") for row in BACKWARD_WRONG],
                         ids=lambda v: getattr(v, "__name__", None))
def test_a_wrong_solution_is_rejected(check, wrong, case, sentence, first_argument, capsys):
    check(wrong)
    assert_rejected(capsys.readouterr().out, case, f"{wrong.__name__}({first_argument}=",
                    sentence)


def test_a_backward_that_breaks_on_the_output_cache_is_reported(capsys):
    def relu_on_every_layer(dZL, caches):  # the output layer's cache has no ReLU part
        L = len(caches)
        grads = {}
        dA = dZL
        for l in range(L, 0, -1):
            dA, grads[f"dW{l}"], grads[f"db{l}"] = layer_backward(dA, caches[l], "relu")
        return grads

    check_network_backward(relu_on_every_layer)
    out = capsys.readouterr().out
    assert "Case 1 of 4 failed" in out and "ValueError" in out


@pytest.mark.parametrize("check", [check_softmax_cross_entropy, check_network_backward])
def test_an_unattempted_exercise_says_so(check, capsys):
    def my_function(*args):
        raise NotImplementedError

    check(my_function)
    assert capsys.readouterr().out.startswith("Not attempted yet: my_function")


def test_the_closed_form_used_for_huge_scores_is_the_numerical_gradient_elsewhere():
    rng = np.random.default_rng(0)
    Z, y = 2 * rng.normal(size=(4, 6)), rng.integers(0, 4, 6)
    closed_form = (_softmax(Z) - _one_hot(y, 4)) / 6
    numerical = numerical_gradient(lambda z: _mean_cross_entropy(z, y), Z.copy())
    assert relative_error(closed_form, numerical) < 1e-8


def test_the_expected_loss_is_exact_for_huge_scores():
    Z = np.array([[1e4], [-1e4], [0.0]])
    # log(e^1e4 + e^-1e4 + 1) - Z[y] = 1e4 - Z[y] exactly in float64
    assert _mean_cross_entropy(Z, np.array([1])) == 2e4
    assert _mean_cross_entropy(Z, np.array([0])) == 0.0


def test_a_lambda_is_reported_under_the_exercise_name(capsys):
    check_softmax_cross_entropy(lambda Z, y: (0.0, Z))
    assert "call:     softmax_cross_entropy(Z=" in capsys.readouterr().out
