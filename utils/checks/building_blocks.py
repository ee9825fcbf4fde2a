"""Exercise checks of notebook 08, building a network from modules.

Each backward pass is compared with the numerical gradient of its forward pass, written
out here with plain NumPy, against a random upstream gradient (cs231n's check).
"""
import numpy as np

from ..gradcheck import numerical_gradient_array
from ._runner import function_name, named_arrays_close, run_cases

LEAKY_SLOPE = 0.01


def check_linear_backward(linear_backward):
    """Check ``linear_backward(dZ, cache)`` -> (dA_prev, dW, db) for Z = W A_prev + b.

    dZ : (n[l], m), the derivative of the cost with respect to Z (the 1/m already in it);
    cache : (A_prev, W) with A_prev (n[l-1], m) and W (n[l], n[l-1]), as linear_forward
    returns it. dA_prev, dW and db have the shapes of A_prev, W and b (n[l], 1).
    """
    rng = np.random.default_rng(9)
    cases = []
    for n, n_prev, m in [(3, 4, 5), (2, 3, 1), (1, 2, 6), (4, 4, 3)]:
        cache = (rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)))
        cases.append({"dZ": rng.normal(size=(n, m)), "cache": cache})

    def expected(dZ, cache):
        A_prev, W = (a.copy() for a in cache)
        b = np.zeros((W.shape[0], 1))  # the gradients do not depend on b's value
        return {
            "dA_prev": numerical_gradient_array(lambda a: W @ a + b, A_prev, dZ),
            "dW": numerical_gradient_array(lambda w: w @ A_prev + b, W, dZ),
            "db": numerical_gradient_array(lambda c: W @ A_prev + c, b, dZ),
        }

    run_cases(function_name(linear_backward, "linear_backward"), linear_backward, cases,
              expected, named_arrays_close)


def check_leaky_relu(leaky_relu_forward, leaky_relu_backward):
    """Check the pair ``leaky_relu_forward(Z) -> (A, cache)`` and
    ``leaky_relu_backward(dA, cache) -> dZ``, with A = Z where Z > 0 and 0.01 Z elsewhere.

    Z, A, dA, dZ : (n, m). The check runs forward then backward on each case, and compares
    A with the formula and dZ with the numerical gradient of the formula.
    """
    rng = np.random.default_rng(10)
    cases = []
    for shape in [(3, 4), (1, 5), (6, 2)]:
        Z = rng.normal(size=shape)
        Z += np.where(Z >= 0, 0.1, -0.1)  # away from the kink at 0
        cases.append({"Z": Z, "dA": rng.normal(size=shape)})

    def leaky_relu(Z):
        return np.where(Z > 0, Z, LEAKY_SLOPE * Z)

    def expected(Z, dA):
        return {"A": leaky_relu(Z), "dZ": numerical_gradient_array(leaky_relu, Z.copy(), dA)}

    def forward_then_backward(Z, dA):
        A, cache = leaky_relu_forward(Z)
        return A, leaky_relu_backward(dA, cache)

    forward_name = function_name(leaky_relu_forward, "leaky_relu_forward")
    backward_name = function_name(leaky_relu_backward, "leaky_relu_backward")
    forward_then_backward.__name__ = f"{forward_name} or {backward_name}"
    run_cases(f"{forward_name}, then {backward_name}", forward_then_backward, cases,
              expected, named_arrays_close)
