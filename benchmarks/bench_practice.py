"""Speed and memory of the course's network (sections 2-9), against references timed in
the same run, with the targets and verdicts beside the ratios.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_practice.py
    COURSE_TORCH_PYTHON=/path/to/env/bin/python OPENBLAS_NUM_THREADS=1 \
        .venv/bin/python benchmarks/bench_practice.py   # with a PyTorch (and NumPy) there

Run with the BLAS thread count fixed (the line above, or 2 on a quiet 2-core laptop):
every contender then uses the same threads, and on a machine shared with other jobs one
thread avoids the oversubscription that makes multi-threaded timings meaningless.

1. A training epoch of 784-256-128-10 ReLU, batch 128, 60,000 synthetic examples, in
   float32 and float64: Trainer.fit against the floor of its matrix products (the GEMMs
   of forward and backward passes alone, on one gathered batch reused), against the same
   epoch as one plain NumPy loop without the course's modules (a reference, not a lower
   bound), against scikit-learn's MLPClassifier (plain SGD, same data and architecture),
   and, where PyTorch is installed, against PyTorch on the CPU with as many threads as
   NumPy's BLAS,
   run in a process of its own by torch_epoch.py (PyTorch is not a requirement of the
   course: to compare with a torch installed in another environment, set
   COURSE_TORCH_PYTHON to that environment's python).
2. A small network, 64-128-10 on the 1,437 training digits, batch 32: where an epoch's
   time goes when the matrices are too small to hide Python's cost per layer per batch.
3. The peak memory of an epoch against the training set's size.
4. Inference on a test set in one call (predict on all columns) against a Python loop
   over its examples.

Nothing is asserted: timings are too noisy for tests. The contenders of each comparison
are timed in turn, round after round (floor, ours, scikit-learn, floor, ours, ...), and each
keeps its best round: on a shared machine the load changes from second to second, and
interleaving lets every contender meet the same quiet moments.
"""
import importlib.util
import os
import subprocess
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_info

from utils import NeuralNetwork, Trainer, best_time, load_digits_data

BIG, SMALL = [784, 256, 128, 10], [64, 128, 10]
M = 60_000
REPEAT = 5


def interleaved_best(contenders, repeat=REPEAT):
    """{name: best wall-clock time} of calls fn() for each (name, fn), run in turn."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(repeat):
        for name, fn in contenders.items():
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def synthetic_data(dtype, m=M, seed=0):
    """X (784, m) in [0, 1) as pixels, each example contiguous (rows.T, as the loaders
    store it); labels y (m,) from a random linear map of X, so there is something to learn."""
    rng = np.random.default_rng(seed)
    X = rng.random((m, BIG[0]), dtype=dtype).T
    y = np.argmax(rng.standard_normal((BIG[-1], BIG[0])).astype(dtype) @ X, axis=0)
    return X, y


def train_one_epoch(layer_dims, X, y, batch_size, learning_rate=0.01, epochs=1):
    """A new network trained by Trainer.fit for ``epochs`` epochs (plain SGD)."""
    net = NeuralNetwork(layer_dims, random_state=0, dtype=X.dtype)
    Trainer(net, learning_rate=learning_rate, epochs=epochs, batch_size=batch_size,
            random_state=0, track_train_acc=False).fit(X, y)
    return net


def gemm_floor(layer_dims, X, batch_size):
    """One epoch's matrix products alone: for each batch, W[l] A[l-1] (forward),
    dZ[l] A[l-1]^T and W[l]^T dZ[l] (backward, no dA[0]), on one gathered batch reused."""
    params = NeuralNetwork(layer_dims, random_state=0, dtype=X.dtype).params
    Ws = [params[f"W{l}"] for l in range(1, len(layer_dims))]
    batch = X[:, np.random.default_rng(0).permutation(X.shape[1])[:batch_size]]
    m = X.shape[1]
    sizes = [min(batch_size, m - start) for start in range(0, m, batch_size)]

    def epoch():
        for size in sizes:
            A = [batch[:, :size]]
            for W in Ws:
                A.append(W @ A[-1])
            dZ = A[-1]  # stands in for the loss's gradient: it has its shape
            for l in range(len(Ws), 0, -1):
                dW = dZ @ A[l - 1].T
                if l > 1:
                    dZ = Ws[l - 1].T @ dZ
        return dW

    return epoch


def sklearn_epoch(layer_dims, X, y, batch_size, epochs=1):
    mlp = MLPClassifier(hidden_layer_sizes=tuple(layer_dims[1:-1]), solver="sgd",
                        batch_size=batch_size, learning_rate_init=0.01, momentum=0.0,
                        alpha=0.0, max_iter=epochs, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # stopping early is the point
        mlp.fit(X.T, y)


def blas_threads():
    """The number of threads NumPy's BLAS runs with here."""
    return max((pool["num_threads"] for pool in threadpool_info()
                if pool["internal_api"] == "openblas"), default=1)


