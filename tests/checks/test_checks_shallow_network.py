"""The check of notebook 06: correct answers pass, known mistakes are named."""
import numpy as np

from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import check_relu_shallow_backward


def relu_shallow_backward(X, y, params, cache):  # the worked solution
    m = X.shape[1]
    dZ2 = cache['A2'] - y                            # (1, m)
    dW2 = dZ2 @ cache['A1'].T / m                    # (1, n_h)
    db2 = dZ2.sum(axis=1, keepdims=True) / m         # (1, 1)
    dZ1 = (params['W2'].T @ dZ2) * (cache['Z1'] > 0)  # ReLU'(Z1)
    dW1 = dZ1 @ X.T / m                              # (n_h, n_x)
    db1 = dZ1.sum(axis=1, keepdims=True) / m         # (n_h, 1)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


def relu_backward_from_A1(X, y, params, cache):  # A1 > 0 where Z1 > 0: the same mask
    m = X.shape[1]
    dZ2 = cache["A2"] - y
    dZ1 = np.where(cache["A1"] > 0, params["W2"].T @ dZ2, 0.0)
    return {"dW2": np.dot(dZ2, cache["A1"].T) / m, "db2": np.mean(dZ2, axis=1, keepdims=True),
            "dW1": np.dot(dZ1, X.T) / m, "db1": np.mean(dZ1, axis=1, keepdims=True)}


def with_tanh_derivative(X, y, params, cache):  # copied from the tanh network unchanged
    m = X.shape[1]
    dZ2 = cache["A2"] - y
    dZ1 = (params["W2"].T @ dZ2) * (1 - cache["A1"] ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def without_relu_derivative(X, y, params, cache):
    m = X.shape[1]
    dZ2 = cache["A2"] - y
    dZ1 = params["W2"].T @ dZ2
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def not_averaged(X, y, params, cache):
    dZ2 = cache["A2"] - y
    dZ1 = (params["W2"].T @ dZ2) * (cache["Z1"] > 0)
    return {"dW1": dZ1 @ X.T, "db1": dZ1.sum(axis=1, keepdims=True),
            "dW2": dZ2 @ cache["A1"].T, "db2": dZ2.sum(axis=1, keepdims=True)}


def label_minus_prediction(X, y, params, cache):
    m = X.shape[1]
    dZ2 = y - cache["A2"]
    dZ1 = (params["W2"].T @ dZ2) * (cache["Z1"] > 0)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def flat_biases(X, y, params, cache):  # db without keepdims: shape (n_h,) instead of (n_h, 1)
    grads = relu_shallow_backward(X, y, params, cache)
    return grads | {"db1": grads["db1"].ravel()}


def transposed_dW1(X, y, params, cache):
    grads = relu_shallow_backward(X, y, params, cache)
    return grads | {"dW1": grads["dW1"].T}


def as_a_tuple(X, y, params, cache):
    return tuple(relu_shallow_backward(X, y, params, cache).values())


def overwrites_the_cache(X, y, params, cache):  # reuses cache["A2"] as dZ2
    cache["A2"] -= y
    m = X.shape[1]
    dZ2 = cache["A2"]
    dZ1 = (params["W2"].T @ dZ2) * (cache["Z1"] > 0)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


EXERCISES = [
    Exercise(check_relu_shallow_backward, [relu_shallow_backward, relu_backward_from_A1], [
        (with_tanh_derivative, "dZ1 uses tanh's derivative"),
        (without_relu_derivative, "dZ1 misses ReLU's derivative"),
        (not_averaged, "the gradients are sums over the m examples"),
        (label_minus_prediction, "the gradients have the wrong sign: dZ2 = A2 - y"),
        (flat_biases, "db1 has shape (3,), expected (3, 1): keep it a column"),
        (transposed_dW1, "dW1 has shape (2, 3), expected (3, 2): it is transposed"),
        (as_a_tuple, "returned a tuple of 4 values; expected a dict with keys"),
        (overwrites_the_cache, "changed its argument cache['A2'] in place"),
    ]),
]

globals().update(contract_tests(EXERCISES))


def test_a_missing_key_is_named(capsys):
    def forgets_db2(X, y, params, cache):
        grads = relu_shallow_backward(X, y, params, cache)
        del grads["db2"]
        return grads

    out = output_of(check_relu_shallow_backward, forgets_db2, capsys)
    assert_rejected(out, "the dict returned has no key 'db2'")


def test_the_cases_keep_away_from_relus_kink():
    from utils.checks.shallow_network import _relu_case

    rng = np.random.default_rng(0)
    for _ in range(5):
        case = _relu_case(rng, 3, 4, 7)
        assert np.abs(case["cache"]["Z1"]).min() > 0.05
