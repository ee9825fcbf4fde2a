"""Exercise checks of notebook 08, building a network from modules.

Each backward pass is compared with the numerical gradient of its forward pass, written
out here with plain NumPy, against a random upstream gradient (cs231n's check).
"""
import numpy as np

from ..gradcheck import numerical_gradient_array
from ._runner import function_name, gradient_close, run_cases

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
        return (numerical_gradient_array(lambda a: W @ a + b, A_prev, dZ),
                numerical_gradient_array(lambda w: w @ A_prev + b, W, dZ),
                numerical_gradient_array(lambda c: W @ A_prev + c, b, dZ))

    def exact(dZ, cache):
        A_prev, W = cache
        return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)

    mistakes = [
        (lambda dZ, cache: tuple(g / dZ.shape[1] for g in exact(dZ, cache)),
         "divided by m: dZ already holds the 1/m of the mean cost, so dW = dZ A_prev^T "
         "with no second 1/m"),
        (lambda dZ, cache: (exact(dZ, cache)[0], exact(dZ, cache)[1] / dZ.shape[1],
                            exact(dZ, cache)[2] / dZ.shape[1]),
         "dW and db were divided by m: dZ already holds the 1/m of the mean cost"),
        (lambda dZ, cache: (exact(dZ, cache)[0], exact(dZ, cache)[1],
                            dZ.mean(axis=1, keepdims=True)),
         "db is a mean over the columns: it is their sum, dZ.sum(axis=1, keepdims=True)"),
    ]
    run_cases("linear_backward", linear_backward, cases, expected,
              outputs=("dA_prev", "dW", "db"), close=gradient_close, mistakes=mistakes)


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
        return leaky_relu(Z), numerical_gradient_array(leaky_relu, Z.copy(), dA)

    def forward_then_backward(Z, dA):
        result = leaky_relu_forward(Z)
        if not isinstance(result, tuple) or len(result) != 2:
            return result  # the check reports the form of what the forward pass returned
        A, cache = result
        if not isinstance(A, np.ndarray):
            return A, None  # the check reports the form of A
        return A, leaky_relu_backward(dA, cache)

    mistakes = [
        (lambda Z, dA: (leaky_relu(Z), dA * (Z > 0)),
         "dZ is 0 where Z < 0 (ReLU's derivative): Leaky ReLU's slope there is 0.01"),
        (lambda Z, dA: (leaky_relu(Z), np.where(Z > 0, 1.0, LEAKY_SLOPE)),
         "dZ is the derivative of Leaky ReLU alone: multiply it by dA (the chain rule)"),
        (lambda Z, dA: (np.maximum(Z, 0), dA * np.where(Z > 0, 1.0, LEAKY_SLOPE)),
         "A is 0 where Z < 0 (ReLU): Leaky ReLU gives 0.01 Z there"),
        (lambda Z, dA: (np.maximum(Z, LEAKY_SLOPE), dA * np.where(Z > 0, 1.0, LEAKY_SLOPE)),
         "A = max(Z, 0.01) cuts at the number 0.01: Leaky ReLU is max(Z, 0.01 Z)"),
    ]
    forward_name = function_name(leaky_relu_forward, "leaky_relu_forward")
    backward_name = function_name(leaky_relu_backward, "leaky_relu_backward")
    run_cases("leaky_relu", forward_then_backward, cases, expected, outputs=("A", "dZ"),
              close=gradient_close, mistakes=mistakes,
              report_name=f"{forward_name}, then {backward_name}")
