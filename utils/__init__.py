"""Building Neural Networks from Scratch: the course's reusable code.

The code lives in sub-packages that follow the chapter:

- ``utils.linear``: section 1, the perceptron, Adaline and logistic regression;
- ``utils.checks``: the exercise checks, one module per notebook;
- shared helpers: ``data``, ``preprocessing``, ``gradcheck``, ``plotting``, ``notebook``
  and ``validation`` (the input checks every model uses).

The notebooks import what they use from here, e.g. ``from utils import Perceptron``.
A name is imported from its module the first time it is asked for, so ``import utils``
stays fast and a notebook pays only for what it uses.
"""
import importlib

# name -> the module that defines it
_EXPORTS = {
    # section 1: linear models
    "AdalineGD": "utils.linear.adaline",
    "AdalineSGD": "utils.linear.adaline",
    "LogisticRegressionGD": "utils.linear.logistic",
    "Perceptron": "utils.linear.perceptron",
    "logistic_loss": "utils.linear.logistic",
    "propagate": "utils.linear.logistic",
    "propagate_one_loop": "utils.linear.logistic",
    "propagate_two_loops": "utils.linear.logistic",
    "sigmoid": "utils.linear.logistic",
    "unit_step": "utils.linear.perceptron",
    # exercise checks
    "check_adaline_gradient": "utils.checks.adaline_batch_gd",
    "check_logistic_backward": "utils.checks.logistic_regression",
    "check_optimize": "utils.checks.logistic_regression",
    "check_predict": "utils.checks.logistic_regression",
    "check_train_adaline": "utils.checks.adaline_batch_gd",
    "check_train_perceptron": "utils.checks.perceptron",
    "check_perceptron_update": "utils.checks.perceptron",
    "check_sgd_epoch": "utils.checks.adaline_sgd",
    "check_sigmoid": "utils.checks.logistic_regression",
    "check_vectorized_propagate": "utils.checks.vectorization",
    # data, preprocessing, gradient checking
    "IRIS_PATH": "utils.data",
    "load_setosa_versicolor": "utils.data",
    "read_iris": "utils.data",
    "standardize": "utils.preprocessing",
    "numerical_gradient": "utils.gradcheck",
    "relative_error": "utils.gradcheck",
    # plots and notebook helpers
    "draw_computation_graph": "utils.plotting",
    "plot_cost_contours": "utils.plotting",
    "plot_cost": "utils.plotting",
    "plot_decision_regions": "utils.plotting",
    "use_course_style": "utils.plotting",
    "best_time": "utils.notebook",
    "check_environment": "utils.notebook",
    "show_source": "utils.notebook",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'utils' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
