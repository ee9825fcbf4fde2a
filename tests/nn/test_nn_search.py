"""Grid and random search: the draws follow the scale they claim, reproducibly."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from utils.nn.search import (
    LogUniform,
    Uniform,
    best_config,
    grid_configs,
    grid_search,
    random_configs,
    random_search,
)


def test_log_uniform_draws_are_uniform_in_log10():
    draws = LogUniform(1e-5, 1e-1).sample(np.random.default_rng(0), 2000)
    assert draws.min() >= 1e-5 and draws.max() <= 1e-1
    # Kolmogorov-Smirnov: log10 of the draws against U(-5, -1) ...
    assert stats.kstest(np.log10(draws), stats.uniform(-5, 4).cdf).pvalue > 0.01
    # ... while the draws themselves are far from U(1e-5, 1e-1) (the test has the power).
    assert stats.kstest(draws, stats.uniform(1e-5, 1e-1 - 1e-5).cdf).pvalue < 1e-6
    # Each decade gets about a quarter of the draws.
    per_decade = np.histogram(np.log10(draws), bins=[-5, -4, -3, -2, -1])[0]
    np.testing.assert_allclose(per_decade / 2000, 0.25, atol=0.04)


def test_random_search_draws_on_its_log_scale():
    space = {"learning_rate": LogUniform(1e-4, 1.0), "hidden_units": [16, 32, 64]}
    configs = random_configs(space, 1000, random_state=1)
    log_lr = np.log10([c["learning_rate"] for c in configs])
    assert stats.kstest(log_lr, stats.uniform(-4, 4).cdf).pvalue > 0.01
    counts = np.unique([c["hidden_units"] for c in configs], return_counts=True)[1]
    assert stats.chisquare(counts).pvalue > 0.01
    assert all(type(c["hidden_units"]) is int for c in configs)


def test_uniform_draws_are_uniform():
    draws = Uniform(0.8, 0.99).sample(np.random.default_rng(2), 1000)
    assert stats.kstest(draws, stats.uniform(0.8, 0.19).cdf).pvalue > 0.01


def test_random_search_is_reproducible_with_a_seed():
    space = {"learning_rate": LogUniform(1e-4, 1.0), "momentum": Uniform(0.8, 0.99)}
    assert random_configs(space, 5, random_state=3) == random_configs(space, 5, random_state=3)
    assert random_configs(space, 5, random_state=3) != random_configs(space, 5, random_state=4)


def test_grid_is_every_combination_on_a_log_scale():
    configs = grid_configs({"learning_rate": LogUniform(1e-3, 1e-1), "l2": [0.0, 0.1]}, 3)
    assert len(configs) == 6
    np.testing.assert_allclose(sorted({c["learning_rate"] for c in configs}),
                               [1e-3, 1e-2, 1e-1], rtol=1e-12)
    assert {c["l2"] for c in configs} == {0.0, 0.1}


def score(config):
    """A made-up validation score that peaks at learning_rate = 1e-2, hidden_units = 64."""
    return {"val_acc": 1 - (math.log10(config["learning_rate"]) + 2) ** 2 / 10
            - abs(config["hidden_units"] - 64) / 1000}


def test_results_table_and_best_config():
    space = {"learning_rate": LogUniform(1e-4, 1.0), "hidden_units": [16, 64, 256]}
    results = grid_search(score, space, points=5)
    assert isinstance(results, pd.DataFrame)
    assert list(results.columns) == ["learning_rate", "hidden_units", "val_acc"]
    assert len(results) == 15
    best = best_config(results, "val_acc")
    assert best == {"learning_rate": pytest.approx(1e-2), "hidden_units": 64}
    assert type(best["hidden_units"]) is int
    worst = best_config(results, "val_acc", higher_is_better=False)
    assert worst["hidden_units"] == 256
    assert abs(math.log10(worst["learning_rate"]) + 2) == pytest.approx(2)  # 1e-4 or 1


def test_random_search_finds_a_good_config_and_skips_nan():
    space = {"learning_rate": LogUniform(1e-4, 1.0), "hidden_units": [64]}

    def diverges_above_0_1(config):
        return np.nan if config["learning_rate"] > 0.1 else score(config)["val_acc"]

    results = random_search(diverges_above_0_1, space, n_trials=30, random_state=0)
    assert list(results.columns) == ["learning_rate", "hidden_units", "score"]
    assert results["score"].isna().any()
    best = best_config(results)
    assert abs(math.log10(best["learning_rate"]) + 2) < 0.5


def test_evaluate_receives_a_copy():
    def spoil(config):
        config["learning_rate"] = -1
        return 0.0

    results = grid_search(spoil, {"learning_rate": [0.1]})
    assert results.loc[0, "learning_rate"] == 0.1


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: LogUniform(0, 1), ValueError, "log scale needs low > 0"),
        (lambda: LogUniform(1, 0.1), ValueError, "finite low < high"),
        (lambda: Uniform("0", 1), TypeError, "low must be a number"),
        (lambda: grid_configs([0.1, 0.2]), TypeError, "space must be a non-empty dict"),
        (lambda: grid_configs({"lr": 0.1}), TypeError, r"space\['lr'\] must be a LogUniform"),
        (lambda: grid_configs({"lr": []}), TypeError, "non-empty list"),
        (lambda: grid_configs({"lr": [0.1]}, points=0), ValueError, "points must be >= 1"),
        (lambda: random_configs({"lr": [0.1]}, 2.0), TypeError, "n_trials must be a whole"),
        (lambda: grid_search("train", {"lr": [0.1]}), TypeError, "evaluate must be a function"),
        (lambda: grid_search(lambda c: "good", {"lr": [0.1]}), TypeError,
         "a number or a dict of numbers.*score='good'"),
        (lambda: best_config(pd.DataFrame({"lr": [0.1], "acc": [0.5]}), "val_acc"),
         ValueError, r"one of the columns \['lr', 'acc'\]"),
        (lambda: best_config(pd.DataFrame({"lr": [0.1], "score": [np.nan]})), ValueError,
         "every trial's score is NaN"),
        (lambda: best_config([]), TypeError, "non-empty DataFrame"),
    ],
)
def test_bad_input(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_best_config_of_joined_tables():
    """pd.concat repeats index labels 0, 1, ...: the best row is found by position."""
    space = {"learning_rate": LogUniform(1e-4, 1.0), "hidden_units": [16, 64]}
    first = grid_search(score, space, points=2)
    second = random_search(score, space, n_trials=4, random_state=0)
    joined = pd.concat([first, second])
    best = best_config(joined, "val_acc")
    assert set(best) == {"learning_rate", "hidden_units"}
    position = int(np.argmax(joined["val_acc"].to_numpy()))
    assert best["learning_rate"] == joined["learning_rate"].iloc[position]
