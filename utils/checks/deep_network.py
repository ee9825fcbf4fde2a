"""Exercise checks of notebook 07, a deep network.

The expected values are written out here with plain NumPy (ReLU layers, log-sum-exp), and
the gradients are numerical, so that a mistake in the course's own modules could not hide
the same mistake in a student's code.
"""
import numpy as np

from ..gradcheck import numerical_gradient
from ..nn.layers import linear_backward
from ..nn.network import network_forward
from ._runner import gradient_close, run_cases


def check_softmax_cross_entropy(softmax_cross_entropy):
    """Check ``softmax_cross_entropy(Z, y)`` -> (loss, dZ).

    Z : (C, m) scores; y : (m,) integer labels. loss is the MEAN cross-entropy over the m
    examples (a number) and dZ its derivative with respect to Z, shape (C, m). Scores of
    +-1e4 must give a finite loss without an overflow warning.
    """
    rng = np.random.default_rng(7)
    huge = np.array([[1e4, -1e4, 0.0, 5e3], [-1e4, 1e4, 1e4, -5e3], [0.0, 0.0, -1e4, 0.0]])
    cases = [
        {"Z": np.array([[1.0, 2.0], [0.5, -1.0], [-2.0, 0.0]]), "y": np.array([0, 2])},
        {"Z": 3 * rng.normal(size=(10, 5)), "y": rng.integers(0, 10, 5)},
        {"Z": rng.normal(size=(2, 1)), "y": np.array([1])},
        {"Z": huge, "y": np.array([1, 0, 2, 2])},
    ]

    def expected(Z, y):
        loss = _mean_cross_entropy(Z, y)
        if np.abs(Z).max() > 100:  # differences of a loss near 1e4 lose digits: closed form
            dZ = (_softmax(Z) - _one_hot(y, Z.shape[0])) / Z.shape[1]
        else:
            dZ = numerical_gradient(lambda z: _mean_cross_entropy(z, y), Z.copy())
        return loss, dZ

    def closed_form(Z, y, mean=True, dZ_mean=True, axis=0):
        m = Z.shape[1] if mean else 1
        A = np.exp(Z - Z.max(axis=axis, keepdims=True))
        A /= A.sum(axis=axis, keepdims=True)
        Y = _one_hot(y, Z.shape[0])
        loss = -np.sum(np.log(A[y, np.arange(y.size)])) / m
        return loss, (A - Y) / (Z.shape[1] if dZ_mean else 1)

    mistakes = [
        (lambda Z, y: closed_form(Z, y, mean=False, dZ_mean=False),
         "loss and dZ are sums over the m examples: the loss is their mean, divide by m"),
        (lambda Z, y: closed_form(Z, y, dZ_mean=False),
         "dZ misses the 1/m of the mean: dZ = (softmax(Z) - Y) / m"),
        (lambda Z, y: closed_form(Z, y, mean=False),
         "the loss is a sum over the m examples: return its mean"),
        (lambda Z, y: closed_form(Z, y, axis=1),
         "softmax was normalised along axis=1, over the examples: normalise each column "
         "(axis=0), over the C classes"),
    ]
    overflow = ("overflow", "exp of a score of 1e4 overflows: subtract each column's "
                            "largest score first (log-sum-exp)")
    log_of_zero = ("divide by zero encountered in log",
                   "log(0): a softmax of 0 underflowed; compute log softmax as "
                   "Z - max - log(sum(exp(Z - max)))")
    run_cases("softmax_cross_entropy", softmax_cross_entropy, cases, expected,
              outputs=("loss", "dZ"), close=gradient_close, mistakes=mistakes,
              fatal_warnings=(overflow, log_of_zero))


def check_network_backward(network_backward):
    """Check ``network_backward(dZL, caches)`` -> grads {"dW1", "db1", ..., "dWL", "dbL"}.

    The network of notebook 7 with ReLU hidden layers: dZL (n[L], m) is the loss's
    gradient with respect to the scores Z[L], and caches come from
    network_forward(X, params, "relu"). Each gradient of the mean softmax cross-entropy is
    compared with a numerical one.
    """
    rng = np.random.default_rng(8)
    cases, answers = [], {}
    for layer_dims in ([3, 4, 2], [4, 5, 3, 3], [3, 2], [2, 3, 3, 4, 2]):
        case, answer = _network_case(rng, layer_dims)
        cases.append(case)
        # the student sees dZL and caches, not X, y, params
        answers[case["dZL"].tobytes()] = answer

    mistakes = [
        (lambda dZL, caches: _backward(dZL, caches, relu_derivative=False),
         "the hidden layers' ReLU derivative is missing: dZ[l] = dA[l] * (Z[l] > 0)"),
        (lambda dZL, caches: _backward(dZL, caches, shift=True),
         "the gradients are one layer off: the gradients of layer l come from caches[l] "
         "and go under the keys dW{l} and db{l}"),
    ]
    run_cases("network_backward", network_backward, cases,
              lambda dZL, caches: answers[dZL.tobytes()], close=gradient_close,
              mistakes=mistakes)


def _backward(dZL, caches, relu_derivative=True, shift=False):
    """The backward pass written out, with a knob for each typical mistake."""
    L = len(caches)
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):
        linear_cache, Z = caches[l]
        dZ = dA * (Z > 0) if relu_derivative else dA
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
    if shift:  # layer l's gradients stored under l + 1, over the output layer's
        grads = {f"d{p}{l + 1}": grads[f"d{p}{l}"] for l in range(1, L) for p in "Wb"}
    return grads


def _softmax(Z):
    shifted = Z - Z.max(axis=0, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=0, keepdims=True)


def _one_hot(y, C):
    Y = np.zeros((C, y.size))
    Y[y, np.arange(y.size)] = 1.0
    return Y


def _mean_cross_entropy(Z, y):
    """-(1/m) sum_i log softmax(Z)[y_i, i], with log-sum-exp: max + log sum e^(Z - max)."""
    top = Z.max(axis=0)
    log_sum_exp = top + np.log(np.exp(Z - top).sum(axis=0))
    return float(np.mean(log_sum_exp - Z[y, np.arange(y.size)]))


def _network_loss(X, params, y):
    L = len(params) // 2
    A = X
    for l in range(1, L):
        A = np.maximum(params[f"W{l}"] @ A + params[f"b{l}"], 0)
    return _mean_cross_entropy(params[f"W{L}"] @ A + params[f"b{L}"], y)


def _network_case(rng, layer_dims, m=5):
    """A random network and batch whose hidden Z[l] stay away from ReLU's kink at 0.

    Returns the case {"dZL", "caches"} and the expected gradients, numerical ones.
    """
    L = len(layer_dims) - 1
    while True:
        X = rng.normal(size=(layer_dims[0], m))
        y = rng.integers(0, layer_dims[-1], m)
        params = {}
        for l in range(1, L + 1):
            params[f"W{l}"] = rng.normal(size=(layer_dims[l], layer_dims[l - 1]))
            params[f"b{l}"] = 0.5 * rng.normal(size=(layer_dims[l], 1))
        ZL, caches = network_forward(X, params, "relu")
        if all(np.abs(caches[l][1]).min() > 0.05 for l in range(1, L)):  # ReLU's cache is Z
            break
    dZL = (_softmax(ZL) - _one_hot(y, layer_dims[-1])) / m
    grads = {f"d{name}": numerical_gradient(lambda _: _network_loss(X, params, y), value)
             for name, value in params.items()}
    return {"dZL": dZL, "caches": caches}, grads
