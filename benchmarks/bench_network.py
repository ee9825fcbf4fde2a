"""How fast and how lean one training epoch of the course's network is, against references
timed in the same run.

    .venv/bin/python benchmarks/bench_network.py                # CPU time, one BLAS thread
    .venv/bin/python benchmarks/bench_network.py --all-threads  # wall-clock, every thread

A 784-256-128-10 ReLU network, mini-batches of 128, on 60,000 synthetic examples (the size
of MNIST), in float32 and in float64. Every figure is a ratio to a reference measured
moments before on the same machine, so the ratios, not the seconds, are what to compare
between machines:

1. one epoch of Trainer.fit against the floor of the same epoch: the matrix products of
   forward and backward passes alone, batch after batch (W[l] A[l-1] for l = 1, 2, 3;
   dZ[l] A[l-1]^T for l = 1, 2, 3; W[l]^T dZ[l] for l = 3, 2; dA[0] = W[1]^T dZ[1] is not
   needed), with nothing else around them;
2. the same epoch against scikit-learn's MLPClassifier, same data and architecture, one
   epoch of plain mini-batch SGD (momentum 0, no L2 penalty);
3. the peak memory that one epoch allocates, against the size of the training set: the
   batches are gathered one at a time, never a shuffled copy of the whole set.

By default every contender runs with one BLAS thread and is timed in CPU seconds of the
process: on a shared machine wall-clock time mostly measures the neighbours, while the CPU
time of a single-threaded run measures the work. With --all-threads, BLAS uses every core
and the wall clock is read instead, as a student's own machine would see it.

The data are stored as the loaders return them, X = rows.T: shape (784, m), each example
contiguous in memory, so a mini-batch's columns are gathered with sequential reads.
Nothing is asserted: timings are too noisy for tests. Targets are printed beside the ratios.
"""
import contextlib
import sys
import time
import tracemalloc
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

from utils import NeuralNetwork, Trainer

LAYER_DIMS = [784, 256, 128, 10]
M = 60_000
BATCH_SIZE = 128
LEARNING_RATE = 0.01
REPEAT = 3


def synthetic_data(dtype, seed=0):
    """X of shape (784, M) in [0, 1), as pixels are; y of shape (M,), labels 0 .. 9 that
    depend on X (a random linear map), so that there is something to learn."""
    rng = np.random.default_rng(seed)
    X = rng.random((M, LAYER_DIMS[0]), dtype=dtype).T
    y = np.argmax(rng.standard_normal((LAYER_DIMS[-1], LAYER_DIMS[0])).astype(dtype) @ X,
                  axis=0)
    return X, y


def our_epoch(X, y, dtype):
    net = NeuralNetwork(LAYER_DIMS, activation="relu", random_state=0, dtype=dtype)
    Trainer(net, learning_rate=LEARNING_RATE, epochs=1, batch_size=BATCH_SIZE, random_state=0,
            track_train_acc=False).fit(X, y)


def our_epoch_with_train_accuracy(X, y, dtype):
    net = NeuralNetwork(LAYER_DIMS, activation="relu", random_state=0, dtype=dtype)
    Trainer(net, learning_rate=LEARNING_RATE, epochs=1, batch_size=BATCH_SIZE,
            random_state=0).fit(X, y)


def gemm_floor(X, dtype):
    """The epoch's matrix products alone, on one gathered batch reused (same layout as the
    trainer's batches), with the last batch as short as the trainer's."""
    params = NeuralNetwork(LAYER_DIMS, random_state=0, dtype=dtype).params
    W1, W2, W3 = params["W1"], params["W2"], params["W3"]
    batch = X[:, np.random.default_rng(0).permutation(X.shape[1])[:BATCH_SIZE]]
    sizes = [min(BATCH_SIZE, M - start) for start in range(0, M, BATCH_SIZE)]

    def epoch():
        for size in sizes:
            A0 = batch[:, :size]
            A1 = W1 @ A0
            A2 = W2 @ A1
            dZ3 = W3 @ A2  # stands in for the loss's gradient: it has its shape
            dZ2 = W3.T @ dZ3
            dZ1 = W2.T @ dZ2
            dW = (dZ3 @ A2.T, dZ2 @ A1.T, dZ1 @ A0.T)
        return dW

    return epoch


