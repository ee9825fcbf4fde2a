"""Learning-rate schedules: how the learning rate changes from epoch to epoch.

A schedule is a function ``schedule(learning_rate, epoch) -> lr``: the learning rate to use
during ``epoch`` (0, 1, 2, ...; the first epoch is 0) when training starts from
``learning_rate`` (alpha_0). The functions below build one from its knobs, e.g.

    schedule = cosine_annealing(total_epochs=20)
    [schedule(0.1, epoch) for epoch in range(20)]      # 0.1 ... down to about 0.0006

and the trainer calls it at the start of every epoch. Any function of (learning_rate, epoch)
works too, e.g. deeplearning.ai's ``lambda alpha_0, epoch: alpha_0 / (1 + 0.5 * epoch)``.

Each schedule gives the learning rates of its PyTorch counterpart (named in its docstring)
as read from ``optimizer.param_groups[0]["lr"]`` after ``epoch`` calls to
``scheduler.step()`` (tests/nn/test_nn_schedules.py compares them to 1e-12).
"""
import math
import numbers

from ._checks import is_finite_number


def step_decay(step_size, gamma=0.1):
    """lr = learning_rate gamma^(epoch // step_size): divide by 1/gamma every step_size epochs.

    torch.optim.lr_scheduler.StepLR(step_size=step_size, gamma=gamma).
    """
    _check_int("step_size", step_size, minimum=1)
    _check_real("gamma", gamma, lambda g: 0 < g <= 1, "in (0, 1]")

    def schedule(learning_rate, epoch):
        _check_call(learning_rate, epoch)
        return learning_rate * gamma ** (epoch // step_size)

    return schedule


def exponential_decay(gamma=0.95):
    """lr = learning_rate gamma^epoch.  torch.optim.lr_scheduler.ExponentialLR(gamma=gamma)."""
    _check_real("gamma", gamma, lambda g: 0 < g <= 1, "in (0, 1]")

    def schedule(learning_rate, epoch):
        _check_call(learning_rate, epoch)
        return learning_rate * gamma**epoch

    return schedule


def cosine_annealing(total_epochs, min_learning_rate=0.0):
    """Half a cosine from learning_rate (epoch 0) down to min_learning_rate (epoch total_epochs).

        lr = min_lr + (learning_rate - min_lr) (1 + cos(pi epoch / total_epochs)) / 2

    torch.optim.lr_scheduler.CosineAnnealingLR(T_max=total_epochs, eta_min=min_lr). Like
    PyTorch's, it climbs back up after total_epochs (a cosine), so give the number of
    epochs of the run.
    """
    _check_int("total_epochs", total_epochs, minimum=1)
    _check_real("min_learning_rate", min_learning_rate, lambda x: 0 <= x < math.inf, ">= 0")

    def schedule(learning_rate, epoch):
        _check_call(learning_rate, epoch)
        cosine = (1 + math.cos(math.pi * epoch / total_epochs)) / 2
        return min_learning_rate + (learning_rate - min_learning_rate) * cosine

    return schedule


def linear_warmup(warmup_epochs, start_factor=0.1, then=None):
    """Grow lr linearly from start_factor learning_rate to learning_rate, then follow ``then``.

    During the first warmup_epochs epochs:
        lr = learning_rate (start_factor + (1 - start_factor) epoch / warmup_epochs)
    afterwards ``then(learning_rate, epoch - warmup_epochs)``, or learning_rate if then is
    None. Large learning rates (and Adam's first steps) are safer after a warm-up.

    torch.optim.lr_scheduler.LinearLR(start_factor, total_iters=warmup_epochs), followed
    (then given) by then's scheduler through SequentialLR(milestones=[warmup_epochs]).
    """
    _check_int("warmup_epochs", warmup_epochs, minimum=1)
    _check_real("start_factor", start_factor, lambda f: 0 < f <= 1, "in (0, 1]")
    if then is not None and not callable(then):
        raise TypeError(f"then must be a schedule (a function) or None; got {then!r}")

    def schedule(learning_rate, epoch):
        _check_call(learning_rate, epoch)
        if epoch < warmup_epochs:
            return learning_rate * (start_factor + (1 - start_factor) * epoch / warmup_epochs)
        if then is None:
            return learning_rate
        return then(learning_rate, epoch - warmup_epochs)

    return schedule


def constant():
    """lr = learning_rate in every epoch (no schedule)."""

    def schedule(learning_rate, epoch):
        _check_call(learning_rate, epoch)
        return learning_rate

    return schedule


def get_schedule(schedule, epochs):
    """The schedule for a run of ``epochs`` epochs, from a function, a name or None.

    None: constant. A function (learning_rate, epoch) -> lr: itself. A name:
    "constant"; "step": step_decay(step_size=max(1, epochs // 3), gamma=0.1);
    "exponential": exponential_decay(0.95); "cosine": cosine_annealing(epochs);
    "warmup_cosine": linear_warmup(w, 0.1, then=cosine_annealing(epochs - w)) with
    w = max(1, epochs // 10) epochs of warm-up.
    """
    _check_int("epochs", epochs, minimum=1)
    if schedule is None:
        return constant()
    if callable(schedule):
        return schedule
    warmup = max(1, epochs // 10)
    named = {
        "constant": constant,
        "step": lambda: step_decay(max(1, epochs // 3), 0.1),
        "exponential": lambda: exponential_decay(0.95),
        "cosine": lambda: cosine_annealing(epochs),
        "warmup_cosine": lambda: linear_warmup(
            warmup, 0.1, then=cosine_annealing(max(1, epochs - warmup))
        ),
    }
    if isinstance(schedule, str) and schedule in named:
        return named[schedule]()
    error = ValueError if isinstance(schedule, str) else TypeError
    raise error(
        f"schedule must be None or a function schedule(learning_rate, epoch) -> lr, "
        f"or one of the names {sorted(named)}; got {schedule!r}"
    )


def _check_int(name, value, minimum):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= {minimum}; got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {value}")
    if value > _LARGEST:  # epoch / total_epochs would not fit in a float
        raise ValueError(f"{name} must be at most 2**53; got a number of {len(str(value))} digits")


_LARGEST = 2**53  # the largest count whose float is exact


def _check_real(name, value, is_valid, expected):
    """Raise unless value is a real number for which is_valid(value) holds."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number {expected}; got {value!r}")
    if not (is_finite_number(value) and is_valid(value)):
        raise ValueError(f"{name} must be {expected}; got {value!r}")


def _check_call(learning_rate, epoch):
    _check_int("epoch", epoch, minimum=0)
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real):
        raise TypeError(f"learning_rate must be a positive number; got {learning_rate!r}")
    if not (is_finite_number(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive number; got {learning_rate!r}")
