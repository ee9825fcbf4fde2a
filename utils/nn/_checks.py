"""Input checks for the network code, shared by its modules so that each stays as short
as its slide.

Every check raises a ValueError or TypeError that names the argument, the expected
shape or form, and what was got, so that a mistake surfaces where it is made rather
than as a broadcasting error or a NaN three functions later. They look at shapes and
dtypes only (a few microseconds), so they can run on every mini-batch.
"""
import math
import numbers
import warnings

import numpy as np


def check_float_matrix(name, a, rows=None, what="(n, m)", nonempty=False):
    """Check that ``a`` is a 2-D float ndarray, with ``rows`` rows if given (and at least one
    row and one column if nonempty)."""
    if not isinstance(a, np.ndarray):
        raise TypeError(f"{name} must be a NumPy array of shape {what}; got {type(a).__name__}")
    if a.dtype.kind != "f":
        raise TypeError(
            f"{name} must hold floating-point numbers; got dtype {a.dtype} "
            f"(convert it first, e.g. {name}.astype(np.float64))"
        )
    if a.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape {what}, one example per column; "
            f"got shape {a.shape}"
        )
    if rows is not None and a.shape[0] != rows:
        raise ValueError(f"{name} must have {rows} rows, shape {what}; got shape {a.shape}")
    if nonempty and 0 in a.shape:
        raise ValueError(f"{name} must hold at least one row and one example (column), shape "
                         f"{what}; got shape {a.shape}")


def check_labels(y, m, n_classes, name="y"):
    """Check integer labels y of shape (m,) with values in 0 .. n_classes - 1."""
    if not isinstance(y, np.ndarray):
        raise TypeError(f"{name} must be a NumPy array of integer labels, shape (m,); "
                        f"got {type(y).__name__}")
    if y.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must hold integer class labels 0 .. {n_classes - 1}; got dtype {y.dtype} "
            f"(encode the labels first, e.g. with np.unique({name}, return_inverse=True))"
        )
    if y.shape != (m,):
        raise ValueError(
            f"{name} must have shape (m,) = ({m},), one label per column of the scores or "
            f"of X; got shape {y.shape}"
        )
    if m and (y.min() < 0 or y.max() >= n_classes):
        raise ValueError(f"{name} must hold labels 0 .. {n_classes - 1}; "
                         f"got labels from {y.min()} to {y.max()}")


def check_same_shape(name, a, reference_name, reference):
    """Check that the upstream gradient ``a`` has the shape of what it differentiates."""
    if not isinstance(a, np.ndarray):
        raise TypeError(f"{name} must be a NumPy array; got {type(a).__name__}")
    if a.shape != reference.shape:
        raise ValueError(
            f"{name} must have the shape of {reference_name}, {reference.shape}; "
            f"got shape {a.shape}"
        )


def is_finite_number(value):
    """Whether ``value`` is a real number (not a bool) with a finite float64 value.

    An int too large for float64 (10**400) is not: it would raise OverflowError later.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def check_number(name, value, expected, is_valid=lambda v: True):
    """Check that ``value`` is a finite real number for which is_valid holds; return it as
    a float. expected says what is wanted, e.g. "a number in (0, 1]"."""
    if type(value) is float and math.isfinite(value) and is_valid(value):  # the usual case
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be {expected}; got {_short(value)} of type "
                        f"{type(value).__name__}")
    if not (is_finite_number(value) and is_valid(value)):
        raise ValueError(f"{name} must be {expected}; got {_short(value)}")
    return float(value)


def check_positive_number(name, value):
    """Check that ``value`` is a finite number > 0, such as a learning rate."""
    if not (is_finite_number(value) and value > 0):
        raise ValueError(f"{name} must be a positive number, e.g. 0.1; got {_short(value)}")


def check_cache(cache, length, what, function):
    """Check that ``cache`` is a tuple of ``length`` items, as ``function`` returns it."""
    if not (isinstance(cache, tuple) and len(cache) == length):
        got = (f"a tuple of {len(cache)}" if isinstance(cache, tuple)
               else type(cache).__name__)
        raise TypeError(f"cache must be the {what} that {function} returned; got {got}")


def check_choice(name, value, choices):
    """Check that ``value`` is one of the names in ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {sorted(choices)}; got {_short(value)}")


