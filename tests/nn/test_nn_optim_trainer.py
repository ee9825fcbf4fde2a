"""The trainer takes every optimizer and schedule, by name or as a function."""
import numpy as np
import pytest

from utils.data import load_digits_data
from utils.nn import NeuralNetwork, Trainer
from utils.nn.diagnostics import recording_update_ratios, update_ratio_history
from utils.nn.optim import OPTIMIZERS, adam
from utils.nn.schedules import get_schedule, step_decay


@pytest.fixture(scope="module")
def digits():
    return load_digits_data(test_size=0.3, random_state=0)


LEARNING_RATES = {"sgd": 0.5, "momentum": 0.05, "momentum_ema": 0.5, "nesterov": 0.05,
                  "adagrad": 0.05, "rmsprop": 0.003, "adam": 0.003,
                  "adamw": 0.003}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_learns_digits(digits, name):
    X_train, X_test, y_train, y_test = digits
    net = NeuralNetwork([64, 32, 10], random_state=0)
    Trainer(net, optimizer=name, learning_rate=LEARNING_RATES[name], epochs=5,
            batch_size=32, random_state=0, track_train_acc=False).fit(X_train, y_train)
    assert net.accuracy(X_test, y_test) > 0.9


def test_optimizer_by_function_and_its_memory(digits):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 16, 10], random_state=0)
    trainer = Trainer(net, optimizer=adam, learning_rate=0.01, epochs=2, batch_size=100,
                      track_train_acc=False).fit(X_train, y_train)
    batches = 2 * int(np.ceil(X_train.shape[1] / 100))
    for name, state in trainer.states_.items():
        assert state["t"] == batches
        assert state["m"].shape == state["v"].shape == net.params[name].shape


@pytest.mark.parametrize("schedule", ["step", "exponential", "cosine", "warmup_cosine",
                                      step_decay(2, gamma=0.5)])
def test_schedule_by_name_or_function(digits, schedule):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 8, 10], random_state=0)
    trainer = Trainer(net, optimizer="momentum", learning_rate=0.05, epochs=6,
                      batch_size=500, schedule=schedule, track_train_acc=False)
    trainer.fit(X_train, y_train)
    expected = [get_schedule(schedule, 6)(0.05, epoch) for epoch in range(6)]
    assert trainer.history_["lr"] == pytest.approx(expected, rel=1e-15)
    assert len(set(trainer.history_["lr"])) > 1


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"optimizer": "adamax"}, ValueError, r"optimizer must be one of \['adagrad', 'adam'"),
        ({"schedule": "cosin"}, ValueError, r"or one of the names \['constant', 'cosine'"),
        ({"schedule": 0.5}, TypeError, "schedule must be None or a function"),
    ],
)
def test_bad_optimizer_or_schedule(digits, kwargs, error, message):
    X_train, _, y_train, _ = digits
    with pytest.raises(error, match=message):
        Trainer(NeuralNetwork([64, 8, 10]), **kwargs).fit(X_train, y_train)


def test_update_ratios_recorded_through_the_trainer(digits):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 16, 10], random_state=0)
    trainer = Trainer(net, optimizer=recording_update_ratios("sgd"), learning_rate=0.1,
                      epochs=2, batch_size=200, track_train_acc=False).fit(X_train, y_train)
    table = update_ratio_history(trainer.states_)
    assert list(table.columns) == ["W1", "W2"]
    assert len(table) == 2 * int(np.ceil(X_train.shape[1] / 200))
    # SGD's ratio lr std(dW) / std(W) on a healthy network: between 1e-4 and 1e-1
    assert table.to_numpy().min() > -4 and table.to_numpy().max() < -1
