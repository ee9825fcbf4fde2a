"""The Iris data of the lecture, read offline from ``data/iris.data``."""
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

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


def make_flower(m=400, petals=4, noise=0.2, random_state=1):
    """A two-class "flower" in the plane that no straight line separates.

    Each class fills alternate petals of the rose curve r = 4 sin(petals t), with Gaussian
    noise of standard deviation ``noise`` on the angle and the radius. Returns X of shape
    (2, m), one example per column as on the slides, and y of shape (m,) with labels 0, 1
    (the first m // 2 examples are class 0).
    """
    rng = np.random.default_rng(random_state)
    half = m // 2
    X = np.empty((2, 2 * half))
    y = np.repeat([0, 1], half)
    for label in (0, 1):
        t = np.linspace(label * 3.12, (label + 1) * 3.12, half) + noise * rng.standard_normal(half)
        r = 4 * np.sin(petals * t) + noise * rng.standard_normal(half)
        X[:, label * half:(label + 1) * half] = r * np.sin(t), r * np.cos(t)
    return X, y
