"""Initialisation keeps the signal's variance through 10 layers, or visibly fails to.

He's derivation: Z[l] = W[l] A[l-1] with W's entries of variance 2 / n[l-1] and
A = ReLU(Z) gives Var(Z[l]) = n[l-1] (2 / n[l-1]) E[A[l-1]^2] = Var(Z[l-1]), in
expectation over the weights. One finite network drifts from it like a random walk
(the log-variance spreads by about 5 / n per layer), so the tests average over many
networks, each drawn by initialize_parameters.
"""
import numpy as np

from utils.nn import initialize_parameters
from utils.nn.diagnostics import saturated_fraction

LAYERS = 10


def pre_activation_variances(method, g, n=64, m=8, networks=20, x_scale=1.0, seed=0):
    """Var(Z[l]) for l = 1 .. 10, pooled over `networks` networks of width n.

    Returns the variances (shape (10,)) and the last layer's activations.
    """
    rng = np.random.default_rng(seed)
    A = x_scale * rng.standard_normal((networks, n, m))
    nets = [initialize_parameters([n] * (LAYERS + 1), rng, method) for _ in range(networks)]
    variances = []
    for l in range(1, LAYERS + 1):
        Z = np.stack([p[f"W{l}"] for p in nets]) @ A  # biases start at 0
        A = g(Z)
        variances.append(Z.var())
    return np.array(variances), A


def relu(Z):
    return np.maximum(Z, 0)


def test_he_keeps_relu_variance_within_10_percent():
    # 600 networks of width 64: the mean's drift is about sqrt(5 * 10 / (64 * 600)) = 3.6 %.
    variances, _ = pre_activation_variances("he", relu, networks=600)
    assert np.abs(variances / variances[0] - 1).max() < 0.10


def test_xavier_keeps_variance_where_tanh_is_linear():
    """Glorot and Bengio derived it for tanh'(0) = 1, i.e. for small signals."""
    variances, _ = pre_activation_variances("xavier", np.tanh, x_scale=0.01, networks=300)
    assert np.abs(variances / variances[0] - 1).max() < 0.10


def test_xavier_with_tanh_shrinks_slowly_not_exponentially():
    """With unit inputs tanh squashes, and Var(Z[l]) decays like 1 / l, not like c^l."""
    xavier, _ = pre_activation_variances("xavier", np.tanh)
    small, _ = pre_activation_variances("small", np.tanh)
    assert 0.05 < xavier[-1] / xavier[0] < 0.5
    assert small[-1] / small[0] < 1e-12


def test_xavier_with_relu_halves_the_variance_every_layer():
    variances, _ = pre_activation_variances("xavier", relu)
    np.testing.assert_allclose(variances[1:] / variances[:-1], 0.5, rtol=0.2)
    assert variances[-1] / variances[0] < 0.01


def test_too_large_explodes_with_relu_and_saturates_tanh():
    variances, _ = pre_activation_variances("large", relu)
    assert variances[-1] / variances[0] > 1e10
    # N(0, 1) weights on 64 inputs: Var(Z) is about 50, so |tanh(Z)| > 0.97 for most units.
    _, A_large = pre_activation_variances("large", np.tanh)
    _, A_xavier = pre_activation_variances("xavier", np.tanh)
    assert saturated_fraction(A_large, "tanh") > 0.7
    assert saturated_fraction(A_xavier, "tanh") < 0.01
