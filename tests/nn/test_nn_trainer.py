"""The trainer and the practitioner's sanity checks: initial loss about ln(C), a tiny batch
overfitted to 100 %, and real data sets learned to a known accuracy."""
import warnings

import numpy as np
import pytest

from utils import (
    NeuralNetwork,
    NonFiniteLossWarning,
    Trainer,
    load_digits_data,
    load_mnist_sample,
    make_flower,
)
from utils.nn import OPTIMIZERS, sgd
from utils.nn.trainer import take_columns


@pytest.fixture(scope="module")
def digits():
    return load_digits_data(test_size=0.2, random_state=0)


def test_initial_loss_is_about_ln_C(digits):
    X_train, _, y_train, _ = digits
    # Scores near 0 make softmax uniform, 1/C per class: the loss is -ln(1/C) = ln C.
    small = NeuralNetwork([64, 32, 10], init="small", random_state=0)
    assert small.loss(X_train, y_train)[0] == pytest.approx(np.log(10), abs=1e-3)
    he = NeuralNetwork([64, 32, 10], init="he", random_state=0)
    assert he.loss(X_train, y_train)[0] == pytest.approx(np.log(10), rel=0.2)


def test_overfits_a_tiny_batch_to_100_percent(digits):
    X_train, _, y_train, _ = digits
    X, y = X_train[:, :20], y_train[:20]
    net = NeuralNetwork([64, 50, 10], random_state=0)
    trainer = Trainer(net, learning_rate=0.5, epochs=200, batch_size=20, random_state=0).fit(X, y)
    assert trainer.history_["train_acc"][-1] == 1.0
    assert trainer.history_["loss"][-1] < 0.01


def test_learns_digits_to_95_percent(digits):
    X_train, X_test, y_train, y_test = digits
    net = NeuralNetwork([64, 64, 10], random_state=0)
    Trainer(net, learning_rate=0.1, epochs=30, batch_size=32, random_state=0).fit(X_train, y_train)
    assert net.accuracy(X_test, y_test) >= 0.95


def test_learns_the_mnist_sample_to_90_percent():
    X_train, X_test, y_train, y_test = load_mnist_sample(test_size=0.2, random_state=0)
    net = NeuralNetwork([784, 100, 10], random_state=0)
    Trainer(net, learning_rate=0.1, epochs=6, batch_size=32, random_state=0,
            track_train_acc=False).fit(X_train, y_train)
    assert net.accuracy(X_test, y_test) >= 0.90


def test_separates_the_flower_that_logistic_regression_cannot():
    X, y = make_flower(m=400, random_state=1)
    net = NeuralNetwork([2, 8, 1], activation="tanh", init="xavier", random_state=0)
    Trainer(net, learning_rate=0.5, epochs=300, batch_size=400, random_state=0).fit(X, y)
    assert net.accuracy(X, y) >= 0.85


def test_history_has_one_entry_per_epoch(digits):
    X_train, X_test, y_train, y_test = digits
    net = NeuralNetwork([64, 16, 10], random_state=0)
    history = Trainer(net, learning_rate=0.1, epochs=4, batch_size=100, random_state=0).fit(
        X_train, y_train, X_test, y_test).history_
    assert sorted(history) == ["loss", "lr", "train_acc", "val_acc", "val_loss"]
    assert all(len(values) == 4 for values in history.values())
    assert history["lr"] == [0.1] * 4
    # What is recorded is what the model says after the last epoch.
    assert history["train_acc"][-1] == net.accuracy(X_train, y_train)
    assert history["val_acc"][-1] == net.accuracy(X_test, y_test)
    assert history["val_loss"][-1] == pytest.approx(net.loss(X_test, y_test)[0], rel=1e-12)
    assert history["loss"][-1] < history["loss"][0]


def test_no_validation_data_leaves_its_history_empty(digits):
    X_train, _, y_train, _ = digits
    history = Trainer(NeuralNetwork([64, 8, 10], random_state=0), epochs=2,
                      track_train_acc=False).fit(X_train, y_train).history_
    assert history["val_loss"] == history["val_acc"] == history["train_acc"] == []
    assert len(history["loss"]) == 2


