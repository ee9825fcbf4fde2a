"""The learning-rate range test (Smith, 2017; fastai's "lr_find").

Train for a few hundred mini-batches while the learning rate grows geometrically from
tiny to huge, one step per mini-batch, and record the loss. Plotted against the learning
rate (log scale), the loss stays flat (too small to learn), then falls (learning), then
shoots up (too large). A good learning rate lies on the falling part, about ten times
below where the loss is lowest. The model's parameters are put back afterwards.
"""
import copy
import math
import numbers

import numpy as np
import pandas as pd

from ..validation import validate_random_state
from ._checks import check_batch_norm_batches, check_examples, is_finite_number
from .optim import get_optimizer


def lr_range_test(model, X, y, optimizer="sgd", min_lr=1e-5, max_lr=10.0, steps=100,
                  batch_size=64, random_state=None, stop_factor=4.0):
    """Loss per mini-batch while the learning rate grows from min_lr to max_lr.

    model : with ``params`` and ``loss(X, y, mode) -> (loss, grads)``, e.g. a NeuralNetwork.
    X : (n_x, m), y : (m,) training data; optimizer : a name in OPTIMIZERS or an update rule.
    Step i (0 .. steps - 1) uses lr_i = min_lr (max_lr / min_lr)^(i / (steps - 1)).
    The test stops early once the loss exceeds stop_factor times the lowest loss so far
    (or is not finite). Returns a DataFrame with columns "learning_rate", "loss" (of the
    mini-batch, before its step) and "smoothed_loss" (a bias-corrected running average,
    beta = 0.9, which is easier to read).
    """
    if not (isinstance(getattr(model, "params", None), dict) and callable(
            getattr(model, "loss", None))):
        raise TypeError(f"model must have params (a dict) and loss(X, y, mode), e.g. a "
                        f"NeuralNetwork; got {type(model).__name__}")
    update = get_optimizer(optimizer)
    _check_range_args(min_lr, max_lr, steps, batch_size, stop_factor)
    validate_random_state(random_state)
    check_examples("X", X)
    if not (isinstance(y, np.ndarray) and y.shape == (X.shape[1],)):
        raise ValueError(f"y must be an array of shape (m,) = ({X.shape[1]},), one label (or "
                         f"target) per column of X; got {getattr(y, 'shape', type(y).__name__)}")
    if y.dtype.kind == "f" and not np.isfinite(y).all():
        raise ValueError("y contains NaN or infinity")
    check_batch_norm_batches(model, X.shape[1], batch_size)
    saved = _snapshot(model)
    rng = np.random.default_rng(random_state)
    rates = min_lr * (max_lr / min_lr) ** (np.arange(steps) / max(steps - 1, 1))
    states = {name: {} for name in model.params}
    rows, best, average = [], math.inf, 0.0
    try:
        # Diverging is the point of the test's last steps: it stops on the first
        # non-finite loss, so overflow along the way is expected, not an error.
        with np.errstate(over="ignore", invalid="ignore"):
            for i, (lr, batch) in enumerate(zip(rates, _batches(y.shape[0], batch_size, rng))):
                loss, grads = model.loss(X[:, batch], y[batch], mode="train")
                if not np.isfinite(loss):
                    break
                average = 0.9 * average + 0.1 * loss
                rows.append({"learning_rate": float(lr), "loss": float(loss),
                             "smoothed_loss": average / (1 - 0.9 ** (i + 1))})
                best = min(best, loss)
                if loss > stop_factor * best:
                    break
                for name, state in states.items():
                    state["learning_rate"] = float(lr)
                    model.params[name], states[name] = update(model.params[name],
                                                              grads["d" + name], state)
    finally:
        _restore(model, saved)
    return pd.DataFrame(rows, columns=["learning_rate", "loss", "smoothed_loss"])


def suggest_learning_rate(results):
    """A tenth of the learning rate at which the smoothed loss of lr_range_test was lowest."""
    if not isinstance(results, pd.DataFrame) or results.empty:
        raise TypeError("results must be the non-empty DataFrame returned by lr_range_test")
    return float(results.loc[results["smoothed_loss"].idxmin(), "learning_rate"] / 10)


def _snapshot(model):
    """Copies of everything training changes: the parameters, batch norm's running
    statistics (a NeuralNetwork's bn_states) and the dropout Generator's state."""
    bn_states = getattr(model, "bn_states", None)
    rng = getattr(model, "dropout_rng", None)
    return (copy.deepcopy(model.params), copy.deepcopy(bn_states),
            rng.bit_generator.state if isinstance(rng, np.random.Generator) else None)


def _restore(model, saved):
    """Put the snapshot back into the model's own dicts and Generator (not new ones, so that
    a reference to model.params or model.bn_states[l] sees them)."""
    params, bn_states, rng_state = saved
    model.params.update(params)
    for l, state in (bn_states or {}).items():
        model.bn_states[l].update(state)
    if rng_state is not None:
        model.dropout_rng.bit_generator.state = rng_state


def _batches(m, batch_size, rng):
    """Mini-batches of column indices, reshuffled after each pass, for as long as asked."""
    while True:
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            yield order[start:start + batch_size]


def _check_range_args(min_lr, max_lr, steps, batch_size, stop_factor):
    for name, value in (("min_lr", min_lr), ("max_lr", max_lr), ("stop_factor", stop_factor)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be a positive number; got {value!r}")
        if not (is_finite_number(value) and value > 0):
            raise ValueError(f"{name} must be a positive number, finite; got {value!r:.40}")
    if not min_lr < max_lr:
        raise ValueError(f"min_lr must be below max_lr; got min_lr={min_lr}, max_lr={max_lr}")
    for name, value in (("steps", steps), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be a whole number >= 1; got {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be >= 1; got {value}")
