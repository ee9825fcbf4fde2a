"""The L-layer network: its gradients against numerical gradients and against autograd,
its layer bookkeeping, and the sanity checks of training."""
import autograd
import autograd.numpy as anp
import numpy as np
import pytest
from autograd.scipy.special import logsumexp as autograd_logsumexp
from sklearn.neural_network import MLPClassifier

from utils import (
    NeuralNetwork,
    Trainer,
    initialize_parameters,
    numerical_gradient,
    relative_error,
)


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


# --- against autograd: the same network written with autograd.numpy and differentiated
# automatically. Nothing of utils is used on that side.

AUTOGRAD_G = {
    "relu": lambda Z: anp.maximum(Z, 0.0),
    "tanh": anp.tanh,
    "sigmoid": lambda Z: 1 / (1 + anp.exp(-Z)),
}


def autograd_cost(params, X, y, activation):
    L = len(params) // 2
    A = X
    for l in range(1, L):
        A = AUTOGRAD_G[activation](anp.dot(params[f"W{l}"], A) + params[f"b{l}"])
    Z = anp.dot(params[f"W{L}"], A) + params[f"b{L}"]
    m = X.shape[1]
    if Z.shape[0] == 1:  # -(y log sigma(z) + (1 - y) log(1 - sigma(z))) = log(1 + e^z) - y z
        return anp.mean(anp.logaddexp(0.0, Z[0]) - y * Z[0])
    return -anp.mean(Z[y, np.arange(m)] - autograd_logsumexp(Z, axis=0))


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
@pytest.mark.parametrize(
    "layer_dims", [[6, 7, 5, 4, 3], [4, 3, 1], [5, 2]], ids=["deep-softmax", "sigmoid", "L=1"]
)
def test_loss_and_every_gradient_match_autograd(rng, activation, layer_dims):
    net = NeuralNetwork(layer_dims, activation=activation, random_state=2)
    for l in range(1, net.L + 1):
        net.params[f"b{l}"] = rng.normal(size=net.params[f"b{l}"].shape) * 0.1
    X, y = problem(rng, layer_dims, m=20)
    loss, grads = net.loss(X, y)
    expected_loss = autograd_cost(net.params, X, y, activation)
    expected_grads = autograd.grad(autograd_cost)(net.params, X, y, activation)
    assert loss == pytest.approx(expected_loss, rel=1e-10)
    assert sorted(grads) == sorted("d" + name for name in expected_grads)
    for name, expected in expected_grads.items():
        np.testing.assert_allclose(grads["d" + name], expected, rtol=1e-10, atol=1e-14,
                                   err_msg=name)


# --- against scikit-learn's MLPClassifier with our weights copied in. Its coefs_[i] is
# (n_in, n_out), our W is (n_out, n_in): transpose. Its loss_ is the mean log-loss over
# the examples seen in the last call, computed before that call's updates.

def sklearn_twin(net, X, y, learning_rate):
    """An MLPClassifier with net's architecture and weights, ready to take one plain
    gradient step on all of (X, y): SGD, momentum 0, one batch of all m examples, no
    L2 penalty, no shuffling."""
    mlp = MLPClassifier(
        hidden_layer_sizes=net.layer_dims[1:-1], activation=SKLEARN_NAMES[net.activation],
        solver="sgd", learning_rate="constant", learning_rate_init=learning_rate,
        momentum=0.0, nesterovs_momentum=False, batch_size=X.shape[1], alpha=0.0,
        shuffle=False, random_state=0,
    )
    # partial_fit builds the layers (and takes a step we then overwrite) ...
    mlp.partial_fit(X.T, y, classes=np.arange(max(2, net.layer_dims[-1])))
    # ... then our weights go in, into the very arrays its optimizer updates.
    for l in range(1, net.L + 1):
        mlp.coefs_[l - 1][...] = net.params[f"W{l}"].T
        mlp.intercepts_[l - 1][...] = net.params[f"b{l}"][:, 0]
    return mlp


