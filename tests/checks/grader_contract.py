"""What every exercise check promises, asserted the same way for every notebook's checks.

A test module describes each check as an ``Exercise``: the check, the worked solution
(copied from the solutions notebook) and correct alternatives, and the known mistakes,
each a wrong answer written as a student would with the sentence the check must print
for it. ``contract_tests(EXERCISES)`` returns the tests every check must pass:

- every correct answer passes, also when it issues a warning the exercise is not about;
- each known mistake is rejected with the sentence that names it;
- an unattempted exercise says so;
- an answer that changes the caller's data is rejected, naming what it changed;
- an answer of the wrong type (a list where an array is due) is rejected, saying so;
- odd answers (None, a string, a generator, an object array, an error, a warning) get a
  message, never a traceback nor "the check itself failed".

A module takes them with ``globals().update(contract_tests(EXERCISES))``.
"""
import copy
import warnings
from dataclasses import dataclass, field

import numpy as np
import pytest


@dataclass
class Exercise:
    check: object
    solutions: list  # the worked solution first, then correct alternatives
    mistakes: list = field(default_factory=list)  # (wrong answer, sentence it must get)
    wrong_type: str = "np.asarray(...)"  # what the message says to a list-returning answer;
    # None where the result is not checked (zero_grad works by side effect)
    changes_its_arguments: bool = False  # its job is to change them (a grad, a Tensor)

    def __repr__(self):
        return self.check.__name__.replace(" ", "_")


def not_attempted(*args):
    raise NotImplementedError


def output_of(check, answer, capsys):
    check(answer)
    return capsys.readouterr().out


def assert_rejected(out, sentence, case=None):
    """A rejection: the failed case first, a call line, the sentence, and no traceback."""
    assert out.startswith(f"{case} failed: " if case else "Case "), out
    assert " failed: " in out.splitlines()[0], out
    assert "\n  call:     " in out and "\n  expected: " in out and "\n  got:      " in out, out
    assert sentence in out, out
    assert "Traceback" not in out and "All " not in out and "check itself" not in out, out


# ---- answers made from a correct one -------------------------------------------------

def _first_mutable(value):
    """The first array or list inside ``value`` (dicts, lists and tuples searched)."""
    if isinstance(value, np.ndarray) and value.size:
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        if isinstance(value, list) and value and not isinstance(value[0], (list, np.ndarray,
                                                                           dict, tuple)):
            return value
        for item in value:
            found = _first_mutable(item)
            if found is not None:
                return found
    return None


def changes_the_callers_data(solution):
    """The right result, computed on copies, after which the caller's data is changed in
    place, as ``W += ...`` or ``val_losses.append(...)`` would."""

    def answer(*args):
        result = solution(*copy.deepcopy(args))
        target = _first_mutable(list(args))
        if isinstance(target, np.ndarray):
            target += 1 if target.dtype.kind != "b" else True
        elif isinstance(target, list):
            target.append(target[-1])
        return result

    answer.__name__ = solution.__name__
    return answer


def _listed(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, tuple):
        return tuple(_listed(v) for v in value)
    if isinstance(value, dict):
        return {k: _listed(v) for k, v in value.items()}
    return value


def _has_array(value):
    if isinstance(value, (tuple, list)):
        return any(_has_array(v) for v in value)
    if isinstance(value, dict):
        return any(_has_array(v) for v in value.values())
    return isinstance(value, np.ndarray)


def returns_lists(solution):
    """The right numbers, with every array turned into a (nested) list."""

    def answer(*args):
        result = solution(*args)
        if not _has_array(result):  # a list in place of the number or the tuple
            return list(result) if isinstance(result, tuple) else [result]
        return _listed(result)

    answer.__name__ = solution.__name__
    return answer


def warns_then(solution):
    """A correct answer that also issues warnings the exercise is not about."""

    def answer(*args):
        warnings.warn("a note from the student's code", UserWarning, stacklevel=1)
        with np.errstate(divide="warn"):
            np.divide(np.ones(1), np.zeros(1))  # a RuntimeWarning, result unused
        return solution(*args)

    answer.__name__ = solution.__name__
    return answer


def _generator(*args):
    yield 1.0


