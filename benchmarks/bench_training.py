"""How fast and how lean the course's classes are, against references timed in the same run.

    python3 course.py bench            # or: .venv/bin/python benchmarks/bench_training.py

Every figure is printed as a ratio to a reference measured moments before on the same
machine, so the ratios, not the seconds, are what to compare between machines:

1. one full-batch epoch of AdalineGD and LogisticRegressionGD, against the lower bound
   (the two matrix-vector products over X that any full-batch epoch needs, X @ w and
   X.T @ e) and against mlxtend's Adaline / LogisticRegression with minibatches=1;
2. one per-sample update of Perceptron and AdalineSGD, against mlxtend's Perceptron and
   Adaline(minibatches=n_samples);
3. the slides' loop against the vectorised logistic-regression gradient as m grows;
4. the peak memory that one full-batch epoch allocates, against the size of X.

Nothing here is asserted: timings are too noisy for tests. Targets are printed beside
the ratios.
"""
import tracemalloc

import numpy as np
from mlxtend.classifier import Adaline as MlxtendAdaline
from mlxtend.classifier import LogisticRegression as MlxtendLogisticRegression
from mlxtend.classifier import Perceptron as MlxtendPerceptron

from utils import (
    AdalineGD,
    AdalineSGD,
    LogisticRegressionGD,
    Perceptron,
    best_time,
    propagate,
    propagate_one_loop,
    propagate_two_loops,
)

REPEAT = 5


def best_of(fn, repeat=REPEAT):
    """Shortest wall-clock time of ``fn()`` over ``repeat`` runs, in seconds."""
    return best_time(fn, repeat=repeat)


def per_epoch(make_and_train, epochs):
    """Seconds per epoch: the difference between ``epochs + 1`` epochs and one epoch, so that
    the one-off input check is left out, divided by ``epochs``."""
    longer = best_of(lambda: make_and_train(epochs + 1))
    return (longer - best_of(lambda: make_and_train(1))) / epochs


