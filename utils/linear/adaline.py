"""Adaline and the delta rule (Widrow & Hoff, 1960), as on slides 25-36.

``AdalineGD`` takes one batch gradient-descent step per epoch; ``AdalineSGD`` updates the
weights after every sample (stochastic) or every ``batch_size`` samples (mini-batch).
Both minimise the sum of squared errors J(w) = 1/2 sum_i (y(i) - phi(z(i)))^2, and both
record it the same way: ``cost_[k]`` is J of the weights after k epochs, so ``cost_[0]`` is
J of the starting weights and a run of E epochs leaves E + 1 values.
"""
import numpy as np

from ..validation import (
    validate_bool,
    validate_labels,
    validate_learning_rate,
    validate_positive_int,
    validate_random_state,
    warn_if_diverged,
)
from .base import LinearClassifier


class _Adaline(LinearClassifier):
    """What the two Adalines share: the linear activation and the threshold at 0."""

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
        return float(((y - self.activation(self.net_input(X))) ** 2).sum() / 2.0)


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
        too large), training stops there with the last finite weights and ``cost_`` ends
        with ``inf``.

    One DivergenceWarning says so when training diverges: when the cost ends more than
    10 % above its lowest, or overflows.
    """

    def __init__(self, alpha=0.01, epochs=50):
        self.alpha = alpha
        self.epochs = epochs

    def train(self, X, y):
        """Learn w_ from X, shape (n_samples, n_features), and y in {-1, 1}, shape (n_samples,)."""
        validate_learning_rate("alpha", self.alpha)
        X, y = self._validate_train_input(X, y)
        self.w_ = np.zeros(1 + X.shape[1])
        self.cost_ = []
        overflow_epoch = None
        # A far too large alpha can overflow float64 (on raw Iris with alpha = 0.01, after
        # 97 epochs): stop there with the last finite weights and one warning, instead of
        # NumPy's overflow warnings followed by NaN weights.
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(1, self.epochs + 1):
                w_before = self.w_.copy()
                output = self.activation(self.net_input(X))
                errors = y - output
                self.cost_.append(float((errors**2).sum() / 2.0))
                self.w_[1:] += self.alpha * X.T.dot(errors)
                self.w_[0] += self.alpha * errors.sum()
                if self._overflowed(self.cost_[-1], self.w_):
                    self.w_, overflow_epoch = w_before, epoch
                    self.cost_[-1] = np.inf
                    break
            else:  # no overflow: also record the cost of the final weights
                self.cost_.append(self._cost(X, y))
        warn_if_diverged(self, "alpha", self.alpha, self.cost_, overflow_epoch)
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

    Training that diverges (the cost ends more than 10 % above its lowest, or float64 overflows)
    gives one DivergenceWarning; on overflow it stops with the last finite weights.
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
        continuing = not reinitialize_weights
        if continuing and not hasattr(self, "w_"):
            # continuing on a new object would silently start again from zero
            raise ValueError(
                "train(X, y, reinitialize_weights=False) continues from learned weights, but "
                f"this {type(self).__name__} has none yet: call train(X, y) first"
            )
        X, y = self._validate_sgd_input(X, y, continuing, require_both=True)
        if not continuing:
            self._initialize_weights(X, y)
        # The divergence check compares this call's costs with the cost it started from.
        start, overflow_epoch = len(self.cost_) - 1, None
        for _ in range(self.epochs):
            if not self._guarded_epoch(X, y):
                overflow_epoch = len(self.cost_)
                break
        warn_if_diverged(self, "alpha", self.alpha, self.cost_[start:], overflow_epoch)
        return self

    def partial_fit(self, X, y, classes=None):
        """Online learning: one pass over the new samples, keeping the weights learned so far.

        X : (n_samples, n_features); y : (n_samples,) in {-1, +1}.
        classes : the labels y can hold, as scikit-learn's ``partial_fit`` takes them;
        optional here, since Adaline always has the two classes -1 and 1.
        """
        if classes is not None:
            self._validate_classes_argument(classes)
        continuing = hasattr(self, "w_")
        X, y = self._validate_sgd_input(X, y, continuing, require_both=False)
        if not continuing:
            self._initialize_weights(X, y)
        # One epoch has one cost: only an overflow can be told apart from noise.
        overflow_epoch = None if self._guarded_epoch(X, y) else len(self.cost_)
        warn_if_diverged(self, "alpha", self.alpha, None, overflow_epoch)
        return self

    def _epoch(self, X, y):
        order = self.rng_.permutation(len(y)) if self.shuffle else np.arange(len(y))
        for start in range(0, len(y), self.batch_size):
            batch = order[start : start + self.batch_size]
            xi = X[batch]
            error = y[batch] - self.activation(self.net_input(xi))
            self.w_[1:] += self.alpha * xi.T.dot(error)
            self.w_[0] += self.alpha * error.sum()
        self.cost_.append(self._cost(X, y))

    def _guarded_epoch(self, X, y):
        """``_epoch`` without NumPy's overflow warnings; False if float64 overflowed.

        Then the weights go back to those before the epoch and the cost is recorded as inf.
        """
        w_before = self.w_.copy()
        with np.errstate(over="ignore", invalid="ignore"):
            self._epoch(X, y)
        if self._overflowed(self.cost_[-1], self.w_):
            self.w_, self.cost_[-1] = w_before, np.inf
            return False
        return True

    def _validate_sgd_input(self, X, y, continuing, require_both):
        """Check every knob and the data; change nothing."""
        validate_learning_rate("alpha", self.alpha)
        validate_positive_int("batch_size", self.batch_size)
        validate_bool("shuffle", self.shuffle)
        validate_random_state(self.random_state)
        n_features = self.n_features_in_ if continuing else None
        return self._validate_train_input(X, y, require_both, n_features)

    def _initialize_weights(self, X, y):
        """Zero weights w_ of shape (1 + n_features,), cost_ = [their cost on X, y], and
        the shuffling rng_."""
        self.w_ = np.zeros(1 + X.shape[1])
        self.cost_ = [self._cost(X, y)]
        self.rng_ = np.random.default_rng(self.random_state)

    def _validate_classes_argument(self, classes):
        given = validate_labels(classes, self.classes)
        if set(given.tolist()) != set(self.classes):
            raise ValueError(
                f"classes must be the labels {list(self.classes)} that "
                f"{type(self).__name__} predicts; got {list(np.asarray(classes).tolist())}"
            )
