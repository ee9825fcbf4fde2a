"""Exercise checks of notebook 09, regularization."""
import numpy as np

from ..nn.regularization import l2_cost
from ._runner import allclose, run_cases


def check_l2_cost(l2_cost_fn):
    """Check ``l2_cost(params, lambd, m)`` -> lambd / (2 m) * sum of ||W[l]||^2, a float,
    over the weights "W1", "W2", ... of params only (not the biases "b1", ...)."""
    rng = np.random.default_rng(9)
    cases = [
        {"params": {"W1": np.array([[1.0, -2.0], [0.5, 0.0]]), "b1": np.array([[3.0], [1.0]])},
         "lambd": 0.1, "m": 4},
        {"params": {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=(4, 1)),
                    "W2": rng.normal(size=(2, 4)), "b2": rng.normal(size=(2, 1))},
         "lambd": 0.7, "m": 10},
        {"params": {"W1": rng.normal(size=(3, 2)), "b1": np.zeros((3, 1))}, "lambd": 0.0, "m": 5},
    ]
    run_cases("l2_cost", l2_cost_fn, cases, l2_cost, allclose)


def check_weight_decay_update(weight_decay_update):
    """Check ``weight_decay_update(W, dW, learning_rate, lambd, m)`` -> W after one step of
    gradient descent on J + lambd / (2 m) ||W||^2, where dW is the gradient of J alone."""

    def expected(W, dW, learning_rate, lambd, m):
        return W - learning_rate * (dW + lambd / m * W)

    rng = np.random.default_rng(10)
    cases = [
        {"W": np.array([[1.0, -2.0]]), "dW": np.array([[0.0, 0.0]]), "learning_rate": 0.5,
         "lambd": 1.0, "m": 2},
        {"W": rng.normal(size=(3, 4)), "dW": rng.normal(size=(3, 4)), "learning_rate": 0.1,
         "lambd": 0.7, "m": 8},
    ]
    run_cases("weight_decay_update", weight_decay_update, cases, expected, allclose)


def check_early_stopping(early_stopping):
    """Check ``early_stopping(val_losses, patience)`` -> (best_epoch, stop_epoch): the epoch
    (counted from 0) of the lowest validation loss, the first one if several tie, and the
    epoch after which training stops, i.e. once ``patience`` epochs in a row have not
    improved on the best; the last epoch if that never happens."""

    def expected(val_losses, patience):
        best = 0
        for epoch, loss in enumerate(val_losses):
            if loss < val_losses[best]:
                best = epoch
            if epoch - best == patience:
                return best, epoch
        return best, len(val_losses) - 1

    cases = [
        {"val_losses": [1.0, 0.8, 0.6, 0.7, 0.75, 0.9, 0.5], "patience": 3},
        {"val_losses": [1.0, 0.8, 0.6, 0.7, 0.55, 0.9, 0.95], "patience": 2},
        {"val_losses": [1.0, 0.9, 0.8, 0.7], "patience": 2},
        {"val_losses": [0.5, 0.5, 0.5, 0.5], "patience": 2},
    ]
    run_cases("early_stopping", early_stopping, cases, expected, allclose)
