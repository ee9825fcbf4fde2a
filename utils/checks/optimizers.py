"""Exercise checks of notebook 12, optimizers.

The expected values come from the course's update rules and schedules, which the tests
prove equal to PyTorch's torch.optim and its schedulers.
"""
import numpy as np

from ..nn.optim import adam, momentum
from ..nn.schedules import cosine_annealing
from ._runner import run_cases


def check_momentum_step(momentum_step):
    """Check ``momentum_step(w, dw, v, mu, learning_rate)`` -> (w, v), PyTorch's momentum:
    v := mu v + dw, then w := w - learning_rate v; w and v are not changed in place."""
    rng = np.random.default_rng(12)

    def expected(w, dw, v, mu, learning_rate):
        w, state = momentum(w, dw, {"learning_rate": learning_rate, "momentum": mu,
                                    "velocity": v})
        return w, state["velocity"]

    mistakes = [
        (lambda w, dw, v, mu, learning_rate: (w + learning_rate * (mu * v + dw), mu * v + dw),
         "w moves with the sign flipped: step against the velocity, w := w - learning_rate v"),
        (lambda w, dw, v, mu, learning_rate: (w - learning_rate * v, mu * v + dw),
         "w moved with the old velocity: update v first, then step with the new v"),
        (lambda w, dw, v, mu, learning_rate: (w - learning_rate * (mu * v + (1 - mu) * dw),
                                              mu * v + (1 - mu) * dw),
         "this is the average form, v := mu v + (1 - mu) dw; PyTorch's form adds dw "
         "itself, v := mu v + dw"),
        (lambda w, dw, v, mu, learning_rate: (w + mu * v - learning_rate * dw,
                                              mu * v - learning_rate * dw),
         "this is cs231n's form, v := mu v - learning_rate dw; w := w + v. Use PyTorch's: "
         "v := mu v + dw, then w := w - learning_rate v"),
    ]
    cases = [
        {"w": np.array([1.0, -2.0]), "dw": np.array([0.5, 1.0]), "v": np.zeros(2),
         "mu": 0.9, "learning_rate": 0.1},
        {"w": rng.normal(size=(3, 4)), "dw": rng.normal(size=(3, 4)),
         "v": rng.normal(size=(3, 4)), "mu": 0.9, "learning_rate": 0.01},
        {"w": rng.normal(size=(2, 1)), "dw": rng.normal(size=(2, 1)),
         "v": rng.normal(size=(2, 1)), "mu": 0.0, "learning_rate": 0.5},
    ]
    run_cases("momentum_step", momentum_step, cases, expected, outputs=("w", "v"),
              mistakes=mistakes)


def _adam(w, dw, v, s, t, learning_rate, beta1, beta2, epsilon, correct=True,
          eps_inside=False, late=False):
    t_used = t if late else t + 1
    v = beta1 * v + (1 - beta1) * dw
    s = beta2 * s + (1 - beta2) * dw**2
    if correct:
        v_hat, s_hat = v / (1 - beta1**t_used), s / (1 - beta2**t_used)
    else:
        v_hat, s_hat = v, s
    root = np.sqrt(s_hat + epsilon) if eps_inside else np.sqrt(s_hat) + epsilon
    return w - learning_rate * v_hat / root, v, s, t + 1


def check_adam_step(adam_step):
    """Check ``adam_step(w, dw, v, s, t, learning_rate, beta1, beta2, epsilon)`` ->
    (w, v, s, t) after one bias-corrected Adam step; t counts the steps before this one.

    v and s are the averages of the gradients and of their squares, as notebook 12 names
    them (the course's adam keeps them as state "m" and "v", PyTorch's names).
    """
    rng = np.random.default_rng(13)

    def expected(w, dw, v, s, t, learning_rate, beta1, beta2, epsilon):
        state = {"learning_rate": learning_rate, "beta1": beta1, "beta2": beta2,
                 "epsilon": epsilon, "m": v, "v": s, "t": t}
        w, state = adam(w, dw, state)
        return w, state["m"], state["v"], state["t"]

    def case(shape, t, beta1=0.9, beta2=0.999, epsilon=1e-8):
        started = t > 0  # before the first step, v and s are 0
        return {"w": rng.normal(size=shape), "dw": rng.normal(size=shape),
                "v": started * 0.1 * rng.normal(size=shape),
                "s": started * 0.01 * rng.uniform(0.5, 1.5, size=shape), "t": t,
                "learning_rate": 0.01, "beta1": beta1, "beta2": beta2, "epsilon": epsilon}

    mistakes = [
        (lambda **case: _adam(**case, correct=False),
         "w moved without the bias correction: divide v by 1 - beta1^t and s by "
         "1 - beta2^t"),
        (lambda **case: _adam(**case, eps_inside=True),
         "epsilon is inside the square root: divide by np.sqrt(s_hat) + epsilon"),
        (lambda **case: _adam(**case, late=True),
         "t was incremented after the step: increment it first, so that the first step "
         "divides by 1 - beta1^1, not by 1 - beta1^0 = 0"),
        (lambda **case: _adam(**case)[:3] + (case["t"],),
         "t is returned unchanged: it counts the steps, this one included (t + 1)"),
    ]
    cases = [case((3,), t=0), case((3, 2), t=4), case((2, 2), t=1, beta1=0.5, beta2=0.9),
             case((4,), t=2, epsilon=1e-2)]
    run_cases("adam_step", adam_step, cases, expected, outputs=("w", "v", "s", "t"),
              mistakes=mistakes)


def check_cosine_schedule(cosine_lr):
    """Check ``cosine_lr(learning_rate, epoch, total_epochs)`` -> the learning rate
    learning_rate (1 + cos(pi epoch / total_epochs)) / 2 of cosine annealing to 0."""

    def expected(learning_rate, epoch, total_epochs):
        return cosine_annealing(total_epochs)(learning_rate, epoch)

    mistakes = [
        (lambda learning_rate, epoch, total_epochs: learning_rate * (
            1 + np.cos(2 * np.pi * epoch / total_epochs)) / 2,
         "the cosine goes through a full period (2 pi): the schedule is half a period, "
         "cos(pi epoch / total_epochs), from learning_rate down to 0"),
        (lambda learning_rate, epoch, total_epochs: learning_rate * (
            1 + np.cos(np.pi * epoch / total_epochs)),
         "the 1/2 is missing: at epoch 0 the rate is learning_rate, not twice it"),
        (lambda learning_rate, epoch, total_epochs: learning_rate * np.cos(
            np.pi * epoch / total_epochs),
         "learning_rate cos(pi epoch / T) goes negative: the schedule is "
         "learning_rate (1 + cos(pi epoch / T)) / 2"),
        (lambda learning_rate, epoch, total_epochs: learning_rate * (
            1 + np.cos(np.pi * (epoch + 1) / total_epochs)) / 2,
         "the epochs are counted from 1: epoch 0 gets the full learning_rate"),
    ]
    cases = [
        {"learning_rate": 0.1, "epoch": 0, "total_epochs": 10},
        {"learning_rate": 0.1, "epoch": 3, "total_epochs": 10},
        {"learning_rate": 0.02, "epoch": 15, "total_epochs": 30},
        {"learning_rate": 1.0, "epoch": 30, "total_epochs": 30},
    ]
    run_cases("cosine_lr", cosine_lr, cases, expected, outputs="learning rate",
              mistakes=mistakes)
