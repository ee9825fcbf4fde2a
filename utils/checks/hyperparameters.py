"""Exercise checks of notebook 13, hyper-parameters.

Initial weights and random draws are checked by their distribution (a student's code
may draw in any order), the update-to-data ratio by its formula.
"""
import itertools
import math

import numpy as np
from scipy import stats

from ._runner import allclose, run_cases


def check_he_initialization(he_init):
    """Check ``he_init(layer_dims, rng)`` -> params with "W{l}" of shape (n[l], n[l-1])
    drawn from N(0, 2 / n[l-1]) and "b{l}" of shape (n[l], 1) filled with zeros.

    The cases name the seed of rng. Each layer is summarised as [rows of W, columns of W,
    std of W, mean of W, rows of b, largest |b|], and compared with
    [n[l], n[l-1], sqrt(2 / n[l-1]), 0, n[l], 0].
    """

    def summarised(layer_dims, seed):
        params = he_init(layer_dims, np.random.default_rng(seed))
        return np.array([[*np.shape(params[f"W{l}"]), np.std(params[f"W{l}"]),
                          np.mean(params[f"W{l}"]), len(params[f"b{l}"]),
                          np.abs(params[f"b{l}"]).max()]
                         for l in range(1, len(layer_dims))])

    summarised.__name__ = getattr(he_init, "__name__", "he_init")

    def expected(layer_dims, seed):
        return np.array([[n, n_prev, math.sqrt(2 / n_prev), 0.0, n, 0.0]
                         for n_prev, n in itertools.pairwise(layer_dims)])

    def close(got, want):
        # Every layer holds at least 20,000 weights: their spread is within 5 % of He's.
        got = np.asarray(got, dtype=float)
        return bool(got.shape == want.shape
                    and np.array_equal(got[:, [0, 1, 4, 5]], want[:, [0, 1, 4, 5]])
                    and np.all(np.abs(got[:, 2] / want[:, 2] - 1) < 0.05)
                    and np.all(np.abs(got[:, 3]) < 0.05 * want[:, 2]))

    cases = [
        {"layer_dims": [400, 100, 200, 300], "seed": 0},
        {"layer_dims": [50, 800, 100], "seed": 1},
    ]
    run_cases("he_init", summarised, cases, expected, close)


def check_log_uniform(log_uniform):
    """Check ``log_uniform(low, high, size, rng)`` -> size draws with log10(draw)
    uniform between log10(low) and log10(high). The cases name the seed of rng."""

    def drawn(low, high, size, seed):
        return log_uniform(low, high, size, np.random.default_rng(seed))

    drawn.__name__ = getattr(log_uniform, "__name__", "log_uniform")

    def expected(low, high, size, seed):
        return (math.log10(low), math.log10(high))

    def close(draws, log_range):
        draws = np.asarray(draws, dtype=float)
        if draws.shape != (2000,) or not np.all(draws > 0):
            return False
        low, high = log_range
        logs = np.log10(draws)
        on_log_scale = stats.kstest(logs, stats.uniform(low, high - low).cdf).pvalue > 1e-3
        return bool(logs.min() >= low - 1e-12 and logs.max() <= high + 1e-12 and on_log_scale)

    cases = [
        {"low": 1e-4, "high": 1.0, "size": 2000, "seed": 2},
        {"low": 0.5, "high": 0.999, "size": 2000, "seed": 3},
        {"low": 1e-6, "high": 1e-5, "size": 2000, "seed": 4},
    ]
    run_cases("log_uniform", drawn, cases, expected, close)


def check_update_ratio(update_ratio):
    """Check ``update_ratio(w_before, w_after)`` -> std(w_after - w_before) / std(w_before)."""
    rng = np.random.default_rng(5)

    def expected(w_before, w_after):
        return np.std(w_after - w_before) / np.std(w_before)

    w = rng.normal(size=(20, 30))
    cases = [
        {"w_before": w, "w_after": w - 1e-3 * rng.normal(size=(20, 30))},
        {"w_before": 5.0 + w, "w_after": 5.0 + w + 0.1 * rng.normal(size=(20, 30))},
        {"w_before": rng.normal(size=(4, 1)), "w_after": rng.normal(size=(4, 1))},
    ]
    run_cases("update_ratio", update_ratio, cases, expected, allclose)
