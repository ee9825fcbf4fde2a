"""Exercise checks of notebook 09, regularization."""
import numpy as np

from ._runner import run_cases


def _l2(params, lambd, m, names=("W",), factor=0.5, per_example=True):
    squares = sum(np.sum(v ** 2) for k, v in params.items() if k.startswith(names))
    return lambd * factor / (m if per_example else 1) * squares


def check_l2_cost(l2_cost_fn):
    """Check ``l2_cost(params, lambd, m)`` -> lambd / (2 m) * sum of ||W[l]||^2, a number,
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
    mistakes = [
        (lambda params, lambd, m: _l2(params, lambd, m, names=("W", "b")),
         "the biases are in the penalty: sum ||W[l]||^2 over the weights W1, W2, ... only"),
        (lambda params, lambd, m: _l2(params, lambd, m, factor=1.0),
         "the 1/2 is missing: the penalty is lambd / (2 m) * sum ||W||^2"),
        (lambda params, lambd, m: _l2(params, lambd, m, per_example=False),
         "the 1/m is missing: the penalty is lambd / (2 m) * sum ||W||^2"),
        (lambda params, lambd, m: lambd / (2 * m) * sum(
            np.sqrt(np.sum(v ** 2)) for k, v in params.items() if k.startswith("W")),
         "the norms are not squared: ||W||_F^2 = np.sum(W ** 2), without a square root"),
    ]
    run_cases("l2_cost", l2_cost_fn, cases, _l2, outputs="cost", mistakes=mistakes)


def check_weight_decay_update(weight_decay_update):
    """Check ``weight_decay_update(W, dW, learning_rate, lambd, m)`` -> W after one step of
    gradient descent on J + lambd / (2 m) ||W||^2, where dW is the gradient of J alone."""

    def expected(W, dW, learning_rate, lambd, m):
        return W - learning_rate * (dW + lambd / m * W)

    rng = np.random.default_rng(10)
    cases = [
        {"W": np.array([[1.0, -2.0]]), "dW": np.array([[0.5, 0.25]]), "learning_rate": 0.5,
         "lambd": 1.0, "m": 4},
        {"W": rng.normal(size=(3, 4)), "dW": rng.normal(size=(3, 4)), "learning_rate": 0.1,
         "lambd": 0.7, "m": 8},
        {"W": rng.normal(size=(2, 5)), "dW": rng.normal(size=(2, 5)), "learning_rate": 0.05,
         "lambd": 3.0, "m": 6},
        {"W": rng.normal(size=(4, 1)), "dW": np.zeros((4, 1)), "learning_rate": 0.2,
         "lambd": 0.0, "m": 3},
    ]
    mistakes = [
        (lambda W, dW, learning_rate, lambd, m: W - learning_rate * (dW + lambd / (2 * m) * W),
         "the decay uses lambd / (2 m): the derivative of lambd / (2 m) ||W||^2 is "
         "lambd / m * W"),
        (lambda W, dW, learning_rate, lambd, m: W - learning_rate * dW - lambd / m * W,
         "the decay is not multiplied by the learning rate: W - learning_rate (dW + lambd/m W)"),
        (lambda W, dW, learning_rate, lambd, m: W - learning_rate * (dW - lambd / m * W),
         "the decay has the wrong sign: it shrinks W, (1 - learning_rate lambd / m) W"),
        (lambda W, dW, learning_rate, lambd, m: W - learning_rate * (dW + lambd * W),
         "the 1/m is missing: the decay is lambd / m * W"),
    ]
    run_cases("weight_decay_update", weight_decay_update, cases, expected, outputs="W",
              mistakes=mistakes)


def _early_stopping(val_losses, patience, ties_move=False, late=0, first=0):
    best = 0
    for epoch, loss in enumerate(val_losses):
        if loss < val_losses[best] or (ties_move and loss == val_losses[best]):
            best = epoch
        if epoch - best == patience + late:
            return best + first, epoch + first
    return best + first, len(val_losses) - 1 + first


def check_early_stopping(early_stopping):
    """Check ``early_stopping(val_losses, patience)`` -> (best_epoch, stop_epoch): the epoch
    (counted from 0) of the lowest validation loss, the first one if several tie, and the
    epoch after which training stops, i.e. once ``patience`` epochs in a row have not
    improved on the best; the last epoch if that never happens. Both are ints."""
    cases = [
        {"val_losses": [1.0, 0.8, 0.6, 0.7, 0.75, 0.9, 0.5], "patience": 3},
        {"val_losses": [1.0, 0.8, 0.6, 0.7, 0.55, 0.9, 0.95], "patience": 2},
        {"val_losses": [1.0, 0.9, 0.8, 0.7], "patience": 2},
        {"val_losses": [0.5, 0.5, 0.5, 0.5], "patience": 2},
        {"val_losses": [0.9, 0.6, 0.7, 0.6, 0.8, 0.85, 0.95, 0.3], "patience": 3},
        {"val_losses": [0.4, 0.5, 0.6, 0.7, 0.8], "patience": 1},
    ]
    mistakes = [
        (lambda val_losses, patience: _early_stopping(val_losses, patience, ties_move=True),
         "a loss equal to the best moved best_epoch: an equal loss is not an improvement "
         "(use <, not <=)"),
        (lambda val_losses, patience: _early_stopping(val_losses, patience, late=1),
         "stop_epoch is one epoch late: stop at the first epoch with "
         "epoch - best_epoch == patience"),
        (lambda val_losses, patience: _early_stopping(val_losses, patience, late=-1),
         "stop_epoch is one epoch early: stop at the first epoch with "
         "epoch - best_epoch == patience"),
        (lambda val_losses, patience: _early_stopping(val_losses, patience, first=1),
         "the epochs are counted from 1: count them from 0, as enumerate does"),
        (lambda val_losses, patience: (
            val_losses[_early_stopping(val_losses, patience)[0]],
            _early_stopping(val_losses, patience)[1]),
         "best_epoch is the lowest loss itself: return its epoch (its index in the list)"),
    ]
    run_cases("early_stopping", early_stopping, cases, _early_stopping,
              outputs=("best_epoch", "stop_epoch"), mistakes=mistakes)
