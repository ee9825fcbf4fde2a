"""The scalar engine against derivatives worked by hand, numerical gradients, autograd and
PyTorch (through tests/fixtures/autodiff_torch.npz, made by make_autodiff_fixture.py)."""
import math
from pathlib import Path

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from utils import Value, numerical_gradient, propagate, relative_error, topological_order
from utils.nn.shallow import shallow_backward, shallow_forward

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "autodiff_torch.npz"


@pytest.fixture(scope="module")
def torch_fixture():
    with np.load(FIXTURE) as data:
        return {name: data[name] for name in data.files}


# Each op with an autograd twin, on inputs away from kinks and inside every domain.
UNARY = {
    "exp": (lambda v: v.exp(), anp.exp),
    "log": (lambda v: v.log(), anp.log),
    "tanh": (lambda v: v.tanh(), anp.tanh),
    "relu": (lambda v: v.relu(), lambda x: anp.maximum(x, 0.0)),
    "sigmoid": (lambda v: v.sigmoid(), lambda x: 1 / (1 + anp.exp(-x))),
    "neg": (lambda v: -v, lambda x: -x),
    "square": (lambda v: v**2, lambda x: x**2),
    "cube root": (lambda v: v ** (1 / 3), lambda x: x ** (1 / 3)),
    "inverse": (lambda v: v**-1, lambda x: x**-1),
}
BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "number + a": lambda a, b: 2.5 + a,
    "number - a": lambda a, b: 2.5 - a,
    "number * a": lambda a, b: 2.5 * a,
    "number / a": lambda a, b: 2.5 / a,
}


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("x", [0.3, 1.7, -0.8, -2.4])
def test_every_unary_op_against_autograd_and_numerical(name, x):
    ours, theirs = UNARY[name]
    if name in ("log", "cube root") and x < 0:
        x = -x  # inside the domain
    v = Value(x)
    out = ours(v)
    out.backward()
    assert out.data == pytest.approx(float(theirs(x)), rel=1e-12)
    assert v.grad == pytest.approx(autograd.grad(theirs)(x), rel=1e-10)
    numerical = numerical_gradient(lambda a: ours(Value(a[0])).data, np.array([x]))[0]
    assert v.grad == pytest.approx(numerical, rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("name", BINARY)
def test_every_binary_op_against_autograd(name):
    op = BINARY[name]
    for a, b in [(0.7, -1.3), (-2.0, 0.4), (3.0, 3.0)]:
        va, vb = Value(a), Value(b)
        out = op(va, vb)
        out.backward()
        assert out.data == pytest.approx(op(a, b), rel=1e-12)
        da, db = autograd.grad(op, argnum=(0, 1))(a, b)
        assert (va.grad, vb.grad) == pytest.approx((float(da), float(db)), rel=1e-12,
                                                   abs=1e-15)


def test_the_derivative_worked_by_hand_in_notebook_15():
    # f = (a * b + c)^2 at a = 2, b = -3, c = 10: f = (4)^2 = 16,
    # df/da = 2 (ab + c) b = -24, df/db = 2 (ab + c) a = 16, df/dc = 2 (ab + c) = 8.
    a, b, c = Value(2.0), Value(-3.0), Value(10.0)
    f = (a * b + c) ** 2
    f.backward()
    assert (f.data, a.grad, b.grad, c.grad) == (16.0, -24.0, 16.0, 8.0)


def test_a_value_used_twice_gets_both_contributions():
    x = Value(3.0)
    y = x * x + x  # dy/dx = 2 x + 1 = 7
    y.backward()
    assert x.grad == 7.0


def test_backward_twice_adds_and_zeroing_the_leaves_fixes_it():
    x, w = Value(1.5), Value(-0.5)
    y = (w * x).tanh()
    y.backward()
    once = (x.grad, w.grad)
    y.backward()
    assert (x.grad, w.grad) == pytest.approx((2 * once[0], 2 * once[1]), rel=1e-15)
    x.grad = w.grad = 0.0
    y.backward()
    assert (x.grad, w.grad) == once


def test_micrograd_s_own_example_and_pytorch(torch_fixture):
    # micrograd's README: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773
    a, b = Value(-4.0), Value(2.0)
    c = a + b
    d = a * b + b**3
    c = c + c + 1
    c = c + 1 + c + (-a)
    d = d + d * 2 + (b + a).relu()
    d = d + 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g = g + 10.0 / f
    g.backward()
    assert (round(g.data, 4), round(a.grad, 4), round(b.grad, 4)) == (24.7041, 138.8338,
                                                                      645.5773)
    assert g.data == pytest.approx(float(torch_fixture["micrograd_g"]), rel=1e-14)
    assert a.grad == pytest.approx(float(torch_fixture["micrograd_da"]), rel=1e-13)
    assert b.grad == pytest.approx(float(torch_fixture["micrograd_db"]), rel=1e-13)


def scalar_expression(x, y, z):
    """As in make_autodiff_fixture.py: every scalar operation once."""
    u = (x * y).exp() + (z**2).log() - y / z
    v = (x - y).tanh() * (y * z).sigmoid() + (x + z).relu() + (y - 1).relu()
    return u * v + 2 / (1 + v**2)


def test_every_op_in_one_expression_against_pytorch(torch_fixture):
    inputs = [Value(float(v)) for v in torch_fixture["scalar_inputs"]]
    out = scalar_expression(*inputs)
    out.backward()
    assert out.data == pytest.approx(float(torch_fixture["scalar_value"]), rel=1e-13)
    np.testing.assert_allclose([v.grad for v in inputs], torch_fixture["scalar_grads"],
                               rtol=1e-12)


def test_logistic_regression_as_notebook_4_computes_it():
    # notebook 4's graph: z = w1 x1 + w2 x2 + b, a = sigma(z), L = cross-entropy; over m
    # examples J is the mean, and propagate gives (J, dw, db).
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(2, 6)), (rng.random(6) < 0.5).astype(float)
    w_np, b_np = rng.normal(size=2), 0.3
    w, b = [Value(wi) for wi in w_np], Value(b_np)
    J = 0
    for i in range(6):
        a = (w[0] * X[0, i] + w[1] * X[1, i] + b).sigmoid()
        J = J - (Y[i] * a.log() + (1 - Y[i]) * (1 - a).log())
    J = J / 6
    J.backward()
    J_ref, dw, db = propagate(w_np, b_np, X, Y)
    assert J.data == pytest.approx(J_ref, rel=1e-12)
    np.testing.assert_allclose([wi.grad for wi in w], dw, rtol=1e-12)
    assert b.grad == pytest.approx(db, rel=1e-12)


