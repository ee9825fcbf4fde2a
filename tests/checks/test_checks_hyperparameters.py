"""The checks of notebook 13 pass correct solutions and reject the usual wrong ones."""
import numpy as np

from grader_contract import contract_tests
from utils import check_he_initialization, check_log_uniform, check_update_ratio


def he_init(layer_dims, rng):
    params = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        params[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        params[f"b{l}"] = np.zeros((n, 1))
    return params


def he_init_fan_out(layer_dims, rng):  # sqrt(2 / n[l]) instead of sqrt(2 / n[l-1])
    params = he_init(layer_dims, rng)
    for l in range(1, len(layer_dims)):
        params[f"W{l}"] *= np.sqrt(layer_dims[l - 1] / layer_dims[l])
    return params


def he_init_variance_as_std(layer_dims, rng):  # scale 2 / n instead of sqrt(2 / n)
    params = he_init(layer_dims, rng)
    for l in range(1, len(layer_dims)):
        params[f"W{l}"] *= np.sqrt(2 / layer_dims[l - 1])
    return params


def he_init_transposed(layer_dims, rng):  # W of shape (n[l-1], n[l])
    params = he_init(layer_dims, rng)
    return {k: (v.T if k.startswith("W") else v) for k, v in params.items()}


def log_uniform(low, high, size, rng):
    return 10 ** rng.uniform(np.log10(low), np.log10(high), size)


def log_uniform_natural_log(low, high, size, rng):  # the same distribution, base e
    return np.exp(rng.uniform(np.log(low), np.log(high), size))


def uniform_instead(low, high, size, rng):
    return rng.uniform(low, high, size)


def log_uniform_wrong_range(low, high, size, rng):  # 10^U(low, high)
    return 10 ** rng.uniform(low, high, size)


def update_ratio(w_before, w_after):
    return np.std(w_after - w_before) / np.std(w_before)


def update_ratio_of_norms(w_before, w_after):  # ||w_after|| / ||w_before||: not the update
    return np.linalg.norm(w_after) / np.linalg.norm(w_before)


CHECKS = [
    (check_he_initialization, he_init,
     [he_init_fan_out, he_init_variance_as_std, he_init_transposed]),
    (check_log_uniform, log_uniform, [uniform_instead, log_uniform_wrong_range]),
    (check_update_ratio, update_ratio, [update_ratio_of_norms]),
]

(test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
 test_an_unattempted_exercise_says_so) = contract_tests(
    CHECKS, more_correct=[(check_log_uniform, log_uniform_natural_log)])


