"""Label smoothing equals torch.nn.CrossEntropyLoss(label_smoothing=eps) (recipe_torch.npz),
and its gradient softmax(Z) - Y_smooth matches numerical gradients."""
from pathlib import Path

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn.losses import output_loss, smoothed_cross_entropy, softmax, softmax_cross_entropy

FIXTURE = np.load(Path(__file__).parents[1] / "fixtures" / "recipe_torch.npz")


@pytest.mark.parametrize("k", range(len(FIXTURE["ls_eps"])))
def test_loss_and_gradient_equal_torch(k):
    eps = float(FIXTURE["ls_eps"][k])
    loss, dZ = smoothed_cross_entropy(FIXTURE["ls_Z"], FIXTURE["ls_y"], eps)
    assert loss == pytest.approx(float(FIXTURE[f"ls_{k}_loss"]), rel=1e-13)
    np.testing.assert_allclose(dZ, FIXTURE[f"ls_{k}_dZ"], rtol=0, atol=1e-14)


@pytest.mark.parametrize("eps", [0.05, 0.5])
def test_gradient_matches_numerical_gradient(rng, eps):
    Z, y = rng.normal(size=(3, 5)), np.array([0, 2, 1, 1, 0])
    _, dZ = smoothed_cross_entropy(Z, y, eps)
    numeric = numerical_gradient(lambda Z: smoothed_cross_entropy(Z, y, eps)[0], Z.copy())
    assert relative_error(dZ, numeric) < 1e-8


def test_the_gradient_is_softmax_minus_the_smoothed_targets(rng):
    C, m, eps = 4, 3, 0.2
    Z, y = rng.normal(size=(C, m)), np.array([3, 0, 1])
    Y_smooth = np.full((C, m), eps / C)
    Y_smooth[y, np.arange(m)] += 1 - eps
    np.testing.assert_allclose(smoothed_cross_entropy(Z, y, eps)[1],
                               (softmax(Z) - Y_smooth) / m, rtol=1e-12)


def test_the_minimum_is_no_longer_at_infinite_confidence():
    # Without smoothing the loss keeps falling as the true score grows; with eps = 0.1 over
    # C = 2 classes it is smallest where softmax gives the true class 1 - eps / 2 = 0.95.
    y = np.array([0])
    margins = np.linspace(0, 10, 1001)
    losses = [smoothed_cross_entropy(np.array([[s], [0.0]]), y, 0.1)[0] for s in margins]
    best = margins[int(np.argmin(losses))]
    assert best == pytest.approx(np.log(0.95 / 0.05), abs=0.01)


@pytest.mark.parametrize("eps", [-0.1, 1.5, "0.1", float("nan")])
def test_a_bad_label_smoothing_is_named(eps):
    with pytest.raises((TypeError, ValueError), match="label_smoothing must be a number in"):
        smoothed_cross_entropy(np.zeros((2, 1)), np.array([0]), eps)


def test_without_smoothing_it_is_the_plain_cross_entropy(rng):
    Z, y = rng.normal(size=(4, 6)), rng.integers(0, 4, 6)
    loss, dZ = smoothed_cross_entropy(Z, y, 0.0)
    plain_loss, plain_dZ = softmax_cross_entropy(Z, y)
    assert loss == pytest.approx(plain_loss, rel=1e-14)
    np.testing.assert_allclose(dZ, plain_dZ, rtol=1e-13)
    assert output_loss(Z, y, 0.2)[0] == smoothed_cross_entropy(Z, y, 0.2)[0]
