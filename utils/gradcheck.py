"""Checking an analytic gradient against a centred-difference numerical gradient."""
import numpy as np

from .validation import validate_gradient_check_args, validate_same_shape


def numerical_gradient(f, x, h=1e-5):
    """Centred-difference gradient of a scalar function f at x.

    f : callable taking an array shaped like x and returning a float.
    x : float64 (or float32) ndarray of any shape; it is perturbed in place and restored,
        also when f raises.
    h : the step, a number > 0.
    Returns an array shaped like x: (f(x + h e_i) - f(x - h e_i)) / 2h for each entry i.
    """
    validate_gradient_check_args(f, x, h)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        try:
            x[i] = old + h
            f_plus = f(x)
            x[i] = old - h
            f_minus = f(x)
        finally:
            x[i] = old
        grad[i] = (_number(f_plus, i) - _number(f_minus, i)) / (2 * h)
    return grad


def relative_error(a, b):
    """||a - b|| / (||a|| + ||b||): about 1e-7 or below means the two gradients agree.

    a, b : numbers or arrays of the same shape. Measured over the whole gradient, so that a
    component that is nearly 0 in both does not make a correct gradient look wrong.
    """
    a, b = validate_same_shape(a, b)
    # Divide by the largest entry first, so that gradients near 1e308 cannot overflow.
    scale = max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0))
    if scale == 0:
        return 0.0
    a, b = a / scale, b / scale
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def _number(value, i):
    """f's value as a float, or a clear error: a gradient of NaN checks nothing."""
    value = np.asarray(value, dtype=float)
    if value.size != 1:
        raise ValueError(f"f must return one number; got an array of shape {value.shape}")
    if not np.isfinite(value):
        raise ValueError(f"f returned {float(value)} at x{list(i)} +- h; it must be finite")
    return float(value.item())


def numerical_gradient_array(f, x, dout, h=1e-5):
    """Centred-difference gradient, with respect to x, of sum(f(x) * dout).

    This is how a layer's backward pass is checked: f is its forward pass as a function of
    one input (returning an array), dout the upstream gradient, shaped like f(x); the
    result is what backward(dout, cache) must return for x.
    f : callable taking an array shaped like x and returning an array shaped like dout.
    x : float64 ndarray; each entry is perturbed in place and restored, even if f raises.
    Returns an array shaped like x.
    """
    _check_array_args(f, x, dout, h)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        try:
            x[i] = old + h
            # Copies: f may return an array it reuses or a view of x.
            f_plus = np.array(f(x), dtype=float)
            x[i] = old - h
            f_minus = np.array(f(x), dtype=float)
        finally:
            x[i] = old
        _require_shape_of_f(f_plus, dout)
        grad[i] = np.sum((f_plus - f_minus) * dout) / (2 * h)
    return grad


def _check_array_args(f, x, dout, h):
    """numerical_gradient_array's arguments: f callable, x float64, dout float, h > 0."""
    _require_float64(x, h)
    validate_gradient_check_args(f, x, h)
    if not (isinstance(dout, np.ndarray) and dout.dtype.kind == "f"):
        raise TypeError(f"dout must be a float ndarray shaped like f(x); got "
                        f"{type(dout).__name__}")


def _require_float64(x, h):
    """A clear error unless x is a float64 ndarray: in float32 the check fails when right."""
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        got = x.dtype if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(
            f"x must be a float64 ndarray; got {got}. In float32 a difference over "
            f"h = {h} keeps only about 2 significant digits, so the check would fail "
            f"for a correct gradient"
        )


def _require_shape_of_f(f_x, dout):
    """A clear error unless dout, the upstream gradient, is shaped like f(x)."""
    if f_x.shape != np.shape(dout):
        raise ValueError(f"dout must have the shape of f(x), {f_x.shape}; "
                         f"got shape {np.shape(dout)}")
