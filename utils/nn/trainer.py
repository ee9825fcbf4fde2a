"""Mini-batch gradient descent for any model with ``params``, ``loss``, ``predict`` and
``scores``.

Each epoch shuffles the columns of X with a seeded Generator, cuts them into mini-batches
of ``batch_size`` examples (the last one may be smaller), and for each batch asks the model
for (loss, grads) and lets the update rule move every parameter. After each epoch it
records the history a practitioner watches.
"""
import math
import warnings

import numpy as np

from ..validation import (
    DivergenceWarning,
    validate_bool,
    validate_positive_int,
    validate_random_state,
)
from ._checks import check_batch_norm_batches, check_positive_number, check_training_data
from .optim import get_optimizer
from .schedules import get_schedule

# Examples per forward pass when measuring accuracy and loss after an epoch, so that
# the activations of a whole data set are never held at once.
EVAL_CHUNK = 4096


def take_columns(X, columns):
    """X[:, columns], a new array of shape (n_x, len(columns)).

    The loaders store X as rows.T: each example, a column of X, lies contiguous in memory
    (X is "F-contiguous"). Copying those columns as whole rows of X.T with np.take is then
    about twice as fast as X[:, columns], which NumPy gathers element by element. Any other
    X (C order, a strided view) is gathered with X[:, columns].
    """
    if X.flags.f_contiguous:
        return np.take(X.T, columns, axis=0).T
    return X[:, columns]


class NonFiniteLossWarning(DivergenceWarning):
    """The loss became NaN or infinite (learning rate too high?) and training stopped.

    A DivergenceWarning, as section 1's trainers give: one filter silences them all.
    """


