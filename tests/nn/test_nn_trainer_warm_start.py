"""Training split across calls of fit (warm_start=True) is the same training as one call,
a schedule function included; a named schedule (made for one fit's epochs) restarts."""
import math

import numpy as np
import pytest

from utils import NeuralNetwork, Trainer, load_digits_data
from utils.nn.schedules import cosine_annealing


def train(optimizer, calls, epochs_per_call):
    X_train, X_val, y_train, y_val = load_digits_data()
    net = NeuralNetwork([64, 16, 10], random_state=0)
    trainer = Trainer(net, optimizer=optimizer, learning_rate=0.01, epochs=epochs_per_call,
                      batch_size=64, random_state=0, warm_start=True)
    for _ in range(calls):
        trainer.fit(X_train, y_train, X_val, y_val)
    return net.params, trainer.history_


def test_two_calls_of_two_epochs_are_one_call_of_four():
    for optimizer in ("sgd", "adam"):  # adam: its moments and step count must carry over
        params_split, history_split = train(optimizer, calls=2, epochs_per_call=2)
        params_once, history_once = train(optimizer, calls=1, epochs_per_call=4)
        for name in params_once:
            np.testing.assert_array_equal(params_split[name], params_once[name])
        assert history_split == history_once
        assert len(history_split["loss"]) == 4


def test_without_warm_start_each_fit_starts_a_new_history():
    X_train, _, y_train, _ = load_digits_data()
    trainer = Trainer(NeuralNetwork([64, 16, 10], random_state=0), epochs=2)
    trainer.fit(X_train, y_train)
    trainer.fit(X_train, y_train)
    assert len(trainer.history_["loss"]) == 2


def cosine(lr0, epoch, period):
    """The closed form of cosine annealing from lr0 to 0 over ``period`` epochs."""
    return lr0 * (1 + math.cos(math.pi * epoch / period)) / 2


def test_a_schedule_function_goes_on_across_fits():
    # Three fits of 2 epochs with cosine_annealing(6) are one fit of 6 epochs, bit for bit.
    (params_split, _), history_split = train_with_schedule(cosine_annealing(6), calls=3,
                                                           epochs_per_call=2)
    (params_once, _), history_once = train_with_schedule(cosine_annealing(6), calls=1,
                                                         epochs_per_call=6)
    assert history_split["lr"] == pytest.approx([cosine(0.05, e, 6) for e in range(6)],
                                                rel=1e-12)
    assert history_split == history_once
    for name in params_once:
        np.testing.assert_array_equal(params_split[name], params_once[name])


def test_a_named_schedule_restarts_with_every_fit():
    # schedule="cosine" is the cosine of one fit of `epochs` epochs: a warm restart each fit,
    # as torch's CosineAnnealingWarmRestarts(T_0=epochs).
    (_, trainer), history = train_with_schedule("cosine", calls=3, epochs_per_call=4)
    assert history["lr"] == pytest.approx([cosine(0.05, e % 4, 4) for e in range(12)],
                                          rel=1e-12)
    assert len(history["loss"]) == 12 and not trainer.diverged_


def train_with_schedule(schedule, calls, epochs_per_call):
    X_train, X_val, y_train, y_val = load_digits_data()
    net = NeuralNetwork([64, 16, 10], random_state=0)
    trainer = Trainer(net, optimizer="momentum", learning_rate=0.05, epochs=epochs_per_call,
                      batch_size=128, schedule=schedule, random_state=0, warm_start=True)
    for _ in range(calls):
        trainer.fit(X_train, y_train, X_val, y_val)
    return (net.params, trainer), trainer.history_
