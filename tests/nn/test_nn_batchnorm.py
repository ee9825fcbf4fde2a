"""Batch normalisation against the math, numerical gradients and PyTorch's BatchNorm1d.

PyTorch's numbers come from tests/fixtures/batchnorm_torch.npz, made once by
tests/fixtures/make_batchnorm_fixture.py: the tests do not need torch.
"""
from pathlib import Path

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn.batchnorm import (
    batchnorm_backward,
    batchnorm_backward_graph,
    batchnorm_forward,
    init_batchnorm_state,
    running_average,
    running_average_cs231n,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "batchnorm_torch.npz"


@pytest.fixture(scope="module")
def torch_run():
    with np.load(FIXTURE) as data:
        return dict(data)


@pytest.fixture
def layer(rng):
    n, m = 4, 7
    Z = rng.normal(2.0, 3.0, size=(n, m))
    return Z, rng.uniform(0.5, 2, size=(n, 1)), rng.normal(size=(n, 1)), rng.normal(size=(n, m))


def test_training_output_has_mean_0_and_std_1_per_feature(layer):
    Z, _, _, _ = layer
    n = Z.shape[0]
    out, _ = batchnorm_forward(Z, np.ones((n, 1)), np.zeros((n, 1)), init_batchnorm_state(n),
                               "train")
    np.testing.assert_allclose(out.mean(axis=1), 0, atol=1e-14)
    # Not exactly 1: eps = 1e-5 is added to the variance, so the std is sqrt(var / (var + eps)).
    var = Z.var(axis=1)
    np.testing.assert_allclose(out.std(axis=1), np.sqrt(var / (var + 1e-5)), rtol=1e-13)
    np.testing.assert_allclose(out.std(axis=1), 1, rtol=1e-5)


def test_gamma_and_beta_set_the_std_and_mean(layer):
    Z, gamma, beta, _ = layer
    out, _ = batchnorm_forward(Z, gamma, beta, init_batchnorm_state(4, eps=1e-12), "train")
    np.testing.assert_allclose(out.mean(axis=1, keepdims=True), beta, atol=1e-13)
    np.testing.assert_allclose(out.std(axis=1, keepdims=True), gamma, rtol=1e-10)


def test_evaluation_uses_the_running_statistics_not_the_batch(layer):
    Z, gamma, beta, _ = layer
    state = init_batchnorm_state(4)
    state["running_mean"] = np.array([[1.0], [-2.0], [0.5], [3.0]])
    state["running_var"] = np.array([[4.0], [0.25], [1.0], [9.0]])
    out, _ = batchnorm_forward(Z, gamma, beta, state, "eval")
    expected = gamma * (Z - state["running_mean"]) / np.sqrt(state["running_var"] + 1e-5) + beta
    np.testing.assert_allclose(out, expected, rtol=1e-14)
    # Evaluation does not touch the state, and each column is normalised on its own.
    np.testing.assert_array_equal(state["running_mean"], [[1.0], [-2.0], [0.5], [3.0]])
    one_column, _ = batchnorm_forward(Z[:, 2:3], gamma, beta, state, "eval")
    np.testing.assert_allclose(one_column, out[:, 2:3], rtol=1e-15)


def test_running_statistics_after_k_steps_equal_pytorchs(torch_run):
    state = init_batchnorm_state(4, momentum=float(torch_run["momentum"]),
                                 eps=float(torch_run["eps"]))
    for k, Z in enumerate(torch_run["batches"]):
        batchnorm_forward(Z, torch_run["gamma"], torch_run["beta"], state, "train")
        np.testing.assert_allclose(state["running_mean"].ravel(), torch_run["running_mean"][k],
                                   rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(state["running_var"].ravel(), torch_run["running_var"][k],
                                   rtol=1e-13)
    out, _ = batchnorm_forward(torch_run["eval_Z"], torch_run["gamma"], torch_run["beta"], state,
                               "eval")
    np.testing.assert_allclose(out, torch_run["eval_out"], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("backward", [batchnorm_backward, batchnorm_backward_graph])
def test_output_and_gradients_equal_pytorchs(torch_run, backward):
    state = init_batchnorm_state(4, eps=float(torch_run["eps"]))
    for k, (Z, dout) in enumerate(zip(torch_run["batches"], torch_run["douts"])):
        out, cache = batchnorm_forward(Z, torch_run["gamma"], torch_run["beta"], state, "train")
        dZ, dgamma, dbeta = backward(dout, cache)
        np.testing.assert_allclose(out, torch_run["outs"][k], rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(dZ, torch_run["dZs"][k], rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(dgamma.ravel(), torch_run["dgammas"][k], rtol=1e-12)
        np.testing.assert_allclose(dbeta.ravel(), torch_run["dbetas"][k], rtol=1e-12)


def test_the_other_convention_is_the_same_average_with_momentum_flipped(rng):
    # cs231n's momentum 0.9 is PyTorch's 0.1 for the mean; cs231n's running variance averages
    # the biased batch variance, PyTorch's the unbiased one (times m / (m - 1)).
    running, batch = rng.normal(size=(3, 1)), rng.normal(size=(3, 1))
    np.testing.assert_allclose(running_average_cs231n(running, batch, 0.9),
                               running_average(running, batch, 0.1), rtol=1e-15)
    np.testing.assert_allclose(running_average(running, batch, 0.1),
                               0.9 * running + 0.1 * batch, rtol=1e-15)


def _numerical_bn_gradients(Z, gamma, beta, dout, mode, state):
    def f(Z_, gamma_, beta_):
        return np.sum(batchnorm_forward(Z_, gamma_, beta_, dict(state), mode)[0] * dout)

    return (numerical_gradient(lambda v: f(v, gamma, beta), Z.copy()),
            numerical_gradient(lambda v: f(Z, v, beta), gamma.copy()),
            numerical_gradient(lambda v: f(Z, gamma, v), beta.copy()))


@pytest.mark.parametrize("backward", [batchnorm_backward, batchnorm_backward_graph])
def test_training_backward_matches_numerical_gradients(layer, backward):
    Z, gamma, beta, dout = layer
    state = init_batchnorm_state(4)
    _, cache = batchnorm_forward(Z, gamma, beta, dict(state), "train")
    analytic = backward(dout, cache)
    numerical = _numerical_bn_gradients(Z, gamma, beta, dout, "train", state)
    for name, a, n in zip(["dZ", "dgamma", "dbeta"], analytic, numerical):
        assert relative_error(a, n) < 1e-8, name


def test_evaluation_backward_matches_numerical_gradients(layer):
    Z, gamma, beta, dout = layer
    state = init_batchnorm_state(4)
    state["running_mean"], state["running_var"] = Z[:, :1] * 0.5, np.full((4, 1), 2.0)
    _, cache = batchnorm_forward(Z, gamma, beta, state, "eval")
    analytic = batchnorm_backward(dout, cache)
    numerical = _numerical_bn_gradients(Z, gamma, beta, dout, "eval", state)
    for name, a, n in zip(["dZ", "dgamma", "dbeta"], analytic, numerical):
        assert relative_error(a, n) < 1e-8, name


def test_graph_and_compact_backward_agree(rng):
    Z = rng.normal(-1, 5, size=(10, 33))
    gamma, beta, dout = rng.normal(size=(10, 1)), rng.normal(size=(10, 1)), rng.normal(size=Z.shape)
    _, cache = batchnorm_forward(Z, gamma, beta, init_batchnorm_state(10), "train")
    compact_grads = batchnorm_backward(dout, cache)
    for compact, graph in zip(compact_grads, batchnorm_backward_graph(dout, cache)):
        np.testing.assert_allclose(compact, graph, rtol=1e-10, atol=1e-13)


def test_a_bias_before_batch_norm_gets_no_gradient_and_changes_nothing(layer):
    # The batch mean absorbs any b added to every column of Z: dZ sums to 0 over each row,
    # and db = sum over the examples of dZ.
    Z, gamma, beta, dout = layer
    state = init_batchnorm_state(4)
    out, cache = batchnorm_forward(Z, gamma, beta, dict(state), "train")
    shifted, _ = batchnorm_forward(Z + np.array([[5.0], [-3.0], [0.1], [100.0]]), gamma, beta,
                                   dict(state), "train")
    dZ, _, _ = batchnorm_backward(dout, cache)
    np.testing.assert_allclose(shifted, out, atol=1e-12)
    np.testing.assert_allclose(dZ.sum(axis=1), 0, atol=1e-14 * np.abs(dZ).sum())


def test_state_arrays_are_replaced_not_modified_and_inputs_untouched(layer):
    Z, gamma, beta, _ = layer
    state = init_batchnorm_state(4)
    mean_before = state["running_mean"]
    copies = [a.copy() for a in (Z, gamma, beta)]
    batchnorm_forward(Z, gamma, beta, state, "train")
    np.testing.assert_array_equal(mean_before, 0.0)
    assert state["running_mean"] is not mean_before
    for a, c in zip((Z, gamma, beta), copies):
        np.testing.assert_array_equal(a, c)


def test_float32_stays_float32(layer):
    Z, gamma, beta, dout = (a.astype(np.float32) for a in layer)
    state = init_batchnorm_state(4, dtype=np.float32)
    out, cache = batchnorm_forward(Z, gamma, beta, state, "train")
    assert out.dtype == state["running_var"].dtype == np.float32
    assert all(g.dtype == np.float32 for g in batchnorm_backward(dout, cache))


@pytest.mark.parametrize(
    "change, error, message",
    [
        ({"Z": np.ones(4)}, TypeError, r"2-D float ndarray of shape \(n, m\)"),
        ({"Z": np.ones((4, 7), dtype=int)}, TypeError, "float ndarray"),
        ({"gamma": np.ones(4)}, ValueError, r"gamma must have shape \(n, 1\) = \(4, 1\)"),
        ({"beta": np.ones((3, 1))}, ValueError, r"beta must have shape"),
        ({"mode": "test"}, ValueError, "mode must be 'train' or 'eval'"),
        ({"state": {}}, ValueError, r"init_batchnorm_state\(4\)"),
        ({"state": None}, TypeError, "state must be a dict"),
        ({"state": init_batchnorm_state(3)}, ValueError, r"running_mean.*\(4, 1\)"),
        ({"state": init_batchnorm_state(4) | {"momentum": 1.9}}, ValueError, "momentum"),
        ({"state": init_batchnorm_state(4) | {"eps": 0}}, ValueError, "eps"),
        ({"Z": np.ones((4, 1))}, ValueError, "at least 2 examples"),
    ],
)
def test_bad_input(layer, change, error, message):
    Z, gamma, beta, _ = layer
    args = {"Z": Z, "gamma": gamma, "beta": beta, "state": init_batchnorm_state(4),
            "mode": "train"} | change
    with pytest.raises(error, match=message):
        batchnorm_forward(**args)


def test_graph_backward_refuses_an_evaluation_cache(layer):
    Z, gamma, beta, dout = layer
    _, cache = batchnorm_forward(Z, gamma, beta, init_batchnorm_state(4), "eval")
    with pytest.raises(ValueError, match="mode='eval'"):
        batchnorm_backward_graph(dout, cache)
