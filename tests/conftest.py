import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from utils import load_setosa_versicolor, standardize  # noqa: E402


@pytest.fixture(scope="session")
def iris():
    """The lecture's problem: X of shape (100, 2), y in {-1, +1}."""
    return load_setosa_versicolor()


@pytest.fixture(scope="session")
def iris_std(iris):
    X, y = iris
    return standardize(X), y


@pytest.fixture
def rng():
    return np.random.default_rng(0)
