"""Input checks shared by every model, so that each algorithm stays as short as its slide.

Every check raises a ValueError or TypeError whose message names the problem and the
form that was expected, instead of letting a NaN or an IndexError surface from NumPy.
The checks take values, not names to look up: ``validate_learning_rate("eta", self.eta)``.
"""
import functools
import numbers
import os
import sys
import warnings
from pathlib import Path

import numpy as np

_REAL_TYPES = (int, float, np.integer, np.floating)
_PACKAGE_DIR = str(Path(__file__).resolve().parent) + os.sep


class NotFittedError(ValueError, AttributeError):
    """A model was used before it was trained.

    A ValueError and an AttributeError, as scikit-learn's NotFittedError is, so that code
    written for scikit-learn's models catches it too.
    """


class DivergenceWarning(RuntimeWarning):
    """Training diverged: the cost grew, or float64 overflowed and training stopped.

    A class of its own, so that it can be filtered apart from NumPy's RuntimeWarnings, e.g.
    ``warnings.simplefilter("ignore", DivergenceWarning)`` in a demonstration of divergence.
    """


class NonFiniteError(ValueError):
    """A computation met or produced NaN or infinity, e.g. when w^T x + b overflowed float64.

    A ValueError of its own, so that a trainer can stop on overflow without hiding other errors.
    """


def validate_learning_rate(name, value):
    """Check a learning rate (the slides' ``eta`` or ``alpha``): a finite number > 0.

    An int or a float (NumPy's too); a Fraction or a Decimal would turn every weight into
    an object, so it gets a TypeError.
    """
    if isinstance(value, bool) or not isinstance(value, _REAL_TYPES):
        raise TypeError(
            f"{name} must be a positive number (an int or a float), e.g. 0.01; "
            f"got {_short(value)} of type {type(value).__name__}"
        )
    if not (_finite(value) and value > 0):
        raise ValueError(
            f"{name} must be a positive number, finite, e.g. 0.01; got {_short(value)}"
        )


def validate_finite(a, name):
    """Raise NonFiniteError if the float array ``a`` holds NaN (infinity is allowed)."""
    if np.isnan(a).any():
        raise NonFiniteError(f"{name} contains NaN")


def validate_logistic_loss_args(z, y):
    """Return z and y as float arrays for the logistic loss, or raise.

    z: any shape, no NaN (infinity is allowed: the loss is then 0 or inf, exactly).
    y: 0 or 1, a number or an array of z's shape.
    """
    z, y = as_float_array(z, "z"), as_float_array(y, "y")
    validate_finite(z, "z")
    if y.shape not in ((), z.shape):
        raise ValueError(
            f"y must be one number or an array of z's shape {z.shape}; got shape {y.shape}"
        )
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(f"y must hold only the labels 0 and 1; got {_plain(np.unique(y)[:5])}")
    return z, y


def validate_propagate_args(w, b, X, Y):
    """Return w (n_x,), b (a float), X (n_x, m) and Y (m,) in {0, 1} for propagate, or raise.

    Only shapes and labels are checked here, not X's values: propagate runs every epoch,
    and a NaN in X shows in the cost, which ``returns_finite`` checks.
    """
    w, X, Y = as_float_array(w, "w"), as_float_array(X, "X"), as_float_array(Y, "Y")
    if X.ndim != 2:
        raise ValueError(
            f"X must be a 2-D array of shape (n_x, m), one example per column; "
            f"got shape {X.shape}"
        )
    n_x, m = X.shape
    if m == 0 or n_x == 0:
        raise ValueError(f"X must hold at least one example and one feature; got shape {X.shape}")
    if w.shape != (n_x,):
        raise ValueError(
            f"w must have shape (n_x,) = ({n_x},) to match X of shape (n_x, m) = {(n_x, m)}; "
            f"got shape {w.shape}"
        )
    if Y.shape != (m,):
        raise ValueError(
            f"Y must have shape (m,) = ({m},), one label per column of X; got shape {Y.shape}"
        )
    if not np.isin(Y, (0.0, 1.0)).all():
        raise ValueError(f"Y must hold only the labels 0 and 1; got {_plain(np.unique(Y)[:5])}")
    b = as_float_array(b, "b")
    if b.ndim != 0:
        raise ValueError(f"b must be one number; got an array of shape {b.shape}")
    return w, float(b), X, Y


