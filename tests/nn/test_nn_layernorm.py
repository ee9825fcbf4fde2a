"""Layer norm: against numerical gradients, autograd, and PyTorch's nn.LayerNorm.

PyTorch's numbers come from tests/fixtures/recipe_torch.npz, made once by
tests/fixtures/make_recipe_fixture.py: the tests do not need torch.
"""
from pathlib import Path

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn.batchnorm import batchnorm_backward, batchnorm_forward, init_batchnorm_state
from utils.nn.layernorm import layernorm_backward, layernorm_forward

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "recipe_torch.npz"


@pytest.fixture(scope="module")
def torch_run():
    with np.load(FIXTURE) as data:
        return {k: data[k] for k in data.files if k.startswith("ln_")}


@pytest.fixture
def layer(rng):
    n, m = 5, 3
    return (rng.normal(2.0, 3.0, size=(n, m)), rng.uniform(0.5, 2, size=(n, 1)),
            rng.normal(size=(n, 1)), rng.normal(size=(n, m)))


def test_each_example_has_mean_0_and_variance_1_over_its_features(layer):
    Z = layer[0]
    out, _ = layernorm_forward(Z, np.ones((5, 1)), np.zeros((5, 1)), eps=1e-12)
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-14)
    np.testing.assert_allclose(out.var(axis=0), 1, rtol=1e-10)


def test_an_example_does_not_depend_on_the_others_so_a_batch_of_one_works(layer):
    Z, gamma, beta, _ = layer
    out, _ = layernorm_forward(Z, gamma, beta)
    for i in range(Z.shape[1]):
        alone, _ = layernorm_forward(Z[:, i:i + 1], gamma, beta)
        np.testing.assert_array_equal(alone[:, 0], out[:, i])


def test_it_is_batch_norm_on_the_transpose(layer):
    Z, _, _, dout = layer
    n, m = Z.shape
    ones = np.ones((n, 1))
    out, cache = layernorm_forward(Z, ones, np.zeros((n, 1)))
    bn_out, bn_cache = batchnorm_forward(Z.T.copy(), np.ones((m, 1)), np.zeros((m, 1)),
                                         init_batchnorm_state(m), "train")
    np.testing.assert_allclose(out, bn_out.T, rtol=1e-12)
    np.testing.assert_allclose(layernorm_backward(dout, cache)[0],
                               batchnorm_backward(dout.T.copy(), bn_cache)[0].T, rtol=1e-10)


@pytest.mark.parametrize("which", [0, 1, 2])
def test_backward_matches_numerical_gradients(layer, which):
    Z, gamma, beta, dout = layer
    inputs = [Z, gamma, beta]

    def f(x):
        args = list(inputs)
        args[which] = x
        return np.sum(layernorm_forward(*args)[0] * dout)

    _, cache = layernorm_forward(Z, gamma, beta)
    analytic = layernorm_backward(dout, cache)[which]
    numeric = numerical_gradient(f, inputs[which].copy())
    assert relative_error(analytic, numeric) < 1e-8


def test_backward_matches_autograd(layer):
    Z, gamma, beta, dout = layer

    def f(Z, gamma, beta):
        mu = anp.mean(Z, axis=0, keepdims=True)
        var = anp.mean((Z - mu) ** 2, axis=0, keepdims=True)
        return anp.sum((gamma * (Z - mu) / anp.sqrt(var + 1e-5) + beta) * dout)

    _, cache = layernorm_forward(Z, gamma, beta)
    ours = layernorm_backward(dout, cache)
    for k in range(3):
        np.testing.assert_allclose(ours[k], grad(f, k)(Z, gamma, beta), rtol=1e-10, atol=1e-12)


def test_forward_and_backward_equal_torch_layernorm(torch_run):
    t = torch_run
    out, cache = layernorm_forward(t["ln_Z"], t["ln_gamma"], t["ln_beta"], eps=1e-5)
    np.testing.assert_allclose(out, t["ln_out"], rtol=0, atol=1e-12)
    dZ, dgamma, dbeta = layernorm_backward(t["ln_dout"], cache)
    np.testing.assert_allclose(dZ, t["ln_dZ"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(dgamma, t["ln_dgamma"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(dbeta, t["ln_dbeta"], rtol=0, atol=1e-12)


@pytest.mark.parametrize("args, message", [
    ((np.ones((3, 2), int), np.ones((3, 1)), np.zeros((3, 1))), "floating-point"),
    ((np.ones((3, 2)), np.ones((3,)), np.zeros((3, 1))), "gamma must be an array of shape"),
    ((np.ones((3, 2)), np.ones((3, 1)), np.zeros((2, 1))), r"beta must be an array of shape"),
    ((np.ones((3, 2)), np.ones((3, 1)), np.zeros((3, 1)), 0.0), "eps must be a number > 0"),
])
def test_bad_input_is_named(args, message):
    with pytest.raises((TypeError, ValueError), match=message):
        layernorm_forward(*args)


def test_backward_names_a_wrong_dout_or_cache(layer):
    Z, gamma, beta, dout = layer
    _, cache = layernorm_forward(Z, gamma, beta)
    with pytest.raises(ValueError, match="dout must have the shape"):
        layernorm_backward(dout[:, :2], cache)
    with pytest.raises(TypeError, match="cache must be the cache that layernorm_forward"):
        layernorm_backward(dout, None)
