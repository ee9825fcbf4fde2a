"""Exercise checks of notebook 12, optimizers.

The expected values come from the course's update rules and schedules, which the tests
prove equal to PyTorch's torch.optim and its schedulers.
"""
import numpy as np

from ..nn.optim import adam, momentum
from ..nn.schedules import cosine_annealing
from ._runner import allclose, run_cases


def check_momentum_step(momentum_step):
    """Check ``momentum_step(w, dw, v, mu, learning_rate)`` -> (w, v), PyTorch's momentum:
    v := mu v + dw, then w := w - learning_rate v."""
    rng = np.random.default_rng(12)

    def expected(w, dw, v, mu, learning_rate):
        w, state = momentum(w, dw, {"learning_rate": learning_rate, "momentum": mu,
                                    "velocity": v})
        return w, state["velocity"]

    cases = [
        {"w": np.array([1.0, -2.0]), "dw": np.array([0.5, 1.0]), "v": np.zeros(2),
         "mu": 0.9, "learning_rate": 0.1},
        {"w": rng.normal(size=(3, 4)), "dw": rng.normal(size=(3, 4)),
         "v": rng.normal(size=(3, 4)), "mu": 0.9, "learning_rate": 0.01},
        {"w": rng.normal(size=(2, 1)), "dw": rng.normal(size=(2, 1)),
         "v": rng.normal(size=(2, 1)), "mu": 0.0, "learning_rate": 0.5},
    ]
    run_cases("momentum_step", momentum_step, cases, expected, allclose, outputs=("w", "v"))


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

    def case(shape, t, beta1=0.9, beta2=0.999):
        started = t > 0  # before the first step, v and s are 0
        return {"w": rng.normal(size=shape), "dw": rng.normal(size=shape),
                "v": started * 0.1 * rng.normal(size=shape),
                "s": started * 0.01 * rng.uniform(0.5, 1.5, size=shape), "t": t,
                "learning_rate": 0.01, "beta1": beta1, "beta2": beta2, "epsilon": 1e-8}

    cases = [case((3,), t=0), case((3, 2), t=4), case((2, 2), t=1, beta1=0.5, beta2=0.9)]
    run_cases("adam_step", adam_step, cases, expected, allclose, outputs=("w", "v", "s", "t"))


def check_cosine_schedule(cosine_lr):
    """Check ``cosine_lr(learning_rate, epoch, total_epochs)`` -> the learning rate
    learning_rate (1 + cos(pi epoch / total_epochs)) / 2 of cosine annealing to 0."""

    def expected(learning_rate, epoch, total_epochs):
        return cosine_annealing(total_epochs)(learning_rate, epoch)

    cases = [
        {"learning_rate": 0.1, "epoch": 0, "total_epochs": 10},
        {"learning_rate": 0.1, "epoch": 5, "total_epochs": 10},
        {"learning_rate": 0.02, "epoch": 7, "total_epochs": 30},
        {"learning_rate": 1.0, "epoch": 30, "total_epochs": 30},
    ]
    run_cases("cosine_lr", cosine_lr, cases, expected, allclose)
