"""Exercise checks of notebook 13, hyper-parameters.

Initial weights and random draws are checked by their distribution (a student's code
may draw in any order), the update-to-data ratio by its formula.
"""
import math

import numpy as np
from scipy import stats

from ._runner import Failure, run_cases


def check_he_initialization(he_init):
    """Check ``he_init(layer_dims, rng)`` -> params with "W{l}" of shape (n[l], n[l-1])
    drawn from N(0, 2 / n[l-1]) and "b{l}" of shape (n[l], 1) filled with zeros, drawn
    from the Generator rng. Every layer holds at least 20,000 weights, so their standard
    deviation must be within 5 % of He's sqrt(2 / n[l-1])."""
    cases = [
        {"layer_dims": [400, 100, 200, 300], "rng": 0},
        {"layer_dims": [50, 800, 100], "rng": 1},
    ]
    run_cases("he_init", he_init, cases, judge=_judge_he, seeds=("rng",))


def _judge_he(params, case):
    dims = case["layer_dims"]
    keys = [f"{p}{l}" for l in range(1, len(dims)) for p in "Wb"]
    if not isinstance(params, dict):
        raise Failure(f"he_init returned {type(params).__name__}; expected a dict with keys "
                      f"{keys}", f"a dict with keys {keys}", type(params).__name__)
    missing = [k for k in keys if k not in params]
    if missing:
        raise Failure(f"the dict returned has no key {missing[0]!r}", f"keys {keys}",
                      f"keys {list(params)}")
    for l in range(1, len(dims)):
        n, n_prev = dims[l], dims[l - 1]
        W, b = params[f"W{l}"], params[f"b{l}"]
        for name, value, shape in ((f"W{l}", W, (n, n_prev)), (f"b{l}", b, (n, 1))):
            if isinstance(value, (list, tuple)):
                raise Failure(f"{name}: return a NumPy array (np.asarray(...)), got a "
                              f"{type(value).__name__}", f"an array of shape {shape}",
                              type(value).__name__)
            if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf":
                raise Failure(f"{name} is {type(value).__name__}, not a NumPy array of "
                              f"numbers", f"an array of shape {shape}", type(value).__name__)
            if value.shape != shape:
                hint = (": it is transposed; W[l] has shape (n[l], n[l-1])"
                        if value.shape == shape[::-1] and name.startswith("W") else
                        ": keep b a column, np.zeros((n, 1))" if value.shape == (n,) else "")
                raise Failure(f"{name} has shape {value.shape}, expected {shape}{hint}",
                              f"shape {shape}", f"shape {value.shape}")
        if np.any(b != 0):
            raise Failure(f"b{l} is not all zeros: He initialisation sets the biases to 0",
                          "zeros", f"largest |b| {np.abs(b).max():.3g}")
        he = math.sqrt(2 / n_prev)
        std, mean = float(np.std(W)), float(np.mean(W))
        if abs(mean) > 0.05 * he:
            raise Failure(f"W{l} has mean {mean:.3g}: He's weights are centred on 0",
                          f"mean about 0 (std {he:.4g})", f"mean {mean:.4g}")
        if abs(std / he - 1) < 0.05:
            continue
        known = [(math.sqrt(2 / n), "the divisor is n[l], the layer's outputs: He's "
                                    "variance is 2 / n[l-1], the number of its inputs"),
                 (2 / n_prev, "the weights were scaled by the variance 2 / n[l-1]: scale "
                              "by its square root, np.sqrt(2 / n[l-1])"),
                 (math.sqrt(1 / n_prev), "the standard deviation is sqrt(1 / n[l-1]) "
                                         "(Xavier's, LeCun's): He's has a 2, sqrt(2 / n[l-1])"),
                 (1.0, "the weights are N(0, 1): scale them by np.sqrt(2 / n[l-1])")]
        problem = next((sentence for value, sentence in known if abs(std / value - 1) < 0.05),
                       f"W{l} has the wrong spread")
        raise Failure(problem, f"std(W{l}) = {he:.4g}", f"std(W{l}) = {std:.4g}")


def check_log_uniform(log_uniform):
    """Check ``log_uniform(low, high, size, rng)`` -> a NumPy array of ``size`` random draws
    with log10(draw) uniform between log10(low) and log10(high), drawn from the Generator
    rng. A Kolmogorov-Smirnov test judges the logarithms of the draws."""
    cases = [
        {"low": 1e-4, "high": 1.0, "size": 2000, "rng": 2},
        {"low": 0.5, "high": 0.999, "size": 2000, "rng": 3},
        {"low": 1e-6, "high": 1e-5, "size": 2000, "rng": 4},
    ]
    run_cases("log_uniform", log_uniform, cases, judge=_judge_log_uniform, seeds=("rng",))


