"""The benchmarks' references do the work they are compared with: a faster reference that
skipped part of the work would make every ratio printed against it a flattering one."""
import importlib.util
from pathlib import Path

import numpy as np
import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load(name):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_plain_numpy_loop_trains_exactly_as_the_trainer_does():
    bench = load("bench_practice")
    X, y = bench.synthetic_data(np.float64, m=1000)
    W, b, loss = bench.plain_numpy_epoch(bench.BIG, X, y, 128)()
    net = bench.NeuralNetwork(bench.BIG, random_state=0)
    trainer = bench.Trainer(net, learning_rate=0.01, epochs=1, batch_size=128,
                            random_state=0, track_train_acc=False).fit(X, y)
    assert loss == pytest.approx(trainer.history_["loss"][0], rel=1e-12)
    for l in range(1, len(bench.BIG)):
        np.testing.assert_allclose(W[l], net.params[f"W{l}"], rtol=0, atol=1e-12)
        np.testing.assert_allclose(b[l], net.params[f"b{l}"], rtol=0, atol=1e-12)
    assert not np.allclose(W[1], bench.NeuralNetwork(bench.BIG, random_state=0).params["W1"])


def test_pytorch_is_timed_on_the_same_examples_and_labels():
    bench, torch_epoch = load("bench_practice"), load("torch_epoch")
    for dtype in (np.float32, np.float64):
        X, y = bench.synthetic_data(dtype, m=500)
        rows, labels = torch_epoch.synthetic_rows(dtype, m=500)
        np.testing.assert_array_equal(rows, X.T)
        np.testing.assert_array_equal(labels, y)
        assert rows.flags.c_contiguous and len(np.unique(labels)) > 1
    assert (torch_epoch.LAYER_DIMS, torch_epoch.M) == (bench.BIG, bench.M)


def test_bench_autodiff_times_the_same_training_for_every_contender():
    bench, practice = load("bench_autodiff"), load("bench_practice")
    X, y = practice.synthetic_data(np.float64, m=600)
    net = bench.NeuralNetwork(bench.LAYER_DIMS, random_state=0)
    practice.Trainer(net, learning_rate=bench.LEARNING_RATE, epochs=1, batch_size=bench.BATCH,
                     random_state=0, track_train_acc=False).fit(X, y)
    for contender in (bench.hand_written, bench.engine, bench.engine_pytorch_style):
        params = contender(X, y)
        for name, value in net.params.items():
            np.testing.assert_allclose(params[name], value, rtol=0, atol=1e-12,
                                       err_msg=f"{contender.__name__}: {name}")
    start = bench.NeuralNetwork(bench.LAYER_DIMS, random_state=0).params
    assert not np.allclose(start["W1"], net.params["W1"])
