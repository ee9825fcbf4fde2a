"""numerical_gradient_array against derivatives known in closed form."""
import numpy as np
import pytest

from utils import numerical_gradient_array


def test_gradient_of_sum_f_times_dout(rng):
    x = rng.normal(size=(3, 4))
    dout = rng.normal(size=(3, 4))
    # d/dx sum(x^3 * dout) = 3 x^2 dout; the centred difference's own error is h^2 dout.
    np.testing.assert_allclose(numerical_gradient_array(lambda v: v**3, x, dout),
                               3 * x**2 * dout, rtol=1e-8, atol=1e-9)


def test_output_of_another_shape(rng):
    A = rng.normal(size=(2, 5))
    x = rng.normal(size=(5, 3))
    dout = rng.normal(size=(2, 3))
    np.testing.assert_allclose(numerical_gradient_array(lambda v: A @ v, x, dout), A.T @ dout,
                               rtol=1e-8)


def test_f_returning_a_view_of_x(rng):
    x = rng.normal(size=(2, 3))
    dout = rng.normal(size=(2, 3))
    np.testing.assert_allclose(numerical_gradient_array(lambda v: v, x, dout), dout, rtol=1e-8)


def test_x_is_restored_even_if_f_raises(rng):
    x = rng.normal(size=(2, 2))
    before = x.copy()

    def f(v):
        raise ZeroDivisionError("inside f")

    with pytest.raises(ZeroDivisionError):
        numerical_gradient_array(f, x, np.ones((2, 2)))
    np.testing.assert_array_equal(x, before)


def test_x_is_unchanged_after_a_check(rng):
    x = rng.normal(size=(3, 3))
    before = x.copy()
    numerical_gradient_array(np.sin, x, np.ones((3, 3)))
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("x", [np.ones((2, 2), dtype=np.float32), np.ones((2, 2), dtype=int),
                               [[1.0, 2.0]]], ids=["float32", "int", "list"])
def test_x_must_be_float64(x):
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient_array(lambda v: v, x, np.ones((2, 2)))


def test_dout_of_the_wrong_shape():
    with pytest.raises(ValueError, match=r"dout must have the shape of f\(x\), \(2, 2\)"):
        numerical_gradient_array(lambda v: v, np.ones((2, 2)), np.ones(4))
