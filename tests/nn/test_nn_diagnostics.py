"""Diagnostics: each statistic against its definition computed another way."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn import NeuralNetwork, network_forward, output_loss
from utils.nn.diagnostics import (
    activation_statistics,
    dead_fraction,
    gradient_statistics,
    layer_signals,
    plot_layer_histograms,
    recording_update_ratios,
    saturated_fraction,
    update_ratio_history,
    update_to_data_ratio,
)
from utils.nn.optim import adam, sgd


@pytest.fixture
def Z(rng):
    return rng.normal(scale=3.0, size=(40, 500))


def test_tanh_saturation_is_where_the_derivative_vanishes(Z):
    A = np.tanh(Z)
    assert saturated_fraction(A, "tanh") == np.mean(1 - A**2 < 1 - 0.97**2)


def test_sigmoid_saturation_matches_tanh_through_the_identity(Z):
    """sigma(z) = (1 + tanh(z / 2)) / 2, so the two criteria mark the same entries."""
    sigma = 1 / (1 + np.exp(-Z))
    assert saturated_fraction(sigma, "sigmoid") == pytest.approx(
        saturated_fraction(np.tanh(Z / 2), "tanh"), abs=1e-3)  # ties at the threshold


def test_relu_saturation_is_the_flat_half(Z):
    # Z ~ N(0, 9): half its entries are negative, within sampling error.
    assert saturated_fraction(np.maximum(Z, 0), "relu") == pytest.approx(0.5, abs=0.01)


def test_dead_units_are_rows_of_zeros(Z):
    A = np.maximum(Z, 0)
    A[[3, 7, 11]] = 0.0
    assert dead_fraction(A) == 3 / 40


def test_activation_statistics_table(Z):
    activations = {1: np.tanh(2 * Z), 2: np.tanh(Z / 10)}
    table = activation_statistics(activations, "tanh")
    assert list(table.index) == [1, 2]
    assert list(table.columns) == ["mean", "std", "saturated %"]
    assert table.loc[2, "std"] == pytest.approx(np.tanh(Z / 10).std())
    assert table.loc[1, "saturated %"] > 50 > table.loc[2, "saturated %"]


def test_gradient_statistics_table(rng):
    params = {"W1": rng.normal(size=(4, 3)), "b1": np.zeros((4, 1)),
              "W2": rng.normal(size=(2, 4)), "b2": np.zeros((2, 1))}
    grads = {"dW1": 1e-3 * rng.normal(size=(4, 3)), "db1": np.zeros((4, 1)),
             "dW2": rng.normal(size=(2, 4)), "db2": np.zeros((2, 1))}
    table = gradient_statistics(params, grads)
    assert list(table.index) == ["W1", "W2"]
    assert table.loc["W1", "shape"] == (4, 3)
    assert table.loc["W2", "grad:data"] == pytest.approx(grads["dW2"].std() / params["W2"].std())


def test_update_ratio_of_sgd_is_lr_times_grad_over_data(rng):
    w, dw = rng.normal(size=(5, 6)), rng.normal(size=(5, 6))
    w_new, _ = sgd(w, dw, {"learning_rate": 0.01})
    assert update_to_data_ratio(w, w_new) == pytest.approx(0.01 * dw.std() / w.std())


def test_recording_changes_nothing_but_records(rng):
    w, dw = rng.normal(size=(5, 6)), rng.normal(size=(5, 6))
    recorded = recording_update_ratios(adam)
    plain_w, plain_state = w, {"learning_rate": 0.01}
    rec_w, rec_state = w, {"learning_rate": 0.01}
    for _ in range(4):
        before = rec_w
        plain_w, plain_state = adam(plain_w, dw, plain_state)
        rec_w, rec_state_next = recorded(rec_w, dw, rec_state)
        assert "update_ratios" not in rec_state or len(rec_state["update_ratios"]) < 4
        rec_state = rec_state_next
        assert rec_state["update_ratios"][-1] == update_to_data_ratio(before, rec_w)
    np.testing.assert_array_equal(rec_w, plain_w)
    assert len(rec_state["update_ratios"]) == 4 and rec_state["t"] == plain_state["t"] == 4


def test_update_ratio_history_is_a_log10_table(rng):
    states = {"W1": {"update_ratios": [1e-3, 1e-2]}, "b1": {},
              "W2": {"update_ratios": [1e-4, 1e-1]}}
    table = update_ratio_history(states)
    assert list(table.columns) == ["W1", "W2"]
    np.testing.assert_allclose(table.to_numpy(), [[-3, -4], [-2, -1]])


def test_plot_layer_histograms_draws_a_line_per_layer(Z):
    fig, ax = plt.subplots()
    plot_layer_histograms({1: np.tanh(Z), 2: np.tanh(Z / 3)}, ax, title="tanh")
    assert len(ax.lines) == 2 and ax.get_title() == "tanh"
    plt.close(fig)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: saturated_fraction(np.ones(3), "softplus"), ValueError, "one of"),
        (lambda: saturated_fraction([0.5], "tanh"), TypeError, "A must be a float ndarray"),
        (lambda: dead_fraction(np.ones((0, 3))), ValueError, "must not be empty"),
        (lambda: activation_statistics([np.ones(3)], "tanh"), TypeError, "dict {layer: array}"),
        (lambda: activation_statistics({"a": np.ones(3)}, "tanh"), TypeError, "layer numbers"),
        (lambda: gradient_statistics({"W1": np.ones((2, 2))}, {"dW1": np.ones((2, 3))}),
         ValueError, r"dW1 must have the shape of W1, \(2, 2\)"),
        (lambda: gradient_statistics({"W1": np.ones((2, 2))}, {}), TypeError, "dW1 must be"),
        (lambda: gradient_statistics({"b1": np.ones((2, 1))}, {}), ValueError, "W1, W2"),
        (lambda: update_to_data_ratio(np.ones(2), np.ones(3)), ValueError, "shape of w_before"),
        (lambda: recording_update_ratios("adamax"), ValueError, "optimizer must be one of"),
        (lambda: update_ratio_history({"W1": {}}), ValueError, "recording_update_ratios"),
    ],
)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_layer_signals_are_the_forward_values_and_true_gradients(activation):
    rng = np.random.default_rng(1)
    net = NeuralNetwork([4, 6, 5, 3], activation=activation, random_state=2)
    X, y = rng.normal(size=(4, 7)), rng.integers(0, 3, size=7)
    activations, gradients = layer_signals(net.params, X, y, activation)
    assert list(activations) == list(gradients) == [1, 2]
    g = np.tanh if activation == "tanh" else (lambda Z: np.maximum(Z, 0))
    A1 = g(net.params["W1"] @ X + net.params["b1"])
    np.testing.assert_allclose(activations[1], A1, rtol=1e-12)

    def loss_from_A1(A):
        # the rest of the network, layers 2 and 3, on A[1]
        params = {"W1": net.params["W2"], "b1": net.params["b2"],
                  "W2": net.params["W3"], "b2": net.params["b3"]}
        scores, _ = network_forward(A, params, activation)
        return output_loss(scores, y)[0]

    # A small h, so that no entry of Z[2] = W2 A[1] + b2 crosses ReLU's kink.
    numerical = numerical_gradient(loss_from_A1, A1.copy(), h=1e-6)
    assert relative_error(gradients[1], numerical) < 1e-7
