"""The network's layernorm and label_smoothing knobs: numerical gradients, autograd, and the
behaviour each knob promises (layer norm: one example alone gives its own output; label
smoothing: training loss only)."""
import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from utils import NeuralNetwork, numerical_gradient, relative_error


def problem(rng, layer_dims, m=6):
    return rng.normal(size=(layer_dims[0], m)), rng.integers(0, layer_dims[-1], m)


def network(layer_dims, **knobs):
    """A network whose biases, gammas and betas are away from their initial values."""
    net = NeuralNetwork(layer_dims, random_state=1, **knobs)
    shift = np.random.default_rng(2)
    for name, value in net.params.items():
        if not name.startswith("W"):
            net.params[name] = value + shift.normal(scale=0.3, size=value.shape)
    return net


@pytest.mark.parametrize("knobs", [{"layernorm": True}, {"label_smoothing": 0.2},
                                   {"layernorm": True, "label_smoothing": 0.1, "reg": 0.2}])
def test_every_gradient_matches_numerical(rng, knobs):
    X, y = problem(rng, [4, 5, 3, 3])
    net = network([4, 5, 3, 3], activation="tanh", **knobs)
    _, grads = net.loss(X, y)
    for name, value in net.params.items():
        def f(v, name=name):
            saved = net.params[name]
            net.params[name] = v
            loss = net.loss(X, y)[0]
            net.params[name] = saved
            return loss
        numeric = numerical_gradient(f, value.copy())
        assert relative_error(grads["d" + name], numeric) < 1e-7, name


def test_layernorm_network_against_autograd(rng):
    X, y = problem(rng, [3, 4, 2])
    net = network([3, 4, 2], activation="tanh", layernorm=True, label_smoothing=0.1)
    names = list(net.params)

    def loss(values):
        p = dict(zip(names, values))
        Z = p["W1"] @ X + p["b1"]
        mu = anp.mean(Z, axis=0, keepdims=True)
        var = anp.mean((Z - mu) ** 2, axis=0, keepdims=True)
        A = anp.tanh(p["gamma1"] * (Z - mu) / anp.sqrt(var + 1e-5) + p["beta1"])
        Z2 = p["W2"] @ A + p["b2"]
        log_A = Z2 - anp.log(anp.sum(anp.exp(Z2), axis=0, keepdims=True))
        target = np.full(Z2.shape, 0.1 / 2)
        target[y, np.arange(len(y))] += 0.9
        return -anp.sum(target * log_A) / len(y)

    _, grads = net.loss(X, y)
    expected = grad(loss)([net.params[n] for n in names])
    for name, value in zip(names, expected):
        np.testing.assert_allclose(grads["d" + name], value, rtol=1e-9, atol=1e-12)


def test_layernorm_gives_an_example_the_same_output_alone_or_in_a_batch(rng):
    X, y = problem(rng, [4, 6, 3], m=5)
    net = network([4, 6, 3], layernorm=True)
    together, _ = net.forward(X, mode="train")
    for i in range(X.shape[1]):
        alone, _ = net.forward(X[:, i:i + 1], mode="train")
        np.testing.assert_allclose(alone[:, 0], together[:, i], rtol=1e-12)
    np.testing.assert_allclose(net.forward(X, mode="eval")[0], together, rtol=0, atol=0)
    assert net.bn_states is None and {"gamma1", "beta1"} <= set(net.params)


def test_label_smoothing_changes_the_training_loss_only(rng):
    X, y = problem(rng, [4, 5, 3])
    plain, smoothed = network([4, 5, 3]), network([4, 5, 3], label_smoothing=0.1)
    assert smoothed.loss(X, y, mode="train")[0] != pytest.approx(plain.loss(X, y)[0])
    assert smoothed.loss(X, y, mode="eval")[0] == plain.loss(X, y, mode="eval")[0]


@pytest.mark.parametrize("dims, knobs, error, message", [
    ([4, 3, 2], {"layernorm": 1}, TypeError, "layernorm must be True or False"),
    ([4, 3, 2], {"layernorm": True, "batchnorm": True}, ValueError, "not both"),
    ([4, 3, 2], {"label_smoothing": 1.0}, ValueError, "nothing is left to learn"),
    ([4, 3, 2], {"label_smoothing": -0.1}, ValueError, "label_smoothing must be a number"),
    ([4, 3, 1], {"label_smoothing": 0.1}, ValueError, "needs a softmax output layer"),
])
def test_bad_knobs(dims, knobs, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork(dims, **knobs)
