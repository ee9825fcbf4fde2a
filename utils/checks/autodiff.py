"""Exercise checks of notebook 16, automatic differentiation.

Every expected gradient is a centred-difference numerical gradient of the forward
computation written out here with NumPy (or with math for the scalars), never the engine's
own backward pass.
"""

import numpy as np

from ..autodiff import Tensor, Value, topological_order
from ..gradcheck import numerical_gradient, numerical_gradient_array
from ._runner import Failure, _compare_value, function_name, gradient_close, run_cases


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def check_tensor_sigmoid(tensor_sigmoid):
    """Check ``tensor_sigmoid(x)`` -> a Tensor holding sigma(x) whose backward, given the
    gradient dout of its output, adds dout * sigma(x) (1 - sigma(x)) to x's gradient.

    x : a Tensor of any shape. The check runs forward, then backward from a random seed
    gradient dout of the output's shape, and compares the output ("A") with the formula
    and x.grad ("dx") with the numerical gradient. In the last case x is used twice,
    tensor_sigmoid(x) + tensor_sigmoid(x): its gradient must get both contributions.
    """
    rng = np.random.default_rng(15)
    cases = [{"x": rng.normal(size=shape) * 2, "dout": rng.normal(size=shape), "twice": twice}
             for shape, twice in [((3, 4), False), ((1, 5), False), ((2, 3), True)]]
    name = function_name(tensor_sigmoid, "tensor_sigmoid")

    def forward_then_backward(x, dout, twice):
        t = Tensor(x)
        out = tensor_sigmoid(t)
        if not isinstance(out, Tensor):
            raise TypeError(f"{name} must return a Tensor, e.g. Tensor(A, (x,), 'sigmoid'); "
                            f"got {type(out).__name__}")
        if twice:
            out = out + tensor_sigmoid(t)
        try:
            out.backward(dout)
        except TypeError as error:
            if "positional argument" not in str(error):
                raise
            raise TypeError(f"out._backward must take one argument, the gradient of out: "
                            f"def backward(grad): ... ({error})") from None
        if t.grad is None:
            raise ValueError("x.grad is still None after backward: set out._backward to a "
                             "function backward(grad) that adds to x's gradient "
                             "(x.accumulate_grad(...))")
        return {"A": out.data, "dx": t.grad}

    def expected(x, dout, twice):
        uses = 2 if twice else 1
        return {"A": uses * _sigmoid(x),
                "dx": numerical_gradient_array(lambda v: uses * _sigmoid(v), x.copy(), dout)}

    def diagnose(got, case):
        half = expected(**case)["dx"] / 2
        if case["twice"] and np.allclose(got["dx"], half, rtol=1e-5):
            return ("dx is half the expected value: x is used twice here, and its backward "
                    "must ADD to x.grad (x.accumulate_grad(...)), not replace it")
        return None

    run_cases(name, forward_then_backward, cases, expected, close=gradient_close,
              diagnose=diagnose, report_name=name)


def check_unbroadcast(unbroadcast):
    """Check ``unbroadcast(grad, shape)`` -> grad summed back to ``shape``.

    grad : the gradient of a broadcast result, e.g. (n, m); shape : the shape of the
    operand that broadcasting stretched, e.g. (n, 1), (m,) or (). The answer is the
    gradient with respect to that operand: one term for each copy broadcasting made.
    """
    rng = np.random.default_rng(16)
    pairs = [((3, 5), (3, 1)), ((3, 5), (1, 5)), ((3, 5), (5,)), ((3, 5), ()),
             ((2, 3, 4), (3, 1)), ((3, 5), (3, 5)), ((4, 1), (1, 1))]
    cases = [{"grad": rng.normal(size=big), "shape": small} for big, small in pairs]

    def expected(grad, shape):
        return numerical_gradient_array(lambda b: np.broadcast_to(b, grad.shape) * 1.0,
                                        np.zeros(shape), grad)

    run_cases("unbroadcast", unbroadcast, cases, expected, outputs="the summed gradient")


# Expressions for check_zero_grad, each written once with Value operations (and so with
# math for the numerical gradient, through Value's data).
EXPRESSIONS = {
    "(x * w + b).tanh()": lambda x, w, b: (x * w + b).tanh(),
    "x * x + x  (x used twice)": lambda x: x * x + x,
    "((a * b).exp() + c).log() * a": lambda a, b, c: ((a * b).exp() + c).log() * a,
    "30 steps of y = 0.9 * y + x, from y = x": lambda x: _chain(x, 30),
}


def _chain(x, steps):
    y = x
    for _ in range(steps):
        y = 0.9 * y + x
    return y


def check_zero_grad(zero_grad):
    """Check ``zero_grad(output)``: sets the grad of every Value that output was computed
    from (and of output) to 0, and changes nothing else.

    The check builds each expression, calls output.backward() twice (so the leaves hold
    twice their gradient), then zero_grad(output), and looks at every Value of the graph;
    then it calls output.backward() once more and compares the leaves' gradients with
    numerical ones.
    """
    inputs = {"(x * w + b).tanh()": [0.5, -1.2, 0.3], "x * x + x  (x used twice)": [1.5],
              "((a * b).exp() + c).log() * a": [0.4, -0.7, 1.1],
              "30 steps of y = 0.9 * y + x, from y = x": [0.2]}
    cases = [{"expression": text, "values": np.array(values)} for text, values in inputs.items()]
    name = function_name(zero_grad, "zero_grad")

    def zero_then_backward(expression, values):
        leaves = [Value(v) for v in values]
        output = EXPRESSIONS[expression](*leaves)
        output.backward()
        output.backward()
        zero_grad(output)
        graph = topological_order(output)
        still = sum(v.grad != 0 for v in graph)
        output.backward()
        return {"values left with a grad": still, "leaf grads": [v.grad for v in leaves],
                "graph": len(graph)}

    def expected(expression, values):
        f = EXPRESSIONS[expression]
        grad = numerical_gradient(lambda v: f(*[Value(float(t)) for t in v]).data,
                                  values.copy())
        return {"values left with a grad": 0, "leaf grads": grad}

    def judge(got, case):
        if got["values left with a grad"]:
            raise Failure(f"after {name}(output), {got['values left with a grad']} of the "
                          f"{got['graph']} values in the graph still had a grad other than 0: "
                          f"visit every value output depends on (topological_order(output) "
                          f"lists them)", "every grad 0", f"{got['values left with a grad']} "
                          f"grads other than 0")
        want = expected(**case)["leaf grads"]
        _compare_value(got["leaf grads"], want, "leaf grads", True, gradient_close)

    run_cases(name, zero_then_backward, cases, judge=judge, report_name=name)


