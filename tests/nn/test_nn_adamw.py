"""AdamW takes torch.optim.AdamW's steps to 1e-12, and is not Adam with L2.

The trajectories come from tests/fixtures/make_recipe_fixture.py (recipe_torch.npz).
"""
from pathlib import Path

import numpy as np
import pytest

from utils.nn.optim import OPTIMIZERS, adam, adamw

FIXTURE = np.load(Path(__file__).parents[1] / "fixtures" / "recipe_torch.npz")
CUSTOM = {"beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6, "weight_decay": 0.3}


def gradient(w):
    return FIXTURE["adamw_c"] * (w - FIXTURE["adamw_target"]) + w**3 / 10


@pytest.mark.parametrize("run_name, state", [("default", {}), ("custom", CUSTOM)])
def test_trajectory_equals_torch_adamw(run_name, state):
    state = dict(state)
    w = FIXTURE["adamw_w0"]
    points = [w]
    for lr in FIXTURE[f"adamw_{run_name}_lrs"]:
        state["learning_rate"] = lr
        w, state = adamw(w, gradient(w), state)
        points.append(w)
    np.testing.assert_allclose(np.array(points), FIXTURE[f"adamw_{run_name}_w"],
                               rtol=0, atol=1e-12)


def test_adamw_is_registered_for_the_trainer():
    assert OPTIMIZERS["adamw"] is adamw


def test_without_decay_it_is_adam(rng):
    w, dw = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    ours, _ = adamw(w, dw, {"learning_rate": 0.1, "weight_decay": 0.0})
    np.testing.assert_array_equal(ours, adam(w, dw, {"learning_rate": 0.1})[0])


def test_decoupled_decay_differs_from_l2_through_adams_division():
    # Two weights of equal size, one with a gradient 1000 times the other's. Adam divides
    # each step by that weight's gradient scale, so L2's lambda w (added to dw) is felt by
    # the weight with the small gradient and hardly by the other; AdamW shrinks both alike.
    w = np.array([[1.0, 1.0]])
    dw = np.array([[1e-3, 1.0]])
    lr, decay = 0.01, 0.1
    decoupled, _ = adamw(w, dw, {"learning_rate": lr, "weight_decay": decay})
    plain, _ = adam(w, dw, {"learning_rate": lr})
    l2, _ = adam(w, dw + decay * w, {"learning_rate": lr})
    shrink_decoupled = plain - decoupled
    shrink_l2 = plain - l2
    np.testing.assert_allclose(shrink_decoupled, lr * decay * w, rtol=1e-12)
    assert shrink_l2[0, 1] < 0.1 * shrink_l2[0, 0]


def test_the_callers_state_and_weights_are_not_changed(rng):
    w, dw = rng.normal(size=(2, 2)), rng.normal(size=(2, 2))
    state = {"learning_rate": 0.1}
    w_before = w.copy()
    adamw(w, dw, state)
    assert state == {"learning_rate": 0.1}
    np.testing.assert_array_equal(w, w_before)


@pytest.mark.parametrize("decay", [-0.1, float("nan"), "0.1", True])
def test_a_bad_weight_decay_is_named(decay):
    with pytest.raises((TypeError, ValueError), match="weight_decay"):
        adamw(np.ones((2, 2)), np.ones((2, 2)), {"learning_rate": 0.1, "weight_decay": decay})
