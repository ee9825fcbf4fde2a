"""Inverted dropout: the mask, the expected activation, the two modes, the backward pass."""
import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn.dropout import dropout_backward, dropout_forward


@pytest.fixture
def A(rng):
    return rng.normal(size=(6, 20))


def test_kept_units_are_scaled_by_one_over_keep_prob_and_the_rest_are_zero(A):
    out, (D, keep_prob) = dropout_forward(A, 0.8, "train", np.random.default_rng(1))
    np.testing.assert_array_equal(out[~D], 0.0)
    np.testing.assert_allclose(out[D], A[D] / 0.8, rtol=1e-15)
    assert keep_prob == 0.8


def test_keep_prob_is_the_probability_of_keeping_a_unit():
    A = np.ones((200, 500))
    _, (D, _) = dropout_forward(A, 0.8, "train", np.random.default_rng(2))
    n = D.size
    # Binomial(n, 0.8): mean 0.8 n, standard deviation sqrt(n 0.8 0.2); allow 5 of them.
    assert abs(D.sum() - 0.8 * n) < 5 * np.sqrt(n * 0.8 * 0.2)


@pytest.mark.parametrize("keep_prob", [0.2, 0.5, 0.9])
def test_mean_activation_is_preserved_within_sampling_error(keep_prob):
    A = np.random.default_rng(3).uniform(0.5, 2.0, size=(100, 400))
    out, _ = dropout_forward(A, keep_prob, "train", np.random.default_rng(4))
    # Each out_i = A_i D_i / p has mean A_i and variance A_i^2 (1 - p) / p, independently.
    standard_error = np.sqrt(np.sum(A**2) * (1 - keep_prob) / keep_prob) / A.size
    assert abs(out.mean() - A.mean()) < 5 * standard_error


def test_same_seed_same_mask_and_a_fresh_draw_differs(A):
    out1, _ = dropout_forward(A, 0.5, "train", np.random.default_rng(7))
    out2, _ = dropout_forward(A, 0.5, "train", np.random.default_rng(7))
    rng = np.random.default_rng(7)
    dropout_forward(A, 0.5, "train", rng)
    out3, _ = dropout_forward(A, 0.5, "train", rng)
    np.testing.assert_array_equal(out1, out2)
    assert not np.array_equal(out1, out3)


def test_eval_is_the_identity_and_deterministic(A):
    out, cache = dropout_forward(A, 0.5, "eval", np.random.default_rng(0))
    again, _ = dropout_forward(A, 0.5, "eval", None)
    np.testing.assert_array_equal(out, A)
    np.testing.assert_array_equal(again, A)
    dout = np.ones_like(A)
    np.testing.assert_array_equal(dropout_backward(dout, cache), dout)


def test_keep_prob_one_drops_nothing(A):
    out, cache = dropout_forward(A, 1.0, "train", np.random.default_rng(0))
    np.testing.assert_array_equal(out, A)
    np.testing.assert_array_equal(dropout_backward(A, cache), A)


def test_backward_matches_a_numerical_gradient_with_the_mask_fixed(A, rng):
    # The mask must be the same in every call of f: a seeded Generator made afresh each time
    # draws it again identically. With a new mask per call, f would not even be a function of A.
    dout = rng.normal(size=A.shape)

    def f(A_):
        return np.sum(dropout_forward(A_, 0.6, "train", np.random.default_rng(5))[0] * dout)

    _, cache = dropout_forward(A, 0.6, "train", np.random.default_rng(5))
    assert relative_error(dropout_backward(dout, cache), numerical_gradient(f, A.copy())) < 1e-9


def test_float32_stays_float32_and_input_untouched(A):
    A32 = A.astype(np.float32)
    before = A32.copy()
    out, cache = dropout_forward(A32, 0.7, "train", np.random.default_rng(0))
    assert out.dtype == np.float32
    assert dropout_backward(np.ones_like(A32), cache).dtype == np.float32
    np.testing.assert_array_equal(A32, before)


@pytest.mark.parametrize(
    "args, error, message",
    [
        ((np.ones((2, 3)), 0.0, "train"), ValueError, "probability of KEEPING"),
        ((np.ones((2, 3)), 1.5, "train"), ValueError, r"nn.Dropout\(p\)"),
        ((np.ones((2, 3)), "0.5", "train"), TypeError, "keep_prob must be a number"),
        ((np.ones((2, 3)), 0.5, "test"), ValueError, "mode must be 'train' or 'eval'"),
        ((np.ones((2, 3)), 0.5, "train", 0), TypeError, "numpy Generator"),
        ((np.ones((2, 3), dtype=int), 0.5, "train"), TypeError, "float ndarray"),
        (([[1.0, 2.0]], 0.5, "eval"), TypeError, "float ndarray"),
    ],
)
def test_bad_input(args, error, message):
    with pytest.raises(error, match=message):
        dropout_forward(*args)


def test_backward_with_a_wrong_shape(A):
    _, cache = dropout_forward(A, 0.5, "train", np.random.default_rng(0))
    with pytest.raises(ValueError, match="shape of the forward input"):
        dropout_backward(A[:, :3], cache)