class Trainer:
    """Mini-batch gradient descent with a per-epoch history.

    Parameters
    ----------
    model : object
        With ``params`` (dict of arrays), ``loss(X, y, mode) -> (loss, grads)`` where
        grads["d" + name] is the gradient of params[name], ``predict(X) -> (m,)`` and
        ``scores(X) -> (C, m)``; e.g. a NeuralNetwork.
    optimizer : str or callable
        A name in optim.OPTIMIZERS ("sgd", "momentum", "nesterov", "adam", ...) or a rule
        update(w, dw, state) -> (w, state).
    learning_rate : float
        alpha, or the initial learning rate alpha_0 when there is a schedule.
    epochs : int
        Passes over the training set.
    batch_size : int
        Examples per mini-batch; batch_size >= m gives batch gradient descent. On a
        batch-norm network, a batch_size that would leave a last mini-batch of one example
        (m % batch_size == 1) is refused before training, with a batch_size that works:
        batch norm cannot estimate a variance from one example.
    schedule : str, callable or None
        schedule(learning_rate, epoch) -> the learning rate of epoch 0, 1, ..., e.g.
        schedules.cosine_annealing(epochs); or a name: "step", "exponential", "cosine",
        "warmup_cosine" (see schedules.get_schedule); None keeps learning_rate.
    random_state : int or None
        Seed of the shuffling.
    track_train_acc : bool
        Measure the accuracy on the whole training set after every epoch: one more
        forward pass over it, about half the work of the epoch's training for a wide
        network. False leaves history_["train_acc"] empty.
    warm_start : bool
        If True, a second call of fit continues where the first stopped: the update
        rule's memory (Adam's moments, ...), the shuffling Generator and the history go
        on, and ``epochs`` more epochs are trained (a long run split across cells).
        False starts every fit afresh, except for the model's weights, which are the
        model's own.

    Attributes
    ----------
    history_ : dict of lists, one entry per completed epoch
        "loss": mean of the epoch's mini-batch losses (the parameters change during the
        epoch, as in scikit-learn's loss_curve_); "train_acc"; "val_loss", "val_acc"
        (empty without validation data); "lr": the learning rate used.
    states_ : dict
        The update rule's state of each parameter, by parameter name.
    diverged_ : bool
        Whether training stopped because the loss became NaN or infinite.
    """

    def __init__(self, model, optimizer="sgd", learning_rate=0.1, epochs=10, batch_size=64,
                 schedule=None, random_state=None, track_train_acc=True, *,
                 warm_start=False):
        self.model = model
        self.optimizer = optimizer
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.schedule = schedule
        self.random_state = random_state
        self.track_train_acc = track_train_acc
        self.warm_start = warm_start

    def fit(self, X, y, X_val=None, y_val=None):
        """Train the model on X of shape (n_x, m) and integer labels y of shape (m,).

        X_val, y_val : optional validation data, (n_x, m_val) and (m_val,).
        Returns self. The data are never modified nor copied whole: each mini-batch is a
        copy of its own columns only.
        """
        update = self._check_args(X, y, X_val, y_val)
        if not (self.warm_start and hasattr(self, "history_")):
            self.rng_ = np.random.default_rng(self.random_state)
            self.states_ = {name: {} for name in self.model.params}
            self.history_ = {key: [] for key in ("loss", "train_acc", "val_loss", "val_acc",
                                                 "lr")}
        self.diverged_ = False
        done = len(self.history_["loss"])
        for epoch in range(done, done + self.epochs):
            lr = self._learning_rate(epoch)
            # Overflow to inf or NaN is caught below, through the loss, and reported by one
            # NonFiniteLossWarning instead of a stream of NumPy RuntimeWarnings.
            with np.errstate(over="ignore", invalid="ignore"):
                epoch_loss = self._run_epoch(X, y, self.rng_, update, lr)
            if epoch_loss is None:
                self.diverged_ = True
                break
            self._record(epoch_loss, lr, X, y, X_val, y_val)
        return self

    def _run_epoch(self, X, y, rng, update, lr):
        """One pass over the shuffled mini-batches; their mean loss, or None if it diverged."""
        m = X.shape[1]
        order = rng.permutation(m)
        total = 0.0
        for start in range(0, m, self.batch_size):
            batch = order[start:start + self.batch_size]
            X_batch, y_batch = take_columns(X, batch), y[batch]
            loss, grads = self.model.loss(X_batch, y_batch, mode="train")
            if not math.isfinite(loss):
                self._warn_diverged(f"The loss became {loss}", start // self.batch_size)
                return None
            total += loss * len(batch)
            params = self.model.params
            for name in params:
                self.states_[name]["learning_rate"] = lr
                params[name], self.states_[name] = update(params[name], grads["d" + name],
                                                          self.states_[name])
        # The last update has no next loss to reveal an overflow: look at the parameters.
        if not all(np.isfinite(p).all() for p in self.model.params.values()):
            self._warn_diverged("The parameters overflowed", start // self.batch_size)
            return None
        return total / m

    def _learning_rate(self, epoch):
        if self.schedule is None:
            return float(self.learning_rate)
        lr = get_schedule(self.schedule, self.epochs)(self.learning_rate, epoch)
        check_positive_number(f"schedule(learning_rate, {epoch})", lr)
        # A Python float: a NumPy float64 scalar would turn float32 parameters into float64.
        return float(lr)

    def _record(self, epoch_loss, lr, X, y, X_val, y_val):
        history = self.history_
        history["loss"].append(epoch_loss)
        history["lr"].append(lr)
        if self.track_train_acc:
            history["train_acc"].append(self._accuracy(X, y))
        if X_val is not None:
            history["val_loss"].append(self._mean_loss(X_val, y_val))
            history["val_acc"].append(self._accuracy(X_val, y_val))

    def _chunks(self, m):
        return (slice(start, start + EVAL_CHUNK) for start in range(0, m, EVAL_CHUNK))

    def _accuracy(self, X, y):
        correct = sum(int(np.sum(self.model.predict(X[:, s]) == y[s]))
                      for s in self._chunks(X.shape[1]))
        return correct / X.shape[1]

    def _mean_loss(self, X, y):
        total = sum(self.model.loss(X[:, s], y[s], mode="eval")[0] * len(y[s])
                    for s in self._chunks(X.shape[1]))
        return float(total / X.shape[1])

    def _warn_diverged(self, what, batch):
        epoch = len(self.history_["loss"])
        finite = all(np.isfinite(p).all() for p in self.model.params.values())
        warnings.warn(
            f"{what} in epoch {epoch}, mini-batch {batch}: training stopped, and the "
            f"parameters are {'all finite' if finite else 'NOT all finite (inf or NaN)'}. "
            f"Try a smaller learning rate.",
            NonFiniteLossWarning,
            stacklevel=4,
        )

    def _check_args(self, X, y, X_val, y_val):
        """Check the knobs and the data once, before training; return the update rule."""
        update = get_optimizer(self.optimizer)
        check_positive_number("learning_rate", self.learning_rate)
        validate_positive_int("epochs", self.epochs)
        validate_positive_int("batch_size", self.batch_size)
        validate_random_state(self.random_state)
        validate_bool("track_train_acc", self.track_train_acc)
        validate_bool("warm_start", self.warm_start)
        get_schedule(self.schedule, self.epochs)  # raises on a bad schedule
        self._check_data("X", X, "y", y)
        check_batch_norm_batches(self.model, X.shape[1], self.batch_size)
        if (X_val is None) != (y_val is None):
            raise ValueError("X_val and y_val go together: give both or neither")
        if X_val is not None:
            self._check_data("X_val", X_val, "y_val", y_val, n_x=X.shape[0])
        return update

    def _check_data(self, X_name, X, y_name, y, n_x=None):
        check_training_data(self.model, X_name, X, y_name, y, n_x)
