"""Bad input to the network package gets a ValueError or TypeError naming the argument, and
leaves every state as it was: the weights, batch norm's running statistics, an optimizer's
memory. One test per defect found by fuzzing (issue 20), each failing before its fix."""
import copy

import numpy as np
import pytest

from utils.nn import (
    NeuralNetwork,
    Trainer,
    layer_backward,
    layer_forward,
    linear_backward,
    linear_forward,
    network_backward,
    relu_backward,
    relu_forward,
    sgd,
    softmax_cross_entropy,
)
from utils.nn.batchnorm import (
    batchnorm_backward,
    batchnorm_backward_graph,
    batchnorm_forward,
    init_batchnorm_state,
)
from utils.nn.dropout import dropout_backward, dropout_forward
from utils.nn.lr_finder import lr_range_test
from utils.nn.network import network_backward_bn_dropout, network_forward_bn_dropout
from utils.nn.optim import OPTIMIZERS, adagrad, adam, momentum, rmsprop
from utils.nn.practice import augment_with_shifts, most_confident_mistakes
from utils.nn.shallow import predict_shallow, shallow_backward, shallow_forward, train_shallow


def data(rng, n_x=3, m=6, classes=2):
    return rng.normal(size=(n_x, m)), np.arange(m) % classes


def snapshot(net):
    return copy.deepcopy((net.params, net.bn_states, net.dropout_rng.bit_generator.state))


def assert_same(net, before):
    params, bn_states, rng_state = before
    assert net.params.keys() == params.keys()
    for name in params:
        np.testing.assert_array_equal(net.params[name], params[name], err_msg=name)
    for l in bn_states or {}:
        for key in ("running_mean", "running_var"):
            np.testing.assert_array_equal(net.bn_states[l][key], bn_states[l][key])
    assert net.dropout_rng.bit_generator.state == rng_state


# --- lr_range_test

