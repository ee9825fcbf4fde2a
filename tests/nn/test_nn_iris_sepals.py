"""The small Iris problem of notebooks 9 and 10."""
import numpy as np

from utils import load_iris_sepals, read_iris, split_columns


def test_shapes_labels_and_stratification():
    X_train, X_val, y_train, y_val = load_iris_sepals()
    assert X_train.shape == (2, 60) and X_val.shape == (2, 90)
    assert y_train.shape == (60,) and y_val.shape == (90,)
    np.testing.assert_array_equal(np.bincount(y_train), [20, 20, 20])
    np.testing.assert_array_equal(np.bincount(y_val), [30, 30, 30])


def test_standardised_with_the_training_statistics_only():
    X_train, X_val, _, _ = load_iris_sepals()
    np.testing.assert_allclose(X_train.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(X_train.std(axis=1), 1, rtol=1e-12)
    assert np.abs(X_val.mean(axis=1)).max() > 1e-3


def test_the_points_are_the_irises_sepals_scaled_by_the_training_part():
    X_train, X_val, y_train, y_val = load_iris_sepals()
    iris = read_iris()
    sepals = iris.iloc[:, [0, 1]].to_numpy(dtype=float).T
    species = np.unique(iris.iloc[:, 4], return_inverse=True)[1]
    raw_train, raw_val, _, _ = split_columns(sepals, species, test_size=0.6, random_state=1)
    mean, std = raw_train.mean(axis=1, keepdims=True), raw_train.std(axis=1, keepdims=True)
    np.testing.assert_allclose(X_train * std + mean, raw_train, rtol=1e-12)
    np.testing.assert_allclose(X_val * std + mean, raw_val, rtol=1e-12)
    assert set(y_train) == set(y_val) == {0, 1, 2}
