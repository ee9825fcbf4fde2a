"""Exercise checks of notebook 06, a shallow neural network."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..linear.logistic import logistic_loss, sigmoid
from ._runner import gradient_close, run_cases


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

    mistakes = [
        (lambda X, y, params, cache: _backward(X, y, params, cache, m=1),
         "the gradients are sums over the m examples: the cost is a mean, divide by m"),
        (lambda X, y, params, cache: _backward(X, y, params, cache, sign=-1),
         "the gradients have the wrong sign: dZ2 = A2 - y (prediction minus label)"),
        (lambda X, y, params, cache: _backward(
            X, y, params, cache, derivative=lambda c: 1 - c["A1"] ** 2),
         "dZ1 uses tanh's derivative 1 - A1^2: ReLU's derivative is 1 where Z1 > 0, else 0"),
        (lambda X, y, params, cache: _backward(
            X, y, params, cache, derivative=lambda c: np.ones_like(c["Z1"])),
         "dZ1 misses ReLU's derivative: multiply W2^T dZ2 by (Z1 > 0)"),
    ]
    run_cases("relu_shallow_backward", relu_shallow_backward, cases, expected,
              close=gradient_close, mistakes=mistakes)


def _backward(X, y, params, cache, m=None, sign=1, derivative=lambda c: c["Z1"] > 0):
    """The backward pass written out, with a knob for each typical mistake."""
    m = X.shape[1] if m is None else m
    dZ2 = sign * (cache["A2"] - y)
    dZ1 = (params["W2"].T @ dZ2) * derivative(cache)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


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