def _short(value):
    """repr(value), cut to a line: an array or an int of 400 digits stays readable."""
    text = repr(value)
    return text if len(text) <= 40 else text[:30] + f"... ({len(text)} characters)"


def check_layer_dims(layer_dims):
    """Return layer_dims as a list of ints [n[0], ..., n[L]] with L >= 1, or raise."""
    try:
        dims = list(layer_dims)
    except TypeError:
        raise TypeError(f"layer_dims must be a sequence of layer sizes such as [2, 4, 1]; "
                        f"got {layer_dims!r}") from None
    if len(dims) < 2:
        raise ValueError(f"layer_dims needs at least two sizes, [n[0], ..., n[L]] "
                         f"(inputs and outputs); got {dims}")
    for n in dims:
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            raise ValueError(f"layer_dims must hold whole numbers >= 1; got {dims}")
    return [int(n) for n in dims]


def check_float_dtype(dtype):
    """Return dtype as np.dtype if it is float32 or float64, or raise."""
    try:
        with warnings.catch_warnings():  # NumPy's deprecated aliases such as "a"
            warnings.simplefilter("ignore", DeprecationWarning)
            dtype = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"dtype must be np.float32 or np.float64; got {dtype!r}") from None
    if dtype not in (np.float32, np.float64):
        raise TypeError(f"dtype must be np.float32 or np.float64; got {dtype}")
    return dtype


def check_training_data(model, X_name, X, y_name, y, n_x=None):
    """Check data for training ``model`` (a NeuralNetwork or any model with ``scores``):
    X a float array (n_x, m), m >= 1, finite, and integer labels y of shape (m,).

    The one scan of X for NaN in training: done once here, not in every mini-batch.
    """
    check_examples(X_name, X, n_x)
    n_classes = max(2, model.scores(X[:, :1]).shape[0])
    check_labels(y, X.shape[1], n_classes, name=y_name)


def check_examples(X_name, X, n_x=None):
    """Check that X is a float array (n_x, m) of m >= 1 examples without NaN or infinity."""
    check_float_matrix(X_name, X, rows=n_x, what="(n_x, m)")
    if X.shape[1] == 0:
        raise ValueError(f"{X_name} must hold at least one example (column); "
                         f"got shape {X.shape}")
    # min and max propagate NaN and reach +-inf, without an array of X's size of booleans.
    if not (np.isfinite(X.min()) and np.isfinite(X.max())):
        raise ValueError(f"{X_name} contains NaN or infinity; remove or impute those first")


def check_batch_norm_batches(model, m, batch_size):
    """Refuse, before training, mini-batches of one example on a batch-norm network.

    Batch norm estimates each feature's variance from the mini-batch, which needs at least
    2 examples (PyTorch's BatchNorm1d raises on a batch of one too). The course neither
    drops nor merges the last mini-batch, so that every epoch trains on every example in
    mini-batches of the size asked for: a batch_size that leaves one example over is refused
    with the reason, naming a batch_size that works.
    """
    if not getattr(model, "bn_states", None):
        return
    last = m % batch_size or batch_size
    if last >= 2:
        return
    if m < 2:
        raise ValueError(f"a batch-norm network trains on at least 2 examples (batch norm "
                         f"estimates a variance from each mini-batch); X holds m = {m}")
    near = min((b for b in range(2, m + 1) if (m % b or b) >= 2),
               key=lambda b: (abs(b - batch_size), b))
    raise ValueError(
        f"batch_size = {batch_size} with m = {m} examples leaves a last mini-batch of 1 in "
        f"each epoch, and batch norm needs at least 2 examples per mini-batch to estimate "
        f"a variance. Choose a batch_size that leaves no single example over, e.g. "
        f"batch_size = {near}"
    )
