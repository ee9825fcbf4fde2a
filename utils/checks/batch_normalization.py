"""Exercise checks of notebook 11, batch normalization."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..nn.batchnorm import batchnorm_forward, init_batchnorm_state
from ._runner import gradient_close, run_cases


def _forward(Z, gamma, beta, eps, ddof=0, eps_outside=False, axis=1):
    mu = Z.mean(axis=axis, keepdims=True)
    var = Z.var(axis=axis, ddof=ddof, keepdims=True)
    std = np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps)
    return gamma * (Z - mu) / std + beta


def check_batchnorm_forward(batchnorm_forward_fn):
    """Check ``batchnorm_forward(Z, gamma, beta, eps)`` -> out of shape (n, m), training
    mode: each row of Z normalised with its batch mean and biased variance, then
    gamma * Z_hat + beta; gamma and beta have shape (n, 1)."""
    mistakes = [
        (lambda Z, gamma, beta, eps: _forward(Z, gamma, beta, eps, ddof=1),
         "the variance is the unbiased one (ddof=1): normalise with the biased batch "
         "variance, Z.var(axis=1, keepdims=True)"),
        (lambda Z, gamma, beta, eps: _forward(Z, gamma, beta, eps, eps_outside=True),
         "epsilon is outside the square root: divide by np.sqrt(var + eps)"),
        (lambda Z, gamma, beta, eps: _forward(Z, gamma, beta, 0.0),
         "epsilon is missing: divide by np.sqrt(var + eps)"),
        (lambda Z, gamma, beta, eps: gamma * (Z - Z.mean(axis=0)) / np.sqrt(
            Z.var(axis=0) + eps) + beta,
         "each column (example) was normalised: normalise each row (unit) over the m "
         "examples, axis=1"),
        (lambda Z, gamma, beta, eps: _forward(Z, 1.0, 0.0, eps),
         "gamma and beta are not applied: return gamma * Z_hat + beta"),
    ]
    run_cases("batchnorm_forward", batchnorm_forward_fn, _cases(15), _course_forward,
              outputs="out", mistakes=mistakes)


def _backward(dout, Z, gamma, eps, mean_path=True, variance_path=True):
    m = Z.shape[1]
    std = np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / std
    dZ_hat = gamma * dout
    dZ = m * dZ_hat
    if mean_path:
        dZ = dZ - dZ_hat.sum(axis=1, keepdims=True)
    if variance_path:
        dZ = dZ - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)
    return (dZ / (m * std), np.sum(dout * Z_hat, axis=1, keepdims=True),
            np.sum(dout, axis=1, keepdims=True))


def check_batchnorm_backward(batchnorm_backward_fn):
    """Check ``batchnorm_backward(dout, Z, gamma, eps)`` -> (dZ, dgamma, dbeta), the gradients
    of sum(dout * out) in training mode; dZ of shape (n, m), dgamma and dbeta (n, 1)."""

    def expected(dout, Z, gamma, eps):
        beta = np.zeros_like(gamma)

        def f(Z_, gamma_, beta_):
            return np.sum(dout * _course_forward(Z_, gamma_, beta_, eps))

        return (numerical_gradient(lambda v: f(v, gamma, beta), Z.copy()),
                numerical_gradient(lambda v: f(Z, v, beta), gamma.copy()),
                numerical_gradient(lambda v: f(Z, gamma, v), beta))

    mistakes = [
        (lambda dout, Z, gamma, eps: _backward(dout, Z, gamma, eps, mean_path=False),
         "dZ misses the mean's path: subtract the sum of dZ_hat over the batch (the mean "
         "depends on every Z)"),
        (lambda dout, Z, gamma, eps: _backward(dout, Z, gamma, eps, variance_path=False),
         "dZ misses the variance's path: subtract Z_hat * sum(dZ_hat * Z_hat)"),
        (lambda dout, Z, gamma, eps: _backward(dout, Z, gamma, eps, False, False),
         "dZ treats the mean and variance as constants: both of their paths are missing"),
        (lambda dout, Z, gamma, eps: _backward(dout, Z, np.ones_like(gamma), eps),
         "dZ misses the factor gamma: dZ_hat = gamma * dout"),
    ]
    rng = np.random.default_rng(16)
    cases = [{"dout": rng.normal(size=c["Z"].shape), "Z": c["Z"], "gamma": c["gamma"],
              "eps": c["eps"]} for c in _cases(17)]
    run_cases("batchnorm_backward", batchnorm_backward_fn, cases, expected,
              outputs=("dZ", "dgamma", "dbeta"), close=gradient_close, mistakes=mistakes)


def _running(running_mean, running_var, Z, momentum, ddof=1, new_weight=None):
    new_weight = momentum if new_weight is None else new_weight
    return ((1 - new_weight) * running_mean + new_weight * Z.mean(axis=1, keepdims=True),
            (1 - new_weight) * running_var + new_weight * Z.var(axis=1, ddof=ddof,
                                                                keepdims=True))


def check_running_average(running_average_fn):
    """Check ``running_average(running_mean, running_var, Z, momentum)`` -> the new
    (running_mean, running_var), each (n, 1), in PyTorch's convention:
    running = (1 - momentum) * running + momentum * batch, with the UNBIASED batch variance."""

    def expected(running_mean, running_var, Z, momentum):
        m = Z.shape[1]
        batch_var = np.sum((Z - Z.mean(axis=1, keepdims=True)) ** 2, axis=1, keepdims=True)
        return ((1 - momentum) * running_mean + momentum * Z.mean(axis=1, keepdims=True),
                (1 - momentum) * running_var + momentum * batch_var / (m - 1))

    mistakes = [
        (lambda running_mean, running_var, Z, momentum: _running(
            running_mean, running_var, Z, momentum, ddof=0),
         "running_var averages the biased variance: PyTorch's running variance is the "
         "unbiased one, Z.var(axis=1, ddof=1, keepdims=True)"),
        (lambda running_mean, running_var, Z, momentum: _running(
            running_mean, running_var, Z, momentum, new_weight=1 - momentum),
         "the weights are swapped: in PyTorch's convention the new batch gets the weight "
         "momentum, (1 - momentum) * running + momentum * batch"),
        (lambda running_mean, running_var, Z, momentum: (
            _running(running_mean, running_var, Z, momentum)[0],
            (1 - momentum) * running_var + momentum * Z.std(axis=1, ddof=1, keepdims=True)),
         "running_var averages the standard deviation: average the variance"),
    ]
    rng = np.random.default_rng(18)
    cases = [
        {"running_mean": np.zeros((2, 1)), "running_var": np.ones((2, 1)),
         "Z": np.array([[1.0, 3.0], [0.0, 4.0]]), "momentum": 0.1},
        {"running_mean": rng.normal(size=(3, 1)), "running_var": rng.uniform(1, 2, size=(3, 1)),
         "Z": rng.normal(2, 3, size=(3, 5)), "momentum": 0.3},
    ]
    run_cases("running_average", running_average_fn, cases, expected,
              outputs=("running_mean", "running_var"), mistakes=mistakes)


def _course_forward(Z, gamma, beta, eps):
    state = init_batchnorm_state(Z.shape[0], eps=eps)
    return batchnorm_forward(Z, gamma, beta, state, "train")[0]


def _cases(seed):
    rng = np.random.default_rng(seed)
    return [
        {"Z": np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 6.0]]), "gamma": np.ones((2, 1)),
         "beta": np.zeros((2, 1)), "eps": 1e-5},
        {"Z": rng.normal(1, 2, size=(4, 6)), "gamma": rng.uniform(0.5, 2, size=(4, 1)),
         "beta": rng.normal(size=(4, 1)), "eps": 1e-3},
    ]
