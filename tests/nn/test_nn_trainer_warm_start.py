"""Training split across calls of fit (warm_start=True) is the same training as one call."""
import numpy as np

from utils import NeuralNetwork, Trainer, load_digits_data


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
