"""Input checks for the network code, shared by its modules so that each stays as short
as its slide.

Every check raises a ValueError or TypeError that names the argument, the expected
shape or form, and what was got, so that a mistake surfaces where it is made rather
than as a broadcasting error or a NaN three functions later. They look at shapes and
dtypes only (a few microseconds), so they can run on every mini-batch.
"""
import numbers

import numpy as np


def check_float_matrix(name, a, rows=None, what="(n, m)"):
    """Check that ``a`` is a 2-D float ndarray, with ``rows`` rows if given."""
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


def check_positive_number(name, value):
    """Check that ``value`` is a finite number > 0, such as a learning rate."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not (
            np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive number, e.g. 0.1; got {value!r}")


def check_choice(name, value, choices):
    """Check that ``value`` is one of the names in ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {sorted(choices)}; got {value!r}")


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
        dtype = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"dtype must be np.float32 or np.float64; got {dtype!r}") from None
    if dtype not in (np.float32, np.float64):
        raise TypeError(f"dtype must be np.float32 or np.float64; got {dtype}")
    return dtype
