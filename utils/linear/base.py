"""What every classifier of the course shares: scikit-learn's interface and input checks.

Each algorithm defines ``train(X, y)`` as its slide does and ``net_input(X)``; this base
class adds ``fit`` (scikit-learn's name for ``train``), a checked ``predict``, ``score``
(accuracy), ``get_params``/``set_params`` and scikit-learn's tags. With those, the classes
work with ``sklearn.base.clone``, ``Pipeline``, ``cross_val_score``, scikit-learn's
estimator checks and mlxtend's ``plot_decision_regions``, without importing scikit-learn
until scikit-learn itself asks (so that ``import utils`` stays fast).
"""
import inspect

import numpy as np

from ..validation import (
    Learned,
    NonFiniteError,
    validate_labels,
    validate_positive_int,
    validate_trained,
    validate_X,
    validate_X_y,
)


class LinearClassifier:
    """Base class of a binary linear classifier; not used directly.

    Subclasses set ``classes`` (the two labels they predict, negative class first) and
    define ``train``, ``net_input`` and ``predict_from_net_input``.
    """

    classes = (-1, 1)
    w_ = Learned()  # the weights, set by training; before that, NotFittedError
    _estimator_type = "classifier"  # read by mlxtend and by scikit-learn before 1.6

    def fit(self, X, y):
        """Train on X of shape (n_samples, n_features) and y of shape (n_samples,)."""
        return self.train(X, y)

    def predict(self, X):
        """Predicted labels, shape (n_samples,), for X of shape (n_samples, n_features)."""
        X = self._validate_predict_input(X)
        return self.predict_from_net_input(self._checked_net_input(X))

    def score(self, X, y):
        """Accuracy: the fraction of the n_samples labels in y that ``predict(X)`` gets right."""
        X = self._validate_predict_input(X)
        y = validate_labels(y, self.classes, type(self).__name__)
        if len(y) != len(X):
            raise ValueError(
                f"X and y have different lengths: X has {len(X)} samples, y has {len(y)} labels"
            )
        return float(np.mean(self.predict_from_net_input(self._checked_net_input(X)) == y))

    def _validate_train_input(self, X, y, require_both=True, n_features=None):
        """Check epochs and the data at the start of ``train``; return X and y as floats.

        The learning rate is checked by ``train`` itself, before this. Nothing is changed
        before every check has passed.
        n_features: when training goes on from learned weights, how many features they fit.
        """
        validate_positive_int("epochs", self.epochs)
        X, y = validate_X_y(X, y, self.classes, require_both, n_features, type(self).__name__)
        self.classes_ = np.array(self.classes)
        self.n_features_in_ = X.shape[1]
        return X, y

    def _validate_predict_input(self, X):
        validate_trained(self, "w_")
        return validate_X(X, self.n_features_in_, type(self).__name__)

    def _checked_net_input(self, X):
        """net_input(X), or a NonFiniteError if w^T x overflowed float64 to NaN.

        An infinite z still has a sign, hence a label; NaN (inf - inf) has none.
        """
        with np.errstate(over="ignore", invalid="ignore"):
            z = self.net_input(X)
        if np.isnan(z).any():
            raise NonFiniteError(
                f"{type(self).__name__}: w^T x overflowed float64 for "
                f"{int(np.isnan(z).sum())} sample(s); X's values are too large for the "
                f"learned weights (standardise X as for training)"
            )
        return z

    @staticmethod
    def _overflowed(*values):
        """True if any value of this epoch is not a finite number: float64 overflowed."""
        return not all(np.isfinite(v).all() for v in values)

    # scikit-learn's estimator interface, as sklearn.base.BaseEstimator defines it

    def get_params(self, deep=True):
        """The constructor's parameters and their values, as a dict."""
        return {name: getattr(self, name) for name in _init_parameters(type(self))}

    def set_params(self, **params):
        """Set constructor parameters by name; returns self."""
        valid = _init_parameters(type(self))
        for name, value in params.items():
            if name not in valid:
                raise ValueError(
                    f"{type(self).__name__} has no parameter {name!r}; its parameters are "
                    f"{', '.join(valid)}"
                )
            setattr(self, name, value)
        return self

    def __repr__(self):
        defaults = {
            name: p.default
            for name, p in inspect.signature(type(self).__init__).parameters.items()
            if name != "self"
        }
        changed = [
            f"{name}={value!r}"
            for name, value in self.get_params().items()
            if not _same(value, defaults[name])
        ]
        return f"{type(self).__name__}({', '.join(changed)})"

    def __sklearn_is_fitted__(self):
        return hasattr(self, "w_")

    def __sklearn_tags__(self):
        """scikit-learn's tags: a binary classifier of dense 2-D float data, labels required.

        The labels must be those in ``classes``; no tag says so, hence the estimator checks
        that feed other labels are listed as expected failures in the tests.
        """
        from sklearn.utils import ClassifierTags, InputTags, Tags, TargetTags

        return Tags(
            estimator_type="classifier",
            target_tags=TargetTags(required=True),
            classifier_tags=ClassifierTags(multi_class=False),
            input_tags=InputTags(),
        )


def _init_parameters(cls):
    return [name for name in inspect.signature(cls.__init__).parameters if name != "self"]


def _same(value, default):
    try:
        return bool(value == default) and type(value) is type(default)
    except (TypeError, ValueError):  # e.g. an array, whose == is elementwise
        return False