def test_one_update_per_mini_batch_through_the_update_rule(digits):
    X_train, _, y_train, _ = digits
    calls = []

    def counting_sgd(w, dw, state):
        calls.append(state["learning_rate"])
        return sgd(w, dw, state)

    net = NeuralNetwork([64, 8, 10], random_state=0)
    Trainer(net, optimizer=counting_sgd, learning_rate=0.05, epochs=2, batch_size=500,
            schedule=lambda lr0, epoch: lr0 / (1 + epoch), track_train_acc=False).fit(
        X_train, y_train)
    batches = -(-X_train.shape[1] // 500)  # 1437 examples: 3 batches, the last of 437
    n_params = len(net.params)
    assert calls == [0.05] * (batches * n_params) + [0.025] * (batches * n_params)


def test_the_seed_fixes_the_result(digits):
    X_train, _, y_train, _ = digits

    def train(seed):
        net = NeuralNetwork([64, 8, 10], random_state=0)
        return Trainer(net, epochs=2, batch_size=50, random_state=seed).fit(X_train, y_train)

    assert train(1).history_["loss"] == train(1).history_["loss"]
    assert train(1).history_["loss"] != train(2).history_["loss"]


@pytest.mark.parametrize("dtype, learning_rate", [(np.float32, 1e30), (np.float64, 1e250)])
def test_a_diverging_loss_warns_once_and_stops(digits, dtype, learning_rate):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 32, 10], random_state=0, dtype=dtype)
    trainer = Trainer(net, learning_rate=learning_rate, epochs=50, batch_size=64, random_state=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        trainer.fit(X_train.astype(dtype), y_train)
    # One warning of our class, and no NumPy RuntimeWarning (overflow, invalid value) around it.
    assert [w.category for w in caught] == [NonFiniteLossWarning]
    message = str(caught[0].message)
    assert "Training diverged: the loss became nan in epoch 1" in message
    assert "Training stopped" in message and "smaller learning_rate" in message
    largest = max(np.abs(p).max() for p in net.params.values())
    assert f"the largest parameter is {largest:.2g}" in message
    assert trainer.diverged_
    assert len(trainer.history_["loss"]) < 50
    assert all(np.isfinite(trainer.history_["loss"]))


def test_an_overflow_in_the_last_update_is_reported_too(digits):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 32, 10], random_state=0, dtype=np.float32)
    # One epoch of one batch: no later loss would reveal the overflowed weights.
    trainer = Trainer(net, learning_rate=1e39, epochs=1, batch_size=2000)
    with pytest.warns(NonFiniteLossWarning,
                      match="parameters overflowed in epoch 1.*some parameters are inf or NaN"):
        trainer.fit(X_train.astype(np.float32), y_train)
    assert trainer.diverged_ and trainer.history_["loss"] == []


def test_the_warning_class_can_be_filtered(digits):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 32, 10], random_state=0, dtype=np.float32)
    trainer = Trainer(net, learning_rate=1e30, epochs=5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", NonFiniteLossWarning)
        trainer.fit(X_train.astype(np.float32), y_train)
    assert trainer.diverged_


def test_float32_stays_float32(digits):
    X_train, _, y_train, _ = digits
    net = NeuralNetwork([64, 16, 10], random_state=0, dtype=np.float32)
    Trainer(net, epochs=1, schedule=lambda lr0, epoch: np.float64(lr0)).fit(
        X_train.astype(np.float32), y_train)
    assert all(p.dtype == np.float32 for p in net.params.values())
    _, grads = net.loss(X_train.astype(np.float32), y_train)
    assert all(g.dtype == np.float32 for g in grads.values())


def test_training_data_are_not_modified(digits):
    X_train, X_test, y_train, y_test = digits
    copies = [a.copy() for a in digits]
    Trainer(NeuralNetwork([64, 8, 10], random_state=0), epochs=2).fit(
        X_train, y_train, X_test, y_test)
    for before, after in zip(copies, digits, strict=True):
        np.testing.assert_array_equal(before, after)


def test_optimizers_registry_holds_sgd():
    assert OPTIMIZERS["sgd"] is sgd
    w, dw = np.array([1.0, 2.0]), np.array([0.5, -1.0])
    state = {"learning_rate": 0.1}
    new_w, new_state = sgd(w, dw, state)
    np.testing.assert_allclose(new_w, [0.95, 2.1])
    assert new_state is state
    np.testing.assert_array_equal(w, [1.0, 2.0])


def test_one_filter_silences_the_course_s_divergence_warnings():
    from utils import DivergenceWarning

    assert issubclass(NonFiniteLossWarning, DivergenceWarning)


@pytest.mark.parametrize("layout", ["rows.T, as the loaders return", "C order", "a strided view"])
def test_every_mini_batch_is_columns_of_X_and_every_column_comes_once(layout):
    # Row 0 of X numbers the examples, so each batch tells which columns it was cut from.
    m, rng = 300, np.random.default_rng(0)
    rows = np.column_stack([np.arange(m), rng.random((m, 4))])
    X = {"rows.T, as the loaders return": rows.T,
         "C order": np.ascontiguousarray(rows.T),
         "a strided view": np.repeat(rows.T, 2, axis=0)[::2]}[layout]
    y = rng.integers(0, 3, m)
    seen = []

    class Spy(NeuralNetwork):
        def loss(self, X, y, mode="train"):
            seen.append((X.copy(), y.copy()))
            return super().loss(X, y, mode)

    Trainer(Spy([5, 4, 3], random_state=0), epochs=2, batch_size=64, random_state=1,
            track_train_acc=False).fit(X, y)
    for epoch in (seen[:5], seen[5:]):
        columns = np.concatenate([X_batch[0].astype(int) for X_batch, _ in epoch])
        assert sorted(columns) == list(range(m))  # a permutation: each example once
        assert [X_batch.shape[1] for X_batch, _ in epoch] == [64, 64, 64, 64, 44]
        for X_batch, y_batch in epoch:
            columns = X_batch[0].astype(int)
            np.testing.assert_array_equal(X_batch, rows.T[:, columns])
            np.testing.assert_array_equal(y_batch, y[columns])
    assert not np.array_equal(seen[0][0][0], seen[5][0][0])  # shuffled anew each epoch


@pytest.mark.parametrize("order", ["F", "C"])
def test_take_columns_is_a_copy_of_the_columns_in_either_layout(order):
    X = np.asarray(np.random.default_rng(0).random((7, 50), dtype=np.float32), order=order)
    columns = np.array([49, 0, 3, 3, 17])
    taken = take_columns(X, columns)
    np.testing.assert_array_equal(taken, X[:, columns])
    assert taken.dtype == np.float32 and not np.shares_memory(taken, X)
