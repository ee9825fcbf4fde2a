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
from .data import (
    IRIS_PATH,
    load_digits_data,
    load_mnist_sample,
    load_setosa_versicolor,
    make_flower,
    read_iris,
    split_columns,
)
from .gradcheck import numerical_gradient, numerical_gradient_array, relative_error
from .logistic import (
    LogisticRegressionGD,
    loss,
    propagate,
    propagate_one_loop,
    propagate_two_loops,
    sigmoid,
)
from .nn import (
    NeuralNetwork,
    NonFiniteLossWarning,
    Trainer,
    initialize_parameters,
    layer_backward,
    layer_forward,
    linear_backward,
    linear_forward,
    network_backward,
    network_forward,
    relu_backward,
    relu_forward,
    sigmoid_backward,
    sigmoid_cross_entropy,
    sigmoid_forward,
    softmax,
    softmax_cross_entropy,
    tanh_backward,
    tanh_forward,
)
from .notebook import best_time, check_environment, show_source
from .perceptron import Perceptron, unit_step
from .plotting import draw_computation_graph, plot_cost, plot_decision_regions, use_course_style
from .preprocessing import standardize

__all__ = [
    "IRIS_PATH",
    "AdalineGD",
    "AdalineSGD",
    "LogisticRegressionGD",
    "NeuralNetwork",
    "NonFiniteLossWarning",
    "Perceptron",
    "Trainer",
    "best_time",
    "check_adaline_gradient",
    "check_environment",
    "check_logistic_backward",
    "check_perceptron_update",
    "check_sgd_epoch",
    "check_sigmoid",
    "check_vectorized_propagate",
    "draw_computation_graph",
    "initialize_parameters",
    "layer_backward",
    "layer_forward",
    "linear_backward",
    "linear_forward",
    "load_digits_data",
    "load_mnist_sample",
    "load_setosa_versicolor",
    "loss",
    "make_flower",
    "network_backward",
    "network_forward",
    "numerical_gradient",
    "numerical_gradient_array",
    "plot_cost",
    "plot_decision_regions",
    "propagate",
    "propagate_one_loop",
    "propagate_two_loops",
    "read_iris",
    "relative_error",
    "relu_backward",
    "relu_forward",
    "show_source",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_cross_entropy",
    "sigmoid_forward",
    "softmax",
    "softmax_cross_entropy",
    "split_columns",
    "standardize",
    "tanh_backward",
    "tanh_forward",
    "unit_step",
    "use_course_style",
]
