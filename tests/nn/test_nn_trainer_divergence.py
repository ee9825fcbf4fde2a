"""A diverging run of the Trainer gives one NonFiniteLossWarning that says what happened and
what to try, and no NumPy RuntimeWarning: neither from training nor from the evaluation
after each epoch (training accuracy, validation loss), which overflow first."""
import warnings

import numpy as np
import pytest

from utils import NeuralNetwork, NonFiniteLossWarning, Trainer, load_iris_sepals


@pytest.fixture(scope="module")
def iris():
    return load_iris_sepals()


def train(iris, batch_size=60, validation=True, **knobs):
    """Notebooks 9 and 10's train(): 400 epochs at learning rate 1.0, with validation data
    and the default track_train_acc=True."""
    X_train, X_val, y_train, y_val = iris
    net = NeuralNetwork([2, 100, 100, 3], random_state=0, **knobs)
    trainer = Trainer(net, learning_rate=1.0, epochs=400, batch_size=batch_size,
                      random_state=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if validation:
            trainer.fit(X_train, y_train, X_val, y_val)
        else:
            trainer.fit(X_train, y_train)
    return net, trainer, caught


def assert_one_warning_that_says_what_happened(net, trainer, caught):
    # DivergenceWarning is a RuntimeWarning: no other warning at all may come with it.
    assert [w.category for w in caught] == [NonFiniteLossWarning]
    assert caught[0].filename == __file__  # it points at the line that called fit
    message = str(caught[0].message)
    assert message.startswith("Training diverged: ")
    assert f"in epoch {len(trainer.history_['loss']) + 1}" in message
    largest = max(np.abs(p).max() for p in net.params.values())
    assert largest > 1e100  # far past anything a network needs, though finite
    assert f"the largest parameter is {largest:.2g}" in message
    assert "finite" not in message.replace("inf or NaN", "")
    assert "Try a smaller learning_rate (now 1.0)" in message
    assert trainer.diverged_
    assert len(trainer.history_["loss"]) < 400
    assert all(np.isfinite(values).all() for values in trainer.history_.values())


def test_notebook_9_exercise_4_as_worded(iris):
    # "Train train(reg=30.0) ... Why does train(reg=100.0) diverge?"
    net, trainer, caught = train(iris, reg=30.0)
    assert caught == [] and not trainer.diverged_
    net, trainer, caught = train(iris, reg=100.0)
    assert_one_warning_that_says_what_happened(net, trainer, caught)
    assert "or a smaller reg (now 100.0)" in str(caught[0].message)


def test_the_training_accuracy_alone_is_measured_quietly_too(iris):
    # Without validation data the diverging run is found when the training accuracy is
    # measured after an epoch: the scores overflow, and the model refuses to predict.
    net, trainer, caught = train(iris, validation=False, reg=100.0)
    assert_one_warning_that_says_what_happened(net, trainer, caught)
    assert "the network's scores overflowed" in str(caught[0].message)


def test_a_dropout_network_at_batch_10_and_learning_rate_1(iris):
    # Notebook 10, exercise 5's setting: train() with batch_size=10 and keep_prob=0.5.
    net, trainer, caught = train(iris, batch_size=10, keep_prob=0.5)
    assert_one_warning_that_says_what_happened(net, trainer, caught)
    assert "reg" not in str(caught[0].message)


def test_a_validation_loss_that_overflows_is_reported_alone(iris):
    X_train, X_val, y_train, y_val = iris
    net = NeuralNetwork([2, 8, 3], random_state=0)
    trainer = Trainer(net, learning_rate=0.1, epochs=5, batch_size=60)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # Finite inputs (at most 3.2e307) whose scores overflow float64.
        trainer.fit(X_train, y_train, X_val * 1e307, y_val)
    assert [w.category for w in caught] == [NonFiniteLossWarning]
    assert str(caught[0].message).startswith(
        "Training diverged: the validation loss became inf in epoch 1.")
    assert trainer.diverged_ and trainer.history_["loss"] == []


def test_refitting_a_diverged_model_blames_its_parameters_not_the_learning_rate(iris):
    # What a student does after the warning: the same network, a smaller learning rate. Its
    # scores overflow before any step of the new fit, so a smaller learning rate cannot
    # help: fit refuses at once, saying why, and changes nothing.
    X_train, X_val, y_train, y_val = iris
    net, trainer, first = train(iris, reg=100.0)
    assert trainer.diverged_ and len(first) == 1
    net.reg = 0.0
    before = {name: value.copy() for name, value in net.params.items()}
    again = Trainer(net, learning_rate=0.01, epochs=5, batch_size=60, random_state=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="did training diverge. Then make a new network"):
            again.fit(X_train, y_train, X_val, y_val)
    assert caught == []  # no NumPy warning either
    assert all(np.array_equal(net.params[name], value) for name, value in before.items())