def _judge_log_uniform(draws, case):
    low, high, size = case["low"], case["high"], case["size"]
    wanted = f"{size} draws between {low:g} and {high:g}, uniform on a log scale"
    if isinstance(draws, (list, tuple)):
        raise Failure("the draws: return a NumPy array (np.asarray(...)), got a "
                      f"{type(draws).__name__}", wanted, type(draws).__name__)
    if not isinstance(draws, np.ndarray) or draws.dtype.kind not in "biuf":
        raise Failure(f"the draws are {type(draws).__name__}, not a NumPy array of numbers",
                      wanted, type(draws).__name__)
    if draws.shape != (size,):
        raise Failure(f"the draws have shape {draws.shape}, expected ({size},)", wanted,
                      f"shape {draws.shape}")
    draws = draws.astype(float)
    lo, hi = math.log10(low), math.log10(high)
    if not np.all(np.isfinite(draws)):
        raise Failure("some draws are NaN or infinite", wanted, "NaN or infinity")
    got = f"draws between {draws.min():.4g} and {draws.max():.4g}"
    if np.all((draws >= lo - 1e-9) & (draws <= hi + 1e-9)) and draws.min() < low:
        raise Failure("the draws are the exponents: return 10 ** exponent", wanted, got)
    if not np.all(draws > 0):
        raise Failure("some draws are not positive", wanted, got)
    logs = np.log10(draws)
    if logs.min() < lo - 1e-12 or logs.max() > hi + 1e-12:
        if (np.all((logs >= low - 1e-9) & (logs <= high + 1e-9))):
            problem = ("the exponent was drawn between low and high themselves: draw it "
                       "between np.log10(low) and np.log10(high)")
        elif np.all((np.log(draws) >= lo - 1e-9) & (np.log(draws) <= hi + 1e-9)):
            problem = ("np.exp of an exponent drawn between log10 bounds: raise 10 to it, "
                       "10 ** exponent (or use np.log and np.exp together)")
        else:
            problem = "some draws lie outside [low, high]"
        raise Failure(problem, wanted, got)
    steps = np.diff(np.sort(logs))
    if np.allclose(steps, steps.mean(), rtol=1e-6, atol=1e-12):
        raise Failure("the draws are an evenly spaced grid (np.logspace?), not random draws: "
                      "draw the exponents with rng.uniform", wanted, "an evenly spaced grid")
    if stats.kstest(logs, stats.uniform(lo, hi - lo).cdf).pvalue > 1e-3:
        return
    if stats.kstest(draws, stats.uniform(low, high - low).cdf).pvalue > 1e-3:
        problem = ("the draws are uniform between low and high, not on a log scale: draw "
                   "the exponent uniformly, then raise 10 to it")
    elif stats.kstest(np.log(draws), stats.uniform(lo, hi - lo).cdf).pvalue > 1e-3:
        problem = ("np.exp of an exponent drawn between log10 bounds: raise 10 to it, "
                   "10 ** exponent (or use np.log and np.exp together)")
    else:
        problem = "the logarithms of the draws are not uniform (Kolmogorov-Smirnov p < 0.001)"
    raise Failure(problem, wanted, got)


def check_update_ratio(update_ratio):
    """Check ``update_ratio(w_before, w_after)`` -> std(w_after - w_before) / std(w_before),
    a number."""
    rng = np.random.default_rng(5)

    def expected(w_before, w_after):
        return float(np.std(w_after - w_before) / np.std(w_before))

    mistakes = [
        (lambda w_before, w_after: np.linalg.norm(w_after) / np.linalg.norm(w_before),
         "this compares the weights after with the weights before; the update is the "
         "difference, std(w_after - w_before) / std(w_before)"),
        (lambda w_before, w_after: np.std(w_before) / np.std(w_after - w_before),
         "the ratio is upside down: std(update) / std(data)"),
        (lambda w_before, w_after: np.std(w_after - w_before) / np.std(w_after),
         "divided by std(w_after): the data is the array before the step, std(w_before)"),
        (lambda w_before, w_after: np.std(w_after) / np.std(w_before) - 1,
         "std(w_after) / std(w_before) - 1 compares the spreads, not the update: take the "
         "std of the difference, w_after - w_before"),
        (lambda w_before, w_after: np.mean(np.abs(w_after - w_before)) / np.mean(
            np.abs(w_before)),
         "this is a ratio of mean absolute values; the exercise asks for the ratio of "
         "standard deviations (np.std)"),
    ]
    w = rng.normal(size=(20, 30))
    cases = [
        {"w_before": w, "w_after": w - 1e-3 * rng.normal(size=(20, 30))},
        {"w_before": 5.0 + w, "w_after": 5.0 + w + 0.1 * rng.normal(size=(20, 30))},
        {"w_before": rng.normal(size=(4, 1)), "w_after": rng.normal(size=(4, 1))},
    ]
    run_cases("update_ratio", update_ratio, cases, expected, outputs="ratio",
              mistakes=mistakes)
