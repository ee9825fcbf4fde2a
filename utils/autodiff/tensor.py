"""The same engine over NumPy arrays: a ``Tensor`` holds an array, and each operation
computes its result and, right beside it, how to pass a gradient back, as ``Value`` does
for one number. Enough to build the course's network (notebook 7) and train it.

Gradients have the shape of what they differentiate. Broadcasting stretches an operand
to the other's shape (b of shape (n, 1) becomes (n, m) in W A + b): its gradient must be
summed back over the stretched axes (``unbroadcast``), one term per copy used.

As with ``Value``: leaves (the tensors you create) ADD their gradients across calls of
backward, until you set ``t.grad = None``; tensors computed inside the graph start
afresh on every call. A leaf made with ``requires_grad=False`` (the data X) gets no
gradient, and the products that would only serve it are skipped.

One difference from ``Value``: an operation's backward function receives the gradient of
its output as an argument, ``backward(grad)``, instead of reading ``out.grad``. A function
stored in ``out`` that refers to ``out`` is a reference cycle, and Python frees the arrays
of a cycle only when its garbage collector runs, not as soon as the graph is dropped:
with a graph per mini-batch that costs time and memory.
"""
import numbers

import numpy as np

from .value import topological_order

FLOAT_DTYPES = (np.float32, np.float64)


