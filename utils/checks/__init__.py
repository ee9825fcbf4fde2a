"""Exercise checks, one module per notebook, named after the notebook.

Each ``check_*`` function calls a student's function on a few cases and prints either
"All N tests passed." or which case failed and why. It never raises: a student working
alone reads the message, not a traceback from inside the check.
"""
from .adaline_batch_gd import check_adaline_gradient, check_train_adaline
from .adaline_sgd import check_sgd_epoch
from .logistic_regression import (
    check_logistic_backward,
    check_optimize,
    check_predict,
    check_sigmoid,
)
from .perceptron import check_perceptron_update, check_train_perceptron
from .vectorization import check_vectorized_propagate

__all__ = [
    "check_adaline_gradient",
    "check_logistic_backward",
    "check_optimize",
    "check_perceptron_update",
    "check_predict",
    "check_sgd_epoch",
    "check_sigmoid",
    "check_train_adaline",
    "check_train_perceptron",
    "check_vectorized_propagate",
]
