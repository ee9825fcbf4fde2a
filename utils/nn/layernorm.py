"""Layer normalisation of a layer's pre-activations Z, shape (n[l], m), one example per column.

Batch norm normalises each FEATURE (row) over the batch; layer norm normalises each EXAMPLE
(column) over its n features:

    mu = mean over the rows of Z,  var = mean((Z - mu)^2),  Z_hat = (Z - mu) / sqrt(var + eps),
    out = gamma * Z_hat + beta          mu, var: shape (1, m);  gamma, beta: shape (n, 1)

An example's statistics do not depend on the other examples, so there are no running
averages, training and evaluation compute the same thing, and a batch of one works.
This is torch.nn.LayerNorm(n, eps=1e-5) on the transpose (PyTorch keeps examples in rows).
"""
import numpy as np

from ._checks import check_float_matrix, check_number, check_same_shape


def layernorm_forward(Z, gamma, beta, eps=1e-5):
    """Normalise each column of Z, then scale each row by gamma, shift by beta.

    Z : float array of shape (n, m); gamma, beta : shape (n, 1); eps > 0.
    Returns out of shape (n, m) and the cache for ``layernorm_backward``.
    """
    _check_layernorm_args(Z, gamma, beta, eps)
    mu = Z.mean(axis=0, keepdims=True)
    var = Z.var(axis=0, keepdims=True)
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    return gamma * Z_hat + beta, (Z_hat, var, eps, gamma)


def layernorm_backward(dout, cache):
    """dZ (n, m), dgamma (n, 1), dbeta (n, 1) from the upstream gradient (n, m).

    Batch norm's compact backward with the axes swapped: dZ's sums run over the
    n rows of each column; dgamma and dbeta sum over the m columns (examples).
    """
    Z_hat, var, eps, gamma = _unpack(cache)
    check_same_shape("dout", dout, "the layer's output", Z_hat)
    n = dout.shape[0]
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dZ_hat = gamma * dout
    dZ = (n * dZ_hat - np.sum(dZ_hat, axis=0, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=0, keepdims=True))
    return dZ / (n * np.sqrt(var + eps)), dgamma, dbeta


def _check_layernorm_args(Z, gamma, beta, eps):
    check_float_matrix("Z", Z, what="(n, m)")
    n = Z.shape[0]
    for name, value in (("gamma", gamma), ("beta", beta)):
        if not isinstance(value, np.ndarray) or value.shape != (n, 1):
            raise ValueError(f"{name} must be an array of shape (n, 1) = ({n}, 1) for Z of shape "
                             f"(n, m) = {Z.shape}; got {type(value).__name__} "
                             f"{getattr(value, 'shape', '')}")
    check_number("eps", eps, "a number > 0, e.g. 1e-5", lambda e: e > 0)


def _unpack(cache):
    if not (isinstance(cache, tuple) and len(cache) == 4
            and isinstance(cache[0], np.ndarray) and cache[0].ndim == 2):
        raise TypeError("cache must be the cache that layernorm_forward returned, "
                        f"(Z_hat, var, eps, gamma); got {type(cache).__name__}")
    return cache
