"""The checks of notebooks 09-11: correct answers pass, known mistakes are named."""
import numpy as np

from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import (
    check_batchnorm_backward,
    check_batchnorm_forward,
    check_dropout_backward,
    check_dropout_forward,
    check_dropout_mask,
    check_early_stopping,
    check_l2_cost,
    check_running_average,
    check_weight_decay_update,
)

# ---- 09: regularization -----------------------------------------------------------------

def my_l2_cost(params, lambd, m):  # the worked solution
    squares = sum(np.sum(W ** 2) for name, W in params.items()
                  if name.startswith('W'))
    return lambd / (2 * m) * squares


def l2_cost_with_norms(params, lambd, m):
    weights = [params[f"W{l}"] for l in range(1, len(params) // 2 + 1)]
    return lambd / (2 * m) * sum(np.linalg.norm(W) ** 2 for W in weights)


def l2_cost_with_biases(params, lambd, m):
    return lambd / (2 * m) * sum(np.sum(v**2) for v in params.values())


def l2_cost_without_half(params, lambd, m):
    return lambd / m * sum(np.sum(v**2) for k, v in params.items() if k.startswith("W"))


def l2_cost_without_m(params, lambd, m):
    return lambd / 2 * sum(np.sum(v**2) for k, v in params.items() if k.startswith("W"))


def l2_cost_of_norms(params, lambd, m):
    return lambd / (2 * m) * sum(np.linalg.norm(v) for k, v in params.items() if k[0] == "W")


def l2_cost_squaring_in_place(params, lambd, m):
    total = 0.0
    for name in params:
        if name.startswith("W"):
            params[name] **= 2
            total += params[name].sum()
    return lambd / (2 * m) * total


def weight_decay_update(W, dW, learning_rate, lambd, m):  # the worked solution
    return (1 - learning_rate * lambd / m) * W - learning_rate * dW


def weight_decay_update_gradient_first(W, dW, learning_rate, lambd, m):
    return W - learning_rate * (dW + lambd / m * W)


def decay_over_2m(W, dW, learning_rate, lambd, m):
    return W - learning_rate * (dW + lambd / (2 * m) * W)


def decay_without_learning_rate(W, dW, learning_rate, lambd, m):
    return (1 - lambd / m) * W - learning_rate * dW


def decay_growing(W, dW, learning_rate, lambd, m):
    return (1 + learning_rate * lambd / m) * W - learning_rate * dW


def decay_without_m(W, dW, learning_rate, lambd, m):
    return (1 - learning_rate * lambd) * W - learning_rate * dW


def decay_in_place(W, dW, learning_rate, lambd, m):
    W *= 1 - learning_rate * lambd / m
    W -= learning_rate * dW
    return W


def early_stopping(val_losses, patience):  # the worked solution
    best_epoch = 0
    for epoch, loss in enumerate(val_losses):
        if loss < val_losses[best_epoch]:
            best_epoch = epoch
        elif epoch - best_epoch == patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def early_stopping_with_a_counter(val_losses, patience):
    best, waited = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best]:
            best, waited = epoch, 0
        else:
            waited += 1
            if waited == patience:
                return best, epoch
    return best, len(val_losses) - 1


def early_stopping_ties_move(val_losses, patience):
    best_epoch = 0
    for epoch, loss in enumerate(val_losses):
        if loss <= val_losses[best_epoch]:
            best_epoch = epoch
        elif epoch - best_epoch == patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def early_stopping_waits_one_more(val_losses, patience):
    best_epoch = 0
    for epoch, loss in enumerate(val_losses):
        if loss < val_losses[best_epoch]:
            best_epoch = epoch
        elif epoch - best_epoch > patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def early_stopping_one_early(val_losses, patience):
    best_epoch = 0
    for epoch, loss in enumerate(val_losses):
        if loss < val_losses[best_epoch]:
            best_epoch = epoch
        elif epoch - best_epoch == patience - 1:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def early_stopping_from_one(val_losses, patience):
    best_epoch = 1
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < val_losses[best_epoch - 1]:
            best_epoch = epoch
        elif epoch - best_epoch == patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses)


def early_stopping_returns_the_loss(val_losses, patience):
    best_epoch, stop_epoch = early_stopping(val_losses, patience)
    return val_losses[best_epoch], stop_epoch


def early_stopping_float_epochs(val_losses, patience):
    best_epoch, stop_epoch = early_stopping(val_losses, patience)
    return float(best_epoch), float(stop_epoch)


def early_stopping_that_appends(val_losses, patience):  # a sentinel on the caller's list
    val_losses.append(float("inf"))
    best_epoch = 0
    for epoch, loss in enumerate(val_losses[:-1]):
        if loss < val_losses[best_epoch]:
            best_epoch = epoch
        elif epoch - best_epoch == patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 2