def problem(n_samples, n_features, seed=0):
    """A linearly separable-ish problem: X of shape (n_samples, n_features), y in {-1, +1}."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_features))
    y = np.where(X @ rng.normal(size=n_features) + 0.5 * rng.normal(size=n_samples) >= 0, 1, -1)
    return X, y


def row(name, seconds, reference_name, reference_seconds, target, unit="ms"):
    scale = {"ms": 1e3, "us": 1e6}[unit]
    print(f"  {name:34s} {seconds * scale:9.3f} {unit}   {seconds / reference_seconds:6.2f}x "
          f"{reference_name:28s} target {target}")


def settle_the_allocator():
    """Allocate and free one 23 MiB array, as any working session has done long before.

    Until glibc's malloc has seen a block of that size freed, it hands freed memory straight
    back to the operating system, and every temporary of a few MiB then costs fresh page
    faults (about 4 ms an epoch here), which would swamp what is measured. Every contender,
    the bound included, is timed after this.
    """
    np.ones(3_000_000)


def full_batch_epoch():
    X, y = problem(200_000, 100)
    y01 = np.where(y == 1, 1, 0)
    epochs = 10
    print(f"1. One full-batch epoch, X of shape {X.shape} float64 ({X.nbytes / 2**20:.0f} MiB)")

    w, e = np.zeros(X.shape[1]), np.ones(X.shape[0])
    # Timed like the epochs below: a run of `epochs` iterations, best of REPEAT runs.
    bound = best_of(lambda: [(X @ w, X.T @ e) for _ in range(epochs)]) / epochs
    print(f"  {'lower bound: X @ w and X.T @ e':34s} {bound * 1e3:9.3f} ms")

    alpha = 1e-6  # small enough not to diverge on 200,000 samples
    ours = per_epoch(lambda k: AdalineGD(alpha=alpha, epochs=k).train(X, y), epochs)
    row("AdalineGD", ours, "the lower bound", bound, "<= 1.25x")
    mlx = per_epoch(lambda k: MlxtendAdaline(eta=alpha, epochs=k, minibatches=1,
                                             random_seed=0).fit(X, y01), epochs)
    row("mlxtend Adaline(minibatches=1)", mlx, "the lower bound", bound, "-")
    print(f"  {'':34s} AdalineGD is {mlx / ours:.2f}x as fast as mlxtend (target > 1)")

    ours = per_epoch(lambda k: LogisticRegressionGD(alpha=0.1, epochs=k).train(X, y01), epochs)
    row("LogisticRegressionGD", ours, "the lower bound", bound, "<= 1.25x")
    mlx = per_epoch(lambda k: MlxtendLogisticRegression(eta=0.1 / len(y), epochs=k, minibatches=1,
                                                        random_seed=0).fit(X, y01), epochs)
    row("mlxtend LogisticRegression(mb=1)", mlx, "the lower bound", bound, "-")
    print(f"  {'':34s} LogisticRegressionGD is {mlx / ours:.2f}x as fast as mlxtend (target > 1)")


def per_sample_update():
    X, y = problem(20_000, 10)
    y01 = np.where(y == 1, 1, 0)
    n = len(y)
    print(f"\n2. One per-sample update, X of shape {X.shape}, time per sample")

    ours = best_of(lambda: Perceptron(eta=0.1, epochs=1).train(X, y)) / n
    mlx = best_of(lambda: MlxtendPerceptron(eta=0.1, epochs=1, random_seed=0).fit(X, y01)) / n
    row("Perceptron", ours, "mlxtend Perceptron", mlx, "<= 1 (no slower)", unit="us")

    ours = best_of(lambda: AdalineSGD(alpha=1e-4, epochs=1, shuffle=True,
                                      random_state=0).train(X, y)) / n
    mlx = best_of(lambda: MlxtendAdaline(eta=1e-4, epochs=1, minibatches=n,
                                         random_seed=0).fit(X, y01)) / n
    row("AdalineSGD(shuffle=True)", ours, "mlxtend Adaline(mb=n)", mlx, "<= 1 (no slower)",
        unit="us")


def loop_against_vectorized():
    n_x = 20
    rng = np.random.default_rng(1)
    w = rng.normal(size=n_x)
    print(f"\n3. Logistic-regression gradient, {n_x} features: loops against propagate")
    for m in (100, 1_000, 10_000, 100_000):
        X, Y = rng.normal(size=(n_x, m)), (rng.random(m) < 0.5).astype(float)
        repeat = 1 if m >= 10_000 else REPEAT
        vectorized = best_time(propagate, w, 0.0, X, Y, repeat=REPEAT)
        one = best_time(propagate_one_loop, w, 0.0, X, Y, repeat=repeat)
        two = best_time(propagate_two_loops, w, 0.0, X, Y, repeat=repeat)
        print(f"  m = {m:>7,}: propagate {vectorized * 1e3:8.3f} ms;  "
              f"one loop {one / vectorized:6.0f}x, two loops {two / vectorized:6.0f}x as long")


def peak_memory():
    X, y = problem(200_000, 100)
    y01 = np.where(y == 1, 1, 0)
    print(f"\n4. Peak memory allocated by training for one epoch, "
          f"against X ({X.nbytes / 2**20:.0f} MiB)")
    runs = [
        ("AdalineGD", lambda: AdalineGD(alpha=1e-6, epochs=1).train(X, y)),
        ("LogisticRegressionGD", lambda: LogisticRegressionGD(epochs=1).train(X, y01)),
        ("mlxtend Adaline(minibatches=1)",
         lambda: MlxtendAdaline(eta=1e-6, epochs=1, minibatches=1, random_seed=0).fit(X, y01)),
    ]
    for name, train in runs:
        tracemalloc.start()
        train()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  {name:34s} {peak / 2**20:9.1f} MiB   {(X.nbytes + peak) / X.nbytes:6.2f}x "
              f"{'the size of X (X included)':28s} target < 1.5x")


if __name__ == "__main__":
    settle_the_allocator()
    full_batch_epoch()
    per_sample_update()
    loop_against_vectorized()
    peak_memory()
