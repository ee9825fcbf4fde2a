"""Every bad input to the network code gets a ValueError or TypeError that names the
argument and the expected form; and no function modifies its inputs."""
import numpy as np
import pytest

from utils import (
    NeuralNetwork,
    Trainer,
    initialize_parameters,
    layer_backward,
    layer_forward,
    linear_backward,
    linear_forward,
    network_backward,
    network_forward,
    relu_backward,
    relu_forward,
    sigmoid_backward,
    sigmoid_cross_entropy,
    sigmoid_forward,
    softmax,
    softmax_cross_entropy,
    tanh_backward,
    tanh_forward,
)
from utils.nn import count_layers

A3 = np.ones((3, 5))
W43 = np.ones((4, 3))
B4 = np.zeros((4, 1))


@pytest.mark.parametrize(
    "args, error, message",
    [
        ((A3, np.ones((4, 5)), B4), ValueError,
         (r"W has shape \(4, 5\) but A_prev has 3 rows; "
          r"expected W of shape \(n\[l\], n\[l-1\]\) = \(4, 3\)")),
        ((A3, W43, np.zeros(4)), ValueError, r"b must be a 2-D array of shape \(n\[l\], 1\)"),
        ((A3, W43, np.zeros((1, 4))), ValueError, r"b must have shape \(n\[l\], 1\) = \(4, 1\)"),
        ((np.ones(3), W43, B4), ValueError, r"A_prev must be a 2-D array.*got shape \(3,\)"),
        ((A3.astype(int), W43, B4), TypeError, "A_prev must hold floating-point numbers"),
        ((A3.tolist(), W43, B4), TypeError, "A_prev must be a NumPy array"),
    ],
    ids=["W-cols", "b-1d", "b-row", "A-1d", "A-int", "A-list"],
)
def test_linear_forward(args, error, message):
    with pytest.raises(error, match=message):
        linear_forward(*args)


def test_linear_backward_dZ_of_the_wrong_shape():
    _, cache = linear_forward(A3, W43, B4)
    with pytest.raises(ValueError, match=r"dZ must have the shape of Z, \(n\[l\], m\) = \(4, 5\)"):
        linear_backward(np.ones((5, 4)), cache)


@pytest.mark.parametrize(
    "forward, backward",
    [(relu_forward, relu_backward), (tanh_forward, tanh_backward),
     (sigmoid_forward, sigmoid_backward)],
)
def test_activations(forward, backward):
    with pytest.raises(TypeError, match="Z must hold floating-point numbers"):
        forward(np.ones((2, 3), dtype=int))
    with pytest.raises(ValueError, match="Z must be a 2-D array"):
        forward(np.ones(3))
    _, cache = forward(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"dA must have the shape of [ZA], \(2, 3\); got shape"):
        backward(np.ones((3, 2)), cache)


@pytest.mark.parametrize(
    "Z, y, error, message",
    [
        (np.ones((3, 4)), np.array([0, 1, 2]), ValueError, r"y must have shape \(m,\) = \(4,\)"),
        (np.ones((3, 4)), np.array([0, 1, 2, 3]), ValueError,
         "y must hold labels 0 .. 2; got labels from 0 to 3"),
        (np.ones((3, 4)), np.array([0, -1, 2, 1]), ValueError, "y must hold labels 0 .. 2"),
        (np.ones((3, 4)), np.array([0.0, 1, 2, 1]), TypeError, "y must hold integer class labels"),
        (np.ones((3, 4)), [0, 1, 2, 1], TypeError, "y must be a NumPy array"),
        (np.ones((4, 3)).T[0], np.array([0, 1, 2]), ValueError,
         r"Z must be a 2-D array of shape \(C, m\)"),
    ],
    ids=["y-length", "y-too-big", "y-negative", "y-float", "y-list", "Z-1d"],
)
def test_softmax_cross_entropy(Z, y, error, message):
    with pytest.raises(error, match=message):
        softmax_cross_entropy(Z, y)


def test_sigmoid_cross_entropy():
    with pytest.raises(ValueError, match=r"Z must have 1 rows, shape \(1, m\)"):
        sigmoid_cross_entropy(np.ones((2, 3)), np.array([0, 1, 1]))
    with pytest.raises(ValueError, match="y must hold labels 0 .. 1; got labels from 0 to 2"):
        sigmoid_cross_entropy(np.ones((1, 3)), np.array([0, 1, 2]))