def returns_finite(fn):
    """Decorate ``fn`` so that it returns only finite numbers, or raises NonFiniteError.

    Inside, NumPy's overflow warnings are silenced: a result that overflowed float64 (or
    came from a NaN or infinity in the inputs) is reported once, by this error.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            try:
                result = fn(*args, **kwargs)
            except NonFiniteError:
                result = (np.nan,)
        if not all(np.isfinite(r).all() for r in result):
            raise NonFiniteError(
                f"{fn.__name__} gave NaN or infinity: the inputs hold NaN or infinity, or "
                f"values so large that w^T x + b overflowed float64 (standardise X)"
            )
        return result

    return wrapper


def validate_gradient_check_args(f, x, h):
    """Check numerical_gradient's arguments: a callable, a writable float ndarray, h > 0."""
    if not callable(f):
        raise TypeError(f"f must be a function of x; got {type(f).__name__}")
    if not (isinstance(x, np.ndarray) and x.dtype in (np.float64, np.float32)):
        kind = f"an array of {x.dtype}" if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(
            f"x must be a float64 ndarray (float32 at least: in float16, x + h rounds to x); "
            f"got {kind}"
        )
    if not x.flags.writeable:
        raise ValueError("x must be writable: it is perturbed in place (pass x.copy())")
    if isinstance(h, bool) or not isinstance(h, _REAL_TYPES):
        raise TypeError(f"h must be a positive float, e.g. 1e-5; got {h!r}")
    if not (_finite(h) and h > 0):
        raise ValueError(f"h must be a positive float, e.g. 1e-5; got {h!r}")
    if not np.isfinite(x).all():
        raise ValueError("x must hold finite numbers; got NaN or infinity")
    with np.errstate(over="ignore"):
        shifted = x + x.dtype.type(h)
    if not np.isfinite(shifted).all():
        raise ValueError(f"h = {h!r} is too large: x + h overflows {x.dtype}")
    if (shifted == x).any():
        largest = float(np.abs(x).max())
        raise ValueError(
            f"h = {h!r} is too small for x's values: x + h rounds to x in {x.dtype} (whose "
            f"numbers near {largest:.3g} are {float(np.spacing(x.dtype.type(largest))):.2g} "
            f"apart), and the gradient would be 0. Check gradients in float64"
        )


def validate_same_shape(a, b):
    """Return a and b as float arrays of one shape, without NaN or infinity, or raise.

    Axes of length 1 do not count: a number and an array of shape (1,) have the same shape.
    """
    a, b = as_float_array(a, "a"), as_float_array(b, "b")
    if np.squeeze(a).shape != np.squeeze(b).shape:
        raise ValueError(f"a and b must have the same shape; got {a.shape} and {b.shape}")
    a, b = np.squeeze(a), np.squeeze(b)
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise ValueError("a and b must hold finite numbers; got NaN or infinity")
    return a, b


