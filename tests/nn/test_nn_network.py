"""The L-layer network: its gradients against numerical gradients and against autograd,
its layer bookkeeping, and the sanity checks of training."""
import numpy as np
import pytest

from utils import NeuralNetwork, numerical_gradient, relative_error


def problem(rng, layer_dims, m=6):
    X = rng.normal(size=(layer_dims[0], m))
    C = max(2, layer_dims[-1])
    return X, rng.integers(0, C, m)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
@pytest.mark.parametrize("layer_dims", [[3, 5, 4, 3], [2, 4, 1]], ids=["softmax", "sigmoid"])
def test_every_parameter_gradient_matches_numerical(rng, activation, layer_dims):
    net = NeuralNetwork(layer_dims, activation=activation, random_state=1)
    X, y = problem(rng, layer_dims)
    for l in range(1, net.L + 1):  # non-zero biases, so db is checked away from a special point
        net.params[f"b{l}"] = rng.normal(size=net.params[f"b{l}"].shape) * 0.1
    if activation == "relu":
        Z1 = net.params["W1"] @ X + net.params["b1"]
        assert np.abs(Z1).min() > 1e-3, "a ReLU input near the kink would spoil the check"
    _, grads = net.loss(X, y)
    assert sorted(grads) == sorted("d" + name for name in net.params)
    for name, value in net.params.items():
        def cost(p, name=name):
            saved = net.params[name]
            net.params[name] = p
            try:
                return net.loss(X, y)[0]
            finally:
                net.params[name] = saved
        numerical = numerical_gradient(cost, value.copy())
        assert grads["d" + name].shape == value.shape
        assert relative_error(grads["d" + name], numerical) < 1e-7, name