class Tensor:
    """An array in a computation graph.

    Parameters
    ----------
    data : ndarray of float32 or float64, or a Python float
        Any shape; a (n, m) matrix holds one example per column, as everywhere in the
        course. Other dtypes (float16, integers, objects) raise a TypeError.
    children : tuple of Tensor
        The tensors it was computed from (empty for a leaf).
    op : str
        The operation that made it, e.g. "@", for messages and printing.
    requires_grad : bool
        Whether backward computes this leaf's gradient. PyTorch's tensors default to
        False; here every leaf gets one unless told otherwise (the data X: False).

    Attributes
    ----------
    data : ndarray
    grad : ndarray of data's shape, or None before backward
    """

    __array_ufunc__ = None  # ndarray + Tensor calls Tensor.__radd__, not NumPy's loop

    def __init__(self, data, children=(), op="", requires_grad=True):
        self.data = check_float_array(data)
        self.grad = None
        self._backward = lambda grad: None
        self._children = tuple(children)
        self._op = op
        self.requires_grad = (any(c.requires_grad for c in self._children)
                              if self._children else bool(requires_grad))

    @property
    def shape(self):
        return self.data.shape

    def __repr__(self):
        return f"Tensor(shape={self.shape}, dtype={self.data.dtype}, op={self._op!r})"

    def accumulate_grad(self, grad):
        """grad added to self.grad; a new array, never written in place (another tensor
        may hold the very same array as its gradient)."""
        if self.requires_grad:
            self.grad = grad if self.grad is None else self.grad + grad

    def __add__(self, other):
        other = self._operand(other, "+")
        out = Tensor(self.data + other.data, (self, other), "+")

        def backward(grad):  # d(a + b)/da = 1, summed over a's stretched axes
            self.accumulate_grad(unbroadcast(grad, self.shape))
            other.accumulate_grad(unbroadcast(grad, other.shape))
        out._backward = backward
        return out

    def __mul__(self, other):
        other = self._operand(other, "*")
        out = Tensor(self.data * other.data, (self, other), "*")

        def backward(grad):  # d(a b)/da = b, elementwise
            self.accumulate_grad(unbroadcast(other.data * grad, self.shape))
            other.accumulate_grad(unbroadcast(self.data * grad, other.shape))
        out._backward = backward
        return out

    def __matmul__(self, other):
        other = self._operand(other, "@")
        check_matmul_shapes(self.shape, other.shape)
        out = Tensor(self.data @ other.data, (self, other), "@")

        def backward(grad):  # C = A B: dA = dC B^T, dB = A^T dC (notebook 8)
            if self.requires_grad:
                self.accumulate_grad(grad @ other.data.T)
            if other.requires_grad:  # not for the data X: its dX is never used
                other.accumulate_grad(self.data.T @ grad)
        out._backward = backward
        return out

    def relu(self):
        out = Tensor(np.maximum(self.data, 0), (self,), "relu")

        def backward(grad):  # 1 where x > 0, else 0
            self.accumulate_grad(grad * (self.data > 0))
        out._backward = backward
        return out

    def tanh(self):
        A = np.tanh(self.data)
        out = Tensor(A, (self,), "tanh")

        def backward(grad):  # tanh' = 1 - tanh^2
            self.accumulate_grad(grad * (1 - A**2))
        out._backward = backward
        return out

    def sum(self, axis=None, keepdims=False):
        out = Tensor(np.sum(self.data, axis=axis, keepdims=keepdims), (self,), "sum")

        def backward(grad):  # every summed entry gets the sum's gradient: spread it back
            if not keepdims and axis is not None:
                grad = np.expand_dims(grad, axis)
            self.accumulate_grad(np.broadcast_to(grad, self.shape).copy())
        out._backward = backward
        return out

    def mean(self, axis=None, keepdims=False):
        n = self.data.size if axis is None else self.shape[axis]
        return self.sum(axis, keepdims) * (1.0 / n)

    def softmax_cross_entropy(self, y):
        """Mean cross-entropy of softmax(self) against labels y, fused into one op.

        self : (C, m) scores, one column per example; y : (m,) integer labels 0 .. C-1.
        Returns a scalar Tensor. Fused: its backward is (softmax(Z) - Y) / m at once,
        where Y is y one-hot, instead of going back through exp, sum, log and division;
        shifted by each column's maximum, it never overflows (notebook 7).
        """
        check_labels(y, self.shape)
        m = self.shape[1]
        shifted = self.data - self.data.max(axis=0, keepdims=True)
        log_A = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
        examples = np.arange(m)
        loss = -log_A[y, examples].sum() / m
        out = Tensor(loss, (self,), "softmax_cross_entropy")

        def backward(grad):
            dZ = np.exp(log_A)           # A = softmax(Z)
            dZ[y, examples] -= 1         # A - Y
            self.accumulate_grad(dZ * grad / m)
        out._backward = backward
        return out

    def backward(self, grad=None):
        """Add d(self)/d(t) to t.grad for every tensor t that self was computed from
        (the tensors inside the graph start from None: only the leaves accumulate).

        grad : the seed, d(final output)/d(self), shaped like self; by default 1, which
            only a single number (a loss) can take.
        """
        if grad is None:
            if self.data.size != 1:
                raise ValueError(
                    f"backward() without a seed gradient needs a single number, such as a "
                    f"loss; this tensor has shape {self.shape}. Reduce it first "
                    f"(out.sum().backward()) or pass a gradient of shape {self.shape}: "
                    f"out.backward(grad)")
            grad = np.ones_like(self.data)
        grad = check_float_array(grad, "the seed gradient")
        if grad.shape != self.shape or grad.dtype != self.data.dtype:
            raise ValueError(f"the seed gradient must have this tensor's shape {self.shape} "
                             f"and dtype {self.data.dtype}; got {grad.shape} {grad.dtype}")
        order = topological_order(self)
        for t in order:
            if t._children:  # computed inside the graph: start afresh
                t.grad = None
        self.grad = grad
        for t in reversed(order):  # from self back to the leaves
            if t.requires_grad and t.grad is not None:
                t._backward(t.grad)

    # The rest is written with the operations above, so it needs no backward of its own.
    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-self._operand(other, "-"))

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return self._operand(other, "-") - self

    def __rmatmul__(self, other):
        return self._operand(other, "@") @ self

    def _operand(self, other, op):
        """other as a Tensor of self's dtype: a Python number becomes a constant; an array
        or tensor of another dtype is an error (NumPy would silently mix them)."""
        if isinstance(other, numbers.Real) and not isinstance(other, bool):
            return Tensor(np.asarray(other, dtype=self.data.dtype), requires_grad=False)
        if not isinstance(other, Tensor):
            other = Tensor(other, requires_grad=False)
        if other.data.dtype != self.data.dtype:
            raise TypeError(f"{op}: a {self.data.dtype} and a {other.data.dtype} operand; "
                            f"convert one first, e.g. with .astype(np.{self.data.dtype})")
        if op != "@":
            try:
                np.broadcast_shapes(self.shape, other.shape)
            except ValueError:
                raise ValueError(f"{op}: shapes {self.shape} and {other.shape} do not "
                                 f"broadcast (each pair of trailing sizes must be equal, "
                                 f"or one of them 1)") from None
        return other


def unbroadcast(grad, shape):
    """The gradient of an operand of ``shape`` that broadcasting stretched to
    grad.shape: grad summed over the axes broadcasting added (in front) or
    stretched (from size 1).

    E.g. b of shape (n, 1) added to every column of Z (n, m): db = dZ summed
    over the columns, shape (n, 1), as linear_backward's db.
    """
    while grad.ndim > len(shape):  # axes added in front
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:  # axes stretched from 1
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


