"""Building Neural Networks from Scratch: the course's reusable code.

The code lives in sub-packages that follow the chapter:

- ``utils.linear``: section 1, the perceptron, Adaline and logistic regression;
- ``utils.nn``: sections 2-8, neural networks from layers to optimizers and diagnostics;
- ``utils.autodiff``: automatic differentiation from scratch, a scalar and a tensor engine;
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
    "check_relu_shallow_backward": "utils.checks.shallow_network",
    "check_softmax_cross_entropy": "utils.checks.deep_network",
    "check_network_backward": "utils.checks.deep_network",
    "check_linear_backward": "utils.checks.building_blocks",
    "check_leaky_relu": "utils.checks.building_blocks",
    # sections 2-3: neural networks
    "NeuralNetwork": "utils.nn",
    "NonFiniteLossWarning": "utils.nn",
    "Trainer": "utils.nn",
    "initialize_parameters": "utils.nn",
    "layer_backward": "utils.nn",
    "layer_forward": "utils.nn",
    "linear_backward": "utils.nn",
    "linear_forward": "utils.nn",
    "log_softmax": "utils.nn",
    "network_backward": "utils.nn",
    "network_forward": "utils.nn",
    "relu_backward": "utils.nn",
    "relu_forward": "utils.nn",
    "sgd": "utils.nn",
    "sigmoid_backward": "utils.nn",
    "sigmoid_cross_entropy": "utils.nn",
    "sigmoid_forward": "utils.nn",
    "softmax": "utils.nn",
    "softmax_cross_entropy": "utils.nn",
    "smoothed_cross_entropy": "utils.nn.losses",
    "tanh_backward": "utils.nn",
    "tanh_forward": "utils.nn",
    # one hidden layer written out (notebook 6)
    "predict_shallow": "utils.nn.shallow",
    "shallow_backward": "utils.nn.shallow",
    "shallow_cost": "utils.nn.shallow",
    "shallow_forward": "utils.nn.shallow",
    "train_shallow": "utils.nn.shallow",
    "check_momentum_step": "utils.checks.optimizers",
    "check_adam_step": "utils.checks.optimizers",
    "check_cosine_schedule": "utils.checks.optimizers",
    "check_he_initialization": "utils.checks.hyperparameters",
    "check_log_uniform": "utils.checks.hyperparameters",
    "check_update_ratio": "utils.checks.hyperparameters",
    # data, preprocessing, gradient checking
    "IRIS_PATH": "utils.data",
    "load_setosa_versicolor": "utils.data",
    "read_iris": "utils.data",
    "standardize": "utils.preprocessing",
    "numerical_gradient": "utils.gradcheck",
    "relative_error": "utils.gradcheck",
    # plots and notebook helpers
    "draw_computation_graph": "utils.plotting",
    "draw_perceptron": "utils.plotting",
    "plot_cost_contours": "utils.plotting",
    "plot_cost": "utils.plotting",
    "plot_decision_regions": "utils.plotting",
    # what a user may catch or filter
    "DivergenceWarning": "utils.validation",
    "NotFittedError": "utils.validation",
    "use_course_style": "utils.plotting",
    "best_time": "utils.notebook",
    "check_environment": "utils.notebook",
    "show_source": "utils.notebook",
    # sections 2-3: neural networks
    "load_digits_data": "utils.data",
    "load_mnist_sample": "utils.data",
    "make_flower": "utils.data",
    "split_columns": "utils.data",
    "numerical_gradient_array": "utils.gradcheck",
    # sections 4-6: regularization, dropout, batch normalization
    "load_iris_sepals": "utils.data",
    "plot_decision_boundary": "utils.plotting",
    "plot_learning_curves": "utils.plotting",
    "l2_cost": "utils.nn.regularization",
    "l2_grads": "utils.nn.regularization",
    "dropout_forward": "utils.nn.dropout",
    "dropout_backward": "utils.nn.dropout",
    "batchnorm_forward": "utils.nn.batchnorm",
    "batchnorm_backward": "utils.nn.batchnorm",
    "batchnorm_backward_graph": "utils.nn.batchnorm",
    "init_batchnorm_state": "utils.nn.batchnorm",
    "running_average": "utils.nn.batchnorm",
    "running_average_cs231n": "utils.nn.batchnorm",
    "check_l2_cost": "utils.checks.regularization",
    "check_weight_decay_update": "utils.checks.regularization",
    "check_early_stopping": "utils.checks.regularization",
    "check_dropout_mask": "utils.checks.dropout",
    "check_dropout_forward": "utils.checks.dropout",
    "check_dropout_backward": "utils.checks.dropout",
    "check_batchnorm_forward": "utils.checks.batch_normalization",
    "check_batchnorm_backward": "utils.checks.batch_normalization",
    "check_running_average": "utils.checks.batch_normalization",
    # sections 4-6: regularization, dropout, batch normalization
    # sections 2-3: neural networks
    # sections 7-8: optimizers and hyper-parameters
    "OPTIMIZERS": "utils.nn.optim",
    "momentum": "utils.nn.optim",
    "momentum_ema": "utils.nn.optim",
    "nesterov": "utils.nn.optim",
    "adagrad": "utils.nn.optim",
    "rmsprop": "utils.nn.optim",
    "adam": "utils.nn.optim",
    "step_decay": "utils.nn.schedules",
    "exponential_decay": "utils.nn.schedules",
    "cosine_annealing": "utils.nn.schedules",
    "linear_warmup": "utils.nn.schedules",
    "get_schedule": "utils.nn.schedules",
    "elongated_bowl": "utils.nn.surfaces",
    "rosenbrock": "utils.nn.surfaces",
    "saddle": "utils.nn.surfaces",
    "descend": "utils.nn.surfaces",
    "plot_paths": "utils.nn.surfaces",
    "layer_signals": "utils.nn.diagnostics",
    "activation_statistics": "utils.nn.diagnostics",
    "gradient_statistics": "utils.nn.diagnostics",
    "saturated_fraction": "utils.nn.diagnostics",
    "dead_fraction": "utils.nn.diagnostics",
    "update_to_data_ratio": "utils.nn.diagnostics",
    "recording_update_ratios": "utils.nn.diagnostics",
    "update_ratio_history": "utils.nn.diagnostics",
    "plot_layer_histograms": "utils.nn.diagnostics",
    "lr_range_test": "utils.nn.lr_finder",
    "suggest_learning_rate": "utils.nn.lr_finder",
    "LogUniform": "utils.nn.search",
    "Uniform": "utils.nn.search",
    "grid_search": "utils.nn.search",
    "random_search": "utils.nn.search",
    "best_config": "utils.nn.search",
    # section 9: practice
    "augment_with_shifts": "utils.nn.practice",
    "load_torch_fixture": "utils.nn.practice",
    "most_confident_mistakes": "utils.nn.practice",
    "plot_digits": "utils.nn.practice",
    "practice_weights": "utils.nn.practice",
    "shift_images": "utils.nn.practice",
    "check_confusion_matrix": "utils.checks.practice",
    "check_per_class_recall": "utils.checks.practice",
    "check_top_confusions": "utils.checks.practice",
    # today's training recipe (notebook 15)
    "layernorm_forward": "utils.nn.layernorm",
    "layernorm_backward": "utils.nn.layernorm",
    "adamw": "utils.nn.optim",
    "clip_by_global_norm": "utils.nn.clipping",
    "global_norm": "utils.nn.clipping",
    "check_layernorm_forward": "utils.checks.training_recipe",
    "check_clip_by_global_norm": "utils.checks.training_recipe",
    "check_adamw": "utils.checks.training_recipe",
    "check_smoothed_targets": "utils.checks.training_recipe",
    # automatic differentiation (notebook 16)
    "AutodiffNetwork": "utils.autodiff",
    "Tensor": "utils.autodiff",
    "Value": "utils.autodiff",
    "network_loss": "utils.autodiff",
    "topological_order": "utils.autodiff",
    "unbroadcast": "utils.autodiff",
    "check_tensor_sigmoid": "utils.checks.autodiff",
    "check_unbroadcast": "utils.checks.autodiff",
    "check_zero_grad": "utils.checks.autodiff",
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
