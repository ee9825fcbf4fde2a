"""The network's reg, keep_prob and batchnorm knobs: against autograd, numerical gradients
and scikit-learn's MLPClassifier, and the behaviour each knob promises."""
import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad
from sklearn.neural_network import MLPClassifier

from utils import NeuralNetwork, numerical_gradient, relative_error

KNOBS = {"reg": 0.3, "keep_prob": 0.7, "batchnorm": True}


def problem(rng, layer_dims, m=8):
    X = rng.normal(size=(layer_dims[0], m))
    return X, rng.integers(0, layer_dims[-1], m)


def network(layer_dims, rng, **knobs):
    """A network whose biases, gammas and betas are away from their special initial values."""
    net = NeuralNetwork(layer_dims, random_state=1, **knobs)
    for name, value in net.params.items():
        if not name.startswith("W"):
            net.params[name] = value + rng.normal(scale=0.3, size=value.shape)
    return net


def zero_gradients(net):
    """The biases followed by batch norm, whose true gradient is 0."""
    return {f"b{l}" for l in range(1, net.L)} if net.batchnorm else set()


def loss_with_masks_fixed(net, X, y, seed=5):
    """net.loss in training mode with the dropout masks drawn from a freshly seeded Generator."""
    net.dropout_rng = np.random.default_rng(seed)
    return net.loss(X, y, mode="train")


def autograd_loss(params, X, y, masks, L, reg, keep_prob, eps=1e-5):
    """The same network written directly in autograd.numpy, from the formulas."""
    A = X
    for l in range(1, L):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        mu = anp.mean(Z, axis=1, keepdims=True)
        var = anp.mean((Z - mu) ** 2, axis=1, keepdims=True)
        Z = params[f"gamma{l}"] * (Z - mu) / anp.sqrt(var + eps) + params[f"beta{l}"]
        A = anp.maximum(Z, 0) * masks[l] / keep_prob
    ZL = params[f"W{L}"] @ A + params[f"b{L}"]
    log_softmax = ZL - anp.log(anp.sum(anp.exp(ZL), axis=0, keepdims=True))
    m = X.shape[1]
    data_loss = -anp.mean(log_softmax[y, anp.arange(m)])
    return data_loss + reg / (2 * m) * sum(anp.sum(params[f"W{l}"] ** 2) for l in range(1, L + 1))


def test_all_three_knobs_against_autograd(rng):
    net = network([4, 7, 6, 3], rng, **KNOBS)
    X, y = problem(rng, net.layer_dims)
    loss, grads = loss_with_masks_fixed(net, X, y)
    net.dropout_rng = np.random.default_rng(5)
    _, caches = net.forward(X, mode="train")
    masks = {l: caches[l][3][0] for l in range(1, net.L)}
    assert all(0 < mask.mean() < 1 for mask in masks.values()), "some units must be dropped"
    args = (X, y, masks, net.L, KNOBS["reg"], KNOBS["keep_prob"])
    assert loss == pytest.approx(autograd_loss(net.params, *args), rel=1e-12)
    expected = grad(autograd_loss)(net.params, *args)
    assert sorted(grads) == sorted("d" + name for name in net.params)
    for name in net.params:
        if name in zero_gradients(net):  # both are rounding residue: compare absolutely
            np.testing.assert_allclose(grads["d" + name], expected[name], rtol=0, atol=1e-15)
        else:
            assert relative_error(grads["d" + name], expected[name]) < 1e-10, name


@pytest.mark.parametrize("knobs", [KNOBS, {"reg": 0.5}, {"keep_prob": 0.6}, {"batchnorm": True}],
                         ids=["all", "reg", "dropout", "batchnorm"])
def test_every_gradient_matches_numerical_with_the_masks_fixed(rng, knobs):
    net = network([3, 6, 5, 3], rng, **knobs)
    X, y = problem(rng, net.layer_dims, m=7)
    _, grads = loss_with_masks_fixed(net, X, y)
    for name, value in net.params.items():
        def cost(p, name=name):
            saved = net.params[name]
            net.params[name] = p
            try:
                return loss_with_masks_fixed(net, X, y)[0]
            finally:
                net.params[name] = saved

        numerical = numerical_gradient(cost, value.copy())
        if name in zero_gradients(net):
            np.testing.assert_allclose(grads["d" + name], numerical, rtol=0, atol=1e-9)
        else:
            assert relative_error(grads["d" + name], numerical) < 1e-7, name


def test_a_fresh_dropout_mask_per_call_makes_the_loss_a_different_function(rng):
    # Why a gradient check with dropout must fix the mask: two calls, two losses.
    net = network([3, 6, 3], rng, keep_prob=0.5)
    X, y = problem(rng, net.layer_dims)
    assert net.loss(X, y)[0] != net.loss(X, y)[0]
    assert loss_with_masks_fixed(net, X, y)[0] == loss_with_masks_fixed(net, X, y)[0]


def test_l2_cost_and_gradient_equal_scikit_learns_alpha(rng):
    # MLPClassifier's loss is the mean log-loss + alpha / (2 n) sum ||W||^2 over its coefs_
    # (weights only), n the batch size; its gradients are those of that loss.
    alpha, m = 0.8, 30
    net = network([4, 6, 3], rng, reg=alpha)
    X, y = problem(rng, net.layer_dims, m=m)
    clf = MLPClassifier(hidden_layer_sizes=(6,), activation="relu", solver="sgd", alpha=alpha)
    clf.partial_fit(X.T, y, classes=np.arange(3))
    clf.coefs_ = [net.params["W1"].T.copy(), net.params["W2"].T.copy()]
    clf.intercepts_ = [net.params["b1"].ravel().copy(), net.params["b2"].ravel().copy()]
    coef_grads = [np.empty_like(c) for c in clf.coefs_]
    intercept_grads = [np.empty_like(b) for b in clf.intercepts_]
    sk_loss, sk_dW, sk_db = clf._backprop(X.T, clf._label_binarizer.transform(y), None,
                                          [X.T, None, None], [None, None], coef_grads,
                                          intercept_grads)
    loss, grads = net.loss(X, y)
    assert loss == pytest.approx(sk_loss, rel=1e-12)
    for l in (1, 2):
        np.testing.assert_allclose(grads[f"dW{l}"], sk_dW[l - 1].T, rtol=1e-10, atol=1e-15)
        np.testing.assert_allclose(grads[f"db{l}"].ravel(), sk_db[l - 1], rtol=1e-10,
                                   atol=1e-15)


