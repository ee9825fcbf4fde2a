"""Logistic regression as a computation graph, as on slides 46-53.

The slides' shapes: X holds one example per column, shape (n_x, m); w has shape (n_x,);
b is a number; Y and A have shape (m,). For one example x of shape (n_x,):

    z = w^T x + b,   a = sigma(z),   L(a, y) = -(y log(a) + (1 - y) log(1 - a))

and the backward pass gives dz = a - y, dw_j = x_j dz, db = dz.
"""
import numpy as np

from .base import LinearClassifier


def sigmoid(z):
    """sigma(z) = 1 / (1 + e^-z), elementwise; never overflows."""
    z = np.asarray(z, dtype=float)
    # e^-|z| lies in (0, 1], so it cannot overflow. For z >= 0, sigma(z) = 1 / (1 + e^-z);
    # for z < 0 the same number is e^z / (1 + e^z). Both read (1 or e^-|z|) / (1 + e^-|z|).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1 + e)


def logistic_loss(z, y):
    """L(sigma(z), y) = -(y log a + (1 - y) log(1 - a)), elementwise, from z = w^T x + b.

    Computed as log(1 + e^z) - y z, the same number, so that log never sees a = 0 or 1
    (in float64 a rounds to 1 once z >= 37); and log(1 + e^z) as max(z, 0) + log(1 + e^-|z|),
    so that e^z never overflows.
    """
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z


def propagate_two_loops(w, b, X, Y):
    """Forward and backward pass with a loop over examples and one over features (slide 48).

    w : (n_x,), b : float, X : (n_x, m), Y : (m,).
    Returns J (the cost, a float), dw of shape (n_x,) and db (a float).
    """
    n_x, m = _validate_propagate_args(w, X, Y)
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


def propagate_one_loop(w, b, X, Y):
    """The same pass with the loop over features replaced by vectors (slide 50)."""
    n_x, m = _validate_propagate_args(w, X, Y)
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


def propagate(w, b, X, Y):
    """The same pass with no loop at all (slides 51-53): Z = w^T X + b, dZ = A - Y."""
    _, m = _validate_propagate_args(w, X, Y)
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
    """

    classes = (0, 1)
    learning_rate_name = "alpha"

    def __init__(self, alpha=0.1, epochs=100):
        self.alpha = alpha
        self.epochs = epochs

    def train(self, X, y):
        """Learn w_ and b_ from X of shape (n_samples, n_features) and y in {0, 1}, shape (n_samples,)."""
        X, y = self._validate_train_input(X, y)
        self.w_ = np.zeros(X.shape[1])
        self.b_ = 0.0
        self.cost_ = []
        for _ in range(self.epochs):
            # X.T is the slides' (n_x, m) layout; it is a view, not a copy.
            J, dw, db = propagate(self.w_, self.b_, X.T, y)
            self.w_ -= self.alpha * dw
            self.b_ -= self.alpha * db
            self.cost_.append(float(J))
        self.cost_.append(float(np.mean(logistic_loss(self.net_input(X), y))))  # final w_, b_
        return self

    def net_input(self, X):
        """z = w^T x + b, shape (n_samples,) for X of shape (n_samples, n_features)."""
        return np.dot(X, self.w_) + self.b_

    def predict_proba(self, X):
        """P(y = 0) and P(y = 1) for each sample: shape (n_samples, 2)."""
        a = sigmoid(self.net_input(self._validate_predict_input(X)))
        return np.column_stack([1 - a, a])

    def predict_from_net_input(self, z):
        return np.where(sigmoid(z) >= 0.5, 1, 0)


def _validate_propagate_args(w, X, Y):
    # Shapes only: these run every epoch, and a full scan of X for NaN would double the
    # cost of an epoch. The classifier checks the values once, in train.
    if np.ndim(X) != 2:
        raise ValueError(
            f"X must be a 2-D array of shape (n_x, m), one example per column; "
            f"got shape {np.shape(X)}"
        )
    n_x, m = np.shape(X)
    if np.shape(w) != (n_x,):
        raise ValueError(
            f"w must have shape (n_x,) = ({n_x},) to match X of shape (n_x, m) = {(n_x, m)}; "
            f"got shape {np.shape(w)}"
        )
    if np.shape(Y) != (m,):
        raise ValueError(
            f"Y must have shape (m,) = ({m},), one label per column of X; got shape {np.shape(Y)}"
        )
    return n_x, m
