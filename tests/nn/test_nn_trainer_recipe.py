"""Trainer(clip_norm=...), grad_norms_ and AdamW through the trainer: each step against the
same step computed by hand from the model's gradients, and clipping's effect on digits."""
import warnings

import numpy as np
import pytest

from utils import NeuralNetwork, Trainer, load_digits_data
from utils.nn.clipping import clip_by_global_norm
from utils.nn.optim import adam, adamw


@pytest.fixture(scope="module")
def digits():
    return load_digits_data(test_size=0.2, random_state=0)


def one_full_batch_step(X, y, **trainer_knobs):
    """The network before and after one full-batch step of the trainer, and its gradients."""
    net = NeuralNetwork([64, 16, 10], random_state=0, layernorm=True)
    before = {name: value.copy() for name, value in net.params.items()}
    _, grads = net.loss(X, y)
    trainer = Trainer(net, epochs=1, batch_size=X.shape[1], track_train_acc=False,
                      **trainer_knobs).fit(X, y)
    return before, grads, net.params, trainer


def test_a_clipped_step_is_sgd_with_the_clipped_gradients(digits):
    X, _, y, _ = digits
    before, grads, after, trainer = one_full_batch_step(X, y, learning_rate=0.5, clip_norm=0.1)
    clipped, total = clip_by_global_norm(grads, 0.1)
    assert total > 0.1  # the case where clipping changes the step
    assert trainer.grad_norms_ == [pytest.approx(total, rel=1e-12)]
    for name in before:
        np.testing.assert_allclose(after[name], before[name] - 0.5 * clipped["d" + name],
                                   rtol=1e-12, atol=1e-15)


def test_grad_norms_has_one_entry_per_mini_batch_and_nothing_is_clipped_without_clip_norm(
        digits):
    X, _, y, _ = digits
    net = NeuralNetwork([64, 16, 10], random_state=0)
    trainer = Trainer(net, epochs=2, batch_size=500, track_grad_norm=True,
                      track_train_acc=False, random_state=0).fit(X, y)
    assert len(trainer.grad_norms_) == 2 * int(np.ceil(X.shape[1] / 500))
    assert all(np.isfinite(trainer.grad_norms_)) and min(trainer.grad_norms_) > 0
    assert Trainer(net, epochs=1).fit(X, y).grad_norms_ == []


def test_adamw_in_the_trainer_decays_the_weights_only(digits):
    X, _, y, _ = digits
    knobs = {"optimizer": "adamw", "learning_rate": 0.01}
    before, grads, after, trainer = one_full_batch_step(X, y, **knobs)
    for name in before:
        rule_state = {"learning_rate": 0.01}
        if name.startswith("W"):
            expected, _ = adamw(before[name], grads["d" + name], rule_state)
        else:  # b, gamma, beta: Adam's step, no decay
            expected, _ = adam(before[name], grads["d" + name], rule_state)
        np.testing.assert_allclose(after[name], expected, rtol=1e-12, atol=1e-15, err_msg=name)
    assert trainer.states_["b1"]["weight_decay"] == 0.0
    assert trainer.states_["W1"]["weight_decay"] == 0.01


def test_clipping_rescues_a_learning_rate_that_kills_the_network(digits):
    # At alpha = 2 the first steps are so large that every hidden ReLU dies: the network
    # predicts one class (about 10 %). Clipped to norm 1, the same run learns.
    X_train, X_test, y_train, y_test = digits
    accuracy = {}
    for clip_norm in (None, 1.0):
        net = NeuralNetwork([64, 128, 10], random_state=0)
        Trainer(net, learning_rate=2.0, epochs=10, batch_size=32, random_state=0,
                clip_norm=clip_norm, track_train_acc=False).fit(X_train, y_train)
        accuracy[clip_norm] = net.accuracy(X_test, y_test)
    assert accuracy[None] < 0.2 and accuracy[1.0] > 0.95


@pytest.mark.parametrize("knobs, error, message", [
    ({"clip_norm": 0}, ValueError, "clip_norm must be a positive number"),
    ({"clip_norm": float("inf")}, ValueError, "clip_norm must be a positive number"),
    ({"track_grad_norm": "yes"}, TypeError, "track_grad_norm must be True or False"),
])
def test_bad_knobs(digits, knobs, error, message):
    X, _, y, _ = digits
    with pytest.raises(error, match=message):
        Trainer(NeuralNetwork([64, 8, 10]), **knobs).fit(X, y)


def test_a_diverging_run_that_records_gradient_norms_warns_once(digits):
    X, _, y, _ = digits
    # L2's decay factor 1 - alpha lambda / m = 1 - 100 / 32 < -1: the weights grow.
    net = NeuralNetwork([64, 32, 10], random_state=0, reg=100.0)
    trainer = Trainer(net, learning_rate=1.0, epochs=20, batch_size=32, random_state=0,
                      track_train_acc=False, track_grad_norm=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        trainer.fit(X, y)
    assert trainer.diverged_
    assert [w.category.__name__ for w in caught] == ["NonFiniteLossWarning"]