def test_the_bias_before_batch_norm_has_zero_gradient_and_no_effect(rng):
    # Batch norm subtracts the batch mean, which absorbs any b[l]: the loss does not depend
    # on b[l], so db[l] = 0. In float64 the sum that gives db leaves rounding residue only.
    net = network([4, 7, 6, 3], rng, batchnorm=True)
    X, y = problem(rng, net.layer_dims)
    loss, grads = net.loss(X, y)
    scale = max(np.abs(g).max() for g in grads.values())
    for l in range(1, net.L):
        assert np.abs(grads[f"db{l}"]).max() < 1e-14 * scale, l
        net.params[f"b{l}"] = net.params[f"b{l}"] + 10.0
    assert net.loss(X, y)[0] == pytest.approx(loss, rel=1e-12)
    assert np.abs(grads[f"db{net.L}"]).max() > 1e-3  # the output layer's bias still matters


def test_evaluation_is_deterministic_and_uses_batchnorms_running_statistics(rng):
    net = network([4, 7, 6, 3], rng, **KNOBS)
    X, y = problem(rng, net.layer_dims, m=20)
    net.loss(X, y)  # one training step's statistics in the running averages
    means = [state["running_mean"].copy() for state in net.bn_states.values()]
    first, second = net.scores(X), net.scores(X)
    np.testing.assert_array_equal(first, second)
    # With the running statistics, a column's scores do not depend on the rest of the batch.
    np.testing.assert_allclose(net.scores(X[:, 3:4]), first[:, 3:4], rtol=1e-12)
    for state, before in zip(net.bn_states.values(), means):
        np.testing.assert_array_equal(state["running_mean"], before)
        assert np.abs(before).max() > 0


def test_the_evaluation_loss_leaves_out_the_l2_term(rng):
    plain = network([4, 6, 3], rng)
    regularized = NeuralNetwork([4, 6, 3], random_state=1, reg=2.0)
    regularized.params = {k: v.copy() for k, v in plain.params.items()}
    X, y = problem(rng, plain.layer_dims)
    assert regularized.loss(X, y, mode="eval")[0] == plain.loss(X, y, mode="eval")[0]
    assert regularized.loss(X, y, mode="train")[0] > plain.loss(X, y, mode="train")[0]


def test_without_knobs_nothing_changes(rng):
    X, y = problem(rng, [4, 6, 5, 3])
    plain = NeuralNetwork([4, 6, 5, 3], random_state=3)
    knobs_off = NeuralNetwork([4, 6, 5, 3], random_state=3, reg=0.0, keep_prob=1.0,
                              batchnorm=False)
    assert list(knobs_off.params) == list(plain.params)
    loss_a, grads_a = plain.loss(X, y)
    loss_b, grads_b = knobs_off.loss(X, y)
    assert loss_a == loss_b
    for name in grads_a:
        np.testing.assert_array_equal(grads_a[name], grads_b[name])


def test_batchnorm_parameters_start_as_the_identity_and_keep_the_dtype():
    net = NeuralNetwork([4, 7, 6, 3], batchnorm=True, dtype=np.float32, random_state=0)
    assert list(net.params) == ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2",
                                "W3", "b3"]
    np.testing.assert_array_equal(net.params["gamma2"], np.ones((6, 1)))
    np.testing.assert_array_equal(net.params["beta1"], np.zeros((7, 1)))
    assert all(p.dtype == np.float32 for p in net.params.values())
    X = np.random.default_rng(0).normal(size=(4, 5)).astype(np.float32)
    _, grads = net.loss(X, np.array([0, 1, 2, 0, 1]))
    assert all(g.dtype == np.float32 for g in grads.values())


def test_trainer_trains_a_network_with_all_three_knobs():
    from utils import Trainer, load_digits_data

    X_train, X_test, y_train, y_test = load_digits_data()
    net = NeuralNetwork([64, 64, 10], random_state=0, **KNOBS)
    Trainer(net, learning_rate=0.1, epochs=5, batch_size=64, random_state=0).fit(X_train, y_train)
    assert net.accuracy(X_test, y_test) > 0.9
    assert np.abs(net.params["gamma1"] - 1).max() > 0  # gamma and beta are trained too


@pytest.mark.parametrize(
    "knobs, error, message",
    [
        ({"reg": -0.1}, ValueError, r"reg must be a number >= 0 \(lambda of L2 regularisation\)"),
        ({"reg": "0.1"}, TypeError, "reg must be a number"),
        ({"reg": np.nan}, ValueError, "reg"),
        ({"keep_prob": True}, TypeError, "keep_prob must be a number"),
        ({"keep_prob": 0.0}, ValueError, "probability of KEEPING"),
        ({"keep_prob": 1.2}, ValueError, r"nn.Dropout\(p\)"),
        ({"batchnorm": 1}, TypeError, "batchnorm must be True or False"),
    ],
)
def test_bad_knobs(knobs, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork([4, 6, 3], **knobs)
