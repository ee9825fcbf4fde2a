"""Sections 2-3: neural networks built from forward/backward modules, one file per idea.

layers (linear), activations (ReLU, tanh, sigmoid), losses (softmax and sigmoid
cross-entropy), init (initial weights), network (the L-layer network), optim (update
rules) and trainer (mini-batch gradient descent).
"""
from .activations import (
    ACTIVATIONS,
    relu_backward,
    relu_forward,
    sigmoid,
    sigmoid_backward,
    sigmoid_forward,
    tanh_backward,
    tanh_forward,
)
from .init import INIT_SCALES, initialize_parameters
from .layers import linear_backward, linear_forward
from .losses import log_softmax, output_loss, sigmoid_cross_entropy, softmax, softmax_cross_entropy
from .network import (
    NeuralNetwork,
    count_layers,
    layer_backward,
    layer_forward,
    network_backward,
    network_forward,
)
from .optim import OPTIMIZERS, sgd
from .trainer import NonFiniteLossWarning, Trainer

__all__ = [
    "ACTIVATIONS",
    "INIT_SCALES",
    "OPTIMIZERS",
    "NeuralNetwork",
    "NonFiniteLossWarning",
    "Trainer",
    "count_layers",
    "initialize_parameters",
    "layer_backward",
    "layer_forward",
    "linear_backward",
    "linear_forward",
    "log_softmax",
    "network_backward",
    "network_forward",
    "output_loss",
    "relu_backward",
    "relu_forward",
    "sgd",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_cross_entropy",
    "sigmoid_forward",
    "softmax",
    "softmax_cross_entropy",
    "tanh_backward",
    "tanh_forward",
]