@pytest.mark.parametrize(
    "layer_dims, error, message",
    [([3], ValueError, "at least two sizes"), ([3, 0, 2], ValueError, "whole numbers >= 1"),
     ([3, 2.5], ValueError, "whole numbers >= 1"), (3, TypeError, "sequence of layer sizes")],
)
def test_layer_dims(layer_dims, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork(layer_dims)
    with pytest.raises(error, match=message):
        initialize_parameters(layer_dims, np.random.default_rng(0))


def test_initialize_parameters_arguments():
    with pytest.raises(TypeError, match=r"rng must be a numpy Generator, e.g. "
                       r"np.random.default_rng\(0\); got int"):
        initialize_parameters([2, 3], 0)
    with pytest.raises(ValueError, match="method must be one of"):
        initialize_parameters([2, 3], np.random.default_rng(0), method="glorot_typo")
    with pytest.raises(TypeError, match="dtype must be np.float32 or np.float64; got int64"):
        initialize_parameters([2, 3], np.random.default_rng(0), dtype=np.int64)


def test_network_arguments():
    with pytest.raises(ValueError, match=r"activation must be one of \['relu', 'sigmoid', "
                       r"'tanh'\]; got 'softmax'"):
        NeuralNetwork([2, 3, 2], activation="softmax")
    net = NeuralNetwork([2, 3, 2], random_state=0)
    with pytest.raises(ValueError, match=r"X must have 2 rows, shape \(n\[0\], m\) = \(2, m\); "
                       r"got shape \(5, 2\)"):
        net.predict(np.ones((5, 2)))
    with pytest.raises(ValueError, match="mode must be one of"):
        net.forward(np.ones((2, 4)), mode="test")
    with pytest.raises(ValueError, match=r"y must have shape \(m,\) = \(4,\)"):
        net.loss(np.ones((2, 4)), np.array([0, 1]))
    with pytest.raises(ValueError, match=r"y must have shape \(m,\) = \(4,\)"):
        net.accuracy(np.ones((2, 4)), np.array([0, 1]))
    with pytest.raises(ValueError, match="b2 is missing"):
        count_layers({"W1": W43, "b1": B4, "W2": W43})


@pytest.mark.parametrize(
    "kwargs, error, message",
    [({"optimizer": "adamax"}, ValueError, r"optimizer must be one of \[.*'sgd'.*\]"),
     ({"learning_rate": 0}, ValueError, "learning_rate must be a positive number"),
     ({"learning_rate": float("nan")}, ValueError, "learning_rate must be a positive number"),
     ({"epochs": 0}, ValueError, "epochs must be >= 1"),
     ({"batch_size": 2.0}, TypeError, "batch_size must be a whole number"),
     ({"schedule": 0.5}, TypeError, "schedule must be None or a function"),
     ({"schedule": lambda lr, epoch: -lr}, ValueError,
      r"schedule\(learning_rate, 0\) must be a positive number, e.g. 0.1; got -0.1")],
)
def test_trainer_arguments(kwargs, error, message):
    trainer = Trainer(NeuralNetwork([2, 3, 2], random_state=0), **kwargs)
    with pytest.raises(error, match=message):
        trainer.fit(np.ones((2, 4)), np.array([0, 1, 1, 0]))


@pytest.mark.parametrize(
    "X, y, X_val, y_val, error, message",
    [
        (np.ones((4, 2)), np.array([0, 1]), None, None, ValueError, "X must have 2 rows"),
        (np.full((2, 4), np.nan), np.array([0, 1, 1, 0]), None, None, ValueError,
         "X contains NaN or infinity"),
        (np.ones((2, 4)), np.array([0, 1, 2, 0]), None, None, ValueError,
         "y must hold labels 0 .. 1"),
        (np.ones((2, 4)), np.array([0, 1, 1, 0]), np.ones((2, 3)), None, ValueError,
         "X_val and y_val go together"),
        (np.ones((2, 4)), np.array([0, 1, 1, 0]), np.ones((3, 3)), np.array([0, 1, 0]),
         ValueError, "X_val must have 2 rows"),
        (np.ones((2, 4)), np.array([0, 1, 1, 0]), np.ones((2, 3)), np.array([0, 1]),
         ValueError, r"y_val must have shape \(m,\) = \(3,\)"),
        (np.ones((2, 0)), np.array([], dtype=int), None, None, ValueError,
         "X must hold at least one example"),
    ],
    ids=["X-rows", "X-nan", "y-labels", "val-half", "val-rows", "val-labels", "empty"],
)
def test_trainer_data(X, y, X_val, y_val, error, message):
    trainer = Trainer(NeuralNetwork([2, 3, 2], random_state=0))
    with pytest.raises(error, match=message):
        trainer.fit(X, y, X_val, y_val)


# --- no function modifies its inputs

def frozen(*arrays):
    """Copies of the arrays, read-only: writing to one raises, so a test catches any
    in-place change."""
    out = [a.copy() for a in arrays]
    for a in out:
        a.flags.writeable = False
    return out


def test_layers_do_not_modify_their_inputs(rng):
    A_prev, W, b, dZ = frozen(rng.normal(size=(3, 5)), rng.normal(size=(4, 3)),
                              rng.normal(size=(4, 1)), rng.normal(size=(4, 5)))
    _, cache = linear_forward(A_prev, W, b)
    linear_backward(dZ, cache)
    for forward, backward in [(relu_forward, relu_backward), (tanh_forward, tanh_backward),
                              (sigmoid_forward, sigmoid_backward)]:
        _, cache = forward(dZ)
        backward(dZ, cache)
    (y,) = frozen(rng.integers(0, 4, 5))
    softmax(dZ)
    softmax_cross_entropy(dZ, y)
    sigmoid_cross_entropy(dZ[:1], y % 2)
    _, cache = layer_forward(A_prev, W, b, "relu")
    layer_backward(dZ, cache, "relu")


def test_network_does_not_modify_its_inputs_or_parameters(rng):
    net = NeuralNetwork([3, 4, 2], random_state=0)
    X, y = frozen(rng.normal(size=(3, 6)), rng.integers(0, 2, 6))
    params = dict(zip(net.params, frozen(*net.params.values()), strict=True))
    ZL, caches = network_forward(X, params)
    network_backward(ZL, caches)
    net.params = params
    net.loss(X, y)
    net.predict_proba(X)
    net.accuracy(X, y)