SKLEARN_NAMES = {"relu": "relu", "tanh": "tanh", "sigmoid": "logistic"}


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
@pytest.mark.parametrize("layer_dims", [[5, 8, 6, 4], [3, 6, 1]], ids=["softmax", "sigmoid"])
def test_forward_loss_and_one_sgd_step_match_sklearn(rng, activation, layer_dims):
    net = NeuralNetwork(layer_dims, activation=activation, random_state=3)
    for l in range(1, net.L + 1):
        net.params[f"b{l}"] = rng.normal(size=net.params[f"b{l}"].shape) * 0.1
    X, y = problem(rng, layer_dims, m=30)
    alpha = 0.3
    mlp = sklearn_twin(net, X, y, alpha)

    # Forward: sklearn's predict_proba is (m, C), or (m, 2) with P(y = 1) last for two classes.
    proba = mlp.predict_proba(X.T)
    expected_A = proba.T if layer_dims[-1] > 1 else proba[:, 1:].T
    np.testing.assert_allclose(net.predict_proba(X), expected_A, rtol=1e-12)
    np.testing.assert_array_equal(net.predict(X), mlp.predict(X.T))

    # One step, taken by the trainer (one epoch of one batch of all m examples): the loss
    # at the copied weights, then the weights after w := w - alpha dw.
    trainer = Trainer(net, "sgd", learning_rate=alpha, epochs=1, batch_size=X.shape[1],
                      random_state=0).fit(X, y)
    mlp.partial_fit(X.T, y)
    assert mlp.loss_ == pytest.approx(trainer.history_["loss"][0], rel=1e-12)
    for l in range(1, net.L + 1):
        np.testing.assert_allclose(net.params[f"W{l}"], mlp.coefs_[l - 1].T, rtol=1e-12,
                                   atol=1e-15)
        np.testing.assert_allclose(net.params[f"b{l}"][:, 0], mlp.intercepts_[l - 1],
                                   rtol=1e-12, atol=1e-15)


# --- initialisation

@pytest.mark.parametrize("method, std", [("he", lambda n: np.sqrt(2 / n)),
                                         ("xavier", lambda n: np.sqrt(1 / n)),
                                         ("small", lambda n: 0.01)])
def test_initial_weights_have_the_method_s_scale(method, std):
    params = initialize_parameters([400, 300, 200], np.random.default_rng(0), method)
    for l, n_prev in ((1, 400), (2, 300)):
        W = params[f"W{l}"]
        assert W.std() == pytest.approx(std(n_prev), rel=0.02)
        assert abs(W.mean()) < 0.05 * std(n_prev)
        np.testing.assert_array_equal(params[f"b{l}"], 0)


def test_zero_initialisation_gives_every_hidden_unit_the_same_gradient(rng):
    # Every hidden unit computes the same thing and gets the same gradient: nothing breaks
    # the tie, which is why the weights must start random.
    net = NeuralNetwork([3, 4, 2], activation="tanh", init="zeros")
    assert not np.signbit(net.params["W1"]).any()
    X, y = rng.normal(size=(3, 10)), rng.integers(0, 2, 10)
    net.params["W2"] = np.ones((2, 4))  # equal columns, not zero: a non-zero gradient
    _, grads = net.loss(X, y)
    assert np.all(grads["dW1"] == grads["dW1"][0])  # one row for every hidden unit


def test_shapes_of_parameters_and_gradients_follow_layer_dims(rng):
    dims = [7, 6, 5, 4, 3]
    net = NeuralNetwork(dims, random_state=0)
    X, y = problem(rng, dims, m=9)
    ZL, caches = net.forward(X)
    assert ZL.shape == (3, 9) and sorted(caches) == [1, 2, 3, 4]
    _, grads = net.loss(X, y)
    for l in range(1, 5):
        assert net.params[f"W{l}"].shape == grads[f"dW{l}"].shape == (dims[l], dims[l - 1])
        assert net.params[f"b{l}"].shape == grads[f"db{l}"].shape == (dims[l], 1)
    assert net.predict(X).shape == (9,) and net.predict_proba(X).shape == (3, 9)