def validate_positive_int(name, value):
    """Check that ``value`` is a whole number >= 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= 1; got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1; got {_short(value)}")


def validate_bool(name, value):
    """Check that ``value`` is True or False (NumPy's bool too)."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False; got {value!r}")


def validate_random_state(value):
    """Check a seed for ``np.random.default_rng``: None or a whole number >= 0."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"random_state must be None or a whole number >= 0; got {value!r}")
    if value < 0:
        raise ValueError(f"random_state must be >= 0; got {value}")


def validate_X(X, n_features=None, model_name="the model"):
    """Return X as a new float array of shape (n_samples, n_features), or raise.

    n_features: the number of features seen in training, when X is to be predicted.
    The messages use scikit-learn's words where its estimator checks look for them.
    """
    X = as_float_array(X, "X")
    if X.ndim != 2:
        hint = ". Reshape your data: for one sample, use X.reshape(1, -1)" if X.ndim == 1 else ""
        raise ValueError(
            f"X must be a 2-D array of shape (n_samples, n_features); "
            f"got an array of shape {X.shape}{hint}"
        )
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(
            f"X must have at least one sample and one feature; found {X.shape[0]} sample(s), "
            f"{X.shape[1]} feature(s) (shape={X.shape}) while a minimum of 1 is required."
        )
    if not np.isfinite(X).all():
        raise ValueError("X contains NaN or infinity; remove or impute those values first")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(
            f"X has {X.shape[1]} features, but {model_name} is expecting {n_features} "
            f"features as input, the number it was trained on"
        )
    return X


def validate_X_y(X, y, classes, require_both=True, n_features=None, model_name="the model"):
    """Return X of shape (n_samples, n_features) and y of shape (n_samples,), or raise.

    classes: the label values the model declares, e.g. (-1, 1), (0, 1) or range(C).
    require_both: whether y must contain every class (training from scratch does; an
    online update with ``partial_fit`` may see only one).
    n_features: the number of features of the weights that training continues from, if any.
    """
    X = validate_X(X, n_features, model_name)
    y = validate_labels(y, classes, model_name)
    if len(y) != len(X):
        raise ValueError(
            f"X and y have different lengths: X has {len(X)} samples, y has {len(y)} labels"
        )
    present = np.unique(y)
    if require_both and len(present) < len(classes):
        raise ValueError(
            f"y must contain every class, {_labels_text(classes)}, to train; got only "
            f"{'one class' if len(present) == 1 else 'classes'}, {_plain(present)}"
        )
    return X, y


def validate_labels(y, classes, model_name="the model"):
    """Return y as a float array of shape (n_samples,) holding only ``classes``, or raise.

    Labels of any numeric dtype are accepted, also an object array of numbers such as
    pandas' ``.replace`` returns; a column vector of shape (n_samples, 1) is flattened.
    """
    if y is None:
        raise ValueError(f"{model_name} requires y to be passed, but the target y is None")
    if _is_sparse(y):
        raise TypeError("y must be a dense 1-D array; got a sparse matrix")
    y = np.asarray(y)
    if y.ndim == 2 and 1 in y.shape:
        y = y.ravel()
    if y.ndim != 1:
        raise ValueError(f"y must be a 1-D array of shape (n_samples,); got shape {y.shape}")
    expected = _labels_text(classes)
    if y.dtype.kind == "c":
        raise ValueError("y holds complex numbers: Complex data not supported")
    if y.size and not _holds_numbers(y):
        example = next(v for v in y if not _is_number(v))
        raise TypeError(
            f"y must hold the numbers {expected}; got {type(example).__name__} values such as "
            f"{example!r}. Encode the labels first, e.g. "
            f"np.where(y == {example!r}, {classes[-1]}, {classes[0]})"
        )
    numeric = y.astype(float) if y.dtype != object else _object_to_float(y)
    unexpected = np.setdiff1d(numeric, np.asarray(classes, dtype=float))
    if unexpected.size:
        raise ValueError(
            f"y must hold only the labels {expected}; got also {_plain(unexpected[:5])}"
            + _label_hint(numeric, classes)
        )
    return numeric


def validate_trained(model, attribute):
    """Raise NotFittedError (a ValueError) if ``model`` has no ``attribute`` yet."""
    if not hasattr(model, attribute):
        raise _not_trained(model)


class Learned:
    """A learned attribute such as ``w_``, declared on the class: read before training sets
    it, it raises NotFittedError (a ValueError and an AttributeError, so ``hasattr`` is
    False) instead of a bare AttributeError, e.g. in ``model.net_input(X)``."""

    def __get__(self, model, owner=None):
        if model is None:
            return self
        raise _not_trained(model)


def _not_trained(model):
    return _not_fitted_error_class()(
        f"This {type(model).__name__} is not trained yet: call train(X, y) "
        f"(or fit(X, y)) before using it to predict"
    )


def as_float_array(a, name):
    """``a`` as a new float64 array, or a TypeError/ValueError naming ``name``.

    Unlike ``np.asarray(a, dtype=float)`` this refuses complex numbers (which NumPy would
    cast to their real part), sparse matrices, and numbers too large for float64.
    """
    if _is_sparse(a):
        raise TypeError(
            f"{name} must be a dense array; got a sparse matrix. Use {name}.toarray() first"
        )
    try:
        a = np.asarray(a)
    except ValueError as exc:  # a ragged list
        raise TypeError(f"{name} must hold numbers only, in a rectangular array; {exc}") from None
    # NumPy would cast complex numbers to their real part, silently.
    if a.dtype.kind == "c":
        raise ValueError(f"{name} holds complex numbers: Complex data not supported")
    # ... and parse numbers written as text ("1.5"), as no classifier should.
    if a.dtype.kind in "SU" or a.dtype == object and any(
            isinstance(v, str | bytes) for v in a.ravel()):
        raise TypeError(f"{name} must hold numbers only, not text; convert it first (e.g. "
                        f"pd.to_numeric) if the text holds numbers")
    try:
        return a.astype(float)
    except OverflowError:
        raise ValueError(f"{name} holds a number too large for float64 (over 1.8e308)") from None
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must hold numbers only, in a rectangular array; {exc}"
        ) from None


def warn_if_diverged(model, learning_rate_name, learning_rate, cost, overflow_epoch=None):
    """Warn once (DivergenceWarning) if training overflowed, if its cost ended well above its
    lowest, or if the cost rose to over ten times where it started.

    cost: the costs of this training run, ``cost_`` from the cost it started from (cost[0])
    to the cost after each epoch; None for a run with no cost (one partial_fit).
    overflow_epoch: the epoch in which float64 overflowed and training stopped, if it did.
    """
    name = type(model).__name__
    advice = f"Use a smaller {learning_rate_name} (now {learning_rate}) or standardise X."
    if overflow_epoch is not None:
        what = "the cost" if cost is not None else "the weights"
        message = (f"{name} diverged: {what} overflowed in epoch {overflow_epoch}, "
                   f"so training stopped. {advice}")
    elif cost is not None and len(cost) > 1 and _ends_well_above_lowest(cost):
        low = int(np.argmin(cost))
        epochs = len(cost) - 1 - low
        message = (f"{name} diverged: the cost grew from {cost[low]:.3g} to {cost[-1]:.3g} "
                   f"in its last {epochs} epoch{'s' if epochs > 1 else ''}. {advice}")
    elif cost is not None and max(cost) > 10 * cost[0] + 1e-9:
        peak = int(np.argmax(cost))
        message = (f"{name} diverged: the cost grew from {cost[0]:.3g} to {cost[peak]:.3g} "
                   f"in {peak} epoch{'s' if peak > 1 else ''}, though it came down again. "
                   f"{advice}")
    else:
        return
    warnings.warn(message, DivergenceWarning, stacklevel=_caller_stacklevel())


def _ends_well_above_lowest(cost):
    """True if the run ends more than 10 % above the lowest cost it reached.

    A diverging run grows geometrically and passes that at once; the epoch-to-epoch noise of
    stochastic gradient descent near the minimum stays far below it.
    """
    low, last = min(cost), cost[-1]
    return last > 1.1 * low and last - low > 1e-9


def _caller_stacklevel():
    """The stacklevel of the first frame outside ``utils``: the line that called fit/train.

    Counted, not fixed, because fit calls train and a user may call either.
    """
    level, frame = 2, sys._getframe(2)  # 1: warnings.warn's caller; 2: its caller
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        level, frame = level + 1, frame.f_back
    return level


def _not_fitted_error_class():
    """NotFittedError, and also scikit-learn's if scikit-learn is in use.

    ``import utils`` does not import scikit-learn (it takes most of a second); code that
    catches scikit-learn's NotFittedError has imported it, and then catches this one too.
    """
    sklearn_exceptions = sys.modules.get("sklearn.exceptions")
    if sklearn_exceptions is None:
        return NotFittedError
    global _BOTH_NOT_FITTED_ERRORS
    if _BOTH_NOT_FITTED_ERRORS is None:
        _BOTH_NOT_FITTED_ERRORS = type(
            "NotFittedError", (NotFittedError, sklearn_exceptions.NotFittedError), {}
        )
    return _BOTH_NOT_FITTED_ERRORS


_BOTH_NOT_FITTED_ERRORS = None


def _finite(value):
    try:
        return bool(np.isfinite(float(value)))
    except OverflowError:  # an int such as 10**400 has no float64
        return False


def _is_sparse(a):
    # Without importing SciPy: its sparse matrices and arrays live in scipy.sparse.
    return type(a).__module__.startswith("scipy.sparse")


def _is_number(v):
    return isinstance(v, numbers.Real | np.bool_)


def _holds_numbers(y):
    if y.dtype.kind in "biuf":
        return True
    return y.dtype == object and all(_is_number(v) for v in y)


def _object_to_float(y):
    try:
        return y.astype(float)
    except OverflowError:
        raise ValueError("y holds a number too large for float64 (over 1.8e308)") from None


def _label_hint(y, classes):
    """What scikit-learn's checks look for, when y is not a wrong encoding of the classes."""
    if not np.all(np.mod(y[np.isfinite(y)], 1) == 0):
        return " (continuous values: a classifier needs class labels)"
    if len(np.unique(y)) > len(classes):
        return f". Only binary classification is supported: {len(classes)} classes"
    return ""


def _labels_text(classes):
    values = [str(c) for c in classes]
    return ", ".join(values[:-1]) + " and " + values[-1] if len(values) > 1 else values[0]


def _plain(values):
    """Labels as plain Python numbers: 1 rather than 1.0, for messages."""
    return [int(v) if float(v).is_integer() else float(v) for v in values]


def _short(value):
    text = repr(value)
    return text if len(text) <= 30 else text[:12] + "..." + f" ({len(text)} digits)"
