"""The checks of notebook 07: correct answers pass, known mistakes are named."""
import numpy as np

import utils as course
from grader_contract import Exercise, assert_rejected, contract_tests, output_of
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


def my_softmax_cross_entropy(Z, y):  # the worked solution
    m = Z.shape[1]
    shifted = Z - Z.max(axis=0, keepdims=True)
    log_A = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    examples = np.arange(m)
    loss = -log_A[y, examples].mean()
    Y = np.zeros_like(Z)
    Y[y, examples] = 1.0
    dZ = (np.exp(log_A) - Y) / m
    return float(loss), dZ


def softmax_cross_entropy_with_one_hot(Z, y):
    m = Z.shape[1]
    shifted = Z - Z.max(axis=0)
    A = np.exp(shifted) / np.exp(shifted).sum(axis=0)
    Y = np.eye(Z.shape[0])[:, y]
    log_A = shifted - np.log(np.exp(shifted).sum(axis=0))
    return -np.sum(Y * log_A) / m, (A - Y) / m


def naive_softmax(Z, y):  # e^Z overflows for Z = 1e4
    m = Z.shape[1]
    A = np.exp(Z) / np.exp(Z).sum(axis=0)
    Y = np.zeros_like(Z)
    Y[y, np.arange(m)] = 1
    return -np.sum(Y * np.log(A)) / m, (A - Y) / m


def summed_loss(Z, y):
    loss, dZ = my_softmax_cross_entropy(Z, y)
    return loss * Z.shape[1], dZ * Z.shape[1]


def dZ_without_one_over_m(Z, y):  # deeplearning.ai's dZ = A - Y, with this course's mean loss
    loss, dZ = my_softmax_cross_entropy(Z, y)
    return loss, dZ * Z.shape[1]


def loss_summed_only(Z, y):
    loss, dZ = my_softmax_cross_entropy(Z, y)
    return loss * Z.shape[1], dZ


def softmax_over_rows(Z, y):  # normalises each class over the examples
    m = Z.shape[1]
    shifted = Z - Z.max(axis=1, keepdims=True)
    A = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    return -np.sum(np.log(A[y, np.arange(m)])) / m, (A - np.eye(Z.shape[0])[:, y]) / m


def dZ_transposed(Z, y):
    loss, dZ = my_softmax_cross_entropy(Z, y)
    return loss, dZ.T


def loss_as_array(Z, y):
    loss, dZ = my_softmax_cross_entropy(Z, y)
    return np.array([loss]), dZ


def my_network_backward(dZL, caches):  # the worked solution
    L = len(caches)
    grads = {}
    dA, grads[f'dW{L}'], grads[f'db{L}'] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):
        linear_cache, relu_cache = caches[l]
        dZ = relu_backward(dA, relu_cache)
        dA, grads[f'dW{l}'], grads[f'db{l}'] = linear_backward(dZ, linear_cache)
    return grads


def network_backward_written_out(dZL, caches):
    L = len(caches)
    A_prev, W = caches[L]
    grads = {f"dW{L}": dZL @ A_prev.T, f"db{L}": dZL.sum(axis=1, keepdims=True)}
    dA = W.T @ dZL
    for l in range(L - 1, 0, -1):
        (A_prev, W), Z = caches[l]
        dZ = dA * (Z > 0)
        grads[f"dW{l}"], grads[f"db{l}"] = dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)
        dA = W.T @ dZ
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
    return {name: g / m for name, g in my_network_backward(dZL, caches).items()}


def pops_the_caches(dZL, caches):  # empties the caller's dict of caches as it goes
    L = len(caches)
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches.pop(L))
    for l in range(L - 1, 0, -1):
        linear_cache, relu_cache = caches.pop(l)
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(
            relu_backward(dA, relu_cache), linear_cache)
    return grads


def zeroes_the_cached_weights(dZL, caches):
    grads = my_network_backward(dZL, caches)
    caches[1][0][1][:] = 0.0
    return grads


EXERCISES = [
    Exercise(check_softmax_cross_entropy, [my_softmax_cross_entropy,
                                           softmax_cross_entropy_with_one_hot,
                                           course.softmax_cross_entropy], [
        (naive_softmax, "RuntimeWarning: overflow"),
        (summed_loss, "loss and dZ are sums over the m examples"),
        (dZ_without_one_over_m, "dZ misses the 1/m of the mean"),
        (loss_summed_only, "the loss is a sum over the m examples: return its mean"),
        (softmax_over_rows, "softmax was normalised along axis=1"),
        (dZ_transposed, "dZ has shape (2, 3), expected (3, 2): it is transposed"),
        (loss_as_array, "loss is an array of shape (1,); expected a single number"),
    ]),
    Exercise(check_network_backward, [my_network_backward, network_backward_written_out,
                                      course.network_backward], [
        (off_by_one, "the gradients are one layer off"),
        (without_relu_derivative, "the hidden layers' ReLU derivative is missing"),
        (divides_by_m_again, "dW1 is 0.2 times the expected value"),
        (pops_the_caches, "changed its argument caches (keys added [], removed [1, 2])"),
        (zeroes_the_cached_weights, "changed its argument caches[1][0][1] in place"),
    ]),
]

globals().update(contract_tests(EXERCISES))


def test_a_backward_that_breaks_on_the_output_cache_is_the_students_error(capsys):
    def relu_on_every_layer(dZL, caches):  # the output layer's cache has no ReLU part
        L = len(caches)
        grads = {}
        dA = dZL
        for l in range(L, 0, -1):
            dA, grads[f"dW{l}"], grads[f"db{l}"] = layer_backward(dA, caches[l], "relu")
        return grads

    out = output_of(check_network_backward, relu_on_every_layer, capsys)
    assert_rejected(out, "your function relu_on_every_layer raised ValueError",
                    case="Case 1 of 4")


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


def test_a_lambda_is_reported_under_the_exercises_name(capsys):
    out = output_of(check_softmax_cross_entropy, lambda Z, y: (0.0, Z), capsys)
    assert "call:     softmax_cross_entropy(Z=" in out
