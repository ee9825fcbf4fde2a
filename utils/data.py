"""The Iris data of the lecture, read offline from ``data/iris.data``."""
import hashlib
from pathlib import Path

import numpy as np

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
