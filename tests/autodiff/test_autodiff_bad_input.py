"""Bad input to the engines gets a TypeError or ValueError that names the problem."""
import numpy as np
import pytest

from utils import Tensor


@pytest.mark.parametrize("data, dtype", [
    (np.ones(3, np.float16), "float16"), (np.arange(3), "int64"),
    (np.array([1.0, "a"], dtype=object), "object"), (np.ones(2, bool), "bool"),
    (np.ones(2, complex), "complex128")])
def test_a_tensor_holds_float32_or_float64(data, dtype):
    with pytest.raises(TypeError, match=f"float32 or float64 numbers; got dtype {dtype}"):
        Tensor(data)


@pytest.mark.parametrize("data", [[1.0, 2.0], "1", None, 3])
def test_a_tensor_holds_an_array(data):
    with pytest.raises(TypeError, match="must be a NumPy array of float32 or float64"):
        Tensor(data)


def test_an_op_on_an_int_array_is_refused():
    with pytest.raises(TypeError, match="dtype int64"):
        Tensor(np.ones((2, 2))) + np.ones((2, 2), dtype=np.int64)


def test_mixed_float32_and_float64_is_refused():
    with pytest.raises(TypeError, match="@: a float32 and a float64 operand"):
        Tensor(np.ones((2, 2), np.float32)) @ Tensor(np.ones((2, 2)))


def test_shape_mismatches_name_the_shapes_and_the_op():
    a = Tensor(np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"\+: shapes \(3, 4\) and \(3, 5\) do not broadcast"):
        a + Tensor(np.ones((3, 5)))
    with pytest.raises(ValueError, match=r"\*: shapes \(3, 4\) and \(2, 1\) do not broadcast"):
        a * Tensor(np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"@: shapes \(3, 4\) and \(3, 4\) do not fit: 4 "
                                         r"columns against 3 rows"):
        a @ a
    with pytest.raises(ValueError, match=r"@ takes two matrices \(2-D\); got shapes \(3, 4\) "
                                         r"and \(4,\)"):
        a @ Tensor(np.ones(4))


def test_backward_on_a_non_scalar_without_a_seed_says_so():
    out = Tensor(np.ones((3, 4))).tanh()
    with pytest.raises(ValueError, match=r"needs a single number, such as a loss; this tensor "
                                         r"has shape \(3, 4\)"):
        out.backward()
    with pytest.raises(ValueError, match=r"seed gradient must have this tensor's shape"):
        out.backward(np.ones((4, 3)))


def test_bad_labels_for_the_cross_entropy():
    Z = Tensor(np.zeros((3, 4)))
    with pytest.raises(TypeError, match="integer labels 0 .. 2"):
        Z.softmax_cross_entropy(np.zeros(4))
    with pytest.raises(ValueError, match=r"shape \(m,\) = \(4,\)"):
        Z.softmax_cross_entropy(np.zeros(3, int))
    with pytest.raises(ValueError, match="labels must lie in 0 .. 2; got labels from 0 to 3"):
        Z.softmax_cross_entropy(np.array([0, 1, 2, 3]))
    with pytest.raises(ValueError, match="needs at least one example"):
        Tensor(np.zeros((3, 0))).softmax_cross_entropy(np.zeros(0, int))
    with pytest.raises(ValueError, match=r"scores of shape \(C, m\)"):
        Tensor(np.zeros(3)).softmax_cross_entropy(np.zeros(3, int))