def torch_python():
    """An interpreter that can import torch: $COURSE_TORCH_PYTHON, or this one; else None."""
    if os.environ.get("COURSE_TORCH_PYTHON"):
        return os.environ["COURSE_TORCH_PYTHON"]
    return sys.executable if importlib.util.find_spec("torch") else None


def torch_epoch(dtype, threads):
    """PyTorch's best epoch in seconds, timed in its own process; None, and why, without."""
    python = torch_python()
    if python is None:
        print("  PyTorch: not installed here (set COURSE_TORCH_PYTHON to compare with one)")
        return None
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
    script = Path(__file__).with_name("torch_epoch.py")
    try:
        done = subprocess.run([python, str(script), np.dtype(dtype).name, str(REPEAT),
                               str(threads)], env=env, capture_output=True, text=True)
    except OSError as error:
        print(f"  PyTorch: cannot run {python}: {error.strerror}")
        return None
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"  PyTorch: {python} {script.name} failed: {last}")
        return None
    return float(done.stdout)


def row(name, seconds, ratio, target, met=None, unit="s"):
    """One line of the report; ``met`` (True, False or None: no target) adds the verdict."""
    verdict = {True: ": met", False: ": NOT met", None: ""}[met]
    value = seconds * 1000 if unit == "ms" else seconds
    print(f"  {name:48s} {value:8.3f} {unit:2s} {ratio:6.2f}x   target {target}{verdict}")


def plain_numpy_epoch(layer_dims, X, y, batch_size, learning_rate=0.01):
    """The same epoch written as one NumPy loop, without the course's modules, checks or
    update rules: what the same NumPy operations need beyond the floor (gathering each
    batch, biases, ReLU, softmax and its loss, the update), without the Python around
    them. A reference, not a lower bound: in-place updates and preallocated buffers
    would be faster, and would break the course's rules."""
    params = NeuralNetwork(layer_dims, random_state=0, dtype=X.dtype).params
    L = len(layer_dims) - 1
    W = [None] + [params[f"W{l}"] for l in range(1, L + 1)]
    b = [None] + [params[f"b{l}"] for l in range(1, L + 1)]
    m = X.shape[1]
    order = np.random.default_rng(0).permutation(m)

    def epoch():
        total_loss = 0.0
        for start in range(0, m, batch_size):
            columns = order[start:start + batch_size]
            A = [np.take(X.T, columns, axis=0).T]
            Z = [None]
            for l in range(1, L + 1):
                Z.append(W[l] @ A[l - 1])
                Z[l] += b[l]
                if l < L:
                    A.append(np.maximum(Z[l], 0))
            shifted = Z[L] - Z[L].max(axis=0)
            log_P = shifted - np.log(np.exp(shifted).sum(axis=0))
            examples = (y[columns], np.arange(len(columns)))
            total_loss -= log_P[examples].sum()  # the trainer reports the epoch's loss
            P = np.exp(log_P)
            P[examples] -= 1
            dZ = P / len(columns)
            for l in range(L, 0, -1):
                dW, db = dZ @ A[l - 1].T, dZ.sum(axis=1, keepdims=True)
                if l > 1:
                    dZ = (W[l].T @ dZ) * (Z[l - 1] > 0)
                for params, grad in ((W, dW), (b, db)):  # as sgd: w - lr dw, one new array
                    step = learning_rate * grad
                    params[l] = np.subtract(params[l], step, out=step)
        return W, b, total_loss / m

    return epoch


def big_network(dtype, limit):
    X, y = synthetic_data(dtype)
    print(f"\n{np.dtype(dtype).name}: {BIG}, X {X.shape} ({X.nbytes / 2**20:.0f} MiB), "
          f"batch 128")
    # An epoch of Trainer.fit or of MLPClassifier.fit is timed as fit for 2 epochs minus fit
    # for 1: each fit also checks the whole training set once (reading all of X) and
    # builds its state, once per call and not per epoch. The floor, the plain loop and
    # PyTorch's loop are epochs already.
    t = interleaved_best({"floor": gemm_floor(BIG, X, 128),
                          "plain": plain_numpy_epoch(BIG, X, y, 128),
                          "ours 1": lambda: train_one_epoch(BIG, X, y, 128),
                          "ours 2": lambda: train_one_epoch(BIG, X, y, 128, epochs=2),
                          "sklearn 1": lambda: sklearn_epoch(BIG, X, y, 128),
                          "sklearn 2": lambda: sklearn_epoch(BIG, X, y, 128, epochs=2)})
    floor, plain = t["floor"], t["plain"]
    ours, sklearn = t["ours 2"] - t["ours 1"], t["sklearn 2"] - t["sklearn 1"]
    print(f"  {'floor: the matrix products alone':48s} {floor:8.3f} s")
    row("one plain NumPy loop, no modules / floor", plain, plain / floor, "- (a reference)")
    row("Trainer.fit, one epoch / floor", ours, ours / floor, f"<= {limit}x",
        ours / floor <= limit)
    row("MLPClassifier(solver='sgd'), one epoch / floor", sklearn, sklearn / floor, "-")
    row("MLPClassifier / Trainer.fit", sklearn, sklearn / ours, "> 1 (ours faster)",
        sklearn > ours)
    threads = blas_threads()
    torch = torch_epoch(dtype, threads)
    if torch is not None:
        row(f"PyTorch CPU ({threads} thread{'s' * (threads > 1)}) / Trainer.fit", torch,
            torch / ours, "> 1 (ours faster)", torch > ours)


