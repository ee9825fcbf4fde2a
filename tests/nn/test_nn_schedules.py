"""Each schedule gives PyTorch's learning rates over a 30-epoch run, to 1e-12.

The rates come from tests/fixtures/make_schedules_fixture.py (torch.optim.lr_scheduler,
committed as schedules_torch.npz); this file does not need torch.
"""
from pathlib import Path

import numpy as np
import pytest

from utils.nn.schedules import (
    constant,
    cosine_annealing,
    exponential_decay,
    get_schedule,
    linear_warmup,
    step_decay,
)

FIXTURE = np.load(Path(__file__).parents[1] / "fixtures" / "schedules_torch.npz")
LR = float(FIXTURE["lr"])

# The same schedules as the fixture script's PyTorch schedulers.
SCHEDULES = {
    "step": step_decay(step_size=7, gamma=0.5),
    "exponential": exponential_decay(gamma=0.9),
    "cosine": cosine_annealing(total_epochs=20, min_learning_rate=0.001),
    "warmup": linear_warmup(warmup_epochs=5, start_factor=0.25),
    "warmup_cosine": linear_warmup(4, start_factor=0.1, then=cosine_annealing(30 - 4)),
}


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_learning_rates_equal_torch_schedulers(name):
    expected = FIXTURE[name]
    rates = [SCHEDULES[name](LR, epoch) for epoch in range(len(expected))]
    np.testing.assert_allclose(rates, expected, rtol=1e-12, atol=0)


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_the_fixture_changes_the_rate(name):
    """Guard against a fixture where the rate never moves (a constant would match it)."""
    assert np.ptp(FIXTURE[name]) > 0.05


def test_get_schedule_by_name_function_or_none():
    assert [get_schedule(None, 10)(0.1, e) for e in (0, 9)] == [0.1, 0.1]
    assert get_schedule("cosine", 10)(0.1, 10) == pytest.approx(0.0, abs=1e-15)
    assert get_schedule("step", 9)(0.1, 3) == pytest.approx(0.01)
    warm = get_schedule("warmup_cosine", 20)
    assert warm(0.1, 0) == pytest.approx(0.01) and warm(0.1, 2) == pytest.approx(0.1)

    def halve(learning_rate, epoch):
        return learning_rate / 2

    assert get_schedule(halve, 5) is halve
    assert get_schedule("constant", 5)(0.3, 4) == constant()(0.3, 4) == 0.3


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: step_decay(0), ValueError, "step_size must be >= 1; got 0"),
        (lambda: step_decay(2.5), TypeError, "step_size must be a whole number"),
        (lambda: exponential_decay(1.5), ValueError, r"gamma must be in \(0, 1\]; got 1.5"),
        (lambda: exponential_decay("0.9"), TypeError, "gamma must be a number"),
        (lambda: cosine_annealing(0), ValueError, "total_epochs must be >= 1"),
        (lambda: cosine_annealing(10, -0.1), ValueError, "min_learning_rate must be >= 0"),
        (lambda: linear_warmup(5, start_factor=0), ValueError, r"start_factor must be in \(0"),
        (lambda: linear_warmup(5, then=0.1), TypeError, "then must be a schedule"),
        (lambda: get_schedule("cosin", 10), ValueError, r"names \['constant', 'cosine'"),
        (lambda: get_schedule(0.5, 10), TypeError, "schedule must be None or a function"),
        (lambda: get_schedule("cosine", 0), ValueError, "epochs must be >= 1"),
    ],
)
def test_bad_knobs(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize(
    "epoch, learning_rate, error, message",
    [
        (-1, 0.1, ValueError, "epoch must be >= 0; got -1"),
        (1.0, 0.1, TypeError, "epoch must be a whole number"),
        (1, 0.0, ValueError, "learning_rate must be a positive number; got 0.0"),
        (1, None, TypeError, "learning_rate must be a positive number; got None"),
    ],
)
@pytest.mark.parametrize("name", list(SCHEDULES))
def test_bad_call(name, epoch, learning_rate, error, message):
    with pytest.raises(error, match=message):
        SCHEDULES[name](learning_rate, epoch)
