"""Every optimizer takes PyTorch's steps, to 1e-12 in float64.

The trajectories come from tests/fixtures/make_optim_fixture.py (torch.optim, committed as
optim_torch.npz); this file does not need torch.
"""
from pathlib import Path

import numpy as np
import pytest

from utils.nn.optim import (
    OPTIMIZERS,
    adam,
    get_optimizer,
    momentum,
    momentum_ema,
    nesterov,
    sgd,
)

FIXTURE = np.load(Path(__file__).parents[1] / "fixtures" / "optim_torch.npz")

# Our state for the fixture's "custom" runs: the same hyper-parameters as PyTorch's.
CUSTOM = {
    "sgd": {},
    "momentum": {"momentum": 0.7},
    "nesterov": {"momentum": 0.7},
    "adagrad": {"epsilon": 1e-6},
    "rmsprop": {"decay_rate": 0.9, "epsilon": 1e-6},
    "adam": {"beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6},
}


def gradient(w):
    """The fixture's function's gradient, c (w - target) + w^3 / 10."""
    return FIXTURE["c"] * (w - FIXTURE["target"]) + w**3 / 10


def run(update, state, lrs):
    """Points w0, w1, ..., one per learning rate, as the trainer would take them."""
    w = FIXTURE["w0"].copy()
    points = [w]
    for lr in lrs:
        state["learning_rate"] = lr
        w, state = update(w, gradient(w), state)
        points.append(w)
    return np.array(points)


@pytest.mark.parametrize("run_name", ["default", "custom"])
@pytest.mark.parametrize("name", list(CUSTOM))
def test_trajectory_equals_torch_optim(name, run_name):
    state = dict(CUSTOM[name]) if run_name == "custom" else {}
    lrs = FIXTURE[f"{name}__{run_name}__lrs"]
    expected = FIXTURE[f"{name}__{run_name}__w"]
    assert len(lrs) >= 5
    np.testing.assert_allclose(run(OPTIMIZERS[name], state, lrs), expected, rtol=0, atol=1e-12)


def test_the_points_move():
    """Guard against a fixture whose optimizers stand still (which any code would match)."""
    for name in CUSTOM:
        w = FIXTURE[f"{name}__custom__w"]
        assert np.abs(w[-1] - w[0]).max() > 0.05, name


def test_momentum_ema_is_pytorch_momentum_with_a_scaled_learning_rate():
    """v_ema = (1 - beta) v_torch, so alpha on the EMA form = alpha (1 - beta) on PyTorch's."""
    beta, alpha = 0.9, 0.3
    lrs = np.full(8, alpha)
    ema = run(momentum_ema, {"beta": beta}, lrs)
    torch_form = run(momentum, {"momentum": beta}, lrs * (1 - beta))
    np.testing.assert_allclose(ema, torch_form, rtol=0, atol=1e-12)
    # ... and the velocity itself is scaled by (1 - beta) at every step.
    w, dw = FIXTURE["w0"], gradient(FIXTURE["w0"])
    s_ema, s_torch = {"learning_rate": alpha, "beta": beta}, {"learning_rate": 1.0}
    for _ in range(5):
        _, s_ema = momentum_ema(w, dw, s_ema)
        _, s_torch = momentum(w, dw, {**s_torch, "momentum": beta})
        np.testing.assert_allclose(s_ema["velocity"], (1 - beta) * s_torch["velocity"], atol=1e-14)


def test_momentum_ema_is_not_pytorch_dampening():
    """torch's SGD(dampening=beta) leaves the first step undamped: a different trajectory."""
    lrs = FIXTURE["dampened__custom__lrs"]
    ema = run(momentum_ema, {"beta": 0.9}, lrs)
    torch_dampened = FIXTURE["dampened__custom__w"]
    np.testing.assert_allclose(ema[1] - ema[0], 0.1 * (torch_dampened[1] - torch_dampened[0]))
    assert np.abs(ema[-1] - torch_dampened[-1]).max() > 1e-3


def test_cs231n_momentum_form_is_the_same_with_a_constant_learning_rate():
    """v' <- mu v' - lr dw, w <- w + v' (cs231n) against v <- mu v + dw, w <- w - lr v."""
    mu, lr = 0.9, 0.05
    w, v = FIXTURE["w0"].copy(), np.zeros_like(FIXTURE["w0"])
    cs231n = [w]
    for _ in range(8):
        v = mu * v - lr * gradient(w)
        w = w + v
        cs231n.append(w)
    ours = run(momentum, {"momentum": mu}, np.full(8, lr))
    np.testing.assert_allclose(ours, cs231n, rtol=0, atol=1e-12)


def test_cs231n_nesterov_form_is_the_same_with_a_constant_learning_rate():
    mu, lr = 0.9, 0.05
    w, v = FIXTURE["w0"].copy(), np.zeros_like(FIXTURE["w0"])
    cs231n = [w]
    for _ in range(8):
        v_prev = v
        v = mu * v - lr * gradient(w)
        w = w - mu * v_prev + (1 + mu) * v
        cs231n.append(w)
    ours = run(nesterov, {"momentum": mu}, np.full(8, lr))
    np.testing.assert_allclose(ours, cs231n, rtol=0, atol=1e-12)


def test_adam_first_step_is_lr_times_the_sign():
    """With t incremented before the correction, m_hat = dw and v_hat = dw^2 on step 1."""
    w = np.array([1.0, -2.0, 3.0])
    dw = np.array([0.5, -4.0, 1e-3])
    w1, state = adam(w, dw, {"learning_rate": 0.1, "epsilon": 1e-12})
    np.testing.assert_allclose(w - w1, 0.1 * np.sign(dw), rtol=1e-8)
    assert state["t"] == 1


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_inputs_are_not_modified(name):
    w, dw = FIXTURE["w0"].copy(), gradient(FIXTURE["w0"])
    state = {"learning_rate": 0.1}
    for _ in range(2):
        w_before, dw_before, state_before = w.copy(), dw.copy(), dict(state)
        memory_before = {k: np.copy(v) for k, v in state.items()}
        w_next, state_next = OPTIMIZERS[name](w, dw, state)
        np.testing.assert_array_equal(w, w_before)
        np.testing.assert_array_equal(dw, dw_before)
        assert state.keys() == state_before.keys()
        for key, value in memory_before.items():
            np.testing.assert_array_equal(state[key], value)
        assert w_next is not w
        # A rule with memory returns a new state; sgd, without memory, the same one.
        assert (state_next is state) == (name == "sgd")
        w, state = w_next, state_next


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_float32_stays_float32(name):
    w = FIXTURE["w0"].astype(np.float32)
    dw = gradient(w).astype(np.float32)
    w, state = OPTIMIZERS[name](w, dw, {"learning_rate": 0.01})
    w, state = OPTIMIZERS[name](w, dw, state)
    assert w.dtype == np.float32


def test_get_optimizer_by_name_or_function():
    assert get_optimizer("adam") is adam
    assert get_optimizer(sgd) is sgd
    with pytest.raises(ValueError, match=r"one of \['adagrad', 'adam'.*got 'adma'"):
        get_optimizer("adma")


@pytest.mark.parametrize(
    "w, dw, state, error, message",
    [
        ([1.0, 2.0], np.ones(2), {"learning_rate": 0.1}, TypeError, "w must be a float64"),
        (np.ones(2), np.ones(2, dtype=int), {"learning_rate": 0.1}, TypeError, "dtype int"),
        (np.ones((2, 3)), np.ones((3, 2)), {"learning_rate": 0.1}, ValueError,
         r"dw must have the shape of w, \(2, 3\); got \(3, 2\)"),
        (np.ones(2), np.ones(2), 0.1, TypeError, "state must be a dict"),
        (np.ones(2), np.ones(2), {"lr": 0.1}, ValueError,
         r"'learning_rate'; got the keys \['lr'\]"),
        (np.ones(2), np.ones(2), {"learning_rate": -1.0}, ValueError, "positive number"),
        (np.ones(2), np.ones(2), {"learning_rate": "0.1"}, TypeError, "must be a number"),
    ],
    ids=["list", "int-dtype", "shape", "state-number", "no-lr", "negative-lr", "string-lr"],
)
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_bad_input(name, w, dw, state, error, message):
    with pytest.raises(error, match=message):
        OPTIMIZERS[name](w, dw, state)


@pytest.mark.parametrize(
    "update, key, value, message",
    [
        (momentum, "momentum", 1.0, r"in \[0, 1\)"),
        (nesterov, "momentum", -0.1, r"in \[0, 1\)"),
        (momentum_ema, "beta", 1.5, r"in \[0, 1\)"),
        (adam, "beta2", 1.0, r"'beta2'\] must be in \[0, 1\)"),
        (adam, "epsilon", 0.0, "positive"),
        (OPTIMIZERS["rmsprop"], "decay_rate", 2, r"in \[0, 1\)"),
        (OPTIMIZERS["adagrad"], "epsilon", float("nan"), "positive"),
    ],
)
def test_bad_hyperparameters(update, key, value, message):
    with pytest.raises(ValueError, match=message):
        update(np.ones(2), np.ones(2), {"learning_rate": 0.1, key: value})
