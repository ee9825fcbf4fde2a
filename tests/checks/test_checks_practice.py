"""The checks of notebook 14: correct answers pass, known mistakes are named."""
import numpy as np
from sklearn.metrics import confusion_matrix as sklearn_confusion_matrix

from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import check_confusion_matrix, check_per_class_recall, check_top_confusions


def confusion_matrix(y_true, y_pred, n_classes):  # the worked solution
    C = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def confusion_matrix_of_sklearn(y_true, y_pred, n_classes):
    return sklearn_confusion_matrix(y_true, y_pred, labels=np.arange(n_classes))


def confusion_matrix_transposed(y_true, y_pred, n_classes):  # rows are the predictions
    C = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        C[p, t] += 1
    return C


def confusion_matrix_fancy_increment(y_true, y_pred, n_classes):  # repeats count once
    C = np.zeros((n_classes, n_classes), dtype=int)
    C[y_true, y_pred] += 1
    return C


def confusion_matrix_sized_from_the_data(y_true, y_pred, n_classes):
    n = max(y_true.max(), y_pred.max()) + 1
    C = np.zeros((n, n), dtype=int)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def confusion_matrix_of_fractions(y_true, y_pred, n_classes):
    return confusion_matrix(y_true, y_pred, n_classes) / len(y_true)


def per_class_recall(C):  # the worked solution
    totals = C.sum(axis=1)
    return np.divide(np.diag(C), totals, out=np.zeros(len(C)),
                     where=totals > 0)


def per_class_recall_with_where(C):  # warns on 0 / 0, in the branch np.where discards
    totals = C.sum(axis=1)
    return np.where(totals > 0, np.diag(C) / totals, 0.0)


def per_class_precision(C):  # divides by the column: how often a prediction is right
    return np.diag(C) / np.maximum(C.sum(axis=0), 1)


def per_class_recall_nan(C):
    return np.diag(C) / C.sum(axis=1)


def per_class_recall_over_everything(C):
    return np.diag(C) / C.sum()


def per_class_recall_as_list(C):
    return [C[i, i] / C[i].sum() if C[i].sum() else 0.0 for i in range(len(C))]


def top_confusions(C, k):  # the worked solution
    off = C.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(-off, axis=None, kind="stable")[:k]
    rows, cols = np.unravel_index(order, C.shape)
    return [(int(i), int(j), int(off[i, j]))
            for i, j in zip(rows, cols) if off[i, j] > 0]


def top_confusions_sorted_pairs(C, k):
    pairs = sorted((-C[i, j], i, j) for i in range(len(C)) for j in range(len(C))
                    if i != j and C[i, j] > 0)
    return np.array([(i, j, -c) for c, i, j in pairs[:k]]).reshape(-1, 3)


def top_confusions_with_diagonal(C, k):  # counts the correct predictions as confusions
    order = np.argsort(-C, axis=None, kind="stable")[:k]
    return [(int(i), int(j), int(C[i, j])) for i, j in zip(*np.unravel_index(order, C.shape))]


def top_confusions_with_zeros(C, k):
    off = C - np.diag(np.diag(C))
    order = np.argsort(-off, axis=None, kind="stable")
    pairs = [(i, j, off[i, j]) for i, j in zip(*np.unravel_index(order, C.shape)) if i != j]
    return pairs[:k]


def top_confusions_predicted_first(C, k):
    return [(j, i, c) for i, j, c in top_confusions(C, k)]


def top_confusions_count_first(C, k):
    return [(c, i, j) for i, j, c in top_confusions(C, k)]


def top_confusions_smallest_first(C, k):
    pairs = sorted((C[i, j], i, j) for i in range(len(C)) for j in range(len(C))
                   if i != j and C[i, j] > 0)
    return [(i, j, c) for c, i, j in pairs[:k]]


def top_confusions_generator(C, k):
    return (row for row in top_confusions(C, k))


EXERCISES = [
    Exercise(check_confusion_matrix, [confusion_matrix, confusion_matrix_of_sklearn], [
        (confusion_matrix_transposed, "C is transposed"),
        (confusion_matrix_fancy_increment, "a pair that occurs twice was counted once"),
        (confusion_matrix_sized_from_the_data, "take it from n_classes"),
        (confusion_matrix_of_fractions, "C holds fractions"),
    ]),
    Exercise(check_per_class_recall, [per_class_recall, per_class_recall_with_where], [
        (per_class_precision, "this is the precision"),
        (per_class_recall_nan, "a class with no example gives NaN (0 / 0): return 0 for it"),
        (per_class_recall_over_everything, "divided by the number of all examples"),
        (per_class_recall_as_list, "return a NumPy array (np.asarray(...)), got a list"),
    ]),
    Exercise(check_top_confusions, [top_confusions, top_confusions_sorted_pairs], [
        (top_confusions_with_diagonal, "the diagonal counts the correct predictions"),
        (top_confusions_with_zeros, "keep only counts > 0"),
        (top_confusions_predicted_first, "each row is (predicted, true, count)"),
        (top_confusions_count_first, "each row starts with the count"),
        (top_confusions_smallest_first, "the smallest counts came first"),
        (top_confusions_generator, "confusions is a generator; expected a list (wrap it in "
                                   "list(...))"),
    ], wrong_type="confusions has shape (1, 2, 3), expected (2, 3)"),
]

globals().update(contract_tests(EXERCISES))


def test_a_confusion_matrix_sized_from_the_data_fails_on_the_case_that_shows_it(capsys):
    out = output_of(check_confusion_matrix, confusion_matrix_sized_from_the_data, capsys)
    assert_rejected(out, "C has shape (3, 3), expected (5, 5)", case="Case 4 of 4")
