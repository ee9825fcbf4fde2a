"""Batch normalisation of a layer's pre-activations Z, shape (n[l], m), one feature per row.

Training, with the batch's mean and (biased) variance of each feature:

    mu = mean(Z),  var = mean((Z - mu)^2),  Z_hat = (Z - mu) / sqrt(var + eps),
    out = gamma * Z_hat + beta

Evaluation uses running averages of mu and var instead, kept in ``state``.

The running averages follow PYTORCH'S CONVENTION (torch.nn.BatchNorm1d), the course's one:

    running = (1 - momentum) * running + momentum * batch,     momentum = 0.1,

and the running variance averages the UNBIASED batch variance, var * m / (m - 1), while
the batch is normalised with the biased one. This momentum is not an optimizer's momentum.
cs231n and Keras write it the other way round, running = momentum * running
+ (1 - momentum) * batch, with momentum = 0.9 (Keras 0.99), and average the biased variance;
cs231n starts the running variance at 0, Keras (as PyTorch) at 1. ``running_average_cs231n``
shows it.
"""
import numpy as np

from ..validation import validate_positive_int
from ._checks import check_cache, check_float_dtype, check_float_matrix, check_number

MODES = ("train", "eval")


def init_batchnorm_state(n, momentum=0.1, eps=1e-5, dtype=np.float64):
    """The state of a batch norm layer with n features, as PyTorch starts it.

    Returns {"momentum", "eps", "running_mean": zeros (n, 1), "running_var": ones (n, 1)}.
    """
    validate_positive_int("n", n)
    check_number("momentum", momentum, "a number in [0, 1], e.g. 0.1", lambda v: 0 <= v <= 1)
    check_number("eps", eps, "a number > 0, e.g. 1e-5", lambda v: v > 0)
    dtype = check_float_dtype(dtype)
    return {"momentum": momentum, "eps": eps,
            "running_mean": np.zeros((n, 1), dtype), "running_var": np.ones((n, 1), dtype)}


def running_average(running, batch, momentum):
    """PyTorch's (and the course's) update: (1 - momentum) * running + momentum * batch."""
    _check_average_args(running, batch, momentum)
    return (1 - momentum) * running + momentum * batch


def running_average_cs231n(running, batch, momentum):
    """cs231n's and Keras' update: momentum * running + (1 - momentum) * batch.

    The same average as ``running_average(running, batch, 1 - momentum)``; cs231n and Keras
    feed it the biased variance, so each batch adds (m - 1) / m of what it adds in PyTorch's.
    """
    _check_average_args(running, batch, momentum)
    return momentum * running + (1 - momentum) * batch


def batchnorm_forward(Z, gamma, beta, state, mode):
    """Normalise each row of Z, then scale by gamma and shift by beta.

    Z : float array of shape (n, m); gamma, beta : shape (n, 1).
    state : dict from ``init_batchnorm_state``; in training its "running_mean" and
        "running_var" are replaced by their updated values (new arrays, never in place).
    mode : "train" (batch statistics, updates the running ones) or "eval" (running ones).
    Returns out of shape (n, m) and the cache for ``batchnorm_backward``.
    """
    _check_batchnorm_args(Z, gamma, beta, state, mode)
    eps = state["eps"]
    if mode == "train":
        m = Z.shape[1]
        mu = Z.mean(axis=1, keepdims=True)
        var = Z.var(axis=1, keepdims=True)
        state["running_mean"] = running_average(state["running_mean"], mu, state["momentum"])
        state["running_var"] = running_average(state["running_var"], var * m / (m - 1),
                                               state["momentum"])
    else:
        mu, var = state["running_mean"], state["running_var"]
    Z_mu = Z - mu
    Z_hat = Z_mu / np.sqrt(var + eps)
    return gamma * Z_hat + beta, (mode, Z_hat, Z_mu, var, eps, gamma)


def batchnorm_backward(dout, cache):
    """The compact backward pass: dZ, dgamma, dbeta in a few lines.

    dout : shape (n, m). Returns dZ of shape (n, m), dgamma and dbeta of shape (n, 1).
    In training, mu and var depend on every column, which gives (per row, sums over m)

        dZ = (m dZ_hat - sum(dZ_hat) - Z_hat * sum(dZ_hat * Z_hat)) / (m sqrt(var + eps)),

    with dZ_hat = gamma * dout. In evaluation mu and var are constants:
    dZ = dZ_hat / sqrt(var + eps).
    """
    mode, Z_hat, _, var, eps, gamma = _check_backward_args(dout, cache)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dZ_hat = gamma * dout
    inv_std = 1 / np.sqrt(var + eps)
    if mode == "eval":
        return dZ_hat * inv_std, dgamma, dbeta
    m = dout.shape[1]
    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) * inv_std / m
    return dZ, dgamma, dbeta