def small_network():
    X_train, _, y_train, _ = load_digits_data()
    n_batches = -(-X_train.shape[1] // 32)
    print(f"\nsmall: {SMALL} on digits, X {X_train.shape}, batch 32 "
          f"({n_batches} batches an epoch)")
    net = NeuralNetwork(SMALL, random_state=0)
    batches = [(X_train[:, i:i + 32], y_train[i:i + 32])
               for i in range(0, X_train.shape[1], 32)]
    t = interleaved_best({"floor": gemm_floor(SMALL, X_train, 32),
                          "loss": lambda: [net.loss(Xb, yb) for Xb, yb in batches],
                          "ours": lambda: train_one_epoch(SMALL, X_train, y_train, 32, 0.1),
                          "sklearn": lambda: sklearn_epoch(SMALL, X_train, y_train, 32)},
                         repeat=20)
    floor, loss_only, ours, sklearn = t["floor"], t["loss"], t["ours"], t["sklearn"]
    print(f"  {'floor: the matrix products alone':48s} {floor * 1000:8.3f} ms")
    row("model.loss on each batch (no trainer) / floor", loss_only, loss_only / floor, "-",
        unit="ms")
    row("Trainer.fit, one epoch / floor", ours, ours / floor, "- (overhead, see below)",
        unit="ms")
    row("MLPClassifier / Trainer.fit", sklearn, sklearn / ours, "> 1 (ours faster)",
        sklearn > ours, unit="ms")
    us = 1e6 / n_batches
    print(f"  per batch: matrix products {floor * us:5.0f} us, layers' Python and "
          f"elementwise work {(loss_only - floor) * us:5.0f} us, trainer (gather, "
          f"update, bookkeeping) {(ours - loss_only) * us:5.0f} us")


def peak_memory(dtype):
    X, y = synthetic_data(dtype)
    tracemalloc.start()
    train_one_epoch(BIG, X, y, 128)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {np.dtype(dtype).name:8s} one epoch allocates at most {peak / 2**20:6.1f} MiB"
          f" = {peak / X.nbytes:.3f}x the training set ({X.nbytes / 2**20:.0f} MiB)"
          f"   target < 0.05x (no copy of it): {'met' if peak < 0.05 * X.nbytes else 'NOT met'}")


def inference():
    X, y = synthetic_data(np.float32, m=10_000)
    net = train_one_epoch(BIG, X, y, 128)
    one_call = best_time(net.predict, X, repeat=REPEAT)
    start = time.perf_counter()
    looped = [net.predict(X[:, i:i + 1])[0] for i in range(1000)]
    per_example = (time.perf_counter() - start) / 1000
    assert np.array_equal(looped, net.predict(X[:, :1000]))
    print(f"  predict on {X.shape[1]:,} examples in one call: {one_call:.3f} s; a Python "
          f"loop over them would take {per_example * X.shape[1]:.3f} s "
          f"({per_example * X.shape[1] / one_call:.1f}x)   target: one call")


if __name__ == "__main__":
    np.ones(4_000_000)  # let glibc keep freed MiB-sized blocks (see bench_training.py)
    kernels = {pool["architecture"] for pool in threadpool_info()
               if pool["internal_api"] == "openblas"}
    # The ratios to the floor depend on the kernels: the faster the matrix products (AVX-512
    # kernels: SkylakeX, Cooperlake, SapphireRapids), the more the same other work weighs.
    print(f"OpenBLAS kernels: {', '.join(sorted(kernels))}; BLAS threads: {blas_threads()}; "
          f"best of {REPEAT}")
    print("1. One training epoch of 784-256-128-10 against its floor, MLPClassifier and "
          "PyTorch")
    big_network(np.float32, 1.3)
    big_network(np.float64, 1.6)
    print("\n2. The small network: where the time goes")
    small_network()
    print("\n3. Peak memory of one epoch (tracemalloc), against the training set")
    for dtype in (np.float32, np.float64):
        peak_memory(dtype)
    print("\n4. Inference")
    inference()