def check_float_array(data, name="Tensor data"):
    """data as a float32 or float64 ndarray (a Python float becomes a 0-d float64 array),
    or a TypeError that says what was got."""
    if isinstance(data, (float, np.floating)):
        data = np.asarray(data)
    if not isinstance(data, np.ndarray):
        raise TypeError(f"{name} must be a NumPy array of float32 or float64 (or a float); "
                        f"got {type(data).__name__}")
    if data.dtype not in FLOAT_DTYPES:
        raise TypeError(f"{name} must hold float32 or float64 numbers; got dtype "
                        f"{data.dtype} (convert it first, e.g. with .astype(np.float64))")
    return data


def check_matmul_shapes(a, b):
    if len(a) != 2 or len(b) != 2:
        raise ValueError(f"@ takes two matrices (2-D); got shapes {a} and {b}")
    if a[1] != b[0]:
        raise ValueError(f"@: shapes {a} and {b} do not fit: {a[1]} columns against "
                         f"{b[0]} rows (W of shape (n[l], n[l-1]) times A of (n[l-1], m))")


def check_labels(y, shape):
    if len(shape) != 2:
        raise ValueError(f"softmax_cross_entropy takes scores of shape (C, m); got {shape}")
    C, m = shape
    if m == 0:
        raise ValueError(f"softmax_cross_entropy needs at least one example (column); got "
                         f"scores of shape {shape}")
    if not (isinstance(y, np.ndarray) and y.dtype.kind in "iu"):
        raise TypeError(f"softmax_cross_entropy: y must be a NumPy array of integer labels "
                        f"0 .. {C - 1}, shape (m,); got {getattr(y, 'dtype', type(y))}")
    if y.shape != (m,):
        raise ValueError(f"softmax_cross_entropy: y must have shape (m,) = ({m},), one label "
                         f"per column of the scores {shape}; got {y.shape}")
    if y.min() < 0 or y.max() >= C:
        raise ValueError(f"softmax_cross_entropy: labels must lie in 0 .. {C - 1}; got "
                         f"labels from {y.min()} to {y.max()}")


def network_loss(params, X, y):
    """The course's network (notebook 7) built from Tensor operations.

    params : {"W{l}": Tensor (n[l], n[l-1]), "b{l}": Tensor (n[l], 1)}, l = 1 .. L;
    X : (n[0], m) array, one example per column; y : (m,) integer labels.
    Returns the mean softmax cross-entropy J, a scalar Tensor: J.backward() fills every
    params[name].grad.
    """
    L = len(params) // 2
    A = Tensor(X, requires_grad=False)  # the data: no gradient wanted
    for l in range(1, L):  # hidden layers: A[l] = relu(W[l] A[l-1] + b[l])
        A = (params[f"W{l}"] @ A + params[f"b{l}"]).relu()
    ZL = params[f"W{L}"] @ A + params[f"b{L}"]
    return ZL.softmax_cross_entropy(y)


class AutodiffNetwork:
    """The ReLU network with softmax output whose gradients come from the Tensor engine,
    with what Trainer needs: params, loss, scores, predict.

    params : dict of arrays, "W{l}" (n[l], n[l-1]) and "b{l}" (n[l], 1), l = 1 .. L,
        e.g. NeuralNetwork(...).params or initialize_parameters(...).
    """

    def __init__(self, params):
        self.params = params

    def loss(self, X, y, mode="train"):
        """(J, grads): the mean cross-entropy on X (n[0], m) with labels y (m,), and
        grads["d" + name] shaped like params[name]. mode is accepted for Trainer."""
        tensors = {name: Tensor(value) for name, value in self.params.items()}
        J = network_loss(tensors, X, y)
        J.backward()
        return float(J.data), {"d" + name: t.grad for name, t in tensors.items()}

    def scores(self, X):
        """Z[L] of shape (n[L], m), without building a graph."""
        L = len(self.params) // 2
        A = X
        for l in range(1, L + 1):
            Z = self.params[f"W{l}"] @ A + self.params[f"b{l}"]
            A = np.maximum(Z, 0)
        return Z

    def predict(self, X):
        """The most probable class of each column of X, shape (m,)."""
        return self.scores(X).argmax(axis=0)
