"""Input checks shared by every model, so that each algorithm stays as short as its slide.

Every check raises a ValueError or TypeError whose message names the problem and the
form that was expected, instead of letting a NaN or an IndexError surface from NumPy.
"""
import numbers

import numpy as np
from sklearn.exceptions import NotFittedError


def validate_hyperparameters(learning_rate_name, learning_rate, epochs):
    """Check a learning rate (``eta`` or ``alpha``) and a number of epochs."""
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real):
        raise TypeError(
            f"{learning_rate_name} must be a positive number; got {learning_rate!r}"
        )
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(
            f"{learning_rate_name} must be a positive number, e.g. 0.01; got {learning_rate!r}"
        )
    validate_positive_int("epochs", epochs)


def validate_positive_int(name, value):
    """Check that ``value`` is a whole number >= 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= 1; got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1; got {value}")


def validate_X(X, n_features=None):
    """Return X as a float array of shape (n_samples, n_features), or raise.

    n_features: the number of features seen in training, when X is to be predicted.
    """
    X = _as_float_array(X, "X")
    if X.ndim != 2:
        hint = " (for one sample, use X.reshape(1, -1))" if X.ndim == 1 else ""
        raise ValueError(
            f"X must be a 2-D array of shape (n_samples, n_features); "
            f"got an array of shape {X.shape}{hint}"
        )
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"X must have at least one sample and one feature; got shape {X.shape}")
    if not np.isfinite(X).all():
        raise ValueError("X contains NaN or infinity; remove or impute those values first")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(
            f"X has {X.shape[1]} features, but the model was trained on {n_features}"
        )
    return X


def validate_X_y(X, y, classes, require_both=True, n_features=None):
    """Return X of shape (n_samples, n_features) and y of shape (n_samples,), or raise.

    classes: the two label values the model expects, e.g. (-1, 1) or (0, 1).
    require_both: whether y must contain both classes (training from scratch needs both;
    an online update with ``partial_fit`` may see only one).
    n_features: the number of features of the weights that training continues from, if any.
    """
    X = validate_X(X, n_features)
    y = np.asarray(y)
    if y.ndim == 2 and 1 in y.shape:
        y = y.ravel()
    if y.ndim != 1:
        raise ValueError(f"y must be a 1-D array of shape (n_samples,); got shape {y.shape}")
    if len(y) != len(X):
        raise ValueError(
            f"X and y have different lengths: X has {len(X)} samples, y has {len(y)} labels"
        )
    expected = f"{classes[0]} and {classes[1]}"
    if y.dtype.kind not in "biuf":
        raise TypeError(
            f"y must hold the numbers {expected}; got values of type {y.dtype} "
            f"such as {y[0]!r}. Encode the labels first, e.g. "
            f"np.where(y == {y[0]!r}, {classes[0]}, {classes[1]})"
        )
    present = np.unique(y)
    unexpected = present[~np.isin(present, classes)]
    if unexpected.size:
        raise ValueError(
            f"y must hold only the labels {expected}; got also {unexpected[:5].tolist()}"
        )
    if require_both and len(present) < 2:
        raise ValueError(
            f"y must contain both classes {expected} to train; got only {present.tolist()}"
        )
    return X, y.astype(float)


def validate_trained(model, attribute):
    """Raise NotFittedError (a ValueError) if ``model`` has no ``attribute`` yet."""
    if not hasattr(model, attribute):
        raise NotFittedError(
            f"This {type(model).__name__} is not trained yet: call train(X, y) "
            f"(or fit(X, y)) before using it to predict"
        )


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must hold numbers only; {exc}") from None
