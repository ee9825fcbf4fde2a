"""Exercise checks of notebook 14, practice: reading a classifier's mistakes."""
import numpy as np

from ._runner import allclose, run_cases


def _labels_cases():
    rng = np.random.default_rng(14)
    y_true = rng.integers(0, 10, 200)
    # Mostly right, as a trained network is, with some mistakes of every kind.
    y_pred = np.where(rng.random(200) < 0.8, y_true, rng.integers(0, 10, 200))
    return [
        {"y_true": np.array([0, 1, 2, 2]), "y_pred": np.array([0, 2, 2, 1]), "n_classes": 3},
        # A class that never occurs, and one that is never predicted: rows/columns of 0.
        {"y_true": np.array([0, 0, 3, 3, 3]), "y_pred": np.array([0, 1, 3, 3, 0]),
         "n_classes": 4},
        {"y_true": y_true, "y_pred": y_pred, "n_classes": 10},
    ]


def _confusion_loop(y_true, y_pred, n_classes):
    cm = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm


def check_confusion_matrix(confusion_matrix):
    """Check ``confusion_matrix(y_true, y_pred, n_classes)`` -> C of shape
    (n_classes, n_classes), C[i, j] = how many examples of true class i were predicted j
    (rows: truth, columns: prediction, as scikit-learn's confusion_matrix)."""
    run_cases("confusion_matrix", confusion_matrix, _labels_cases(), _confusion_loop, allclose)


def check_per_class_recall(per_class_recall):
    """Check ``per_class_recall(C)`` -> (n_classes,): for each true class i, the fraction of
    its examples predicted i, C[i, i] / sum_j C[i, j] (0 for a class with no example)."""

    def expected(C):
        return np.array([C[i, i] / C[i].sum() if C[i].sum() else 0.0
                         for i in range(len(C))])

    cases = [{"C": _confusion_loop(**case)} for case in _labels_cases()]
    run_cases("per_class_recall", per_class_recall, cases, expected, allclose)


def check_top_confusions(top_confusions):
    """Check ``top_confusions(C, k)`` -> the k largest off-diagonal entries of C as a list
    of (true, predicted, count) tuples, largest count first (ties: smaller true class,
    then smaller predicted class, first); only counts > 0, so fewer than k if C has fewer
    mistakes."""

    def expected(C, k):
        pairs = [(int(C[i, j]), i, j) for i in range(len(C)) for j in range(len(C))
                 if i != j and C[i, j] > 0]
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        return np.array([(i, j, c) for c, i, j in pairs[:k]], dtype=float).reshape(-1, 3)

    def close(got, want):
        return allclose(np.array(got, dtype=float).reshape(-1, 3), want)

    cases = [{"C": _confusion_loop(**case), "k": k}
             for case, k in zip(_labels_cases(), (2, 5, 5))]
    run_cases("top_confusions", top_confusions, cases, expected, close)
