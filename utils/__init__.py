"""Building Neural Networks from Scratch: the course's reusable code.

Each algorithm lives in the module named after it and is imported by the notebooks from
here, e.g. ``from utils import Perceptron, load_setosa_versicolor``.
"""
from .adaline import AdalineGD, AdalineSGD
from .data import IRIS_PATH, load_setosa_versicolor, read_iris
from .gradcheck import numerical_gradient, relative_error
from .logistic import (
    LogisticRegressionGD,
    loss,
    propagate,
    propagate_one_loop,
    propagate_two_loops,
    sigmoid,
)
from .perceptron import Perceptron, unit_step
from .plotting import plot_cost, plot_decision_regions, use_course_style
from .preprocessing import standardize

__all__ = [
    "AdalineGD",
    "AdalineSGD",
    "IRIS_PATH",
    "LogisticRegressionGD",
    "Perceptron",
    "load_setosa_versicolor",
    "loss",
    "numerical_gradient",
    "plot_cost",
    "plot_decision_regions",
    "propagate",
    "propagate_one_loop",
    "propagate_two_loops",
    "read_iris",
    "relative_error",
    "sigmoid",
    "standardize",
    "unit_step",
    "use_course_style",
]
