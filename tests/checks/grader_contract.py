"""What every exercise check promises, asserted the same way for every notebook's checks.

A test module lists its checks as ``CHECKS = [(check, correct_solution, [wrong, ...]), ...]``
and takes the three tests with
``test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
test_an_unattempted_exercise_says_so = contract_tests(CHECKS)``.
"""
import pytest


def not_attempted(*args):
    raise NotImplementedError


def assert_rejected(out, case, call, sentence):
    """What a check prints for a wrong solution: the failed case first, then the call that
    failed and the sentence naming the problem, and no traceback."""
    assert out.startswith(f"{case} failed: "), out
    assert f"call:     {call}" in out, out
    assert sentence in out and "Traceback" not in out, out


def _name(value):
    return getattr(value, "__name__", "")


def contract_tests(checks, more_correct=()):
    """The three tests every check must pass. more_correct: extra (check, solution) pairs."""

    @pytest.mark.parametrize("check, correct", [(c, s) for c, s, _ in checks]
                             + list(more_correct), ids=_name)
    def test_a_correct_solution_passes(check, correct, capsys):
        check(correct)
        assert capsys.readouterr().out.startswith("All ")

    @pytest.mark.parametrize("check, wrong", [(c, w) for c, _, wrongs in checks for w in wrongs],
                             ids=_name)
    def test_a_wrong_solution_is_rejected_with_the_case(check, wrong, capsys):
        check(wrong)
        out = capsys.readouterr().out
        assert "failed" in out and "expected:" in out and "got:" in out
        assert "All " not in out

    @pytest.mark.parametrize("check", [c for c, _, _ in checks], ids=_name)
    def test_an_unattempted_exercise_says_so(check, capsys):
        check(not_attempted)
        assert "Not attempted yet: not_attempted" in capsys.readouterr().out

    return (test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
            test_an_unattempted_exercise_says_so)
