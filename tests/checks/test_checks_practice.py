"""The exercise checks of notebook 14 pass correct solutions and reject typical wrong ones."""
import numpy as np
import pytest

from utils import check_confusion_matrix, check_per_class_recall, check_top_confusions


def confusion_matrix(y_true, y_pred, n_classes):
    C = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def confusion_matrix_transposed(y_true, y_pred, n_classes):  # rows are the predictions
    return confusion_matrix(y_true, y_pred, n_classes).T


def confusion_matrix_fancy_increment(y_true, y_pred, n_classes):  # repeats count once
    C = np.zeros((n_classes, n_classes), dtype=int)
    C[y_true, y_pred] += 1
    return C


def per_class_recall(C):
    totals = C.sum(axis=1)
    return np.divide(np.diag(C), totals, out=np.zeros(len(C)), where=totals > 0)


def per_class_precision(C):  # divides by the column: how often a prediction is right
    return np.diag(C) / np.maximum(C.sum(axis=0), 1)


def top_confusions(C, k):
    off = C.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(-off, axis=None, kind="stable")[:k]
    return [(int(i), int(j), int(off[i, j]))
            for i, j in zip(*np.unravel_index(order, C.shape)) if off[i, j] > 0]


def top_confusions_with_diagonal(C, k):  # counts the correct predictions as confusions
    order = np.argsort(-C, axis=None, kind="stable")[:k]
    return [(int(i), int(j), int(C[i, j])) for i, j in zip(*np.unravel_index(order, C.shape))]


def not_attempted(*args):
    raise NotImplementedError


@pytest.mark.parametrize("check, solution", [
    (check_confusion_matrix, confusion_matrix),
    (check_per_class_recall, per_class_recall),
    (check_top_confusions, top_confusions),
])
def test_a_correct_solution_passes(check, solution, capsys):
    check(solution)
    assert capsys.readouterr().out.startswith("All 3 tests passed.")


@pytest.mark.parametrize("check, wrong", [
    (check_confusion_matrix, confusion_matrix_transposed),
    (check_confusion_matrix, confusion_matrix_fancy_increment),
    (check_per_class_recall, per_class_precision),
    (check_top_confusions, top_confusions_with_diagonal),
])
def test_a_typical_mistake_is_reported_with_its_case(check, wrong, capsys):
    check(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Case ") and "expected:" in out and "got:" in out


def test_a_stub_is_not_attempted_yet(capsys):
    for check in (check_confusion_matrix, check_per_class_recall, check_top_confusions):
        check(not_attempted)
        assert capsys.readouterr().out.startswith("Not attempted yet")
