"""Section 1, the shallow neural network: linear models trained one neuron at a time.

One file per algorithm, as the slides present them: the perceptron, Adaline (batch and
stochastic gradient descent) and logistic regression as a computation graph.
"""
from .adaline import AdalineGD, AdalineSGD
from .logistic import (
    LogisticRegressionGD,
    logistic_loss,
    propagate,
    propagate_one_loop,
    propagate_two_loops,
    sigmoid,
)
from .perceptron import Perceptron, unit_step

__all__ = [
    "AdalineGD",
    "AdalineSGD",
    "LogisticRegressionGD",
    "Perceptron",
    "logistic_loss",
    "propagate",
    "propagate_one_loop",
    "propagate_two_loops",
    "sigmoid",
    "unit_step",
]
