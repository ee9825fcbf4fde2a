"""Softmax and sigmoid cross-entropy: values against scipy and the definitions, gradients
against numerical gradients, and finiteness for huge scores."""
import numpy as np
import pytest
from scipy.special import expit, log_softmax, logsumexp

from utils import (
    numerical_gradient,
    relative_error,
    sigmoid_cross_entropy,
    softmax,
    softmax_cross_entropy,
)


@pytest.fixture
def scores(rng):
    C, m = 4, 9
    return rng.normal(size=(C, m)) * 3, rng.integers(0, C, m)


def test_softmax_columns_are_probabilities(scores):
    Z, _ = scores
    A = softmax(Z)
    np.testing.assert_allclose(A, np.exp(Z) / np.exp(Z).sum(axis=0), rtol=1e-14)
    np.testing.assert_allclose(A.sum(axis=0), 1, rtol=1e-15)


def test_softmax_cross_entropy_is_the_mean_negative_log_likelihood(scores):
    Z, y = scores
    loss, _ = softmax_cross_entropy(Z, y)
    expected = -np.mean([Z[y[i], i] - logsumexp(Z[:, i]) for i in range(len(y))])
    assert loss == pytest.approx(expected, rel=1e-14)


def test_softmax_cross_entropy_gradient_matches_numerical(scores):
    Z, y = scores
    _, dZ = softmax_cross_entropy(Z, y)
    num_dZ = numerical_gradient(lambda z: softmax_cross_entropy(z, y)[0], Z.copy())
    assert relative_error(dZ, num_dZ) < 1e-7


def test_softmax_cross_entropy_gradient_is_A_minus_Y_over_m(scores):
    Z, y = scores
    _, dZ = softmax_cross_entropy(Z, y)
    Y = np.eye(Z.shape[0])[:, y]
    np.testing.assert_allclose(dZ, (softmax(Z) - Y) / len(y), rtol=1e-13, atol=1e-16)


def test_softmax_cross_entropy_is_finite_and_exact_for_huge_scores():
    Z = np.array([[1e4, -1e4, 0.0, 1e4],
                  [-1e4, 1e4, 0.0, 1e4 - 1.0]])
    y = np.array([1, 1, 0, 1])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        loss, dZ = softmax_cross_entropy(Z, y)
    # -log softmax: 2e4, 0, ln 2 and 1 + ln(1 + e^-1), exactly as log_softmax from scipy.
    expected = -np.mean(log_softmax(Z, axis=0)[y, np.arange(4)])
    assert loss == pytest.approx((2e4 + 0 + np.log(2) + 1 + np.log1p(np.exp(-1))) / 4,
                                 rel=1e-15)
    assert loss == pytest.approx(expected, rel=1e-15)
    assert np.isfinite(dZ).all()
    np.testing.assert_allclose(dZ[:, 0], [0.25, -0.25])
    np.testing.assert_allclose(dZ[:, 1], [0.0, 0.0])


def test_softmax_cross_entropy_keeps_float32(scores):
    Z, y = scores
    _, dZ = softmax_cross_entropy(Z.astype(np.float32), y)
    assert dZ.dtype == np.float32


def test_sigmoid_cross_entropy_value_and_gradient(rng):
    Z = rng.normal(size=(1, 11)) * 3
    y = rng.integers(0, 2, 11)
    loss, dZ = sigmoid_cross_entropy(Z, y)
    a = expit(Z[0])
    assert loss == pytest.approx(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)), rel=1e-13)
    num_dZ = numerical_gradient(lambda z: sigmoid_cross_entropy(z, y)[0], Z.copy())
    assert relative_error(dZ, num_dZ) < 1e-7
    np.testing.assert_allclose(dZ, (a - y)[None] / 11, rtol=1e-13)


def test_sigmoid_cross_entropy_is_finite_for_huge_scores():
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        loss, dZ = sigmoid_cross_entropy(np.array([[1e4, -1e4, 1e4]]), np.array([0, 1, 1]))
    assert loss == pytest.approx(2e4 / 3, rel=1e-15)
    np.testing.assert_allclose(dZ, [[1 / 3, -1 / 3, 0.0]])


def test_sigmoid_cross_entropy_keeps_float32(rng):
    Z = rng.normal(size=(1, 5)).astype(np.float32)
    _, dZ = sigmoid_cross_entropy(Z, np.array([0, 1, 1, 0, 1]))
    assert dZ.dtype == np.float32
