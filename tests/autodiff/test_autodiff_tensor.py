"""The tensor engine: every op's backward against numerical gradients and autograd, random
compositions with broadcasting against autograd, the course's network against
network_backward, and PyTorch (tests/fixtures/autodiff_torch.npz)."""
import gc
import weakref
from pathlib import Path

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
from autograd.scipy.special import logsumexp

from utils import (
    AutodiffNetwork,
    NeuralNetwork,
    Tensor,
    Trainer,
    network_backward,
    network_forward,
    network_loss,
    numerical_gradient_array,
    practice_weights,
    relative_error,
    softmax_cross_entropy,
    topological_order,
    unbroadcast,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "autodiff_torch.npz"


@pytest.fixture(scope="module")
def torch_fixture():
    with np.load(FIXTURE) as data:
        return {name: data[name] for name in data.files}


def away_from_zero(rng, shape):
    """Normal entries at least 0.1 from 0, ReLU's kink."""
    x = rng.normal(size=shape)
    return np.asarray(x + np.where(x >= 0, 0.1, -0.1))


def tensor_grads(f, arrays, dout):
    """Gradients of sum(f(*tensors) * dout) by the engine, one per array."""
    tensors = [Tensor(a.copy()) for a in arrays]
    out = f(*tensors)
    out.backward(dout)
    return out.data, [t.grad for t in tensors]


# op name -> (the engine's op on Tensors, the same with autograd.numpy, input shapes)
OPS = {
    "+ same shape": (lambda a, b: a + b, lambda a, b: a + b, [(3, 4), (3, 4)]),
    "+ column (n, 1)": (lambda a, b: a + b, lambda a, b: a + b, [(3, 4), (3, 1)]),
    "+ row (4,)": (lambda a, b: a + b, lambda a, b: a + b, [(3, 4), (4,)]),
    "+ scalar shape ()": (lambda a, b: a + b, lambda a, b: a + b, [(3, 4), ()]),
    "+ (1, 1) to (2, 3, 4)": (lambda a, b: a + b, lambda a, b: a + b, [(2, 3, 4), (1, 1)]),
    "- row (1, 4)": (lambda a, b: a - b, lambda a, b: a - b, [(3, 4), (1, 4)]),
    "* column (3, 1)": (lambda a, b: a * b, lambda a, b: a * b, [(3, 4), (3, 1)]),
    "* same shape": (lambda a, b: a * b, lambda a, b: a * b, [(3, 4), (3, 4)]),
    "@": (lambda a, b: a @ b, lambda a, b: a @ b, [(3, 4), (4, 5)]),
    "relu": (lambda a: a.relu(), lambda a: anp.maximum(a, 0.0), [(3, 4)]),
    "tanh": (lambda a: a.tanh(), anp.tanh, [(3, 4)]),
    "neg": (lambda a: -a, lambda a: -a, [(3, 4)]),
    "sum": (lambda a: a.sum(), anp.sum, [(3, 4)]),
    "sum axis 0": (lambda a: a.sum(axis=0), lambda a: anp.sum(a, axis=0), [(3, 4)]),
    "sum axis 1 keepdims": (lambda a: a.sum(axis=1, keepdims=True),
                            lambda a: anp.sum(a, axis=1, keepdims=True), [(3, 4)]),
    "mean": (lambda a: a.mean(), anp.mean, [(3, 4)]),
    "mean axis 1": (lambda a: a.mean(axis=1), lambda a: anp.mean(a, axis=1), [(3, 4)]),
}


@pytest.mark.parametrize("name", OPS)
def test_every_op_against_numerical_gradients_and_autograd(name):
    ours, theirs, shapes = OPS[name]
    rng = np.random.default_rng(sum(map(ord, name)))
    arrays = [away_from_zero(rng, shape) for shape in shapes]
    out = ours(*[Tensor(a) for a in arrays]).data
    dout = rng.normal(size=out.shape)
    value, grads = tensor_grads(ours, arrays, dout)
    np.testing.assert_allclose(value, theirs(*arrays), rtol=1e-13)
    for i, (array, grad) in enumerate(zip(arrays, grads)):
        assert grad.shape == array.shape, f"{name}: gradient {i} has the wrong shape"
        others = arrays[:i] + arrays[i + 1:]

        def f(x, i=i, others=others):
            return theirs(*others[:i], x, *others[i:])
        numerical = numerical_gradient_array(f, array.copy(), dout)
        assert relative_error(grad, numerical) < 1e-8, name
        reference = autograd.grad(lambda x, f=f: anp.sum(f(x) * dout))(array)
        np.testing.assert_allclose(grad, reference, rtol=1e-12, atol=1e-14)


def autograd_cross_entropy(Z, y):
    log_A = Z - logsumexp(Z, axis=0, keepdims=True)
    return -anp.mean(log_A[y, np.arange(len(y))])


def test_softmax_cross_entropy_against_the_course_numerical_and_autograd():
    rng = np.random.default_rng(0)
    Z, y = rng.normal(size=(4, 6)) * 3, np.array([0, 3, 1, 1, 2, 3])
    value, (dZ,) = tensor_grads(lambda z: z.softmax_cross_entropy(y), [Z], np.array(1.0))
    loss, dZ_course = softmax_cross_entropy(Z, y)
    assert float(value) == pytest.approx(loss, rel=1e-14)
    np.testing.assert_allclose(dZ, dZ_course, rtol=1e-14)
    np.testing.assert_allclose(dZ, autograd.grad(autograd_cross_entropy)(Z, y), rtol=1e-12)
    numerical = numerical_gradient_array(
        lambda z: np.array(Tensor(z).softmax_cross_entropy(y).data), Z.copy(), np.array(1.0))
    assert relative_error(dZ, numerical) < 1e-8


def test_softmax_cross_entropy_is_finite_for_huge_scores():
    Z = np.array([[1e4, -1e4], [-1e4, 1e4]])
    J = Tensor(Z).softmax_cross_entropy(np.array([1, 0]))
    J.backward()
    assert J.data == pytest.approx(2e4) and np.isfinite(J._children[0].grad).all()


# --- random compositions, with broadcasting shapes, against autograd -----------------

BROADCAST_PARTNERS = [lambda s: s, lambda s: (s[0], 1), lambda s: (1, s[1]), lambda s: (s[1],),
                      lambda s: (), lambda s: (1, 1)]


def random_composition(seed):
    """A random program of the engine's ops: a list of steps and the input shapes."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(n) for n in rng.integers(2, 5, size=2))
    shapes, steps = [shape], []
    for _ in range(int(rng.integers(3, 8))):
        kind = rng.choice(["+", "-", "*", "@", "relu", "tanh", "sum1", "mean0"])
        if kind in ("+", "-", "*"):
            partner = BROADCAST_PARTNERS[rng.integers(len(BROADCAST_PARTNERS))](shape)
            steps.append((kind, len(shapes), bool(rng.integers(2))))
            shapes.append(partner)
        elif kind == "@":
            n = int(rng.integers(2, 5))
            steps.append((kind, len(shapes), False))
            shapes.append((n, shape[0]))  # W @ current: (n, rows)
            shape = (n, shape[1])
        elif kind in ("sum1", "mean0"):
            steps.append((kind, None, False))
            shape = (shape[0], 1) if kind == "sum1" else (1, shape[1])
        else:
            steps.append((kind, None, False))
    return shapes, steps


def run_composition(steps, inputs, relu, tanh, sum1, mean0, total):
    x = inputs[0]
    for kind, other, swap in steps:
        if kind == "@":
            x = inputs[other] @ x
        elif kind in ("+", "-", "*"):
            a, b = (inputs[other], x) if swap else (x, inputs[other])
            x = a + b if kind == "+" else a - b if kind == "-" else a * b
        else:
            x = {"relu": relu, "tanh": tanh, "sum1": sum1, "mean0": mean0}[kind](x)
    return total(x)


ENGINE = dict(relu=lambda t: t.relu(), tanh=lambda t: t.tanh(),
              sum1=lambda t: t.sum(axis=1, keepdims=True),
              mean0=lambda t: t.mean(axis=0, keepdims=True),
              total=lambda t: (t * t).mean())
AUTOGRAD = dict(relu=lambda a: anp.maximum(a, 0.0), tanh=anp.tanh,
                sum1=lambda a: anp.sum(a, axis=1, keepdims=True),
                mean0=lambda a: anp.mean(a, axis=0, keepdims=True), total=lambda a: anp.mean(a * a))


@pytest.mark.parametrize("seed", range(40))
def test_random_compositions_with_broadcasting_against_autograd(seed):
    shapes, steps = random_composition(seed)
    rng = np.random.default_rng(1000 + seed)
    arrays = [away_from_zero(rng, shape) for shape in shapes]
    tensors = [Tensor(a) for a in arrays]
    J = run_composition(steps, tensors, **ENGINE)
    J.backward()
    reference = autograd.grad(lambda *xs: run_composition(steps, xs, **AUTOGRAD),
                              argnum=tuple(range(len(arrays))))(*arrays)
    for t, a, g in zip(tensors, arrays, reference):
        assert t.grad.shape == a.shape
        np.testing.assert_allclose(t.grad, g, rtol=1e-10, atol=1e-13,
                                   err_msg=f"steps {steps}, shapes {shapes}")


def tensor_expression(A, B, c, d, E, y):
    """As in make_autodiff_fixture.py, with the engine's ops."""
    P = A @ B
    H = (P + c).tanh() * d - (P - E).relu()
    rows = H.sum(axis=1, keepdims=True)
    return (rows * d).sum() + H.mean() + H.softmax_cross_entropy(y)


def test_a_composition_with_broadcasting_against_pytorch(torch_fixture):
    names = ["A", "B", "c", "d", "E"]
    tensors = {name: Tensor(torch_fixture[f"tensor_{name}"]) for name in names}
    J = tensor_expression(**tensors, y=torch_fixture["tensor_y"])
    J.backward()
    assert float(J.data) == pytest.approx(float(torch_fixture["tensor_value"]), rel=1e-13)
    for name in names:
        np.testing.assert_allclose(tensors[name].grad, torch_fixture[f"tensor_d{name}"],
                                   rtol=1e-11, atol=1e-14, err_msg=name)


# --- the course's network ------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_network_equals_network_backward(dtype):
    rng = np.random.default_rng(5)
    X, y = rng.random((784, 32)).astype(dtype), rng.integers(0, 10, 32)
    net = NeuralNetwork([784, 256, 128, 10], random_state=0, dtype=dtype)
    params = {name: Tensor(value) for name, value in net.params.items()}
    J = network_loss(params, X, y)
    J.backward()
    ZL, caches = network_forward(X, net.params)
    loss, dZL = softmax_cross_entropy(ZL, y)
    grads = network_backward(dZL, caches)
    tolerance = 1e-12 if dtype == np.float64 else 1e-5
    assert float(J.data) == pytest.approx(loss, rel=tolerance)
    for name, t in params.items():
        assert t.grad.dtype == dtype
        np.testing.assert_allclose(t.grad, grads["d" + name], rtol=tolerance,
                                   atol=tolerance * np.abs(grads["d" + name]).max())


def test_the_network_on_the_practice_weights_equals_pytorch(torch_fixture):
    params = practice_weights()
    np.testing.assert_array_equal(params["W1"][0, :5], torch_fixture["net_W1_head"])
    tensors = {name: Tensor(value) for name, value in params.items()}
    J = network_loss(tensors, torch_fixture["net_X"], torch_fixture["net_y"])
    J.backward()
    assert float(J.data) == pytest.approx(float(torch_fixture["net_loss"]), rel=1e-13)
    for name in ("db1", "db2", "db3", "dW3"):
        np.testing.assert_allclose(tensors[name[1:]].grad, torch_fixture[f"net_{name}"],
                                   rtol=1e-10, atol=1e-15, err_msg=name)
    for name in ("dW1", "dW2"):
        grad, f = tensors[name[1:]].grad, lambda key, name=name: torch_fixture[f"net_{name}_{key}"]
        np.testing.assert_allclose(grad[:4], f("head"), rtol=1e-10, atol=1e-15)
        np.testing.assert_allclose(f("u") @ grad, f("uT"), rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(grad @ f("v"), f("v_prod"), rtol=1e-10, atol=1e-13)


def test_trained_by_the_trainer_as_the_hand_written_network():
    rng = np.random.default_rng(6)
    X, y = rng.random((20, 300)), rng.integers(0, 3, 300)
    hand = NeuralNetwork([20, 16, 8, 3], random_state=0)
    engine = AutodiffNetwork(NeuralNetwork([20, 16, 8, 3], random_state=0).params)
    histories = [Trainer(model, learning_rate=0.5, epochs=3, batch_size=32,
                         random_state=0).fit(X, y).history_ for model in (hand, engine)]
    np.testing.assert_allclose(histories[0]["loss"], histories[1]["loss"], rtol=1e-12)
    assert histories[0]["train_acc"] == histories[1]["train_acc"]
    for name in hand.params:
        np.testing.assert_allclose(engine.params[name], hand.params[name], rtol=1e-10,
                                   atol=1e-13)
    assert histories[0]["loss"][-1] < histories[0]["loss"][0]


def test_unbroadcast_sums_over_added_and_stretched_axes():
    grad = np.arange(24.0).reshape(2, 3, 4)
    assert unbroadcast(grad, (3, 1)).tolist() == grad.sum(axis=(0, 2))[:, None].tolist()
    assert unbroadcast(grad, ()).item() == grad.sum()
    assert unbroadcast(grad, (2, 3, 4)) is grad


# --- gradients accumulate in the leaves, start afresh inside the graph ----------------

def test_backward_twice_doubles_the_leaves_only():
    rng = np.random.default_rng(7)
    W, x = Tensor(rng.normal(size=(2, 3))), Tensor(rng.normal(size=(3, 1)))
    h = (W @ x).tanh()
    J = h.sum()
    J.backward()
    W_once, h_once = W.grad.copy(), h.grad.copy()
    J.backward()
    np.testing.assert_allclose(W.grad, 2 * W_once, rtol=1e-15)
    np.testing.assert_array_equal(h.grad, h_once)
    W.grad = x.grad = None
    J.backward()
    np.testing.assert_array_equal(W.grad, W_once)


def test_a_tensor_used_twice_gets_both_contributions():
    x = Tensor(np.array([[1.0, -2.0]]))
    J = (x * x + x).sum()  # dJ/dx = 2 x + 1
    J.backward()
    np.testing.assert_array_equal(x.grad, [[3.0, -3.0]])


def test_no_gradient_for_a_leaf_that_does_not_require_one():
    X = Tensor(np.ones((3, 2)), requires_grad=False)
    W = Tensor(np.ones((4, 3)))
    (W @ X).sum().backward()
    assert X.grad is None and W.grad.shape == (4, 3)


def test_a_float32_graph_stays_float32():
    rng = np.random.default_rng(8)
    W = Tensor(rng.normal(size=(3, 4)).astype(np.float32))
    J = ((W @ Tensor(np.ones((4, 2), np.float32)) + 1.0).relu() * 2.0).mean()
    J.backward()
    assert J.data.dtype == W.grad.dtype == np.float32


def test_a_dropped_graph_is_freed_at_once_without_the_garbage_collector():
    # backward functions receive the gradient instead of referring to their output, so a
    # graph holds no reference cycle: each mini-batch's arrays go as soon as it is dropped.
    rng = np.random.default_rng(9)
    params = {"W1": Tensor(rng.normal(size=(4, 3))), "b1": Tensor(np.zeros((4, 1))),
              "W2": Tensor(rng.normal(size=(2, 4))), "b2": Tensor(np.zeros((2, 1)))}
    gc.disable()
    try:
        J = network_loss(params, rng.normal(size=(3, 5)), np.array([0, 1, 1, 0, 1]))
        J.backward()
        nodes = [weakref.ref(t) for t in topological_order(J) if t._children]
        del J
        assert all(node() is None for node in nodes)
    finally:
        gc.enable()
