import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from utils import (
    AdalineGD,
    AdalineSGD,
    LogisticRegressionGD,
    Perceptron,
    plot_cost,
    plot_decision_regions,
    standardize,
)

MODELS = [
    Perceptron(eta=0.1, epochs=10),
    AdalineGD(alpha=0.01, epochs=20),
    AdalineSGD(alpha=0.01, epochs=20, shuffle=True, random_state=1),
    LogisticRegressionGD(alpha=0.5, epochs=200),
]


def labels_for(model, y):
    return np.where(y == 1, 1, 0) if isinstance(model, LogisticRegressionGD) else y


@pytest.mark.parametrize("model", MODELS, ids=lambda m: type(m).__name__)
def test_clone_get_and_set_params(model):
    copy = clone(model)
    assert copy.get_params() == model.get_params()
    name = "eta" if isinstance(model, Perceptron) else "alpha"
    assert copy.set_params(**{name: 0.123}).get_params()[name] == 0.123


@pytest.mark.parametrize("model", MODELS, ids=lambda m: type(m).__name__)
def test_pipeline_and_cross_validation(model, iris):
    X, y = iris
    scores = cross_val_score(make_pipeline(StandardScaler(), model), X, labels_for(model, y), cv=5)
    assert scores.shape == (5,) and scores.min() == 1.0


def test_standardize_matches_sklearn_standard_scaler(iris):
    X, _ = iris
    np.testing.assert_allclose(standardize(X), StandardScaler().fit_transform(X), rtol=1e-12)


def test_standardize_rejects_a_constant_feature():
    with pytest.raises(ValueError, match="constant"):
        standardize(np.array([[1.0, 2.0], [1.0, 3.0]]))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: type(m).__name__)
def test_mlxtend_decision_regions_draw(model, iris_std):
    X, y = iris_std
    fig, ax = plt.subplots()
    plot_decision_regions(X, labels_for(model, y), clf=clone(model).fit(X, labels_for(model, y)),
                          ax=ax, title="t", xlabel="x", ylabel="y")
    assert len(ax.collections) >= 2 and ax.get_xlabel() == "x"
    plt.close(fig)


def test_plot_cost_chooses_a_log_scale_for_a_diverging_run():
    fig, (lin, log, inf) = plt.subplots(1, 3)
    plot_cost([3.0, 2.0, 1.0], ax=lin)
    plot_cost([1.0, 1e2, 1e5], ax=log)
    plot_cost([1.0, 1e2, np.inf], ax=inf)
    assert (lin.get_yscale(), log.get_yscale(), inf.get_yscale()) == ("linear", "log", "log")
    assert len(inf.lines[0].get_xdata()) == 2 and inf.texts
    plt.close(fig)
