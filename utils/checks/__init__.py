"""Exercise checks, one module per notebook, named after the notebook.

Each ``check_*`` function calls a student's function on a few cases and prints either
"All N tests passed." or which case failed and why. It never raises: a student working
alone reads the message, not a traceback from inside the check.
"""
from .adaline_batch_gd import check_adaline_gradient
from .adaline_sgd import check_sgd_epoch
from .hyperparameters import check_he_initialization, check_log_uniform, check_update_ratio
from .logistic_regression import check_logistic_backward, check_sigmoid
from .optimizers import check_adam_step, check_cosine_schedule, check_momentum_step
from .perceptron import check_perceptron_update
from .vectorization import check_vectorized_propagate

__all__ = [
    "check_adaline_gradient",
    "check_adam_step",
    "check_cosine_schedule",
    "check_he_initialization",
    "check_log_uniform",
    "check_logistic_backward",
    "check_momentum_step",
    "check_perceptron_update",
    "check_sgd_epoch",
    "check_sigmoid",
    "check_update_ratio",
    "check_vectorized_propagate",
]
