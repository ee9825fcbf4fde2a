"""Notebook 10, exercise 5 ("Where is the noise?"), driven exactly as worded, and the
claims its worked solution makes.

The exercise: NeuralNetwork([2, 100, 100, 3], random_state=0, keep_prob=...) trained by
Trainer(net, learning_rate=0.1, epochs=60, batch_size=..., random_state=0) with batch_size
60 (the whole training set) or 10 and keep_prob 1 or 0.5; and, at learning_rate=1.0,
batch_size=10 with keep_prob=0.5 diverges. The solution: only full batches without dropout
give a smooth training loss (it never rises); mini-batches add sampling noise (the curve
depends on the shuffling), dropout adds its own (the curve depends on the masks).
"""
import warnings

import numpy as np
import pytest

from utils.data import load_iris_sepals
from utils.nn.network import NeuralNetwork
from utils.nn.trainer import NonFiniteLossWarning, Trainer

RUNS = [(60, 1.0), (60, 0.5), (10, 1.0), (10, 0.5)]


def train(batch_size, keep_prob, learning_rate=0.1, epochs=60, shuffle_seed=0, mask_seed=None):
    """The exercise's run; shuffle_seed and mask_seed change one source of randomness only."""
    X_train, X_val, y_train, y_val = load_iris_sepals()
    net = NeuralNetwork([2, 100, 100, 3], random_state=0, keep_prob=keep_prob)
    if mask_seed is not None:
        net.dropout_rng = np.random.default_rng(mask_seed)
    trainer = Trainer(net, learning_rate=learning_rate, epochs=epochs, batch_size=batch_size,
                      random_state=shuffle_seed)
    return trainer.fit(X_train, y_train, X_val, y_val)


def rises(loss):
    return int(np.sum(np.diff(loss) > 0))


def test_the_training_set_is_one_full_batch_of_60():
    X_train, _, _, _ = load_iris_sepals()
    assert X_train.shape == (2, 60)


@pytest.fixture(scope="module")
def runs():
    return {run: train(*run) for run in RUNS}


def test_all_four_runs_train_at_learning_rate_0_1(runs):
    for run, trainer in runs.items():
        loss = np.array(trainer.history_["loss"])
        assert not trainer.diverged_, run
        assert loss.shape == (60,) and np.isfinite(loss).all(), run
        assert loss[-1] < 0.6 * loss[0], run


def test_only_full_batches_without_dropout_give_a_loss_that_never_rises(runs):
    assert rises(runs[60, 1.0].history_["loss"]) == 0
    for run in RUNS[1:]:
        # The solution: the other three rise in 25 to 28 of the 59 epochs.
        assert 20 <= rises(runs[run].history_["loss"]) <= 40, run


def test_full_batches_remove_the_sampling_noise_and_mini_batches_have_it(runs):
    # A full batch is the same batch whatever the shuffling: the same run exactly.
    full = train(60, 1.0, shuffle_seed=1).history_["loss"]
    np.testing.assert_allclose(full, runs[60, 1.0].history_["loss"], rtol=1e-12)
    # Mini-batches of 10 depend on the shuffling.
    other = np.array(train(10, 1.0, shuffle_seed=1).history_["loss"])
    assert np.abs(other - runs[10, 1.0].history_["loss"]).max() > 0.05


def test_dropout_noise_comes_from_the_masks(runs):
    other = np.array(train(60, 0.5, mask_seed=1).history_["loss"])
    assert np.abs(other - runs[60, 0.5].history_["loss"]).max() > 0.05


def test_at_learning_rate_1_mini_batches_of_10_with_dropout_diverge_with_a_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        trainer = train(10, 0.5, learning_rate=1.0, epochs=400)
    assert trainer.diverged_
    assert len(trainer.history_["loss"]) < 400
    assert sum(issubclass(w.category, NonFiniteLossWarning) for w in caught) == 1


def test_at_learning_rate_1_full_batches_with_dropout_do_not_diverge():
    # The notebook's own run (train(keep_prob=0.5) in notebook 10): the same rate is fine.
    trainer = train(60, 0.5, learning_rate=1.0, epochs=400)
    assert not trainer.diverged_ and len(trainer.history_["loss"]) == 400
