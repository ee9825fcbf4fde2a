"""Every layer's backward pass against a centred-difference numerical gradient.

All in float64 (in float32 a centred difference keeps only a couple of digits). ReLU's
inputs are kept at least 0.1 away from its kink at 0, where a difference over +-h
straddles two slopes; with h = 1e-5 the numerical gradient is then exact up to rounding.
"""
import numpy as np
import pytest

from utils import (
    linear_backward,
    linear_forward,
    numerical_gradient_array,
    relative_error,
    relu_backward,
    relu_forward,
    sigmoid_backward,
    sigmoid_forward,
    tanh_backward,
    tanh_forward,
)

ACTIVATIONS = {
    "relu": (relu_forward, relu_backward),
    "tanh": (tanh_forward, tanh_backward),
    "sigmoid": (sigmoid_forward, sigmoid_backward),
}


def away_from_zero(rng, shape, gap=0.1):
    """Normal entries with |z| >= gap: none near ReLU's kink."""
    Z = rng.normal(size=shape)
    return np.where(Z >= 0, Z + gap, Z - gap)


@pytest.fixture
def linear_problem(rng):
    n_prev, n, m = 5, 4, 7
    A_prev = rng.normal(size=(n_prev, m))
    W = rng.normal(size=(n, n_prev))
    b = rng.normal(size=(n, 1))
    dZ = rng.normal(size=(n, m))
    return A_prev, W, b, dZ


def test_linear_forward_is_W_A_plus_b_per_column(linear_problem):
    A_prev, W, b, _ = linear_problem
    Z, _ = linear_forward(A_prev, W, b)
    for i in range(A_prev.shape[1]):
        np.testing.assert_allclose(Z[:, i], W @ A_prev[:, i] + b[:, 0], rtol=1e-13)


def test_linear_backward_matches_numerical_gradients(linear_problem):
    A_prev, W, b, dZ = linear_problem
    _, cache = linear_forward(A_prev, W, b)
    dA_prev, dW, db = linear_backward(dZ, cache)
    num_dA_prev = numerical_gradient_array(lambda a: linear_forward(a, W, b)[0], A_prev, dZ)
    num_dW = numerical_gradient_array(lambda w: linear_forward(A_prev, w, b)[0], W, dZ)
    num_db = numerical_gradient_array(lambda b_: linear_forward(A_prev, W, b_)[0], b, dZ)
    assert dA_prev.shape == A_prev.shape and dW.shape == W.shape and db.shape == b.shape
    assert relative_error(dA_prev, num_dA_prev) < 1e-7
    assert relative_error(dW, num_dW) < 1e-7
    assert relative_error(db, num_db) < 1e-7


def test_linear_backward_can_skip_dA_prev(linear_problem):
    A_prev, W, b, dZ = linear_problem
    _, cache = linear_forward(A_prev, W, b)
    full = linear_backward(dZ, cache)
    dA_prev, dW, db = linear_backward(dZ, cache, compute_dA_prev=False)
    assert dA_prev is None
    np.testing.assert_array_equal(dW, full[1])
    np.testing.assert_array_equal(db, full[2])


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_backward_matches_numerical_gradient(rng, name):
    forward, backward = ACTIVATIONS[name]
    Z = away_from_zero(rng, (4, 6)) * 2
    dA = rng.normal(size=Z.shape)
    _, cache = forward(Z)
    dZ = backward(dA, cache)
    num_dZ = numerical_gradient_array(lambda z: forward(z)[0], Z, dA)
    assert dZ.shape == Z.shape
    assert relative_error(dZ, num_dZ) < 1e-7


def test_relu_gradient_is_exactly_zero_where_the_unit_is_off(rng):
    Z = away_from_zero(rng, (3, 8))
    dA = rng.normal(size=Z.shape)
    dZ = relu_backward(dA, relu_forward(Z)[1])
    num_dZ = numerical_gradient_array(lambda z: relu_forward(z)[0], Z, dA)
    # A relative error would be meaningless entry by entry where both are 0: compare absolutely.
    np.testing.assert_allclose(dZ, num_dZ, rtol=1e-8, atol=1e-12)
    assert np.all(dZ[Z < 0] == 0)


@pytest.mark.parametrize(
    "name, reference",
    [("relu", lambda z: np.maximum(z, 0)), ("tanh", np.tanh),
     ("sigmoid", lambda z: 1 / (1 + np.exp(-z)))],
)
def test_activation_forward_values(name, reference):
    Z = np.linspace(-5, 5, 21).reshape(3, 7)
    np.testing.assert_allclose(ACTIVATIONS[name][0](Z)[0], reference(Z), rtol=1e-14)


def test_sigmoid_saturates_without_overflow():
    Z = np.array([[-1000.0, -40.0, 0.0, 40.0, 1000.0]])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        A, _ = sigmoid_forward(Z)
    np.testing.assert_allclose(A, [[0.0, 4.248354255291589e-18, 0.5, 1.0, 1.0]], rtol=1e-14)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activations_keep_float32(rng, name):
    forward, backward = ACTIVATIONS[name]
    Z = rng.normal(size=(3, 4)).astype(np.float32)
    A, cache = forward(Z)
    assert A.dtype == np.float32
    assert backward(np.ones_like(A), cache).dtype == np.float32


def test_linear_keeps_float32(linear_problem):
    A_prev, W, b, dZ = (a.astype(np.float32) for a in linear_problem)
    Z, cache = linear_forward(A_prev, W, b)
    assert Z.dtype == np.float32
    assert all(g.dtype == np.float32 for g in linear_backward(dZ, cache))
