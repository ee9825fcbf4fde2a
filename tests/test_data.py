import hashlib
import shutil

import numpy as np
import pytest
from mlxtend.data import iris_data

from utils import IRIS_PATH, load_setosa_versicolor, read_iris


def test_iris_file_is_the_uci_file():
    # The UCI file's published MD5, independent of the SHA-256 the loader checks.
    assert hashlib.md5(IRIS_PATH.read_bytes()).hexdigest() == "42615765a885ddf54427f12c34a0a070"


def test_read_iris_gives_the_whole_table():
    df = read_iris()
    assert df.shape == (150, 5)
    assert df[4].value_counts().to_dict() == {
        "Iris-setosa": 50,
        "Iris-versicolor": 50,
        "Iris-virginica": 50,
    }


def test_lecture_problem_matches_mlxtend_copy_of_uci_iris(iris):
    X, y = iris
    X_uci, y_uci = iris_data(version="uci")
    assert X.shape == (100, 2) and y.shape == (100,)
    np.testing.assert_array_equal(X, X_uci[:100][:, [0, 2]])
    np.testing.assert_array_equal(y, np.where(y_uci[:100] == 0, -1, 1))


def test_missing_file_says_how_to_restore(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.*git checkout"):
        load_setosa_versicolor(tmp_path / "iris.data")


def test_corrupt_file_is_caught_by_checksum(tmp_path):
    path = tmp_path / "iris.data"
    shutil.copy(IRIS_PATH, path)
    text = path.read_text()
    path.write_text(text.replace("5.1,3.5,1.4,0.2", "5.1,3.5,1.4,0.3", 1))
    with pytest.raises(ValueError, match="corrupt.*SHA-256.*git checkout"):
        load_setosa_versicolor(path)


def test_truncated_file_is_caught_by_checksum(tmp_path):
    path = tmp_path / "iris.data"
    path.write_bytes(IRIS_PATH.read_bytes()[:1000])
    with pytest.raises(ValueError, match="corrupt"):
        read_iris(path)
