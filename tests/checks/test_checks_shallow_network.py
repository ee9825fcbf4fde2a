"""The check of notebook 06 passes a correct solution and rejects typical wrong ones."""
import numpy as np
import pytest

from grader_contract import assert_rejected
from utils import check_relu_shallow_backward


def relu_shallow_backward(X, y, params, cache):
    m = X.shape[1]
    dZ2 = cache["A2"] - y
    dZ1 = (params["W2"].T @ dZ2) * (cache["Z1"] > 0)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def with_tanh_derivative(X, y, params, cache):  # copied from the tanh network unchanged
    m = X.shape[1]
    dZ2 = cache["A2"] - y
    dZ1 = (params["W2"].T @ dZ2) * (1 - cache["A1"] ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def not_averaged(X, y, params, cache):
    return {name: X.shape[1] * g for name, g in relu_shallow_backward(X, y, params, cache).items()}


def flat_biases(X, y, params, cache):  # db without keepdims: shape (n_h,) instead of (n_h, 1)
    grads = relu_shallow_backward(X, y, params, cache)
    return grads | {"db1": grads["db1"].ravel()}


def transposed_dW1(X, y, params, cache):
    grads = relu_shallow_backward(X, y, params, cache)
    return grads | {"dW1": grads["dW1"].T}


def as_a_tuple(X, y, params, cache):
    return tuple(relu_shallow_backward(X, y, params, cache).values())


def changes_its_inputs(X, y, params, cache):  # harmless here: each case gets copies
    cache["A2"] -= y
    m = X.shape[1]
    dZ2 = cache["A2"]
    dZ1 = (params["W2"].T @ dZ2) * (cache["Z1"] > 0)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def test_a_correct_solution_passes(capsys):
    check_relu_shallow_backward(relu_shallow_backward)
    assert capsys.readouterr().out == "All 3 tests passed.\n"


def test_a_solution_that_changes_its_inputs_still_passes(capsys):
    check_relu_shallow_backward(changes_its_inputs)
    assert capsys.readouterr().out == "All 3 tests passed.\n"


@pytest.mark.parametrize("wrong, sentence", [
    (with_tanh_derivative, "dW1 is wrong: relative error"),
    (not_averaged, "dW1 is 5 times the expected value"),
    (flat_biases, "db1 has shape (3,), expected (3, 1)"),
    (transposed_dW1, "dW1 has shape (2, 3), expected (3, 2)"),
    (as_a_tuple, "returned a tuple of 4 values; expected a dict with keys"),
], ids=lambda v: getattr(v, "__name__", ""))
def test_a_wrong_solution_is_rejected_with_a_sentence_naming_the_problem(wrong, sentence, capsys):
    check_relu_shallow_backward(wrong)
    assert_rejected(capsys.readouterr().out, "Case 1 of 3", f"{wrong.__name__}(X=", sentence)


def test_an_exception_is_reported_not_raised(capsys):
    check_relu_shallow_backward(lambda X, y, params, cache: params["W3"])
    out = capsys.readouterr().out
    assert "Case 1 of 3 failed" in out and "KeyError: 'W3'" in out


def test_an_unattempted_exercise_says_so(capsys):
    def relu_shallow_backward(X, y, params, cache):
        raise NotImplementedError

    check_relu_shallow_backward(relu_shallow_backward)
    assert capsys.readouterr().out.startswith("Not attempted yet: relu_shallow_backward")


def test_the_cases_keep_away_from_relus_kink():
    from utils.checks.shallow_network import _relu_case

    rng = np.random.default_rng(0)
    for _ in range(5):
        case = _relu_case(rng, 3, 4, 7)
        assert np.abs(case["cache"]["Z1"]).min() > 0.05