# ---- 10: dropout ------------------------------------------------------------------------

def dropout_mask(shape, keep_prob, rng):  # the worked solution
    return rng.random(shape) < keep_prob


def dropout_mask_binomial(shape, keep_prob, rng):
    return rng.binomial(1, keep_prob, size=shape)


def dropout_mask_swapped(shape, keep_prob, rng):  # PyTorch's p taken as keep
    return rng.random(shape) < 1 - keep_prob


def dropout_mask_scaled(shape, keep_prob, rng):  # the 1/keep_prob put into the mask
    return (rng.random(shape) < keep_prob) / keep_prob


def dropout_mask_from_np_random(shape, keep_prob, rng):
    return np.random.random(shape) < keep_prob


def dropout_mask_fixed_seed(shape, keep_prob, rng):
    return np.random.default_rng(0).random(shape) < keep_prob


def dropout_mask_flat(shape, keep_prob, rng):
    return rng.random(shape[0] * shape[1]) < keep_prob


def dropout_mask_as_list(shape, keep_prob, rng):
    return (rng.random(shape) < keep_prob).tolist()


def my_dropout_forward(A, D, keep_prob):  # the worked solution
    return A * D / keep_prob


def dropout_forward_where(A, D, keep_prob):
    return np.where(D, A / keep_prob, 0.0)


def dropout_forward_not_inverted(A, D, keep_prob):
    return A * D


def dropout_forward_times_keep_prob(A, D, keep_prob):
    return A * D * keep_prob


def dropout_forward_swapped(A, D, keep_prob):
    return A * (1 - D) / keep_prob


def my_dropout_backward(dout, D, keep_prob):  # the worked solution
    return dout * D / keep_prob


def dropout_backward_where(dout, D, keep_prob):
    return np.where(D != 0, dout, 0) / keep_prob


def dropout_backward_not_inverted(dout, D, keep_prob):
    return dout * D


def dropout_backward_without_mask(dout, D, keep_prob):
    return dout / keep_prob


def dropout_backward_swapped(dout, D, keep_prob):
    return dout * np.logical_not(D) / keep_prob


# ---- 11: batch normalization ------------------------------------------------------------

def my_batchnorm_forward(Z, gamma, beta, eps):  # the worked solution
    mu = Z.mean(axis=1, keepdims=True)
    var = Z.var(axis=1, keepdims=True)
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    return gamma * Z_hat + beta


def batchnorm_forward_written_out(Z, gamma, beta, eps):
    m = Z.shape[1]
    mu = np.sum(Z, axis=1, keepdims=True) / m
    var = np.sum((Z - mu) ** 2, axis=1, keepdims=True) / m
    return gamma * (Z - mu) / (var + eps) ** 0.5 + beta


def batchnorm_forward_unbiased(Z, gamma, beta, eps):
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / np.sqrt(
        Z.var(axis=1, ddof=1, keepdims=True) + eps)
    return gamma * Z_hat + beta


def batchnorm_forward_eps_outside(Z, gamma, beta, eps):
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / (Z.std(axis=1, keepdims=True) + eps)
    return gamma * Z_hat + beta


def batchnorm_forward_without_eps(Z, gamma, beta, eps):
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / Z.std(axis=1, keepdims=True)
    return gamma * Z_hat + beta


def batchnorm_forward_over_examples(Z, gamma, beta, eps):  # rows and columns mixed up
    Z_hat = (Z - Z.mean(axis=0)) / np.sqrt(Z.var(axis=0) + eps)
    return gamma * Z_hat + beta


def batchnorm_forward_without_gamma_beta(Z, gamma, beta, eps):
    return (Z - Z.mean(axis=1, keepdims=True)) / np.sqrt(Z.var(axis=1, keepdims=True) + eps)


def batchnorm_forward_in_place(Z, gamma, beta, eps):
    Z -= Z.mean(axis=1, keepdims=True)
    Z /= np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    return gamma * Z + beta


