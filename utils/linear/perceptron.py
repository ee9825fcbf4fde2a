"""Rosenblatt's perceptron (1957) and its learning rule, as on slides 13-18."""
import numpy as np

from ..validation import as_float_array, validate_learning_rate, warn_if_diverged
from .base import LinearClassifier


def unit_step(z):
    """The perceptron's activation g(z): +1 where z >= 0, else -1. Same shape as z."""
    z = as_float_array(z, "z")
    return np.where(z >= 0.0, 1, -1)


class Perceptron(LinearClassifier):
    """Rosenblatt's perceptron.

    Parameters
    ----------
    eta : float
        Learning rate, 0.0 < eta <= 1.0.
    epochs : int
        Passes over the training set.

    Attributes
    ----------
    w_ : ndarray of shape (1 + n_features,)
        Weights after training; ``w_[0]`` is the bias (the threshold moved to the origin).
    errors_ : list of int
        Number of updates (misclassified samples) in each epoch.

    If the weights overflow float64 (eta far too large for X), training stops with the
    last finite weights and one DivergenceWarning.
    """

    def __init__(self, eta=0.01, epochs=50):
        self.eta = eta
        self.epochs = epochs

    def train(self, X, y):
        """Learn w_ from X, shape (n_samples, n_features), and y in {-1, 1}, shape (n_samples,)."""
        validate_learning_rate("eta", self.eta)
        X, y = self._validate_train_input(X, y)
        self.w_ = np.zeros(1 + X.shape[1])
        self.errors_ = []
        overflow_epoch = None
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(1, self.epochs + 1):
                w_before = self.w_.copy()
                errors = 0
                for xi, target in zip(X, y):
                    update = self.eta * (target - unit_step(self.net_input(xi)))
                    self.w_[1:] += update * xi
                    self.w_[0] += update
                    errors += int(update != 0.0)
                self.errors_.append(errors)
                if self._overflowed(self.w_):
                    self.w_, overflow_epoch = w_before, epoch
                    break
        warn_if_diverged(self, "eta", self.eta, None, overflow_epoch)
        return self

    def net_input(self, X):
        """z = w^T x + w_0, shape (n_samples,) for X of shape (n_samples, n_features)."""
        return np.dot(X, self.w_[1:]) + self.w_[0]

    def predict_from_net_input(self, z):
        return unit_step(z)
