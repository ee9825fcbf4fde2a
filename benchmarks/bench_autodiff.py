"""What automatic differentiation costs: one training epoch of the course's network with
gradients from the Tensor engine (utils.autodiff) against the same epoch with the
hand-written modules (network_backward), and against the floor of its matrix products.

    .venv/bin/python benchmarks/bench_autodiff.py        # about a minute

784-256-128-10 ReLU, softmax cross-entropy, plain SGD, batch 128, 60,000 synthetic examples
in float32 (bench_practice.py's data), one BLAS thread (set here with threadpoolctl, so
that the ratios do not depend on the machine's load or core count). Contenders:

- the floor: the matrix products alone (bench_practice.gemm_floor);
- an epoch of Trainer's loop (shuffled mini-batches gathered with take_columns,
  model.loss, the SGD update w - lr dw) with NeuralNetwork: the hand-written backward;
- the same loop with AutodiffNetwork: the gradients from network_loss(...).backward();
  target: within 1.2x of the hand-written;
- the engine in a loop written as with PyTorch: parameters kept as Tensors, gradients
  set to None (zero_grad), loss.backward(), then each W.data - learning_rate * W.grad.

The loop is Trainer._run_epoch's without its bookkeeping, the same for both models (a test
in tests/autodiff proves that Trainer trains AutodiffNetwork as it trains NeuralNetwork).
Contenders are timed in turn, round after round, each keeping its best round. Then, on
one batch, where the time of a step goes. Nothing is asserted.

Where the time goes. The engine runs the same matrix products as network_backward (it
skips dX of the first layer too, since X is made with requires_grad=False), so what it
adds per step is Python: about 16 Tensor objects and their closures, a topological sort
(under 10 us), one call per node, and a new array for W A + b where linear_forward adds b
in place. Measured on this project's 2-core machine, interleaved, best of several: a step
of forward and backward 1.02x the hand-written one, an epoch of 30,000 examples 1.02x.
On a machine shared with other jobs single runs of this script scattered from 0.88x to
1.28x: run it on a quiet machine. One thing was fixed on the way: each backward function
first read ``out.grad`` from the tensor it was stored in, as micrograd's do; that made
every node a reference cycle, the arrays of each mini-batch's graph waited for Python's
garbage collector (a dozen collections per 20,000 examples), and the engine's epoch measured 1.4x
the hand-written one. Backward functions now take the gradient as an argument.
"""
import importlib.util
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from utils import (
    AutodiffNetwork,
    NeuralNetwork,
    Tensor,
    network_backward,
    network_forward,
    network_loss,
    softmax_cross_entropy,
    topological_order,
)
from utils.nn.trainer import take_columns

LAYER_DIMS = [784, 256, 128, 10]
BATCH, LEARNING_RATE, REPEAT = 128, 0.01, 7
TARGET = 1.2