def my_batchnorm_backward(dout, Z, gamma, eps):  # the worked solution
    m = Z.shape[1]
    std = np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / std
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dZ_hat = gamma * dout
    dZ = (m * dZ_hat - dZ_hat.sum(axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) / (m * std)
    return dZ, dgamma, dbeta


def batchnorm_backward_by_the_graph(dout, Z, gamma, eps):  # cs231n's staged backward
    m = Z.shape[1]
    mu = Z.mean(axis=1, keepdims=True)
    var = Z.var(axis=1, keepdims=True)
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    dZ_hat = dout * gamma
    dvar = np.sum(dZ_hat * (Z - mu) * -0.5 * (var + eps) ** -1.5, axis=1, keepdims=True)
    dmu = (np.sum(-dZ_hat / np.sqrt(var + eps), axis=1, keepdims=True)
           + dvar * np.mean(-2 * (Z - mu), axis=1, keepdims=True))
    dZ = dZ_hat / np.sqrt(var + eps) + dvar * 2 * (Z - mu) / m + dmu / m
    return dZ, np.sum(dout * Z_hat, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)


def _staged(dout, Z, gamma, eps, mean_path, variance_path):
    std = np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / std
    dZ_hat = gamma * dout
    dZ = dZ_hat / std
    if mean_path:
        dZ = dZ - dZ_hat.mean(axis=1, keepdims=True) / std
    if variance_path:
        dZ = dZ - Z_hat * np.mean(dZ_hat * Z_hat, axis=1, keepdims=True) / std
    return dZ, np.sum(dout * Z_hat, axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)


def batchnorm_backward_without_mean_path(dout, Z, gamma, eps):
    return _staged(dout, Z, gamma, eps, mean_path=False, variance_path=True)


def batchnorm_backward_without_variance_path(dout, Z, gamma, eps):
    return _staged(dout, Z, gamma, eps, mean_path=True, variance_path=False)


def batchnorm_backward_constant_statistics(dout, Z, gamma, eps):  # mu, var treated as fixed
    return _staged(dout, Z, gamma, eps, mean_path=False, variance_path=False)


def batchnorm_backward_without_gamma(dout, Z, gamma, eps):
    return my_batchnorm_backward(dout, Z, np.ones_like(gamma), eps)


def batchnorm_backward_flat_dbeta(dout, Z, gamma, eps):
    dZ, dgamma, dbeta = my_batchnorm_backward(dout, Z, gamma, eps)
    return dZ, dgamma, dbeta.ravel()


def my_running_average(running_mean, running_var, Z, momentum):  # the worked solution
    mu = Z.mean(axis=1, keepdims=True)
    var = Z.var(axis=1, ddof=1, keepdims=True)
    return ((1 - momentum) * running_mean + momentum * mu,
            (1 - momentum) * running_var + momentum * var)


def running_average_as_interpolation(running_mean, running_var, Z, momentum):
    m = Z.shape[1]
    mu = Z.mean(axis=1, keepdims=True)
    var = ((Z - mu) ** 2).sum(axis=1, keepdims=True) / (m - 1)
    return running_mean + momentum * (mu - running_mean), running_var + momentum * (
        var - running_var)


def running_average_keras_style(running_mean, running_var, Z, momentum):
    return (momentum * running_mean + (1 - momentum) * Z.mean(axis=1, keepdims=True),
            momentum * running_var + (1 - momentum) * Z.var(axis=1, ddof=1, keepdims=True))


def running_average_biased(running_mean, running_var, Z, momentum):
    return ((1 - momentum) * running_mean + momentum * Z.mean(axis=1, keepdims=True),
            (1 - momentum) * running_var + momentum * Z.var(axis=1, keepdims=True))


def running_average_of_std(running_mean, running_var, Z, momentum):
    return ((1 - momentum) * running_mean + momentum * Z.mean(axis=1, keepdims=True),
            (1 - momentum) * running_var + momentum * Z.std(axis=1, ddof=1, keepdims=True))


def running_average_in_place(running_mean, running_var, Z, momentum):
    running_mean *= 1 - momentum
    running_mean += momentum * Z.mean(axis=1, keepdims=True)
    running_var *= 1 - momentum
    running_var += momentum * Z.var(axis=1, ddof=1, keepdims=True)
    return running_mean, running_var


EXERCISES = [
    Exercise(check_l2_cost, [my_l2_cost, l2_cost_with_norms], [
        (l2_cost_with_biases, "the biases are in the penalty"),
        (l2_cost_without_half, "the 1/2 is missing"),
        (l2_cost_without_m, "the 1/m is missing"),
        (l2_cost_of_norms, "the norms are not squared"),
        (l2_cost_squaring_in_place, "changed its argument params['W1'] in place"),
    ], wrong_type="expected a single number"),
    Exercise(check_weight_decay_update, [weight_decay_update,
                                         weight_decay_update_gradient_first], [
        (decay_over_2m, "the decay uses lambd / (2 m)"),
        (decay_without_learning_rate, "the decay is not multiplied by the learning rate"),
        (decay_growing, "the decay has the wrong sign"),
        (decay_without_m, "the 1/m is missing: the decay is lambd / m * W"),
        (decay_in_place, "changed its argument W in place"),
    ]),
    Exercise(check_early_stopping, [early_stopping, early_stopping_with_a_counter], [
        (early_stopping_ties_move, "an equal loss is not an improvement (use <, not <=)"),
        (early_stopping_waits_one_more, "stop_epoch is one epoch late"),
        (early_stopping_one_early, "stop_epoch is one epoch early"),
        (early_stopping_from_one, "the epochs are counted from 1"),
        (early_stopping_returns_the_loss, "best_epoch is the lowest loss itself"),
        (early_stopping_float_epochs, "best_epoch is a float (2.0); expected a whole number"),
        (early_stopping_that_appends,
         "changed its argument val_losses (its length went from 7 to 8) in place"),
    ], wrong_type="expected a tuple (best_epoch, stop_epoch)"),
    Exercise(check_dropout_mask, [dropout_mask, dropout_mask_binomial], [
        (dropout_mask_swapped, "keep and drop are swapped"),
        (dropout_mask_scaled, "the division by keep_prob belongs in dropout_forward"),
        (dropout_mask_from_np_random, "draw from the rng passed in"),
        (dropout_mask_fixed_seed, "it ignores the rng passed in"),
        (dropout_mask_flat, "the mask has shape (200000,), expected (400, 500)"),
        (dropout_mask_as_list, "return a NumPy array (np.asarray(...)), got a list"),
    ]),
    Exercise(check_dropout_forward, [my_dropout_forward, dropout_forward_where], [
        (dropout_forward_not_inverted, "the 1/keep_prob is missing"),
        (dropout_forward_times_keep_prob, "multiplied by keep_prob: inverted dropout divides"),
        (dropout_forward_swapped, "keep and drop are swapped"),
    ]),
    Exercise(check_dropout_backward, [my_dropout_backward, dropout_backward_where], [
        (dropout_backward_not_inverted, "the 1/keep_prob is missing"),
        (dropout_backward_without_mask, "the mask is missing"),
        (dropout_backward_swapped, "keep and drop are swapped"),
    ]),
    Exercise(check_batchnorm_forward, [my_batchnorm_forward, batchnorm_forward_written_out], [
        (batchnorm_forward_unbiased, "the variance is the unbiased one (ddof=1)"),
        (batchnorm_forward_eps_outside, "epsilon is outside the square root"),
        (batchnorm_forward_without_eps, "epsilon is missing"),
        (batchnorm_forward_over_examples, "each column (example) was normalised"),
        (batchnorm_forward_without_gamma_beta, "gamma and beta are not applied"),
        (batchnorm_forward_in_place, "changed its argument Z in place"),
    ]),
    Exercise(check_batchnorm_backward, [my_batchnorm_backward,
                                        batchnorm_backward_by_the_graph], [
        (batchnorm_backward_without_mean_path, "dZ misses the mean's path"),
        (batchnorm_backward_without_variance_path, "dZ misses the variance's path"),
        (batchnorm_backward_constant_statistics, "both of their paths are missing"),
        (batchnorm_backward_without_gamma, "dZ misses the factor gamma"),
        (batchnorm_backward_flat_dbeta, "dbeta has shape (2,), expected (2, 1): keep it a "
                                        "column"),
    ]),
    Exercise(check_running_average, [my_running_average, running_average_as_interpolation], [
        (running_average_biased, "running_var averages the biased variance"),
        (running_average_keras_style, "the weights are swapped"),
        (running_average_of_std, "running_var averages the standard deviation"),
        (running_average_in_place, "changed its argument running_mean in place"),
    ]),
]

globals().update(contract_tests(EXERCISES))


def test_a_crashing_mask_is_reported_as_the_students_error(capsys):
    out = output_of(check_dropout_mask, lambda shape, keep_prob, rng: rng.random(shape)[5000],
                    capsys)
    assert_rejected(out, "your function dropout_mask raised IndexError", case="Case 1 of 2")
    assert "call:     dropout_mask(shape=(400, 500), keep_prob=0.8, " in out
    assert "rng=np.random.default_rng(11))" in out


def test_an_object_array_mask_gets_a_message(capsys):
    def objects(shape, keep_prob, rng):
        return np.array([[object()] * shape[1]] * shape[0], dtype=object)

    assert_rejected(output_of(check_dropout_mask, objects, capsys),
                    "the mask holds objects that are not numbers")


def test_weight_decay_has_a_case_where_dW_is_not_zero_first(capsys):
    def ignores_dW(W, dW, learning_rate, lambd, m):
        return (1 - learning_rate * lambd / m) * W

    assert_rejected(output_of(check_weight_decay_update, ignores_dW, capsys), "W has",
                    case="Case 1 of 4")