def batchnorm_backward_graph(dout, cache):
    """The same gradients, node by node back through the computation graph (training mode).

    Forward graph:  mu = mean(Z) -> Z_mu = Z - mu -> var = mean(Z_mu^2) -> std = sqrt(var + eps)
    -> Z_hat = Z_mu / std -> out = gamma Z_hat + beta. Each line below undoes one node.
    """
    mode, Z_hat, Z_mu, var, eps, gamma = _check_backward_args(dout, cache)
    if mode != "train":
        raise ValueError("batchnorm_backward_graph follows the training graph; "
                         "the cache comes from mode='eval'")
    m = dout.shape[1]
    std = np.sqrt(var + eps)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ_hat = gamma * dout
    # Z_mu reaches Z_hat twice: directly, and through var and std.
    dZ_mu = dZ_hat / std
    dstd = -np.sum(dZ_hat * Z_mu, axis=1, keepdims=True) / std**2
    dvar = dstd / (2 * std)
    dZ_mu += dvar * 2 * Z_mu / m
    # Z reaches Z_mu twice: directly, and through mu.
    dmu = -np.sum(dZ_mu, axis=1, keepdims=True)
    dZ = dZ_mu + dmu / m
    return dZ, dgamma, dbeta


def _check_batchnorm_args(Z, gamma, beta, state, mode):
    """Everything batchnorm_forward reads, checked before it changes the state."""
    if not (isinstance(Z, np.ndarray) and Z.dtype.kind == "f" and Z.ndim == 2):
        raise TypeError(f"Z must be a 2-D float ndarray of shape (n, m); got "
                        f"{type(Z).__name__} {getattr(Z, 'shape', '')}")
    n, m = Z.shape
    for name, value in (("gamma", gamma), ("beta", beta)):
        _check_column(name, value, n, f"for Z of shape (n, m) = {Z.shape}")
    if not isinstance(mode, str) or mode not in MODES:
        raise ValueError(f"mode must be 'train' or 'eval'; got {mode!r}")
    if not isinstance(state, dict):
        raise TypeError(f"state must be a dict from init_batchnorm_state(n); "
                        f"got {type(state).__name__}")
    missing = {"momentum", "eps", "running_mean", "running_var"} - set(state)
    if missing:
        raise ValueError(f"state lacks {sorted(missing)}; make it with init_batchnorm_state({n})")
    for key in ("running_mean", "running_var"):
        _check_column(f"state[{key!r}]", state[key], n, f"for Z of shape {Z.shape}")
    if n and state["running_var"].min() < 0:  # n numbers: cheap on every mini-batch
        raise ValueError(f"state['running_var'] holds variances, which cannot be negative; "
                         f"got a smallest entry of {state['running_var'].min():.3g}")
    check_number("state['momentum']", state["momentum"], "a number in [0, 1] (PyTorch's "
                 "convention: the weight of the new batch, 0.1 by default)",
                 lambda v: 0 <= v <= 1)
    check_number("state['eps']", state["eps"], "a number > 0, e.g. 1e-5", lambda v: v > 0)
    if mode == "train" and m < 2:
        raise ValueError(f"training batch norm needs at least 2 examples per batch to estimate "
                         f"a variance; got Z of shape {Z.shape}")


def _check_average_args(running, batch, momentum):
    """running and batch: float arrays of one shape, e.g. (n, 1); momentum in [0, 1]."""
    for name, value in (("running", running), ("batch", batch)):
        if not (isinstance(value, np.ndarray) and value.dtype.kind == "f"):
            raise TypeError(f"{name} must be a float ndarray, e.g. of shape (n, 1); "
                            f"got {type(value).__name__}")
    if running.shape != batch.shape:
        raise ValueError(f"batch must have the shape of running, {running.shape}; "
                         f"got {batch.shape}")
    check_number("momentum", momentum, "a number in [0, 1]", lambda v: 0 <= v <= 1)


def _check_column(name, value, n, context):
    if not (isinstance(value, np.ndarray) and value.dtype.kind == "f"):
        raise TypeError(f"{name} must be a float ndarray of shape (n, 1) = ({n}, 1) {context}; "
                        f"got {type(value).__name__}"
                        + (f" of dtype {value.dtype}" if isinstance(value, np.ndarray) else ""))
    if value.shape != (n, 1):
        raise ValueError(f"{name} must have shape (n, 1) = ({n}, 1) {context}; "
                         f"got {value.shape}")


def _check_backward_args(dout, cache):
    """The cache's items, after checking it and dout (shape (n, m), as Z_hat's)."""
    check_cache(cache, 6, "(mode, Z_hat, Z_mu, var, eps, gamma)", "batchnorm_forward")
    mode, Z_hat = cache[:2]
    if not (isinstance(mode, str) and mode in MODES and isinstance(Z_hat, np.ndarray)
            and Z_hat.ndim == 2):
        raise TypeError("cache must be the (mode, Z_hat, Z_mu, var, eps, gamma) that "
                        "batchnorm_forward returned")
    check_float_matrix("dout", dout, what=f"(n, m) = {Z_hat.shape}, the shape of Z")
    if dout.shape != Z_hat.shape:
        raise ValueError(f"dout must have the shape of Z (the forward input), (n, m) = "
                         f"{Z_hat.shape}; got shape {dout.shape}")
    return cache
