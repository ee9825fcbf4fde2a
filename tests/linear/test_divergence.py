"""Every trainer warns once, at the caller's line, when training diverges; never NaN weights."""
import inspect
import warnings

import numpy as np
import pytest

from utils import AdalineGD, AdalineSGD, LogisticRegressionGD, Perceptron
from utils.validation import DivergenceWarning

X_OK = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0]])
Y_PM = np.array([-1, -1, 1, 1])

# (model, X, y) that overflow float64: the minimal reproductions
OVERFLOWING = [
    (Perceptron(eta=1e308, epochs=5), X_OK, Y_PM),
    (AdalineGD(alpha=1e308, epochs=5), X_OK, Y_PM),
    (AdalineSGD(alpha=1e308, epochs=5), X_OK, Y_PM),
    (LogisticRegressionGD(alpha=1e308, epochs=5), X_OK, [0, 0, 1, 1]),
]


def one_divergence_warning(record):
    """The single warning of a run: a DivergenceWarning; no NumPy RuntimeWarning."""
    assert [w.category for w in record] == [DivergenceWarning], [str(w.message) for w in record]
    return record[0]


@pytest.mark.parametrize("model, X, y", OVERFLOWING, ids=lambda v: repr(v)[:40])
def test_overflow_stops_with_finite_weights_and_one_warning(model, X, y):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        model.fit(X, y)
    assert "diverged" in str(one_divergence_warning(record).message)
    assert np.isfinite(model.w_).all() and np.isfinite(getattr(model, "b_", 0.0))
    assert set(np.unique(model.predict(X_OK))) <= set(model.classes)


def test_huge_X_grows_the_cost_without_nan():
    model = LogisticRegressionGD(epochs=5)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        model.fit([[1e300], [1.0]], [1, 0])
    assert "diverged" in str(one_divergence_warning(record).message)
    assert np.isfinite(model.cost_).all() and np.isfinite(model.w_).all()


def test_partial_fit_overflow_keeps_finite_weights():
    model = AdalineSGD(alpha=1e308)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        model.partial_fit(X_OK, Y_PM)
        model.partial_fit(X_OK, Y_PM)
    assert all(w.category is DivergenceWarning for w in record) and record
    assert np.isfinite(model.w_).all()


@pytest.mark.parametrize("model", [AdalineGD(alpha=0.1, epochs=10),
                                   AdalineSGD(alpha=0.5, epochs=10, batch_size=4),
                                   LogisticRegressionGD(alpha=50.0, epochs=10)],
                         ids=lambda m: type(m).__name__)
def test_a_growing_cost_warns_once_without_overflow(model):
    y = [0, 0, 1, 1] if isinstance(model, LogisticRegressionGD) else Y_PM
    X = X_OK * 10
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        model.fit(X, y)
    assert "grew from" in str(one_divergence_warning(record).message)
    assert max(model.cost_) > model.cost_[0] and np.isfinite(model.cost_).all()


def test_converging_training_does_not_warn(iris_std):
    X, y = iris_std
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        AdalineGD(alpha=0.01, epochs=20).fit(X, y)
        AdalineSGD(alpha=0.01, epochs=20, shuffle=True, random_state=1).fit(X, y)
        LogisticRegressionGD(alpha=0.5, epochs=50).fit(X, np.where(y == 1, 1, 0))


@pytest.mark.parametrize("method", ["fit", "train", "partial_fit"])
@pytest.mark.parametrize("cls", [Perceptron, AdalineGD, AdalineSGD, LogisticRegressionGD])
def test_the_warning_points_at_the_callers_line(cls, method):
    if not hasattr(cls, method):
        pytest.skip(f"{cls.__name__} has no {method}")
    name = "eta" if cls is Perceptron else "alpha"
    model = cls(**{name: 1e308})
    X, y = (X_OK, [0, 0, 1, 1]) if cls is LogisticRegressionGD else (X_OK, Y_PM)
    with pytest.warns(DivergenceWarning) as record:
        line = inspect.currentframe().f_lineno + 1
        getattr(model, method)(X, y)
    assert record[0].filename == __file__ and record[0].lineno == line


def test_the_warning_class_filters_apart_from_numpys():
    assert issubclass(DivergenceWarning, RuntimeWarning) and DivergenceWarning is not RuntimeWarning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", DivergenceWarning)
        AdalineGD(alpha=1e308, epochs=3).fit(X_OK, Y_PM)
