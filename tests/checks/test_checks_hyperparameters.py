"""The checks of notebook 13: correct answers pass, known mistakes are named."""
import numpy as np

from grader_contract import Exercise, contract_tests
from utils import check_he_initialization, check_log_uniform, check_update_ratio


def he_init(layer_dims, rng):  # the worked solution
    params = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        params[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        params[f"b{l}"] = np.zeros((n, 1))
    return params


def he_init_with_normal(layer_dims, rng):
    params = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        params[f"b{l}"] = np.zeros((n, 1))
        params[f"W{l}"] = rng.normal(0.0, np.sqrt(2.0 / n_prev), size=(n, n_prev))
    return params


def he_init_fan_out(layer_dims, rng):  # sqrt(2 / n[l]) instead of sqrt(2 / n[l-1])
    return {k: v * np.sqrt(layer_dims[int(k[1:]) - 1] / layer_dims[int(k[1:])])
            if k[0] == "W" else v for k, v in he_init(layer_dims, rng).items()}


def he_init_variance_as_std(layer_dims, rng):  # scale 2 / n instead of sqrt(2 / n)
    params = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        params[f"W{l}"] = rng.standard_normal((n, n_prev)) * (2 / n_prev)
        params[f"b{l}"] = np.zeros((n, 1))
    return params


def xavier_instead(layer_dims, rng):
    params = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        params[f"W{l}"] = rng.standard_normal((n, n_prev)) / np.sqrt(n_prev)
        params[f"b{l}"] = np.zeros((n, 1))
    return params


def he_init_unscaled(layer_dims, rng):
    return {f"{p}{l}": rng.standard_normal((n, n_prev)) if p == "W" else np.zeros((n, 1))
            for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:]), start=1)
            for p in "Wb"}


def he_init_transposed(layer_dims, rng):  # W of shape (n[l-1], n[l])
    return {k: (v.T if k.startswith("W") else v) for k, v in he_init(layer_dims, rng).items()}


def he_init_flat_biases(layer_dims, rng):
    return {k: (v.ravel() if k.startswith("b") else v) for k, v in he_init(layer_dims, rng).items()}


def he_init_random_biases(layer_dims, rng):
    params = he_init(layer_dims, rng)
    for l in range(1, len(layer_dims)):
        params[f"b{l}"] = 0.01 * rng.standard_normal((layer_dims[l], 1))
    return params


def he_init_from_np_random(layer_dims, rng):
    return he_init(layer_dims, np.random.default_rng())


def he_init_fixed_seed(layer_dims, rng):
    return he_init(layer_dims, np.random.default_rng(42))


def log_uniform(low, high, size, rng):  # the worked solution
    return 10 ** rng.uniform(np.log10(low), np.log10(high), size)


def log_uniform_natural_log(low, high, size, rng):  # the same distribution, base e
    return np.exp(rng.uniform(np.log(low), np.log(high), size))


def uniform_instead(low, high, size, rng):
    return rng.uniform(low, high, size)


def log_uniform_wrong_range(low, high, size, rng):  # 10^U(low, high)
    return 10 ** rng.uniform(low, high, size)


def log_uniform_exponents(low, high, size, rng):  # forgets to raise 10 to them
    return rng.uniform(np.log10(low), np.log10(high), size)


def log_uniform_grid(low, high, size, rng):
    return np.logspace(np.log10(low), np.log10(high), size)


def log_uniform_mixed_bases(low, high, size, rng):
    return np.exp(rng.uniform(np.log10(low), np.log10(high), size))


def log_uniform_list(low, high, size, rng):
    return [10 ** rng.uniform(np.log10(low), np.log10(high)) for _ in range(size)]


def log_uniform_fixed_seed(low, high, size, rng):
    return log_uniform(low, high, size, np.random.default_rng(0))


def update_ratio(w_before, w_after):  # the worked solution
    return np.std(w_after - w_before) / np.std(w_before)


def update_ratio_from_variances(w_before, w_after):
    return float(np.sqrt(np.var(w_after - w_before) / np.var(w_before)))


def update_ratio_of_norms(w_before, w_after):  # ||w_after|| / ||w_before||: not the update
    return np.linalg.norm(w_after) / np.linalg.norm(w_before)


def update_ratio_upside_down(w_before, w_after):
    return np.std(w_before) / np.std(w_after - w_before)


def update_ratio_over_w_after(w_before, w_after):
    return np.std(w_after - w_before) / np.std(w_after)


def update_ratio_of_spreads(w_before, w_after):
    return np.std(w_after) / np.std(w_before) - 1


def update_ratio_of_means(w_before, w_after):
    return np.mean(np.abs(w_after - w_before)) / np.mean(np.abs(w_before))


EXERCISES = [
    Exercise(check_he_initialization, [he_init, he_init_with_normal], [
        (he_init_fan_out, "the divisor is n[l], the layer's outputs"),
        (he_init_variance_as_std, "scale by its square root"),
        (xavier_instead, "(Xavier's, LeCun's): He's has a 2"),
        (he_init_unscaled, "the weights are N(0, 1): scale them by np.sqrt(2 / n[l-1])"),
        (he_init_transposed, "W1 has shape (400, 100), expected (100, 400): it is transposed"),
        (he_init_flat_biases, "b1 has shape (100,), expected (100, 1): keep b a column"),
        (he_init_random_biases, "b1 is not all zeros"),
        (he_init_from_np_random, "draw from the rng passed in"),
        (he_init_fixed_seed, "it ignores the rng passed in"),
    ]),
    Exercise(check_log_uniform, [log_uniform, log_uniform_natural_log], [
        (uniform_instead, "uniform between low and high, not on a log scale"),
        (log_uniform_wrong_range, "the exponent was drawn between low and high themselves"),
        (log_uniform_exponents, "the draws are the exponents: return 10 ** exponent"),
        (log_uniform_grid, "the draws are an evenly spaced grid (np.logspace?)"),
        (log_uniform_mixed_bases, "np.exp of an exponent drawn between log10 bounds"),
        (log_uniform_list, "return a NumPy array (np.asarray(...)), got a list"),
        (log_uniform_fixed_seed, "it ignores the rng passed in"),
    ]),
    Exercise(check_update_ratio, [update_ratio, update_ratio_from_variances], [
        (update_ratio_of_norms, "the update is the difference"),
        (update_ratio_upside_down, "the ratio is upside down"),
        (update_ratio_over_w_after, "divided by std(w_after)"),
        (update_ratio_of_spreads, "compares the spreads, not the update"),
        (update_ratio_of_means, "a ratio of mean absolute values"),
    ], wrong_type="expected a single number"),
]

globals().update(contract_tests(EXERCISES))
