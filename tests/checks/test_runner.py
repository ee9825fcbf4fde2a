"""What the runner behind every exercise check promises, shown on small made-up exercises."""
import numpy as np
import pytest

from grader_contract import assert_rejected
from utils.checks._runner import gradient_close, run_cases


def run(fn, cases, expected, capsys, **options):
    run_cases("f", fn, cases, expected, **options)
    return capsys.readouterr().out


def correct(params, history):
    return params["layers"][1]["W"] * 2


CASE = {"params": {"layers": [{"W": np.ones(2)}, {"W": np.arange(3.0)}]},
        "history": [0.5, (1.0, np.zeros(2))]}


@pytest.mark.parametrize("change, where", [
    (lambda p, h: p["layers"][1]["W"].__imul__(2), "params['layers'][1]['W']"),
    (lambda p, h: p["layers"].append({}), "params['layers'] (its length went from 2 to 3)"),
    (lambda p, h: p.update(extra=1), "params (keys added ['extra'], removed [])"),
    (lambda p, h: h[1][1].fill(7), "history[1][1]"),
    (lambda p, h: h.__setitem__(0, 0.25), "history[0]"),
    (lambda p, h: p["layers"][0].update(W=object()), "params['layers'][0]['W'] (now an object)"),
])
def test_a_change_deep_inside_an_argument_is_named(change, where, capsys):
    def changes(params, history):
        result = correct(params, history)
        change(params, history)
        return result

    out = run(changes, [CASE], correct, capsys, outputs="dW")
    assert_rejected(out, f"changes changed its argument {where} in place", case="Case 1 of 1")


def test_a_change_and_a_wrong_value_are_both_told(capsys):
    def both(params, history):
        params["layers"][0]["W"] += 1
        return correct(params, history) + 1

    out = run(both, [CASE], correct, capsys, outputs="dW")
    assert_rejected(out, "dW has the right shape but wrong values")
    assert "also:     both changed params['layers'][0]['W']" in out


def test_small_numbers_keep_their_significant_digits(capsys):
    out = run(lambda x: x * 1.5, [{"x": np.array([1e-8, 2e-8])}], lambda x: x, capsys,
              outputs="dw")
    assert "x=[1e-08, 2e-08]" in out and "dw = [1.5e-08, 3e-08]" in out


def test_only_the_first_differing_entries_are_shown_with_their_positions(capsys):
    def expected(x):
        return x

    def wrong(x):
        y = x.copy()
        y[2:, 3:] += 1.0
        return y

    out = run(wrong, [{"x": np.zeros((5, 6))}], expected, capsys, outputs="dW1")
    assert_rejected(out, "dW1 has the right shape but wrong values (9 of 30 entries)")
    assert "expected: dW1[2, 3] = 0, dW1[2, 4] = 0, dW1[2, 5] = 0 (and 6 more" in out
    assert "got:      dW1[2, 3] = 1, dW1[2, 4] = 1, dW1[2, 5] = 1 (and 6 more" in out


def test_a_gradient_wrong_as_a_whole_shows_its_largest_difference(capsys):
    def expected(x):
        return x

    def last_entry_off(x):
        return x + np.r_[np.zeros(7), 1e-4]

    out = run(last_entry_off, [{"x": np.arange(1.0, 9.0)}], expected, capsys,
              outputs="dW", close=gradient_close)
    assert_rejected(out, "dW has the right shape but wrong values (1 of 8 entries)")
    assert "expected: dW[7] = 8\n" in out and "got:      dW[7] = 8.0001\n" in out


def test_the_checks_own_error_is_never_blamed_on_the_student(capsys):
    def broken_expected(x):
        raise KeyError("a bug in the check")

    out = run(lambda x: x, [{"x": 1.0}], broken_expected, capsys)
    assert out.startswith("Case 1 of 1: the check itself failed (KeyError: 'a bug in the "
                          "check'). This is not your fault; please report it.")
    assert "raised" not in out and "Traceback" not in out


def test_the_students_error_is_told_as_theirs(capsys):
    def f(x):
        return x.undefined

    out = run(f, [{"x": 1.0}], lambda x: x, capsys)
    assert_rejected(out, "your function f raised AttributeError: 'float' object has no "
                         "attribute 'undefined' (in the line `return x.undefined`)")


def test_only_the_warnings_the_exercise_is_about_fail(capsys):
    def noisy(x):
        np.log(np.zeros(1))  # divide by zero, unrelated, result unused
        return x

    assert run(noisy, [{"x": 1.0}], lambda x: x, capsys) == "All 1 tests passed.\n"
    out = run(noisy, [{"x": 1.0}], lambda x: x, capsys,
              fatal_warnings=[("divide by zero", "take care of log(0)")])
    assert_rejected(out, "your function noisy raised a warning, RuntimeWarning: divide by "
                         "zero encountered in log. take care of log(0)")


def test_a_list_is_fine_where_the_exercise_returns_a_list(capsys):
    def expected(x):
        return x, np.array([1.0, 2.0])

    def as_lists(x):
        return np.asarray(x), [1, 2]

    def as_arrays(x):
        return np.asarray(x), np.array([1, 2])

    def first_as_list(x):
        return [x], [1, 2]

    case = [{"x": np.ones(1)}]
    for answer in (as_lists, as_arrays):
        out = run(answer, case, expected, capsys, outputs=("w", "costs"), lists=("costs",))
        assert out == "All 1 tests passed.\n"
    out = run(first_as_list, case, expected, capsys, outputs=("w", "costs"), lists=("costs",))
    assert_rejected(out, "w: return a NumPy array (np.asarray(...)), got a list")


def test_single_precision_is_named(capsys):
    out = run(lambda x: np.cumsum(x.astype(np.float32)), [{"x": np.full(1000, 0.1)}],
              lambda x: np.cumsum(x), capsys, outputs="a")
    assert_rejected(out, "a is float32, which holds about 6 digits: compute in float64")


def test_a_tuple_of_arrays_where_one_array_is_due_is_named(capsys):
    def with_cache(A):
        return 2 * A, A  # (out, cache), as a layer's forward returns them

    out = run(with_cache, [{"A": np.ones(2)}], lambda A: 2 * A, capsys, outputs="out")
    assert_rejected(out, "out is a tuple of 2 values; expected one NumPy array (return out "
                         "alone)")


def test_a_known_mistake_is_named_only_if_it_explains_every_case_so_far(capsys):
    # The two wrong versions agree on case 2; only one of them explains case 1 too.
    cases = [{"x": 2.0}, {"x": 0.0}]
    mistakes = [(lambda x: x + 1, "added one"), (lambda x: 3 * x + 1, "tripled, added one")]
    out = run(lambda x: 3 * x + 1 if x == 0 else x, cases, lambda x: x, capsys,
              mistakes=mistakes)
    assert_rejected(out, "added one", case="Case 2 of 2")
    out = run(lambda x: 3 * x + 1 if x == 0 else 7.0, cases, lambda x: x, capsys,
              mistakes=mistakes)
    assert_rejected(out, "tripled, added one", case="Case 1 of 2")
