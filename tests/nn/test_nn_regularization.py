"""L2 regularisation: its cost and gradient against the math and against scikit-learn."""
import numpy as np
import pytest
from sklearn.neural_network import MLPClassifier

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn.regularization import l2_cost, l2_grads, weight_names


@pytest.fixture
def params(rng):
    return {"W1": rng.normal(size=(5, 3)), "b1": rng.normal(size=(5, 1)),
            "gamma1": rng.normal(size=(5, 1)), "beta1": rng.normal(size=(5, 1)),
            "W2": rng.normal(size=(2, 5)), "b2": rng.normal(size=(2, 1))}


def test_only_the_weights_are_penalised(params):
    assert weight_names(params) == ["W1", "W2"]
    assert set(l2_grads(params, 0.7, 10)) == {"dW1", "dW2"}


def test_cost_is_lambda_over_2m_times_the_squared_frobenius_norms(params):
    expected = 0.7 / 20 * (np.linalg.norm(params["W1"]) ** 2 + np.linalg.norm(params["W2"]) ** 2)
    assert l2_cost(params, 0.7, 10) == pytest.approx(expected, rel=1e-14)
    assert l2_cost(params, 0.0, 10) == 0.0


@pytest.mark.parametrize("name", ["W1", "W2"])
def test_gradient_matches_a_numerical_gradient(params, name):
    def cost(W):
        return l2_cost({**params, name: W}, 0.7, 10)

    numerical = numerical_gradient(cost, params[name].copy())
    assert relative_error(l2_grads(params, 0.7, 10)["d" + name], numerical) < 1e-8


def test_inputs_are_not_modified(params):
    before = {k: v.copy() for k, v in params.items()}
    l2_grads(params, 0.7, 10)
    l2_cost(params, 0.7, 10)
    for k in params:
        np.testing.assert_array_equal(params[k], before[k])


def _sklearn_loss_and_grads(params, X, y, alpha):
    """scikit-learn's own loss and gradients for the weights in params (column layout)."""
    clf = MLPClassifier(hidden_layer_sizes=(params["W1"].shape[0],), activation="relu",
                        solver="sgd", alpha=alpha)
    clf.partial_fit(X.T, y, classes=np.unique(y))
    clf.coefs_ = [params["W1"].T.copy(), params["W2"].T.copy()]
    clf.intercepts_ = [params["b1"].ravel().copy(), params["b2"].ravel().copy()]
    activations = [X.T, None, None]
    coef_grads = [np.empty_like(c) for c in clf.coefs_]
    intercept_grads = [np.empty_like(b) for b in clf.intercepts_]
    Y = clf._label_binarizer.transform(y)
    loss, dWs, dbs = clf._backprop(X.T, Y, None, activations, [None, None], coef_grads,
                                   intercept_grads)
    return loss, [dW.T for dW in dWs], dbs


def test_cost_and_gradient_equal_scikit_learns_alpha_penalty(params, rng):
    # MLPClassifier adds alpha / (2 n) sum ||W||^2 (weights only) to its mean log-loss, n the
    # batch size: the same term as l2_cost with lambd = alpha, m = n.
    X, y, alpha = rng.normal(size=(3, 40)), rng.integers(0, 2, 40), 0.37
    loss_reg, dW_reg, db_reg = _sklearn_loss_and_grads(params, X, y, alpha)
    loss_0, dW_0, db_0 = _sklearn_loss_and_grads(params, X, y, 0.0)
    assert loss_reg - loss_0 == pytest.approx(l2_cost(params, alpha, 40), rel=1e-10)
    ours = l2_grads(params, alpha, 40)
    for l in (1, 2):
        np.testing.assert_allclose(dW_reg[l - 1] - dW_0[l - 1], ours[f"dW{l}"], rtol=1e-9,
                                   atol=1e-14)
        np.testing.assert_array_equal(db_reg[l - 1], db_0[l - 1])


@pytest.mark.parametrize(
    "args, error, message",
    [
        (({"b1": np.ones((2, 1))}, 0.1, 5), ValueError, "no weights named W1"),
        (([np.ones((2, 2))], 0.1, 5), TypeError, "params must be a dict"),
        (({"W1": np.ones((2, 2))}, -0.1, 5), ValueError, "lambd .* >= 0"),
        (({"W1": np.ones((2, 2))}, np.nan, 5), ValueError, "finite"),
        (({"W1": np.ones((2, 2))}, "0.1", 5), TypeError, "lambd"),
        (({"W1": np.ones((2, 2))}, 0.1, 0), ValueError, "m .* >= 1"),
        (({"W1": np.ones((2, 2))}, 0.1, 2.5), TypeError, "whole number"),
    ],
)
@pytest.mark.parametrize("fn", [l2_cost, l2_grads])
def test_bad_input(fn, args, error, message):
    with pytest.raises(error, match=message):
        fn(*args)
