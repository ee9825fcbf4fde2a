"""clip_by_global_norm equals torch.nn.utils.clip_grad_norm_ (recipe_torch.npz) and the math."""
from pathlib import Path

import numpy as np
import pytest

from utils.nn.clipping import clip_by_global_norm

FIXTURE = np.load(Path(__file__).parents[1] / "fixtures" / "recipe_torch.npz")
NAMES = ("dW1", "db1", "dW2")


@pytest.mark.parametrize("k", range(len(FIXTURE["clip_max_norms"])))
def test_equals_torch_clip_grad_norm(k):
    grads = {name: FIXTURE[f"clip_in_{name}"] for name in NAMES}
    clipped, total = clip_by_global_norm(grads, float(FIXTURE["clip_max_norms"][k]))
    assert total == pytest.approx(float(FIXTURE[f"clip_{k}_total"]), rel=1e-14)
    for name in NAMES:
        np.testing.assert_allclose(clipped[name], FIXTURE[f"clip_{k}_{name}"], rtol=0, atol=1e-14)


def test_fixture_covers_clipped_and_unclipped_cases():
    totals = [float(FIXTURE[f"clip_{k}_total"]) for k in range(3)]
    assert min(FIXTURE["clip_max_norms"]) < totals[0] < max(FIXTURE["clip_max_norms"])


def test_the_clipped_step_keeps_its_direction_and_has_length_max_norm(rng):
    grads = {"dW1": rng.normal(size=(4, 3)) * 10, "db1": rng.normal(size=(4, 1))}
    clipped, total = clip_by_global_norm(grads, 1.0)
    flat = np.concatenate([g.ravel() for g in grads.values()])
    flat_clipped = np.concatenate([g.ravel() for g in clipped.values()])
    assert total == pytest.approx(np.linalg.norm(flat), rel=1e-14)
    assert np.linalg.norm(flat_clipped) == pytest.approx(1.0, rel=1e-5)
    np.testing.assert_allclose(flat_clipped * total, flat, rtol=1e-5)


def test_small_gradients_are_left_alone_and_the_callers_arrays_unchanged(rng):
    grads = {"dW1": rng.normal(size=(2, 2)) * 1e-3}
    before = grads["dW1"].copy()
    clipped, _ = clip_by_global_norm(grads, 1.0)
    np.testing.assert_array_equal(clipped["dW1"], before)
    np.testing.assert_array_equal(grads["dW1"], before)
    assert clipped["dW1"] is not grads["dW1"]


def test_float32_gradients_stay_float32_and_do_not_overflow():
    grads = {"dW1": np.full((2, 2), 1e30, np.float32)}
    clipped, total = clip_by_global_norm(grads, 1.0)
    assert clipped["dW1"].dtype == np.float32
    assert total == pytest.approx(2e30, rel=1e-6)
    np.testing.assert_allclose(clipped["dW1"], 0.5, rtol=1e-6)


@pytest.mark.parametrize("grads, max_norm, message", [
    ({}, 1.0, "non-empty dict"),
    ([np.ones(2)], 1.0, "non-empty dict"),
    ({"dW1": np.ones(2, int)}, 1.0, r"grads\['dW1'\] must be a float ndarray"),
    ({"dW1": np.ones(2)}, 0.0, "max_norm must be a positive number"),
    ({"dW1": np.ones(2)}, float("inf"), "max_norm"),
    ({"dW1": np.array([1.0, np.nan])}, 1.0, "inf or NaN"),
])
def test_bad_input_is_named(grads, max_norm, message):
    with pytest.raises((TypeError, ValueError), match=message):
        clip_by_global_norm(grads, max_norm)
