"""Exercise checks of notebook 11, batch normalization."""
import numpy as np

from ..gradcheck import numerical_gradient
from ..nn.batchnorm import batchnorm_forward, init_batchnorm_state
from ._runner import allclose, gradient_close, run_cases


def check_batchnorm_forward(batchnorm_forward_fn):
    """Check ``batchnorm_forward(Z, gamma, beta, eps)`` -> out of shape (n, m), training
    mode: each row of Z normalised with its batch mean and biased variance, then
    gamma * Z_hat + beta; gamma and beta have shape (n, 1)."""

    def expected(Z, gamma, beta, eps):
        return _course_forward(Z, gamma, beta, eps)

    run_cases("batchnorm_forward", batchnorm_forward_fn, _cases(15), expected, allclose)


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

    rng = np.random.default_rng(16)
    cases = [{"dout": rng.normal(size=c["Z"].shape), "Z": c["Z"], "gamma": c["gamma"],
              "eps": c["eps"]} for c in _cases(17)]
    run_cases("batchnorm_backward", batchnorm_backward_fn, cases, expected, gradient_close)


def check_running_average(running_average_fn):
    """Check ``running_average(running_mean, running_var, Z, momentum)`` -> the new
    (running_mean, running_var), each (n, 1), in PyTorch's convention:
    running = (1 - momentum) * running + momentum * batch, with the UNBIASED batch variance."""

    def expected(running_mean, running_var, Z, momentum):
        m = Z.shape[1]
        batch_var = np.sum((Z - Z.mean(axis=1, keepdims=True)) ** 2, axis=1, keepdims=True)
        return ((1 - momentum) * running_mean + momentum * Z.mean(axis=1, keepdims=True),
                (1 - momentum) * running_var + momentum * batch_var / (m - 1))

    rng = np.random.default_rng(18)
    cases = [
        {"running_mean": np.zeros((2, 1)), "running_var": np.ones((2, 1)),
         "Z": np.array([[1.0, 3.0], [0.0, 4.0]]), "momentum": 0.1},
        {"running_mean": rng.normal(size=(3, 1)), "running_var": rng.uniform(1, 2, size=(3, 1)),
         "Z": rng.normal(2, 3, size=(3, 5)), "momentum": 0.3},
    ]
    run_cases("running_average", running_average_fn, cases, expected, allclose)


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
