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
    _caller_stacklevel,
    validate_bool,
    validate_positive_int,
    validate_random_state,
)
from ._checks import check_batch_norm_batches, check_positive_number, check_training_data
from .clipping import global_norm, scale_to_norm
from .optim import adamw, get_optimizer
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
    """Training stopped because the loss (of a mini-batch, or of the validation data after
    an epoch) or the parameters became NaN or infinite: the learning rate is too high?

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
        "warmup_cosine", the schedule of that name for a run of ``epochs`` epochs (see
        schedules.get_schedule); None keeps learning_rate. With warm_start, see there.
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
        A schedule given as a function goes on too: it is called with the epoch counted
        from the first fit, as the history counts them (3, 4, 5 in the second fit of
        epochs=3), so give it the whole run's length, e.g. cosine_annealing(15) for five
        fits of 3 epochs. A named schedule is one fit's (it was made for ``epochs``
        epochs), so each fit runs it again from its epoch 0: a warm restart, as in
        SGDR (Loshchilov and Hutter, 2017; for "cosine", torch.optim.lr_scheduler.
        CosineAnnealingWarmRestarts(T_0=epochs)).
        False starts every fit afresh, except for the model's weights, which are the
        model's own.
    optimizer_options : dict or None
        The update rule's hyper-parameters other than the learning rate, e.g.
        {"momentum": 0.8} or {"weight_decay": 0.05}: every parameter's state starts with
        them (the rule's defaults otherwise). With "adamw", biases, gammas and betas get
        "weight_decay": 0 whatever is given here: only the weights W{l} are decayed.
    clip_norm : float or None
        If given, every mini-batch's gradients are clipped to this global norm before the
        update (clipping.clip_by_global_norm, PyTorch's clip_grad_norm_). None: no clipping.
    track_grad_norm : bool
        Record every mini-batch's global gradient norm (before clipping) in
        grad_norms_; always recorded when clip_norm is set.

    Attributes
    ----------
    history_ : dict of lists, one entry per completed epoch
        "loss": mean of the epoch's mini-batch losses (the parameters change during the
        epoch, as in scikit-learn's loss_curve_); "train_acc"; "val_loss", "val_acc"
        (empty without validation data); "lr": the learning rate used.
    grad_norms_ : list of float, one per mini-batch
        The global norm of each step's gradients before clipping (with clip_norm or
        track_grad_norm; empty otherwise).
    states_ : dict
        The update rule's state of each parameter, by parameter name.
    diverged_ : bool
        Whether the last fit stopped because the loss, the validation loss or the
        parameters became NaN or infinite. It then gives one NonFiniteLossWarning (and no
        NumPy RuntimeWarning), which says what became NaN or infinite, in which epoch,
        and what to try; the history holds the epochs before that one.
    """

    def __init__(self, model, optimizer="sgd", learning_rate=0.1, epochs=10, batch_size=64,
                 schedule=None, random_state=None, track_train_acc=True, *,
                 warm_start=False, optimizer_options=None, clip_norm=None,
                 track_grad_norm=False):
        self.model = model
        self.optimizer = optimizer
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.schedule = schedule
        self.random_state = random_state
        self.track_train_acc = track_train_acc
        self.warm_start = warm_start
        self.optimizer_options = optimizer_options
        self.clip_norm = clip_norm
        self.track_grad_norm = track_grad_norm

    def fit(self, X, y, X_val=None, y_val=None):
        """Train the model on X of shape (n_x, m) and integer labels y of shape (m,).

        X_val, y_val : optional validation data, (n_x, m_val) and (m_val,).
        Returns self. The data are never modified nor copied whole: each mini-batch is a
        copy of its own columns only.
        """
        update = self._check_args(X, y, X_val, y_val)
        if not (self.warm_start and hasattr(self, "history_")):
            self.rng_ = np.random.default_rng(self.random_state)
            self.states_ = {name: self._initial_state(name) for name in self.model.params}
            self.history_ = {key: [] for key in ("loss", "train_acc", "val_loss", "val_acc",
                                                 "lr")}
            self.grad_norms_ = []
        self.diverged_ = False
        first = self._first_epoch = len(self.history_["loss"])  # see _warn_diverged
        for epoch in range(first, first + self.epochs):
            lr = self._learning_rate(epoch, epoch - first)
            # A diverging run overflows long before its loss is NaN, in training and in the
            # evaluation after each epoch alike. NumPy's warnings are silenced for both, and
            # _warn_diverged reports the run once, as one NonFiniteLossWarning.
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                epoch_loss = self._run_epoch(X, y, self.rng_, update, lr)
                metrics = None if epoch_loss is None else self._evaluate(X, y, X_val, y_val)
            if metrics is None:
                self.diverged_ = True
                break
            self._record(epoch_loss, lr, metrics)
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
                self._warn_diverged(f"the loss became {loss}", start // self.batch_size)
                return None
            total += loss * len(batch)
            if self.clip_norm is not None or self.track_grad_norm:
                grads = self._record_and_clip(grads)
            params = self.model.params
            for name in params:
                self.states_[name]["learning_rate"] = lr
                params[name], self.states_[name] = update(params[name], grads["d" + name],
                                                          self.states_[name])
        # The last update has no next loss to reveal an overflow: look at the parameters.
        if not all(np.isfinite(p).all() for p in self.model.params.values()):
            self._warn_diverged("the parameters overflowed")
            return None
        return total / m

    def _record_and_clip(self, grads):
        """Record the gradients' global norm; with clip_norm, scale them to at most it."""
        norm = global_norm(grads)
        self.grad_norms_.append(norm)
        if self.clip_norm is None or not math.isfinite(norm):
            # A non-finite norm: the update makes the parameters non-finite, and the end of
            # the epoch reports it, once.
            return grads
        return scale_to_norm(grads, norm, self.clip_norm)

    def _initial_state(self, name):
        """The optimizer_options; for AdamW, no decay of biases and normalisation parameters."""
        state = dict(self.optimizer_options or {})
        if get_optimizer(self.optimizer) is adamw and not name.startswith("W"):
            state["weight_decay"] = 0.0
        return state

    def _learning_rate(self, epoch, epoch_of_fit):
        """The learning rate of the run's epoch ``epoch``, which is this fit's epoch
        ``epoch_of_fit`` (both from 0): a schedule function is called with the first, a
        named schedule with the second (see warm_start)."""
        if self.schedule is None:
            return float(self.learning_rate)
        if isinstance(self.schedule, str):
            epoch = epoch_of_fit
        lr = get_schedule(self.schedule, self.epochs)(self.learning_rate, epoch)
        check_positive_number(f"schedule(learning_rate, {epoch})", lr)
        # A Python float: a NumPy float64 scalar would turn float32 parameters into float64.
        return float(lr)

    def _evaluate(self, X, y, X_val, y_val):
        """The accuracies and validation loss to record after an epoch, or None (with a
        warning) if the validation loss is NaN or infinite or the scores overflowed."""
        metrics = {}
        if X_val is not None:
            metrics["val_loss"] = self._mean_loss(X_val, y_val)
            if not math.isfinite(metrics["val_loss"]):
                self._warn_diverged(f"the validation loss became {metrics['val_loss']}")
                return None
        try:
            if self.track_train_acc:
                metrics["train_acc"] = self._accuracy(X, y)
            if X_val is not None:
                metrics["val_acc"] = self._accuracy(X_val, y_val)
        except ValueError:
            # The data passed fit's checks, so a model that refuses to predict now has
            # scores that overflowed: its parameters grew too large.
            self._warn_diverged("the network's scores overflowed")
            return None
        return metrics

    def _record(self, epoch_loss, lr, metrics):
        self.history_["loss"].append(epoch_loss)
        self.history_["lr"].append(lr)
        for key, value in metrics.items():
            self.history_[key].append(value)

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

    def _warn_diverged(self, what, batch=None):
        """One NonFiniteLossWarning: what happened (``what``, in mini-batch ``batch`` of the
        epoch being trained), how the loss got there, how large the parameters are, and what
        to try."""
        losses = self.history_["loss"]
        where = f"in epoch {len(losses) + 1}"
        if batch is not None:
            where += f", mini-batch {batch + 1}"
        story = ""
        if losses and max(losses) > losses[0]:
            peak = int(np.argmax(losses))
            story = (f" The loss had grown from {losses[0]:.3g} in epoch 1 to "
                     f"{losses[peak]:.3g} in epoch {peak + 1}.")
        params = self.model.params.values()
        if all(np.isfinite(p).all() for p in params):
            size = f"the largest parameter is {max(np.abs(p).max() for p in params):.2g}"
        else:
            size = "some parameters are inf or NaN"
        advice = f"a smaller learning_rate (now {self.learning_rate!r})"
        reg = getattr(self.model, "reg", 0)
        if reg:
            advice += f" or a smaller reg (now {reg!r})"
        if batch == 0 and len(losses) == self._first_epoch:
            # No step of this fit was taken: the learning rate is not the cause, the
            # parameters the model came with are (typically those of an earlier fit that
            # diverged, since the weights are the model's own).
            where += ", before this fit's first update"
            advice = ("a fresh model: its parameters were already like this when fit "
                      "began (did an earlier fit of it diverge?)")
        warnings.warn(
            f"Training diverged: {what} {where}.{story} Training stopped; {size}. Try {advice}.",
            NonFiniteLossWarning,
            stacklevel=_caller_stacklevel(),
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
        options = self.optimizer_options
        if options is not None and not (isinstance(options, dict)
                                        and all(isinstance(k, str) for k in options)):
            raise TypeError("optimizer_options must be None or a dict of hyper-parameters, "
                            f"e.g. {{'weight_decay': 0.05}}; got {options!r}")
        if options and "learning_rate" in options:
            raise ValueError("give the learning rate as Trainer(learning_rate=...), not in "
                             "optimizer_options")
        if self.clip_norm is not None:
            check_positive_number("clip_norm", self.clip_norm)
        validate_bool("track_grad_norm", self.track_grad_norm)
        self._check_data("X", X, "y", y)
        check_batch_norm_batches(self.model, X.shape[1], self.batch_size)
        if (X_val is None) != (y_val is None):
            raise ValueError("X_val and y_val go together: give both or neither")
        if X_val is not None:
            self._check_data("X_val", X_val, "y_val", y_val, n_x=X.shape[0])
        return update

    def _check_data(self, X_name, X, y_name, y, n_x=None):
        # The model is asked for its number of outputs: parameters that overflow (a model
        # whose earlier fit diverged) must not warn here; training then reports them once.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            check_training_data(self.model, X_name, X, y_name, y, n_x)