def test_the_shallow_network_of_notebook_6():
    rng = np.random.default_rng(1)
    n_x, n_h, m = 2, 3, 4
    X, y = rng.normal(size=(n_x, m)), np.array([0, 1, 1, 0])
    params = {"W1": rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
              "W2": rng.normal(size=(1, n_h)), "b2": rng.normal(size=(1, 1))}
    V = {k: np.vectorize(Value, otypes=[object])(p) for k, p in params.items()}
    A1 = np.tanh(V["W1"] @ X + V["b1"])          # object arrays: each entry a Value
    A2 = (V["W2"] @ A1 + V["b2"])[0]
    J = sum(-(yi * a.sigmoid().log() + (1 - yi) * (1 - a.sigmoid()).log())
            for a, yi in zip(A2, y)) / m
    J.backward()
    _, cache = shallow_forward(X, params)
    grads = shallow_backward(X, y, params, cache)
    for name in params:
        ours = np.vectorize(lambda v: v.grad)(V[name])
        assert relative_error(ours, grads["d" + name]) < 1e-12, name


def test_topological_order_lists_each_value_once_after_its_children():
    x = Value(0.5)
    y = x
    for _ in range(5000):  # deeper than Python's recursion limit
        y = y * 1.0001 + x
    order = topological_order(y)
    position = {id(v): i for i, v in enumerate(order)}
    assert len(position) == len(order) and order[-1] is y
    assert all(position[id(c)] < position[id(v)] for v in order for c in v._children)
    y.backward()
    assert math.isfinite(x.grad) and x.grad > 5000


@pytest.mark.parametrize("bad", ["2", None, [1.0], True, 1 + 2j])
def test_a_value_holds_one_real_number(bad):
    with pytest.raises(TypeError, match="Value holds one real number"):
        Value(bad)


def test_bad_powers_and_logs_say_what_is_wrong():
    with pytest.raises(TypeError, match="x \\*\\* k takes a number k"):
        Value(2.0) ** Value(3.0)
    with pytest.raises(ValueError, match="log\\(x\\) needs x > 0; got x = -1.0"):
        Value(-1.0).log()
    with pytest.raises(ValueError, match="x \\*\\* k with x < 0 needs a whole k"):
        Value(-2.0) ** 0.5
    assert (Value(-2.0) ** 3).data == -8.0