def load_bench_practice():
    spec = importlib.util.spec_from_file_location(
        "bench_practice", Path(__file__).with_name("bench_practice.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def epoch(model, X, y):
    """One epoch of Trainer's loop for ``model``: gather, model.loss, SGD update."""
    order = np.random.default_rng(0).permutation(X.shape[1])
    for start in range(0, X.shape[1], BATCH):
        batch = order[start:start + BATCH]
        _, grads = model.loss(take_columns(X, batch), y[batch], mode="train")
        for name, w in model.params.items():
            model.params[name] = w - LEARNING_RATE * grads["d" + name]


def hand_written(X, y):
    """An epoch of a new NeuralNetwork; returns its parameters after it."""
    model = NeuralNetwork(LAYER_DIMS, random_state=0, dtype=X.dtype)
    epoch(model, X, y)
    return model.params


def engine(X, y):
    """An epoch of a new AutodiffNetwork; returns its parameters after it."""
    model = AutodiffNetwork(NeuralNetwork(LAYER_DIMS, random_state=0, dtype=X.dtype).params)
    epoch(model, X, y)
    return model.params


def engine_pytorch_style(X, y):
    """One epoch as a PyTorch user writes it, with the Tensor engine. Returns the
    parameters (arrays) after the epoch."""
    params = {name: Tensor(value) for name, value in
              NeuralNetwork(LAYER_DIMS, random_state=0, dtype=X.dtype).params.items()}
    order = np.random.default_rng(0).permutation(X.shape[1])
    for start in range(0, X.shape[1], BATCH):
        batch = order[start:start + BATCH]
        for p in params.values():  # optimizer.zero_grad()
            p.grad = None
        loss = network_loss(params, take_columns(X, batch), y[batch])
        loss.backward()
        for p in params.values():  # optimizer.step()
            p.data = p.data - LEARNING_RATE * p.grad
    return {name: p.data for name, p in params.items()}


def backward(J, tensors):
    """J.backward() from zeroed parameters, as in training: without the zeroing, each call
    would also add the new gradients to the old ones."""
    for t in tensors.values():
        t.grad = None
    J.backward()


def where_the_time_goes(X, y):
    """Microseconds per batch of 128 for each part of one step, best of many."""
    net = NeuralNetwork(LAYER_DIMS, random_state=0, dtype=X.dtype)
    Xb, yb = X[:, :BATCH].copy(), y[:BATCH]
    tensors = {name: Tensor(value) for name, value in net.params.items()}

    def hand_forward():
        ZL, caches = network_forward(Xb, net.params)
        return softmax_cross_entropy(ZL, yb), caches

    (_, dZL), caches = hand_forward()
    J = network_loss(tensors, Xb, yb)
    rng = np.random.default_rng(0)

    def update():
        for w in net.params.values():
            _ = w - LEARNING_RATE * w  # the SGD step's arithmetic, on arrays of each shape

    def best_us(fn, n=200):
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(n):
                fn()
            best = min(best, (time.perf_counter() - start) / n)
        return best * 1e6

    parts = {
        "both: gather the batch (take_columns)": best_us(
            lambda: take_columns(X, rng.integers(0, X.shape[1], BATCH))),
        "both: the SGD update of every parameter": best_us(update),
        "hand-written forward + loss": best_us(hand_forward),
        "hand-written backward (network_backward)": best_us(
            lambda: network_backward(dZL, caches)),
        "engine forward (builds the graph)": best_us(
            lambda: network_loss(tensors, Xb, yb)),
        "engine backward (loss.backward())": best_us(lambda: backward(J, tensors)),
        "  of which topological_order": best_us(lambda: topological_order(J)),
    }
    for name, us in parts.items():
        print(f"  {name:48s} {us:8.0f} us")
    return parts


def main():
    bench = load_bench_practice()
    X, y = bench.synthetic_data(np.float32)
    print(f"float32: {LAYER_DIMS}, X {X.shape} ({X.nbytes / 2**20:.0f} MiB), batch {BATCH}, "
          f"1 BLAS thread, best of {REPEAT}")
    t = bench.interleaved_best({
        "floor": bench.gemm_floor(LAYER_DIMS, X, BATCH),
        "hand": lambda: hand_written(X, y), "engine": lambda: engine(X, y),
        "pytorch style": lambda: engine_pytorch_style(X, y),
    }, repeat=REPEAT)
    floor = t["floor"]
    hand, auto = t["hand"], t["engine"]
    print(f"  {'floor: the matrix products alone':48s} {floor:8.3f} s")
    bench.row("an epoch, hand-written backward / floor", hand, hand / floor, "-")
    bench.row("an epoch, Tensor engine / floor", auto, auto / floor, "-")
    bench.row("Tensor engine / hand-written", auto, auto / hand, f"<= {TARGET}x",
              auto / hand <= TARGET)
    style = t["pytorch style"]
    bench.row("engine, PyTorch-style loop / hand-written", style, style / hand, "-")
    print(f"\nWhere the time of one step goes (batch of {BATCH}):")
    parts = where_the_time_goes(X, y)
    hand_step = parts["hand-written forward + loss"] + parts[
        "hand-written backward (network_backward)"]
    engine_step = parts["engine forward (builds the graph)"] + parts[
        "engine backward (loss.backward())"]
    shared = parts["both: gather the batch (take_columns)"] + parts[
        "both: the SGD update of every parameter"]
    print(f"  forward + backward: engine {engine_step:.0f} us, hand-written {hand_step:.0f} "
          f"us ({engine_step / hand_step:.2f}x); with the shared gather and update, "
          f"{(engine_step + shared) / (hand_step + shared):.2f}x")


if __name__ == "__main__":
    np.ones(4_000_000)  # let glibc keep freed MiB-sized blocks (see bench_training.py)
    with threadpool_limits(limits=1, user_api="blas"):
        main()
