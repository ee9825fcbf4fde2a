"""Building Neural Networks from Scratch: the course's reusable code.

Each algorithm lives in the module named after it and is imported by the notebooks from
here, e.g. ``from utils import Perceptron, load_setosa_versicolor``.
"""
from .adaline import AdalineGD, AdalineSGD
from .checks import (
    check_adaline_gradient,
    check_logistic_backward,
    check_perceptron_update,
    check_sgd_epoch,
    check_sigmoid,
    check_vectorized_propagate,
)
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
from .notebook import best_time, check_environment, show_source
from .perceptron import Perceptron, unit_step
from .plotting import draw_computation_graph, plot_cost, plot_decision_regions, use_course_style
from .preprocessing import standardize

__all__ = [
    "AdalineGD",
    "AdalineSGD",
    "IRIS_PATH",
    "LogisticRegressionGD",
    "Perceptron",
    "best_time",
    "check_adaline_gradient",
    "check_environment",
    "check_logistic_backward",
    "check_perceptron_update",
    "check_sgd_epoch",
    "check_sigmoid",
    "check_vectorized_propagate",
    "draw_computation_graph",
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
    "show_source",
    "sigmoid",
    "standardize",
    "unit_step",
    "use_course_style",
]
