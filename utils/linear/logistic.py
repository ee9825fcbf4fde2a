"""Logistic regression as a computation graph, as on slides 46-53.

The slides' shapes: X holds one example per column, shape (n_x, m); w has shape (n_x,);
b is a number; Y and A have shape (m,). For one example x of shape (n_x,):

    z = w^T x + b,   a = sigma(z),   L(a, y) = -(y log(a) + (1 - y) log(1 - a))

and the backward pass gives dz = a - y, dw_j = x_j dz, db = dz.
"""
import numpy as np

from ..validation import (
    NonFiniteError,
    as_float_array,
    returns_finite,
    validate_finite,
    validate_learning_rate,
    validate_logistic_loss_args,
    validate_propagate_args,
    warn_if_diverged,
)
from .base import LinearClassifier


def sigmoid(z):
    """sigma(z) = 1 / (1 + e^-z), elementwise, same shape as z; never overflows."""
    z = as_float_array(z, "z")
    validate_finite(z, "z")
    # e^-|z| lies in (0, 1], so it cannot overflow. For z >= 0, sigma(z) = 1 / (1 + e^-z);
    # for z < 0 the same number is e^z / (1 + e^z). Both read (1 or e^-|z|) / (1 + e^-|z|).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1 + e)


def logistic_loss(z, y):
    """L(sigma(z), y) = -(y log a + (1 - y) log(1 - a)), elementwise, from z = w^T x + b.

    z : number or array; y : 0 or 1, a number or an array of z's shape.
    Computed from z, never from a, since in float64 a rounds to 1 once z >= 37: for y = 0
    the loss is log(1 + e^z), and for y = 1 it is the same at -z (L(z, 1) = L(-z, 0)).
    log(1 + e^t) is computed as max(t, 0) + log(1 + e^-|t|), so that e^t never overflows.
    """
    z, y = validate_logistic_loss_args(z, y)
    t = np.where(y == 1, -z, z)
    return np.maximum(t, 0) + np.log1p(np.exp(-np.abs(t)))


@returns_finite
def propagate_two_loops(w, b, X, Y):
    """Forward and backward pass with a loop over examples and one over features (slide 48).

    w : (n_x,), b : float, X : (n_x, m), Y : (m,) in {0, 1}.
    Returns J (the cost, a float), dw of shape (n_x,) and db (a float).
    """
    w, b, X, Y = validate_propagate_args(w, b, X, Y)
    n_x, m = X.shape
    J = 0.0
    dw = np.zeros(n_x)
    db = 0.0
    for i in range(m):
        z = b
        for j in range(n_x):
            z += w[j] * X[j, i]
        J += logistic_loss(z, Y[i])
        dz = sigmoid(z) - Y[i]
        for j in range(n_x):
            dw[j] += X[j, i] * dz
        db += dz
    return J / m, dw / m, db / m


@returns_finite
def propagate_one_loop(w, b, X, Y):
    """The same pass with the loop over features replaced by vectors (slide 50)."""
    w, b, X, Y = validate_propagate_args(w, b, X, Y)
    n_x, m = X.shape
    J = 0.0
    dw = np.zeros(n_x)
    db = 0.0
    for i in range(m):
        z = np.dot(w, X[:, i]) + b
        J += logistic_loss(z, Y[i])
        dz = sigmoid(z) - Y[i]
        dw += X[:, i] * dz
        db += dz
    return J / m, dw / m, db / m


@returns_finite
def propagate(w, b, X, Y):
    """The same pass with no loop at all (slides 51-53): Z = w^T X + b, dZ = A - Y."""
    w, b, X, Y = validate_propagate_args(w, b, X, Y)
    m = X.shape[1]
    Z = np.dot(w, X) + b
    A = sigmoid(Z)
    J = np.sum(logistic_loss(Z, Y)) / m
    dZ = A - Y
    dw = np.dot(X, dZ) / m
    db = np.sum(dZ) / m
    return J, dw, db


class LogisticRegressionGD(LinearClassifier):
    """Logistic regression trained with batch gradient descent, labels 0 and 1.

    Parameters
    ----------
    alpha : float
        Learning rate.
    epochs : int
        Gradient steps, one per pass over the training set.

    Attributes
    ----------
    w_ : ndarray of shape (n_features,)
        Weights after training.
    b_ : float
        Bias after training.
    cost_ : list of float, length epochs + 1
        Cross-entropy cost J (mean loss over the examples) after each epoch, as in Adaline:
        ``cost_[k]`` is J after k steps, ``cost_[0]`` J of the starting weights (log 2).

    Training that diverges (the cost ends more than 10 % above its lowest, or float64 overflows)
    gives one DivergenceWarning; on overflow it stops with the last finite weights and
    ``cost_`` ends with ``inf``.
    """

    classes = (0, 1)

    def __init__(self, alpha=0.1, epochs=100):
        self.alpha = alpha
        self.epochs = epochs

    def train(self, X, y):
        """Learn w_ and b_ from X of shape (n_samples, n_features) and y in {0, 1}.

        y : shape (n_samples,).
        """
        validate_learning_rate("alpha", self.alpha)
        X, y = self._validate_train_input(X, y)
        self.w_ = np.zeros(X.shape[1])
        self.b_ = 0.0
        self.cost_ = []
        overflow_epoch = None
        for epoch in range(1, self.epochs + 1):
            try:
                # X.T is the slides' (n_x, m) layout; it is a view, not a copy.
                J, dw, db = propagate(self.w_, self.b_, X.T, y)
                with np.errstate(over="raise"):
                    w, b = self.w_ - self.alpha * dw, self.b_ - self.alpha * db
            except (NonFiniteError, FloatingPointError):  # alpha far too large: stop here,
                self.cost_.append(np.inf)                 # with the last finite weights
                overflow_epoch = epoch
                break
            self.w_, self.b_ = w, b
            self.cost_.append(float(J))
        else:  # no overflow: also record the cost of the final w_, b_
            with np.errstate(over="ignore", invalid="ignore"):
                final = float(np.mean(logistic_loss(self.net_input(X), y)))
            self.cost_.append(final if np.isfinite(final) else np.inf)
        warn_if_diverged(self, "alpha", self.alpha, self.cost_, overflow_epoch)
        return self

    def net_input(self, X):
        """z = w^T x + b, shape (n_samples,) for X of shape (n_samples, n_features)."""
        return np.dot(X, self.w_) + self.b_

    def predict_proba(self, X):
        """P(y = 0) and P(y = 1) for each sample: shape (n_samples, 2)."""
        a = sigmoid(self._checked_net_input(self._validate_predict_input(X)))
        return np.column_stack([1 - a, a])

    def predict_from_net_input(self, z):
        return np.where(sigmoid(z) >= 0.5, 1, 0)

