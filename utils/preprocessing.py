"""Feature scaling as on slide 31."""
import numpy as np

from .validation import validate_X


def standardize(X):
    """Standardise each column of X to mean 0 and standard deviation 1.

    X : (n_samples, n_features). Returns a new array of the same shape:
    x_j' = (x_j - mean_j) / std_j.
    """
    X = validate_X(X)
    std = X.std(axis=0)
    constant = np.flatnonzero(std == 0)
    if constant.size:
        raise ValueError(
            f"Cannot standardise: feature(s) {constant.tolist()} are constant (std = 0)"
        )
    return (X - X.mean(axis=0)) / std
