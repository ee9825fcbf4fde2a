"""Exercise checks of notebook 14, practice: reading a classifier's mistakes."""
import numpy as np

from ._runner import run_cases


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
        # The last class occurs nowhere: the size must come from n_classes.
        {"y_true": np.array([0, 1, 1, 2, 1]), "y_pred": np.array([0, 1, 0, 2, 1]),
         "n_classes": 5},
    ]


def _confusion_loop(y_true, y_pred, n_classes):
    cm = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm


def _fancy_increment(y_true, y_pred, n_classes):
    C = np.zeros((n_classes, n_classes), dtype=int)
    C[y_true, y_pred] += 1
    return C


def check_confusion_matrix(confusion_matrix):
    """Check ``confusion_matrix(y_true, y_pred, n_classes)`` -> C, a NumPy array of shape
    (n_classes, n_classes), C[i, j] = how many examples of true class i were predicted j
    (rows: truth, columns: prediction, as scikit-learn's confusion_matrix)."""
    mistakes = [
        (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes).T,
         "C is transposed: rows are the true classes, columns the predictions"),
        (_fancy_increment,
         "a pair that occurs twice was counted once (C[y_true, y_pred] += 1 does that): "
         "use np.add.at(C, (y_true, y_pred), 1) or a loop"),
        (lambda y_true, y_pred, n_classes: _confusion_loop(
            y_true, y_pred, max(np.max(y_true), np.max(y_pred)) + 1),
         "C's size comes from the labels present: take it from n_classes, since a class "
         "may never occur in a batch"),
        (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes)
         / len(y_true),
         "C holds fractions: count the examples (whole numbers)"),
    ]
    run_cases("confusion_matrix", confusion_matrix, _labels_cases(), _confusion_loop,
              outputs="C", mistakes=mistakes)


def check_per_class_recall(per_class_recall):
    """Check ``per_class_recall(C)`` -> a NumPy array (n_classes,): for each true class i,
    the fraction of its examples predicted i, C[i, i] / sum_j C[i, j] (0 for a class with
    no example)."""

    def expected(C):
        return np.array([C[i, i] / C[i].sum() if C[i].sum() else 0.0
                         for i in range(len(C))])

    mistakes = [
        (lambda C: np.diag(C) / np.maximum(C.sum(axis=0), 1),
         "this is the precision (divided by the column sums, the predictions): recall "
         "divides by the row sums, the examples of each true class"),
        (lambda C: np.diag(C) / C.sum(axis=1),
         "a class with no example gives NaN (0 / 0): return 0 for it"),
        (lambda C: np.diag(C) / C.sum(),
         "divided by the number of all examples: divide by the examples of each true "
         "class, the row sums"),
    ]
    cases = [{"C": _confusion_loop(**case)} for case in _labels_cases()]
    run_cases("per_class_recall", per_class_recall, cases, expected, outputs="recall",
              mistakes=mistakes)


def _top(C, k, order=lambda p: (-p[0], p[1], p[2]), positive=True, diagonal=False):
    pairs = [(int(C[i, j]), i, j) for i in range(len(C)) for j in range(len(C))
             if (diagonal or i != j) and (C[i, j] > 0 or not positive)]
    pairs.sort(key=order)
    return np.array([(i, j, c) for c, i, j in pairs[:k]], dtype=float).reshape(-1, 3)


def check_top_confusions(top_confusions):
    """Check ``top_confusions(C, k)`` -> the k largest off-diagonal entries of C as a list
    of (true, predicted, count) tuples, largest count first (ties: smaller true class,
    then smaller predicted class, first); only counts > 0, so fewer than k if C has fewer
    mistakes. An array of the same rows is fine too."""
    mistakes = [
        (lambda C, k: _top(C, k, diagonal=True),
         "the diagonal counts the correct predictions, not confusions: leave it out"),
        (lambda C, k: _top(C, k, positive=False),
         "rows with a count of 0 are not confusions: keep only counts > 0"),
        (lambda C, k: _top(C, k)[:, [1, 0, 2]],
         "each row is (predicted, true, count): it should be (true, predicted, count)"),
        (lambda C, k: _top(C, k)[:, [2, 0, 1]],
         "each row starts with the count: it should be (true, predicted, count)"),
        (lambda C, k: _top(C, k, order=lambda p: (p[0], p[1], p[2])),
         "the smallest counts came first: sort by count, largest first"),
    ]
    cases = [{"C": _confusion_loop(**case), "k": k}
             for case, k in zip(_labels_cases(), (2, 5, 5, 3))]
    run_cases("top_confusions", top_confusions, cases, _top, outputs="confusions",
              lists=("confusions",), mistakes=mistakes)
