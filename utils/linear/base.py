"""What every classifier of the course shares: scikit-learn's names and input checks.

Each algorithm defines ``train(X, y)`` as its slide does and ``net_input(X)``; this base
class adds ``fit`` (scikit-learn's name for ``train``), a checked ``predict``, ``score``
(accuracy) and ``get_params``/``set_params``. With those, the classes work with
``sklearn.base.clone``, ``Pipeline``, ``cross_val_score`` and mlxtend's
``plot_decision_regions``.
"""
import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from ..validation import validate_hyperparameters, validate_trained, validate_X, validate_X_y


class LinearClassifier(ClassifierMixin, BaseEstimator):
    """Base class of a linear classifier; not used directly.

    Subclasses set ``classes`` (the two labels they predict, negative class first) and
    ``learning_rate_name`` (the slide's symbol: ``"eta"`` or ``"alpha"``), and define
    ``train``, ``net_input`` and ``predict_from_net_input``.
    """

    classes = (-1, 1)
    learning_rate_name = "eta"

    def fit(self, X, y):
        """Train on X of shape (n_samples, n_features) and y of shape (n_samples,)."""
        return self.train(X, y)

    def predict(self, X):
        """Predicted labels, shape (n_samples,), for X of shape (n_samples, n_features)."""
        X = self._validate_predict_input(X)
        return self.predict_from_net_input(self.net_input(X))

    def _validate_train_input(self, X, y, require_both=True, n_features=None):
        """Validate the knobs and the data at the start of ``train``; return X and y.

        n_features: when training goes on from learned weights, how many features they fit.
        """
        validate_hyperparameters(
            self.learning_rate_name, getattr(self, self.learning_rate_name), self.epochs
        )
        X, y = validate_X_y(X, y, self.classes, require_both, n_features)
        self.classes_ = np.array(self.classes)
        self.n_features_in_ = X.shape[1]
        return X, y

    def _validate_predict_input(self, X):
        validate_trained(self, "w_")
        return validate_X(X, self.n_features_in_)
