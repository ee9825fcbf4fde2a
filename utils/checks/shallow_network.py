"""Exercise checks of notebook 06, a shallow neural network."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..linear.logistic import logistic_loss, sigmoid
from ._runner import dict_close, function_name, run_cases


def check_relu_shallow_backward(relu_shallow_backward):
    """Check ``relu_shallow_backward(X, y, params, cache)`` -> {"dW1", "db1", "dW2", "db2"}.

    The network of notebook 6 with ReLU in the hidden layer: X (n_x, m), y (m,) of 0/1,
    params W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1); cache holds Z1, A1, Z2, A2.
    Each gradient of the mean cross-entropy is compared with a numerical one.
    """
    rng = np.random.default_rng(6)
    cases = [_relu_case(rng, n_x, n_h, m) for n_x, n_h, m in [(2, 3, 5), (3, 4, 8), (2, 1, 6)]]

    def expected(X, y, params, cache):
        def cost(p):
            return np.mean(logistic_loss(_relu_forward(X, p)["Z2"][0], y))

        params = {name: value.copy() for name, value in params.items()}
        return {"d" + name: numerical_gradient(lambda _: cost(params), params[name])
                for name in ("W1", "b1", "W2", "b2")}

    run_cases(function_name(relu_shallow_backward, "relu_shallow_backward"),
              relu_shallow_backward, cases, expected, dict_close)


def _relu_forward(X, params):
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.maximum(Z1, 0)
    Z2 = params["W2"] @ A1 + params["b2"]
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": sigmoid(Z2)}


def _relu_case(rng, n_x, n_h, m):
    """A random case whose Z1 stays away from ReLU's kink at 0, where the numerical
    gradient would straddle two slopes."""
    while True:
        X = rng.normal(size=(n_x, m))
        params = {"W1": rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
                  "W2": rng.normal(size=(1, n_h)), "b2": rng.normal(size=(1, 1))}
        cache = _relu_forward(X, params)
        if np.abs(cache["Z1"]).min() > 0.05 and (cache["Z1"] > 0).any():
            return {"X": X, "y": rng.integers(0, 2, m), "params": params, "cache": cache}