def test_lr_range_test_refuses_zero_examples_instead_of_looping_for_ever(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    with pytest.raises(ValueError, match="X must hold at least one example"):
        lr_range_test(net, np.ones((3, 0)), np.zeros(0, dtype=int))


def test_lr_range_test_refuses_labels_of_another_length(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    X, y = data(rng)
    with pytest.raises(ValueError, match=r"y must be an array of shape \(m,\) = \(6,\)"):
        lr_range_test(net, X, y[:4])


def test_lr_range_test_refuses_nan_instead_of_an_empty_table(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    X, y = data(rng)
    X[1, 2] = np.nan
    with pytest.raises(ValueError, match="X contains NaN"):
        lr_range_test(net, X, y)


def test_lr_range_test_leaves_batch_norm_and_dropout_as_they_were(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0, batchnorm=True, keep_prob=0.5)
    X, y = data(rng, m=40)
    before, P_before = snapshot(net), net.predict_proba(X)
    params, state_1 = net.params, net.bn_states[1]
    results = lr_range_test(net, X, y, steps=10, batch_size=8, random_state=0)
    assert len(results) > 0
    assert_same(net, before)
    np.testing.assert_array_equal(net.predict_proba(X), P_before)
    assert net.params is params and net.bn_states[1] is state_1  # the model's own dicts


# --- NeuralNetwork's entry points

def test_predict_refuses_nan_instead_of_returning_labels(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    X, _ = data(rng)
    X[0, 1] = np.nan
    for method in (net.predict, net.predict_proba, net.scores):
        with pytest.raises(ValueError, match="X contains NaN or infinity"):
            method(X)


def test_predict_names_parameters_that_diverged(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    net.params["W2"] = np.full_like(net.params["W2"], np.inf)
    with pytest.raises(ValueError, match="parameters hold NaN or infinity"):
        net.predict(data(rng)[0])


@pytest.mark.parametrize("y", [np.array([-1, 1, -1, 1, -1, 1]), np.array(list("ababab")),
                               np.array([0.0, 1, 0, 1, 0, 1])], ids=["pm1", "str", "float"])
def test_accuracy_refuses_labels_in_the_wrong_encoding(rng, y):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    with pytest.raises((ValueError, TypeError), match="y must hold"):
        net.accuracy(data(rng)[0], y)


def test_loss_refuses_zero_examples_instead_of_nan():
    net = NeuralNetwork([3, 4, 2], random_state=0)
    with pytest.raises(ValueError, match="X must hold at least one example"):
        net.loss(np.ones((3, 0)), np.zeros(0, dtype=int))
    with pytest.raises(ValueError, match="at least one row and one example"):
        softmax_cross_entropy(np.ones((3, 0)), np.zeros(0, dtype=int))


def test_loss_refuses_nan_in_X(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    X, y = data(rng)
    X[2, 0] = np.nan
    with pytest.raises(ValueError, match="X contains NaN"):
        net.loss(X, y)


def test_loss_with_bad_labels_leaves_batch_norm_as_it_was(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0, batchnorm=True, keep_prob=0.5)
    X, y = data(rng)
    before = snapshot(net)
    with pytest.raises(ValueError, match="y must hold labels 0 .. 1"):
        net.loss(X, y + 1)
    assert_same(net, before)


# --- Trainer and batch norm: a last mini-batch of one is refused up front

def test_trainer_refuses_a_last_batch_of_one_on_batch_norm_before_training(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0, batchnorm=True)
    X, y = data(rng, m=5)
    before = snapshot(net)
    with pytest.raises(ValueError, match=r"batch_size = 2 with m = 5 examples leaves a last "
                       r"mini-batch of 1.*e\.g\. batch_size = 3"):
        Trainer(net, batch_size=2, epochs=2).fit(X, y)
    assert_same(net, before)
    Trainer(net, batch_size=3, epochs=2).fit(X, y)  # 3 + 2: trains
    Trainer(NeuralNetwork([3, 4, 2], random_state=0), batch_size=2).fit(X, y)  # no batch norm


def test_lr_range_test_refuses_a_last_batch_of_one_on_batch_norm(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0, batchnorm=True)
    X, y = data(rng, m=9)
    with pytest.raises(ValueError, match="batch_size = 4 with m = 9"):
        lr_range_test(net, X, y, batch_size=4)


# --- batch norm validates before it changes its state

@pytest.fixture
def bn_layer(rng):
    Z = rng.normal(size=(4, 6))
    _, cache = batchnorm_forward(Z, np.ones((4, 1)), np.zeros((4, 1)),
                                 init_batchnorm_state(4), "train")
    return Z, cache


@pytest.mark.parametrize("backward", [batchnorm_backward, batchnorm_backward_graph])
def test_batchnorm_backward_checks_dout_and_cache(bn_layer, backward):
    _, cache = bn_layer
    with pytest.raises(ValueError, match=r"dout must have the shape of Z.*\(4, 6\)"):
        backward(np.ones((4, 1)), cache)  # would broadcast
    with pytest.raises(TypeError, match="cache must be the .mode, Z_hat, Z_mu, var, eps, gamma. "
                       "that batchnorm_forward returned"):
        backward(np.ones((4, 6)), None)


@pytest.mark.parametrize("gamma", [np.array([["1"]] * 4), np.ones((4, 1), dtype=int)],
                         ids=["strings", "ints"])
def test_batchnorm_forward_with_a_bad_gamma_leaves_the_state(rng, gamma):
    state = init_batchnorm_state(4)
    before = copy.deepcopy(state)
    with pytest.raises(TypeError, match=r"gamma must be a float ndarray of shape \(n, 1\)"):
        batchnorm_forward(rng.normal(size=(4, 6)), gamma, np.zeros((4, 1)), state, "train")
    for key in ("running_mean", "running_var"):
        np.testing.assert_array_equal(state[key], before[key])


def test_network_forward_leaves_every_layer_when_a_later_one_raises(rng):
    net = NeuralNetwork([3, 4, 5, 2], random_state=0, batchnorm=True)
    params = dict(net.params, W3=np.ones((2, 4)))  # layer 3 does not fit layer 2
    before = snapshot(net)
    with pytest.raises(ValueError, match="W has shape"):
        network_forward_bn_dropout(data(rng)[0], params, bn_states=net.bn_states)
    assert_same(net, before)


@pytest.mark.parametrize("keep_prob", [np.nan, True, 2, 10**400, "0.5"])
def test_network_forward_refuses_a_keep_prob_that_is_not_a_probability(rng, keep_prob):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    with pytest.raises((ValueError, TypeError), match="keep_prob must be a number in"):
        network_forward_bn_dropout(data(rng)[0], net.params, keep_prob=keep_prob,
                                   rng=np.random.default_rng(0))


def test_network_forward_refuses_mode_test(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    with pytest.raises(ValueError, match="mode must be one of"):
        network_forward_bn_dropout(data(rng)[0], net.params, mode="test")


# --- optimizers check the memory they are given

def test_a_velocity_of_another_shape_is_refused():
    w = np.ones((2, 3))
    with pytest.raises(ValueError, match=r"state\['velocity'\].*w's shape \(2, 3\)"):
        momentum(w, w, {"learning_rate": 0.1, "velocity": np.ones((4, 2, 3))})


@pytest.mark.parametrize("rule, key", [(adagrad, "grad_squared"), (rmsprop, "grad_squared"),
                                       (adam, "v")])
def test_a_negative_second_moment_is_refused(rule, key):
    w = np.ones(3)
    state = {"learning_rate": 0.1, key: np.array([1.0, -5.0, 1.0])}
    with pytest.raises(ValueError, match=rf"state\['{key}'\] must hold numbers >= 0"):
        rule(w, 0.01 * w, state)


@pytest.mark.parametrize("t", [-1, 1.5, "2", 10**400])
def test_adam_refuses_a_step_count_that_is_not_a_count(t):
    w = np.ones(3)
    with pytest.raises(ValueError, match=r"state\['t'\].*whole number >= 0"):
        adam(w, w, {"learning_rate": 0.1, "t": t, "m": w, "v": w})


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_rule_refuses_a_dw_of_another_dtype(name):
    w = np.ones(3)
    with pytest.raises(TypeError, match="dw must have the dtype of w, float64; got float32"):
        OPTIMIZERS[name](w, w.astype(np.float32), {"learning_rate": 0.1})


def test_sgd_keeps_w_dtype():
    w = np.ones(3, dtype=np.float32)
    assert sgd(w, w, {"learning_rate": 0.1})[0].dtype == np.float32


def test_a_hyper_parameter_too_large_for_a_float_is_a_value_error():
    w = np.ones(3)
    with pytest.raises(ValueError, match="learning_rate"):
        sgd(w, w, {"learning_rate": 10**400})
    with pytest.raises(ValueError, match="momentum"):
        momentum(w, w, {"learning_rate": 0.1, "momentum": 10**400})


# --- section 9's helpers

def test_most_confident_mistakes_refuses_k_below_one_and_labels_of_another_length():
    P = np.array([[0.9, 0.2, 0.6], [0.1, 0.8, 0.4]])
    with pytest.raises(ValueError, match="k must be >= 1"):
        most_confident_mistakes(P, np.array([1, 0, 1]), k=-1)
    with pytest.raises(ValueError, match=r"y must have shape \(m,\) = \(3,\)"):
        most_confident_mistakes(P, np.array([1]))
    np.testing.assert_array_equal(most_confident_mistakes(P, np.array([1, 0, 1])), [0, 1, 2])


def test_augment_with_shifts_refuses_labels_of_another_length():
    X = np.zeros((16, 3))
    with pytest.raises(ValueError, match=r"y must be an array of shape \(m,\) = \(3,\)"):
        augment_with_shifts(X, np.arange(5), side=4)


# --- notebook 6's shallow network

@pytest.fixture
def shallow(rng):
    X = rng.normal(size=(2, 5))
    params = {"W1": rng.normal(size=(4, 2)), "b1": np.zeros((4, 1)),
              "W2": rng.normal(size=(1, 4)), "b2": np.zeros((1, 1))}
    return X, np.array([0, 1, 1, 0, 1]), params


def test_shallow_functions_refuse_a_single_label(shallow):
    X, _, params = shallow
    _, cache = shallow_forward(X, params)
    with pytest.raises(ValueError, match=r"y must be an array of shape \(m,\) = \(5,\)"):
        shallow_backward(X, np.array([1]), params, cache)
    with pytest.raises(ValueError, match=r"y must be an array of shape \(m,\) = \(5,\)"):
        train_shallow(X, np.array(1), params, epochs=2)


def test_train_shallow_refuses_a_negative_learning_rate(shallow):
    X, y, params = shallow
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        train_shallow(X, y, params, learning_rate=-1.2, epochs=2)


def test_shallow_forward_names_the_parameter_of_the_wrong_shape(shallow):
    X, _, params = shallow
    with pytest.raises(ValueError, match=r"params\['W2'\] must have shape \(1, 4\)"):
        predict_shallow(X, dict(params, W2=np.ones((4, 1))))


# --- numbers that are not numbers

@pytest.mark.parametrize("random_state", [-1, 1.5, "0"])
def test_random_state_is_checked_where_it_is_given(rng, random_state):
    with pytest.raises((ValueError, TypeError), match="random_state"):
        NeuralNetwork([3, 4, 2], random_state=random_state)
    X, y = data(rng)
    with pytest.raises((ValueError, TypeError), match="random_state"):
        Trainer(NeuralNetwork([3, 4, 2]), random_state=random_state).fit(X, y)


@pytest.mark.parametrize("knob", [{"reg": 10**400}, {"keep_prob": 10**400}])
def test_a_knob_too_large_for_a_float_is_a_value_error(knob):
    with pytest.raises(ValueError, match=next(iter(knob))):
        NeuralNetwork([3, 4, 2], **knob)


def test_a_learning_rate_too_large_for_a_float_is_a_value_error(rng):
    with pytest.raises(ValueError, match="learning_rate"):
        Trainer(NeuralNetwork([3, 4, 2]), learning_rate=10**400).fit(*data(rng))


def test_dropout_refuses_keep_prob_nan():
    with pytest.raises(ValueError, match="keep_prob"):
        dropout_forward(np.ones((2, 3)), np.nan, "train", np.random.default_rng(0))


# --- backward functions name the cache they expect

@pytest.mark.parametrize(
    "backward, args, message",
    [(linear_backward, (np.ones((4, 5)),), r"cache must be the \(A_prev, W\) that "
      r"linear_forward returned"),
     (relu_backward, (np.ones((4, 5)),), "cache must be the Z that relu_forward returned"),
     (layer_backward, (np.ones((4, 5)), None, "relu"), r"cache must be the \(linear_cache, "
      r"activation_cache\) that layer_forward returned"),
     (network_backward, (np.ones((2, 5)),), "caches must be the dict"),
     (network_backward_bn_dropout, (np.ones((2, 5)),), "caches must be the dict"),
     (dropout_backward, (np.ones((4, 5)),), r"cache must be the \(D, keep_prob\)")],
    ids=["linear", "relu", "layer", "network", "network_bn", "dropout"],
)
def test_backward_given_none_names_the_cache(backward, args, message):
    args = (*args[:1], None, *args[2:]) if len(args) > 1 else (*args, None)
    with pytest.raises(TypeError, match=message):
        backward(*args)


def test_backward_given_another_calls_cache_names_the_cache():
    A_prev, W, b = np.ones((3, 5)), np.ones((4, 3)), np.zeros((4, 1))
    _, layer_cache = layer_forward(A_prev, W, b, "relu")
    with pytest.raises(TypeError, match=r"cache must be the \(A_prev, W\) that linear_forward "
                       r"returned, A_prev of shape \(n\[l-1\], m\)"):
        linear_backward(np.ones((4, 5)), layer_cache)
    _, linear_cache = linear_forward(A_prev, W, b)
    with pytest.raises(TypeError, match="cache must be the Z that relu_forward returned"):
        relu_backward(np.ones((4, 5)), linear_cache)
    _, relu_cache = relu_forward(np.ones((4, 5)))
    with pytest.raises(TypeError, match=r"cache must be the \(linear_cache, activation_cache\)"):
        layer_backward(np.ones((4, 5)), relu_cache, "relu")


def test_a_negative_running_variance_is_refused_before_a_square_root_of_it():
    # Found by tests/test_fuzz_network.py: in evaluation sqrt(running_var + eps) was NaN.
    state = init_batchnorm_state(1)
    state["running_var"] = np.array([[-1.0]])
    with pytest.raises(ValueError, match="cannot be negative"):
        batchnorm_forward(np.zeros((1, 0)), np.ones((1, 1)), np.zeros((1, 1)), state, "eval")
