"""The checks of notebook 16 pass a correct solution and reject typical wrong ones."""
import numpy as np
import pytest

from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import (
    Tensor,
    check_tensor_sigmoid,
    check_unbroadcast,
    check_zero_grad,
    topological_order,
    unbroadcast,
)


def sigmoid_op(backward_rule):
    """A tensor_sigmoid whose backward is backward_rule(x, A, grad)."""
    def tensor_sigmoid(x):
        A = 1 / (1 + np.exp(-x.data))
        out = Tensor(A, (x,), "sigmoid")
        out._backward = lambda grad: backward_rule(x, A, grad)
        return out
    return tensor_sigmoid


tensor_sigmoid = sigmoid_op(lambda x, A, grad: x.accumulate_grad(grad * A * (1 - A)))
replaces_the_grad = sigmoid_op(lambda x, A, grad: setattr(x, "grad", grad * A * (1 - A)))
without_the_upstream_grad = sigmoid_op(lambda x, A, grad: x.accumulate_grad(A * (1 - A)))
no_backward = sigmoid_op(lambda x, A, grad: None)


def backward_without_argument(x):  # Value's style: reads out.grad, takes no argument
    out = Tensor(1 / (1 + np.exp(-x.data)), (x,), "sigmoid")

    def backward():
        x.accumulate_grad(out.grad * out.data * (1 - out.data))
    out._backward = backward
    return out


def returns_an_array(x):
    return 1 / (1 + np.exp(-x.data))


def without_the_sum(grad, shape):  # the broadcasting bug: the gradient of every copy
    return grad


def sums_everything(grad, shape):
    return np.full(shape, grad.sum())


def sums_columns_only(grad, shape):
    return grad.sum(axis=1, keepdims=True)


def zero_grad(output):
    for v in topological_order(output):
        v.grad = 0.0


def only_the_output(output):
    output.grad = 0.0


def only_the_direct_children(output):
    output.grad = 0.0
    for child in output._children:
        child.grad = 0.0


def zeroes_the_data_too(output):
    for v in topological_order(output):
        v.grad = v.data = 0.0


def tensor_sigmoid_from_the_output(x):  # a correct alternative: sigma' from out.data
    out = Tensor(1 / (1 + np.exp(-x.data)), (x,), "sigmoid")
    out._backward = lambda grad: x.accumulate_grad(grad * out.data * (1 - out.data))
    return out


def unbroadcast_with_a_loop(grad, shape):  # a correct alternative
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


def zero_grad_by_hand(output):  # a correct alternative: its own depth-first walk
    seen, stack = set(), [output]
    while stack:
        v = stack.pop()
        if id(v) not in seen:
            seen.add(id(v))
            v.grad = 0.0
            stack.extend(v._children)


EXERCISES = [
    Exercise(check_tensor_sigmoid, [tensor_sigmoid, tensor_sigmoid_from_the_output], [
        (replaces_the_grad, "x is used twice here, and its backward must ADD"),
        (no_backward, "x.grad is still None after backward"),
        (returns_an_array, "must return a Tensor"),
        (backward_without_argument, "out._backward must take one argument"),
    ], wrong_type="must return a Tensor", changes_its_arguments=True),
    Exercise(check_unbroadcast, [unbroadcast, unbroadcast_with_a_loop], [
        (without_the_sum, "has shape (3, 5), expected (3, 1)"),
        (sums_columns_only, "has shape (3, 1), expected (1, 5)"),
    ]),
    Exercise(check_zero_grad, [zero_grad, zero_grad_by_hand], [
        (only_the_output, "5 of the 6 values in the graph still had a grad"),
        (only_the_direct_children, "values in the graph still had a grad"),
        (zeroes_the_data_too, "leaf grads"),
    ], wrong_type=None, changes_its_arguments=True),
]

globals().update(contract_tests(EXERCISES))


@pytest.mark.parametrize("wrong, case, sentence", [
    (replaces_the_grad, "Case 3 of 3", "x is used twice here, and its backward must ADD"),
    (without_the_upstream_grad, "Case 1 of 3", "dx"),
    (no_backward, "Case 1 of 3", "x.grad is still None after backward"),
    (returns_an_array, "Case 1 of 3", "must return a Tensor"),
    (backward_without_argument, "Case 1 of 3", "out._backward must take one argument"),
], ids=lambda v: getattr(v, "__name__", ""))
def test_tensor_sigmoid_mistakes_are_named(wrong, case, sentence, capsys):
    out = output_of(check_tensor_sigmoid, wrong, capsys)
    assert_rejected(out, sentence, case=case)
    assert f"call:     {wrong.__name__}(x=" in out


@pytest.mark.parametrize("wrong, case, sentence", [
    (without_the_sum, "Case 1 of 7", "has shape (3, 5), expected (3, 1)"),
    (sums_everything, "Case 1 of 7", "the summed gradient"),
    (sums_columns_only, "Case 2 of 7", "has shape (3, 1), expected (1, 5)"),
], ids=lambda v: getattr(v, "__name__", ""))
def test_unbroadcast_mistakes_are_named(wrong, case, sentence, capsys):
    out = output_of(check_unbroadcast, wrong, capsys)
    assert_rejected(out, sentence, case=case)
    assert f"call:     {wrong.__name__}(grad=" in out


@pytest.mark.parametrize("wrong, case, sentence", [
    (only_the_output, "Case 1 of 4", "5 of the 6 values in the graph still had a grad"),
    (only_the_direct_children, "Case 1 of 4", "values in the graph still had a grad"),
    (zeroes_the_data_too, "Case 1 of 4", "leaf grads"),
], ids=lambda v: getattr(v, "__name__", ""))
def test_zero_grad_mistakes_are_named(wrong, case, sentence, capsys):
    out = output_of(check_zero_grad, wrong, capsys)
    assert_rejected(out, sentence, case=case)
    assert f"call:     {wrong.__name__}(expression=" in out


def test_the_checks_print_all_passed_with_the_number_of_cases(capsys):
    check_tensor_sigmoid(tensor_sigmoid)
    check_unbroadcast(unbroadcast)
    check_zero_grad(zero_grad)
    assert capsys.readouterr().out.splitlines() == [
        "All 3 tests passed.", "All 7 tests passed.", "All 4 tests passed."]
