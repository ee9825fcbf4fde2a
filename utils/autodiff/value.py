"""A scalar automatic-differentiation engine: every ``Value`` remembers the values it was
computed from and how to pass a gradient back to them (after Karpathy's micrograd).

Each operation computes its result and, right beside it, a small function ``backward``
that applies the operation's local derivative by the chain rule:
``input.grad += (d out / d input) * out.grad``. ``out.backward()`` visits the graph in
reverse topological order (every value after all the values computed from it), so that
each value's gradient is complete before it is passed on.

Gradients are ADDED (+=): a value used twice, as x in x * x, receives one contribution per
use. The inputs you create (the leaves) keep adding across calls of backward, as PyTorch's
do: set their grad to 0 before each new backward pass (PyTorch's zero_grad). The values
computed inside the graph start from 0 on every call.
"""
import math
import numbers


class Value:
    """A scalar in a computation graph.

    Parameters
    ----------
    data : int or float
        The number (stored as a float).
    children : tuple of Value
        The values it was computed from (empty for an input).
    op : str
        The operation that made it, e.g. "+", for printing.

    Attributes
    ----------
    data : float
    grad : float
        d(output) / d(this value) after output.backward(); 0 before.
    """

    def __init__(self, data, children=(), op=""):
        if isinstance(data, bool) or not isinstance(data, numbers.Real):
            raise TypeError(f"Value holds one real number, e.g. Value(2.0); got "
                            f"{type(data).__name__} {data!r:.60}")
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None
        self._children = tuple(children)
        self._op = op

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    def __add__(self, other):
        other = as_value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def backward():
            self.grad += out.grad   # d(a + b)/da = 1
            other.grad += out.grad  # d(a + b)/db = 1
        out._backward = backward
        return out

    def __mul__(self, other):
        other = as_value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def backward():
            self.grad += other.data * out.grad  # d(a b)/da = b
            other.grad += self.data * out.grad  # d(a b)/db = a
        out._backward = backward
        return out

    def __pow__(self, k):
        if isinstance(k, bool) or not isinstance(k, numbers.Real):
            raise TypeError(f"x ** k takes a number k (int or float); got {type(k).__name__}")
        if self.data < 0 and k != int(k):
            raise ValueError(f"x ** k with x < 0 needs a whole k (a real result); got "
                             f"x = {self.data}, k = {k}")
        out = Value(self.data ** k, (self,), f"**{k}")

        def backward():
            self.grad += k * self.data ** (k - 1) * out.grad  # d(x^k)/dx = k x^(k-1)
        out._backward = backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def backward():
            self.grad += out.data * out.grad  # d(e^x)/dx = e^x
        out._backward = backward
        return out

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log(x) needs x > 0; got x = {self.data}")
        out = Value(math.log(self.data), (self,), "log")

        def backward():
            self.grad += out.grad / self.data  # d(log x)/dx = 1/x
        out._backward = backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")

        def backward():
            self.grad += (1 - out.data**2) * out.grad  # tanh' = 1 - tanh^2
        out._backward = backward
        return out

    def relu(self):
        out = Value(max(self.data, 0.0), (self,), "relu")

        def backward():
            self.grad += (self.data > 0) * out.grad  # 1 where x > 0, else 0
        out._backward = backward
        return out

    def sigmoid(self):
        e = math.exp(-abs(self.data))  # never e of a positive number: no overflow
        out = Value((1 if self.data >= 0 else e) / (1 + e), (self,), "sigmoid")

        def backward():
            self.grad += out.data * (1 - out.data) * out.grad  # sigma' = sigma (1 - sigma)
        out._backward = backward
        return out

    def backward(self):
        """Add d(self)/d(v) to v.grad for every value v that self depends on
        (values inside the graph start from 0: only the inputs accumulate)."""
        order = topological_order(self)
        for v in order:
            if v._children:  # computed inside the graph: start afresh
                v.grad = 0.0
        self.grad = 1.0  # d(self)/d(self)
        for v in reversed(order):  # from self back to the inputs
            v._backward()

    # The rest is written with the operations above, so it needs no backward of its own.
    def __neg__(self):           # -a
        return self * -1

    def __sub__(self, other):    # a - b
        return self + (-as_value(other))

    def __truediv__(self, other):  # a / b = a * b^-1
        return self * as_value(other) ** -1

    def __radd__(self, other):   # 2 + a
        return self + other

    def __rmul__(self, other):   # 2 * a
        return self * other

    def __rsub__(self, other):   # 2 - a
        return as_value(other) - self

    def __rtruediv__(self, other):  # 2 / a
        return as_value(other) / self


def as_value(x):
    """x itself if it is a Value; a number becomes a Value (a constant of the graph)."""
    return x if isinstance(x, Value) else Value(x)


def topological_order(output):
    """Every Value that ``output`` was computed from, and output itself (last), each listed
    after all of its children. Iterative, so that a graph deeper than Python's recursion
    limit (a long training loop of scalars) is not a problem."""
    order, seen, stack = [], set(), [(output, False)]
    while stack:
        v, children_done = stack.pop()
        if children_done:
            order.append(v)
        elif id(v) not in seen:
            seen.add(id(v))
            stack.append((v, True))
            stack.extend((child, False) for child in v._children if id(child) not in seen)
    return order