def gather_batches(X):
    """What any mini-batch epoch adds to the floor: reading every example once, as
    the trainer gathers each shuffled mini-batch's columns."""
    order = np.random.default_rng(0).permutation(X.shape[1])

    def epoch():
        for start in range(0, M, BATCH_SIZE):
            batch = X[:, order[start:start + BATCH_SIZE]]
        return batch

    return epoch


def sklearn_epoch(X, y):
    mlp = MLPClassifier(hidden_layer_sizes=tuple(LAYER_DIMS[1:-1]), activation="relu",
                        solver="sgd", batch_size=BATCH_SIZE, learning_rate_init=LEARNING_RATE,
                        momentum=0.0, nesterovs_momentum=False, alpha=0.0, max_iter=1,
                        shuffle=True, random_state=0)
    with warnings.catch_warnings():
        # max_iter=1 is the point here, not a convergence problem.
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.fit(X.T, y)  # scikit-learn takes rows: X.T is a view, with rows contiguous


def seconds(fn, clock):
    """How long fn() takes on ``clock`` (time.process_time or time.perf_counter)."""
    start = clock()
    fn()
    return clock() - start


def row(name, value, reference_name, reference, target):
    print(f"  {name:36s} {value:8.3f} s   {value / reference:6.2f}x "
          f"{reference_name:10s} target {target}")


def settle_the_allocator():
    """Allocate and free one 32 MiB array, as any working session has done long before, so
    that glibc keeps freed blocks of a few MiB for reuse instead of returning them to the
    operating system after every mini-batch (see bench_training.py)."""
    np.ones(4_000_000)


def timings(dtype, clock):
    X, y = synthetic_data(dtype)
    name = np.dtype(dtype).name
    print(f"\n{name}: X of shape {X.shape} ({X.nbytes / 2**20:.0f} MiB), "
          f"batches of {BATCH_SIZE}, network {LAYER_DIMS}")
    contenders = {
        "floor": gemm_floor(X, dtype),
        "gather": gather_batches(X),
        "ours": lambda: our_epoch(X, y, dtype),
        "ours+acc": lambda: our_epoch_with_train_accuracy(X, y, dtype),
        "sklearn": lambda: sklearn_epoch(X, y),
    }
    # Rounds of one run each, best of REPEAT rounds: on a shared machine the load changes
    # from minute to minute, and interleaving exposes every contender to the same load.
    best = dict.fromkeys(contenders, np.inf)
    for _ in range(REPEAT):
        for key, run in contenders.items():
            best[key] = min(best[key], seconds(run, clock))
    floor = best["floor"]
    print(f"  {'floor: the matrix products alone':36s} {floor:8.3f} s")
    row("gathering the mini-batches alone", best["gather"], "the floor", floor,
        "- (reads the data once)")
    row("Trainer.fit, one epoch", best["ours"], "the floor", floor,
        "<= 1.35x" if dtype == np.float32 else "- (float32's is the target)")
    row("  ... with track_train_acc=True", best["ours+acc"], "the floor", floor,
        "- (adds a forward pass over X)")
    row("MLPClassifier(solver='sgd'), 1 epoch", best["sklearn"], "the floor", floor, "-")
    print(f"  {'':36s} Trainer.fit is {best['sklearn'] / best['ours']:.2f}x as fast as "
          f"MLPClassifier (target > 1)")
    print(f"  {'':36s} Trainer.fit takes {best['ours'] / (floor + best['gather']):.2f}x "
          f"the floor plus the gathering")


def peak_memory(dtype):
    X, y = synthetic_data(dtype)
    tracemalloc.start()
    our_epoch(X, y, dtype)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    name = np.dtype(dtype).name
    print(f"  {name:8s} one epoch allocates at most {peak / 2**20:7.1f} MiB   "
          f"{peak / X.nbytes:6.3f}x the training set ({X.nbytes / 2**20:.0f} MiB)   "
          f"target < 0.05x (no copy of it)")


if __name__ == "__main__":
    all_threads = "--all-threads" in sys.argv[1:]
    clock = time.perf_counter if all_threads else time.process_time
    threads = contextlib.nullcontext() if all_threads else threadpool_limits(1)
    settle_the_allocator()
    print("1-2. One training epoch: against its matrix products and against scikit-learn, in "
          + ("wall-clock seconds, all BLAS threads" if all_threads
             else "CPU seconds, one BLAS thread"))
    with threads:
        for dtype in (np.float32, np.float64):
            timings(dtype, clock)
    print("\n3. Peak memory allocated by one epoch (tracemalloc), against the training set")
    for dtype in (np.float32, np.float64):
        peak_memory(dtype)
