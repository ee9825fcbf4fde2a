"""Notebook 6's network written out: its gradients against numerical ones, its loss and
gradients against the modular NeuralNetwork, and its training loop's contract."""
import numpy as np
import pytest

from utils import (
    NeuralNetwork,
    initialize_parameters,
    make_flower,
    numerical_gradient,
    predict_shallow,
    relative_error,
    shallow_backward,
    shallow_cost,
    shallow_forward,
    train_shallow,
)


def problem(rng, n_x=3, n_h=4, m=7):
    params = initialize_parameters([n_x, n_h, 1], rng, method="xavier")
    params["b1"] = rng.normal(size=(n_h, 1))  # non-zero, so db1 is checked in general
    return rng.normal(size=(n_x, m)), rng.integers(0, 2, m), params


def test_every_gradient_matches_the_numerical_gradient(rng):
    X, y, params = problem(rng)
    _, cache = shallow_forward(X, params)
    grads = shallow_backward(X, y, params, cache)
    assert sorted(grads) == ["dW1", "dW2", "db1", "db2"]
    for name, value in params.items():
        numerical = numerical_gradient(
            lambda _: shallow_cost(shallow_forward(X, params)[1], y), value)
        assert grads["d" + name].shape == value.shape
        assert relative_error(grads["d" + name], numerical) < 1e-7, name


def test_loss_and_gradients_equal_the_modular_network_with_tanh(rng):
    X, y, params = problem(rng)
    net = NeuralNetwork([3, 4, 1], activation="tanh", random_state=0)
    net.params = {name: value.copy() for name, value in params.items()}
    loss, grads = net.loss(X, y)
    _, cache = shallow_forward(X, params)
    assert shallow_cost(cache, y) == pytest.approx(loss, rel=1e-12)
    ours = shallow_backward(X, y, params, cache)
    for name in grads:
        np.testing.assert_allclose(ours[name], grads[name], rtol=1e-10, atol=1e-14)


def test_the_cost_stays_finite_when_the_output_saturates():
    params = {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1)),
              "W2": np.full((1, 1), 100.0), "b2": np.zeros((1, 1))}
    X, y = np.array([[10.0, -10.0]]), np.array([0, 1])  # confidently wrong: Z2 = +-100
    _, cache = shallow_forward(X, params)
    assert cache["A2"][0, 0] == 1.0  # sigma(100) rounds to 1: log(1 - A2) would be -inf
    # both examples have loss log(1 + e^z) with z = 100 tanh(10), which is z to 1e-40
    assert shallow_cost(cache, y) == pytest.approx(100 * np.tanh(10.0), rel=1e-12)


def test_training_leaves_the_initial_params_alone_and_lowers_the_cost(rng):
    X, y = make_flower(m=100, random_state=3)
    start = initialize_parameters([2, 4, 1], rng, method="small")
    copies = {name: value.copy() for name, value in start.items()}
    trained, costs = train_shallow(X, y, start, learning_rate=1.2, epochs=300)
    for name in start:
        np.testing.assert_array_equal(start[name], copies[name])
    assert len(costs) == 300 and costs[0] == pytest.approx(np.log(2), abs=1e-3)
    assert costs[-1] < 0.5 * costs[0]
    assert predict_shallow(X, trained).shape == (100,)


def test_equal_initial_units_stay_equal_up_to_rounding():
    X, y = make_flower(m=100, random_state=3)
    start = {"W1": np.full((3, 2), 0.5), "b1": np.full((3, 1), 0.5),
             "W2": np.full((1, 3), 0.5), "b2": np.full((1, 1), 0.5)}
    trained, _ = train_shallow(X, y, start, learning_rate=1.2, epochs=100)
    # The matrix products may round one row differently from another in the last bit.
    assert np.ptp(trained["W1"], axis=0).max() < 1e-12
    assert np.ptp(trained["W2"]) < 1e-12
