"""Feature scaling as on slide 31."""
import numpy as np

from .validation import validate_X

# A column whose spread is below this fraction of its size is constant up to rounding
# (a column of 0.1s has a std of about 1e-17, not 0, in float64).
CONSTANT_TOLERANCE = 1e-12


def standardize(X):
    """Standardise each column of X to mean 0 and standard deviation 1.

    X : (n_samples, n_features). Returns a new array of the same shape:
    x_j' = (x_j - mean_j) / std_j.
    """
    X = validate_X(X)
    # Standardising is the same on X / scale_j, and there no sum can overflow (X near 1e308).
    scale = np.abs(X).max(axis=0)
    X = X / np.where(scale > 0, scale, 1.0)
    std = X.std(axis=0)
    constant = np.flatnonzero(std <= CONSTANT_TOLERANCE)
    if constant.size:
        raise ValueError(
            f"Cannot standardise: feature(s) {constant.tolist()} are constant (std = 0, "
            f"up to rounding)"
        )
    return (X - X.mean(axis=0)) / std
