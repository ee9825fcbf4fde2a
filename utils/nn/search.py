"""Hyper-parameter search: grid search and random search, coarse to fine.

A search space is a dict from a hyper-parameter's name to the values it may take:

    space = {"learning_rate": LogUniform(1e-4, 1e0),   # a range, sampled on a log scale
             "hidden_units": [32, 64, 128]}            # a list: one of these values

``grid_search`` tries every combination (a range gives ``points`` log-spaced values);
``random_search`` draws ``n_trials`` configurations with a seeded Generator. Both call
``evaluate(config) -> score or dict of scores`` on each configuration and return a pandas
DataFrame with one row per trial; ``best_config`` reads the best one from it.

Why random beats grid (Bergstra and Bengio, 2012): when only a few hyper-parameters matter,
a 3 x 3 grid tries 3 values of the one that matters, 9 random trials try 9.
"""
import itertools
import math
import numbers

import numpy as np
import pandas as pd

from ..validation import validate_random_state
from ._checks import is_finite_number


class LogUniform:
    """A range [low, high] sampled uniformly on a log scale: log10(value) ~ U(log10 low,
    log10 high), so 1e-4 .. 1e-3 gets as many draws as 1e-1 .. 1e0. For learning rates,
    regularisation strengths: anything whose effect depends on its order of magnitude."""

    def __init__(self, low, high):
        _check_range(low, high, positive=True)
        self.low, self.high = float(low), float(high)

    def sample(self, rng, size=None):
        """size draws (a float if size is None) from the Generator rng."""
        return 10.0 ** rng.uniform(math.log10(self.low), math.log10(self.high), size)

    def grid(self, points):
        """points values evenly spaced on the log scale, from low to high."""
        return np.logspace(math.log10(self.low), math.log10(self.high), points).tolist()

    def __repr__(self):
        return f"LogUniform({self.low:g}, {self.high:g})"


class Uniform:
    """A range [low, high] sampled uniformly: for knobs whose effect is additive, such as
    a dropout keep probability or momentum between 0.8 and 0.99."""

    def __init__(self, low, high):
        _check_range(low, high, positive=False)
        self.low, self.high = float(low), float(high)

    def sample(self, rng, size=None):
        """size draws (a float if size is None) from the Generator rng."""
        return rng.uniform(self.low, self.high, size)

    def grid(self, points):
        """points values evenly spaced from low to high."""
        return np.linspace(self.low, self.high, points).tolist()

    def __repr__(self):
        return f"Uniform({self.low:g}, {self.high:g})"


def grid_configs(space, points=3):
    """Every combination of the space's values: a list of dicts, ranges cut in ``points``."""
    _check_space(space)
    _check_count("points", points)
    axes = [_values(v, points) for v in space.values()]
    return [dict(zip(space, combo)) for combo in itertools.product(*axes)]


def random_configs(space, n_trials, random_state=None):
    """n_trials configurations drawn independently, reproducibly for a given random_state.

    A range gives a draw from its distribution, a list one of its values (uniformly).
    """
    _check_space(space)
    _check_count("n_trials", n_trials)
    validate_random_state(random_state)
    rng = np.random.default_rng(random_state)
    return [{name: _draw(values, rng) for name, values in space.items()}
            for _ in range(n_trials)]


def grid_search(evaluate, space, points=3):
    """Evaluate every configuration of grid_configs(space, points); a DataFrame of results."""
    return run_trials(evaluate, grid_configs(space, points))


def random_search(evaluate, space, n_trials, random_state=None):
    """Evaluate n_trials configurations of random_configs; a DataFrame of results."""
    return run_trials(evaluate, random_configs(space, n_trials, random_state))


def run_trials(evaluate, configs):
    """A DataFrame with one row per configuration: its values, then evaluate(config).

    evaluate(config) returns a number (column "score") or a dict of numbers (one column
    each, e.g. {"train_acc": 0.99, "val_acc": 0.95}).
    """
    if not callable(evaluate):
        raise TypeError(f"evaluate must be a function evaluate(config) -> score; "
                        f"got {evaluate!r}")
    rows = []
    for config in configs:
        result = evaluate(dict(config))
        if not isinstance(result, dict):
            result = {"score": result}
        for key, value in result.items():
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not (
                    is_finite_number(value) or value != value):  # NaN != NaN
                raise TypeError(f"evaluate must return a number or a dict of numbers (finite, "
                                f"or NaN for a run that diverged); for {config} it returned "
                                f"{key}={value!r}")
        rows.append({**config, **result})
    results = pd.DataFrame(rows)
    # Which columns are hyper-parameters (the rest are scores), for best_config.
    results.attrs["hyperparameters"] = list(configs[0]) if configs else []
    return results


def best_config(results, metric="score", higher_is_better=True):
    """The configuration (a dict of the hyper-parameters only) with the best metric.

    results : a DataFrame from grid_search or random_search. NaN scores (a diverged run)
    never win.
    """
    if not isinstance(results, pd.DataFrame) or results.empty:
        raise TypeError("results must be a non-empty DataFrame from grid_search or "
                        f"random_search; got {type(results).__name__}")
    if metric not in results.columns:
        raise ValueError(f"metric must be one of the columns {list(results.columns)}; "
                         f"got {metric!r}")
    scores = results[metric]
    if scores.isna().all():
        raise ValueError(f"every trial's {metric} is NaN: no configuration trained")
    values = scores.to_numpy(dtype=float)
    best = np.nanargmax(values) if higher_is_better else np.nanargmin(values)
    names = results.attrs.get("hyperparameters") or list(results.columns)
    # By position (tables joined with pd.concat repeat index labels), column by column
    # (an integer column gives an int, not a float of a mixed row).
    return {name: _python_scalar(results[name].iloc[best]) for name in names}


def _python_scalar(value):
    return value.item() if isinstance(value, np.generic) else value


def _values(values, points):
    return values.grid(points) if isinstance(values, (LogUniform, Uniform)) else list(values)


def _draw(values, rng):
    if isinstance(values, (LogUniform, Uniform)):
        return float(values.sample(rng))
    return _python_scalar(values[rng.integers(len(values))])


def _check_space(space):
    if not isinstance(space, dict) or not space:
        raise TypeError("space must be a non-empty dict such as "
                        "{'learning_rate': LogUniform(1e-4, 1), 'hidden_units': [32, 64]}; "
                        f"got {space!r}")
    for name, values in space.items():
        if isinstance(values, (LogUniform, Uniform)):
            continue
        if not isinstance(values, (list, tuple)) or len(values) == 0:
            raise TypeError(f"space[{name!r}] must be a LogUniform, a Uniform or a non-empty "
                            f"list of values; got {values!r}")


def _check_count(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= 1; got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1; got {value}")


def _check_range(low, high, positive):
    for name, value in (("low", low), ("high", high)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be a number; got {value!r}")
    if positive and not low > 0:
        raise ValueError(f"a log scale needs low > 0; got low={low!r}")
    if not (is_finite_number(low) and is_finite_number(high) and low < high):
        raise ValueError(f"the range must have finite low < high; got low={low!r}, "
                         f"high={high!r}")