def _raises(*args):
    raise ValueError("operands could not be broadcast together")


def _warns_and_returns_none(*args):
    warnings.warn("something odd", RuntimeWarning, stacklevel=1)


class _NotAnArray:
    """An object NumPy cannot read: converting or comparing it raises."""

    def __array__(self, *args, **kwargs):
        raise RuntimeError("not an array")

    def __eq__(self, other):
        raise RuntimeError("not comparable")

    __hash__ = object.__hash__


ODD_ANSWERS = {
    "None": lambda *args: None,
    "a string": lambda *args: "done",
    "a generator": _generator,
    "an object array": lambda *args: np.array([object(), None], dtype=object),
    "a tuple of None": lambda *args: (None, None),
    "a dict of strings": lambda *args: {"dW1": "x"},
    "an error": _raises,
    "a warning, then None": _warns_and_returns_none,
    "NaN": lambda *args: np.nan,
    "complex numbers": lambda *args: np.array([1j, 2.0]),
    "a ragged list": lambda *args: [[1.0, 2.0], [3.0]],
    "an object that is not an array": lambda *args: _NotAnArray(),
    "a tuple of them": lambda *args: (_NotAnArray(), _NotAnArray()),
}


def contract_tests(exercises):
    """The tests every check must pass, as a dict name -> test function."""
    ids = repr

    @pytest.mark.parametrize("exercise, solution",
                             [(e, s) for e in exercises for s in e.solutions],
                             ids=lambda v: v.__name__ if callable(v) else repr(v))
    def test_a_correct_answer_passes(exercise, solution, capsys):
        out = output_of(exercise.check, solution, capsys)
        assert out.startswith("All ") and out.count("\n") == 1, out

    @pytest.mark.parametrize("exercise", exercises, ids=ids)
    def test_a_correct_answer_that_warns_passes(exercise, capsys):
        out = output_of(exercise.check, warns_then(exercise.solutions[0]), capsys)
        assert out.startswith("All "), out

    @pytest.mark.parametrize("exercise, wrong, sentence",
                             [(e, w, s) for e in exercises for w, s in e.mistakes],
                             ids=lambda v: v.__name__ if callable(v) else "")
    def test_a_known_mistake_is_named(exercise, wrong, sentence, capsys):
        assert_rejected(output_of(exercise.check, wrong, capsys), sentence)

    @pytest.mark.parametrize("exercise", exercises, ids=ids)
    def test_an_unattempted_exercise_says_so(exercise, capsys):
        out = output_of(exercise.check, not_attempted, capsys)
        assert out.startswith("Not attempted yet: ") and "not_attempted" in out
        assert out.endswith("Write its body, then run this cell again.\n")

    @pytest.mark.parametrize("exercise", exercises, ids=ids)
    def test_changing_the_callers_data_is_rejected(exercise, capsys):
        if exercise.changes_its_arguments:
            pytest.skip("changing its argument is the exercise (x.grad, every v.grad)")
        out = output_of(exercise.check, changes_the_callers_data(exercise.solutions[0]),
                        capsys)
        if out.startswith("All "):
            pytest.skip("no array or list among the arguments")  # e.g. dropout_mask(shape...)
        assert_rejected(out, "in place")

    @pytest.mark.parametrize("exercise", exercises, ids=ids)
    def test_lists_where_arrays_are_due_are_rejected(exercise, capsys):
        if exercise.wrong_type is None:
            pytest.skip("the function's result is not checked (it works by side effect)")
        out = output_of(exercise.check, returns_lists(exercise.solutions[0]), capsys)
        assert_rejected(out, exercise.wrong_type)

    @pytest.mark.parametrize("exercise, odd", [(e, o) for e in exercises for o in ODD_ANSWERS],
                             ids=str)
    def test_an_odd_answer_gets_a_message_not_a_crash(exercise, odd, capsys):
        with warnings.catch_warnings(record=True) as escaped:
            warnings.simplefilter("always")
            out = output_of(exercise.check, ODD_ANSWERS[odd], capsys)
        assert_rejected(out, "")
        assert not escaped, [str(w.message) for w in escaped]  # no noise under the cell

    return {name: test for name, test in locals().items() if name.startswith("test_")}
