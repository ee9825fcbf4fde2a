"""One training epoch of the same network in PyTorch, on the CPU, for bench_practice.py.

    python benchmarks/torch_epoch.py float32 5 1    # dtype, rounds, threads

bench_practice.py runs this in a process of its own (PyTorch's thread pool would distort
the timings of everything else in the same process) with an interpreter that has torch,
which the course does not require. It prints one line: the best of the rounds, in seconds.

The same work as one epoch of the course's Trainer.fit: 784-256-128-10 ReLU, PyTorch's
default initialisation, cross-entropy, plain SGD with learning rate 0.01, mini-batches of
128 drawn from a fresh permutation of 60,000 synthetic examples (the data of
bench_practice.synthetic_data, stored as PyTorch expects them: one example per row).
Only NumPy and torch are imported, so any environment with both can run it.
"""
import sys
import time

import numpy as np

LAYER_DIMS, M, BATCH_SIZE = [784, 256, 128, 10], 60_000, 128


def synthetic_rows(dtype, m=M, seed=0):
    """The examples of bench_practice.synthetic_data, one per row: X (m, 784), y (m,)."""
    rng = np.random.default_rng(seed)
    X = rng.random((m, LAYER_DIMS[0]), dtype=dtype)
    W = rng.standard_normal((LAYER_DIMS[-1], LAYER_DIMS[0])).astype(dtype)
    return X, np.argmax(W @ X.T, axis=0)  # bench_practice's own product, to the last bit


def main(dtype_name, rounds, threads):
    import torch

    torch.set_num_threads(threads)
    dtype = getattr(torch, dtype_name)
    X_np, y_np = synthetic_rows(np.dtype(dtype_name))
    X, y = torch.from_numpy(X_np), torch.from_numpy(y_np)

    def epoch():
        torch.manual_seed(0)
        layers = []
        for n_in, n_out in zip(LAYER_DIMS[:-2], LAYER_DIMS[1:-1]):
            layers += [torch.nn.Linear(n_in, n_out, dtype=dtype), torch.nn.ReLU()]
        net = torch.nn.Sequential(*layers, torch.nn.Linear(*LAYER_DIMS[-2:], dtype=dtype))
        optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
        loss_fn = torch.nn.CrossEntropyLoss()
        order = torch.randperm(M)
        for start in range(0, M, BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            optimizer.zero_grad()
            loss_fn(net(X[batch]), y[batch]).backward()
            optimizer.step()

    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        epoch()
        best = min(best, time.perf_counter() - start)
    print(f"{best:.6f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
