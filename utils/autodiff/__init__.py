"""Automatic differentiation from scratch (notebook 16): the backward pass written by the
computer.

- ``value``: ``Value``, a scalar that remembers how it was computed (Karpathy's micrograd,
  in the course's words), and ``topological_order``, the order backward visits a graph;
- ``tensor``: ``Tensor``, the same idea over NumPy arrays (matmul, broadcasting ``+``,
  ReLU, tanh, sum, mean, a fused softmax cross-entropy), ``unbroadcast``, and the course's
  network built from it (``network_loss``, ``AutodiffNetwork``).
"""
from .tensor import AutodiffNetwork, Tensor, network_loss, unbroadcast
from .value import Value, topological_order

__all__ = ["AutodiffNetwork", "Tensor", "Value", "network_loss", "topological_order",
           "unbroadcast"]
