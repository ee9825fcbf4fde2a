"""The learning-rate range test on a model whose stable learning rates are known."""
import numpy as np
import pytest

from utils.nn.lr_finder import lr_range_test, suggest_learning_rate


class LeastSquares:
    """Linear regression, loss = mean over examples of ||W x - t||^2 / 2.

    Gradient descent on it is stable for lr < 2 / lambda_max(X X^T / m) and diverges above.
    """

    def __init__(self, rng, n_x=5):
        self.params = {"W1": rng.normal(size=(1, n_x))}

    def loss(self, X, t, mode="train"):
        error = self.params["W1"] @ X - t
        m = X.shape[1]
        return float(0.5 * np.sum(error**2) / m), {"dW1": error @ X.T / m}


@pytest.fixture
def problem(rng):
    X = rng.normal(size=(5, 400)) * np.array([[3.0], [1.0], [1.0], [0.5], [0.2]])
    t = np.array([[1.0, -2.0, 0.5, 0.0, 3.0]]) @ X
    lambda_max = np.linalg.eigvalsh(X @ X.T / 400).max()
    return LeastSquares(rng), X, t[0], 2 / lambda_max


def test_rates_grow_geometrically_and_the_params_are_restored(problem):
    model, X, t, _ = problem
    W_before = model.params["W1"].copy()
    results = lr_range_test(model, X, t, min_lr=1e-4, max_lr=1e-2, steps=30, batch_size=50,
                            random_state=0)
    assert len(results) == 30  # no divergence below 1e-2
    rates = results["learning_rate"].to_numpy()
    assert rates[0] == pytest.approx(1e-4) and rates[-1] == pytest.approx(1e-2)
    np.testing.assert_allclose(rates[1:] / rates[:-1], (1e-2 / 1e-4) ** (1 / 29))
    np.testing.assert_array_equal(model.params["W1"], W_before)


def test_stops_once_past_the_stability_limit(problem):
    model, X, t, lr_stable = problem
    results = lr_range_test(model, X, t, min_lr=1e-4, max_lr=1e3, steps=200, batch_size=400,
                            random_state=0)
    assert len(results) < 200
    assert results["learning_rate"].iloc[-1] > lr_stable
    assert results["loss"].iloc[-1] > 4 * results["loss"].min()
    # the loss was falling below the limit, and the suggestion is a stable rate
    assert results["loss"].min() < 0.1 * results["loss"].iloc[0]
    assert suggest_learning_rate(results) < lr_stable


def test_same_seed_same_result(problem):
    model, X, t, _ = problem
    kwargs = {"min_lr": 1e-4, "max_lr": 1.0, "steps": 40, "batch_size": 32}
    first = lr_range_test(model, X, t, random_state=3, **kwargs)
    again = lr_range_test(model, X, t, random_state=3, **kwargs)
    other = lr_range_test(model, X, t, random_state=4, **kwargs)
    assert first.equals(again) and not first.equals(other)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"min_lr": 0.0}, ValueError, "min_lr must be a positive number"),
        ({"min_lr": 1.0, "max_lr": 0.1}, ValueError, "min_lr must be below max_lr"),
        ({"steps": 0}, ValueError, "steps must be >= 1"),
        ({"batch_size": 2.5}, TypeError, "batch_size must be a whole number"),
        ({"optimizer": "adamax"}, ValueError, "optimizer must be one of"),
    ],
)
def test_bad_input(problem, kwargs, error, message):
    model, X, t, _ = problem
    with pytest.raises(error, match=message):
        lr_range_test(model, X, t, **kwargs)
