"""Adaline and the delta rule (Widrow & Hoff, 1960), as on slides 25-36.

``AdalineGD`` takes one batch gradient-descent step per epoch; ``AdalineSGD`` updates the
weights after every sample (stochastic) or every ``batch_size`` samples (mini-batch).
Both minimise the sum of squared errors J(w) = 1/2 sum_i (y(i) - phi(z(i)))^2, and both
record it the same way: ``cost_[k]`` is J of the weights after k epochs, so ``cost_[0]`` is
J of the starting weights and a run of E epochs leaves E + 1 values.
"""
import warnings

import numpy as np

from ..validation import validate_positive_int
from .base import LinearClassifier


class _Adaline(LinearClassifier):
    """What the two Adalines share: the linear activation and the threshold at 0."""

    learning_rate_name = "alpha"

    def net_input(self, X):
        """z = w^T x + w_0, shape (n_samples,) for X of shape (n_samples, n_features)."""
        return np.dot(X, self.w_[1:]) + self.w_[0]

    def activation(self, z):
        """Adaline's activation phi(z) = z: the identity, so the error is a real number."""
        return z

    def predict_from_net_input(self, z):
        return np.where(self.activation(z) >= 0.0, 1, -1)

    def _cost(self, X, y):
        """J(w) = SSE / 2 of the current weights on X, y."""
        return ((y - self.activation(self.net_input(X))) ** 2).sum() / 2.0

    def _record_cost(self, cost):
        """Append ``cost`` to ``cost_``; if it overflowed, warn once and return False."""
        if np.isfinite(cost):
            self.cost_.append(float(cost))
            return True
        self.cost_.append(np.inf)
        warnings.warn(
            f"{type(self).__name__} diverged: the cost overflowed in epoch {len(self.cost_)}, "
            f"so training stopped. Use a smaller alpha (now {self.alpha}) or standardise X.",
            RuntimeWarning,
            stacklevel=3,
        )
        return False


class AdalineGD(_Adaline):
    """Adaptive linear neuron trained with batch gradient descent.

    Parameters
    ----------
    alpha : float
        Learning rate.
    epochs : int
        Passes over the training set; each pass is one gradient step.

    Attributes
    ----------
    w_ : ndarray of shape (1 + n_features,)
        Weights after training; ``w_[0]`` is the bias.
    cost_ : list of float, length epochs + 1
        J(w) = SSE / 2 after each epoch: ``cost_[k]`` is the cost after k epochs, and
        ``cost_[0]`` the cost of the starting weights (zero). If it overflows (alpha far
        too large), training stops there, ``cost_`` ends with ``inf``, and one
        RuntimeWarning says so.
    """

    def __init__(self, alpha=0.01, epochs=50):
        self.alpha = alpha
        self.epochs = epochs

    def train(self, X, y):
        """Learn w_ from X of shape (n_samples, n_features) and y in {-1, +1}, shape (n_samples,)."""
        X, y = self._validate_train_input(X, y)
        self.w_ = np.zeros(1 + X.shape[1])
        self.cost_ = []
        # A far too large alpha can overflow float64 (on raw Iris with alpha = 0.01, after
        # 97 epochs): stop there with one clear warning, not NumPy's overflow warnings
        # followed by NaN weights.
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(self.epochs):
                output = self.activation(self.net_input(X))
                errors = y - output
                if not self._record_cost((errors**2).sum() / 2.0):
                    break
                self.w_[1:] += self.alpha * X.T.dot(errors)
                self.w_[0] += self.alpha * errors.sum()
            else:  # no overflow: also record the cost of the final weights
                self._record_cost(self._cost(X, y))
        return self


class AdalineSGD(_Adaline):
    """Adaptive linear neuron trained with stochastic or mini-batch gradient descent.

    Parameters
    ----------
    alpha : float
        Learning rate.
    epochs : int
        Passes over the training set.
    batch_size : int
        Samples per weight update: 1 is stochastic gradient descent (the slides' loop),
        between 1 and n_samples is mini-batch gradient descent, and n_samples or more is
        batch gradient descent (the same steps as ``AdalineGD``). Each update sums the
        gradient over its batch, as ``AdalineGD`` does, so larger batches need a smaller alpha.
    shuffle : bool
        Visit the samples in a new random order in every epoch.
    random_state : int or None
        Seed of the shuffling, for results that repeat.

    Attributes
    ----------
    w_ : ndarray of shape (1 + n_features,)
        Weights after training; ``w_[0]`` is the bias.
    cost_ : list of float
        J(w) = SSE / 2 over the samples of each epoch, after that epoch's updates, as in
        ``AdalineGD``: ``cost_[0]`` is the cost of the starting weights (zero), ``cost_[k]``
        the cost after k epochs. Training that continues appends to it.
    """

    def __init__(self, alpha=0.01, epochs=50, batch_size=1, shuffle=False, random_state=None):
        self.alpha = alpha
        self.epochs = epochs
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state

    def train(self, X, y, reinitialize_weights=True):
        """Learn w_ from X of shape (n_samples, n_features) and y in {-1, +1}, shape (n_samples,).

        With ``reinitialize_weights=False``, training goes on from the weights learned so far
        (and ``alpha`` may have been changed in between, e.g. to lower it epoch by epoch);
        a model that has learned nothing yet raises a ValueError rather than start from zero.
        """
        if not reinitialize_weights and not hasattr(self, "w_"):
            # continuing on a new object would silently start again from zero
            raise ValueError(
                "train(X, y, reinitialize_weights=False) continues from learned weights, but "
                f"this {type(self).__name__} has none yet: call train(X, y) first"
            )
        X, y = self._check_input(X, y, reinitialize_weights, require_both=True)
        for _ in range(self.epochs):
            if not self._epoch(X, y):
                break
        return self

    def partial_fit(self, X, y):
        """Online learning: one pass over the new samples, keeping the weights learned so far."""
        X, y = self._check_input(X, y, reinitialize_weights=False, require_both=False)
        self._epoch(X, y)
        return self

    def _epoch(self, X, y):
        order = self.rng_.permutation(len(y)) if self.shuffle else np.arange(len(y))
        with np.errstate(over="ignore", invalid="ignore"):
            for start in range(0, len(y), self.batch_size):
                batch = order[start : start + self.batch_size]
                xi = X[batch]
                error = y[batch] - self.activation(self.net_input(xi))
                self.w_[1:] += self.alpha * xi.T.dot(error)
                self.w_[0] += self.alpha * error.sum()
            cost = self._cost(X, y)
        return self._record_cost(cost)

    def _check_input(self, X, y, reinitialize_weights, require_both):
        validate_positive_int("batch_size", self.batch_size)
        continuing = not reinitialize_weights and hasattr(self, "w_")
        n_features = self.n_features_in_ if continuing else None
        X, y = self._validate_train_input(X, y, require_both, n_features)
        if not continuing:
            self.w_ = np.zeros(1 + X.shape[1])
            self.cost_ = [float(self._cost(X, y))]
            self.rng_ = np.random.default_rng(self.random_state)
        return X, y
