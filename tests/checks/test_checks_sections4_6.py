"""The exercise checks of notebooks 09-11 pass a correct solution and reject typical wrong ones."""
import numpy as np

from grader_contract import contract_tests
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


def l2_cost(params, lambd, m):
    return lambd / (2 * m) * sum(np.sum(v**2) for k, v in params.items() if k.startswith("W"))


def l2_cost_with_biases(params, lambd, m):
    return lambd / (2 * m) * sum(np.sum(v**2) for v in params.values())


def l2_cost_without_half(params, lambd, m):
    return 2 * l2_cost(params, lambd, m)


def weight_decay_update(W, dW, learning_rate, lambd, m):
    return (1 - learning_rate * lambd / m) * W - learning_rate * dW


def weight_decay_update_sign_flipped(W, dW, learning_rate, lambd, m):
    return (1 + learning_rate * lambd / m) * W - learning_rate * dW


def early_stopping(val_losses, patience):
    best, waited = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best]:
            best, waited = epoch, 0
        else:
            waited += 1
            if waited == patience:
                return best, epoch
    return best, len(val_losses) - 1


def early_stopping_last_epoch_kept(val_losses, patience):  # keeps the last, not the best
    return early_stopping(val_losses, patience)[1], early_stopping(val_losses, patience)[1]


def dropout_mask(shape, keep_prob, rng):
    return rng.random(shape) < keep_prob


def dropout_mask_with_drop_probability(shape, keep_prob, rng):  # PyTorch's p taken as keep
    return rng.random(shape) < 1 - keep_prob


def dropout_mask_from_the_global_generator(shape, keep_prob, rng):
    return np.random.random(shape) < keep_prob


def dropout_mask_flat(shape, keep_prob, rng):
    return rng.random(shape[0] * shape[1]) < keep_prob


def dropout_forward(A, D, keep_prob):
    return A * D / keep_prob


def dropout_forward_not_inverted(A, D, keep_prob):
    return A * D


def dropout_backward(dout, D, keep_prob):
    return dout * D / keep_prob


def dropout_backward_without_mask(dout, D, keep_prob):
    return dout / keep_prob


def batchnorm_forward(Z, gamma, beta, eps):
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    return gamma * Z_hat + beta


def batchnorm_forward_over_features(Z, gamma, beta, eps):  # rows and columns mixed up
    Z_hat = (Z - Z.mean(axis=0)) / np.sqrt(Z.var(axis=0) + eps)
    return gamma * Z_hat + beta


def batchnorm_forward_unbiased(Z, gamma, beta, eps):
    Z_hat = ((Z - Z.mean(axis=1, keepdims=True))
             / np.sqrt(Z.var(axis=1, ddof=1, keepdims=True) + eps))
    return gamma * Z_hat + beta


def batchnorm_backward(dout, Z, gamma, eps):
    m = Z.shape[1]
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    dZ_hat = gamma * dout
    dZ = (m * dZ_hat - dZ_hat.sum(axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True))
    dZ /= m * np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    return dZ, np.sum(dout * Z_hat, axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)


def batchnorm_backward_constant_statistics(dout, Z, gamma, eps):  # mu, var treated as fixed
    Z_hat = (Z - Z.mean(axis=1, keepdims=True)) / np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    dZ = gamma * dout / np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    return dZ, np.sum(dout * Z_hat, axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)


def running_average(running_mean, running_var, Z, momentum):
    return ((1 - momentum) * running_mean + momentum * Z.mean(axis=1, keepdims=True),
            (1 - momentum) * running_var + momentum * Z.var(axis=1, ddof=1, keepdims=True))


def running_average_cs231n_style(running_mean, running_var, Z, momentum):
    return (momentum * running_mean + (1 - momentum) * Z.mean(axis=1, keepdims=True),
            momentum * running_var + (1 - momentum) * Z.var(axis=1, ddof=1, keepdims=True))


def running_average_biased(running_mean, running_var, Z, momentum):
    return ((1 - momentum) * running_mean + momentum * Z.mean(axis=1, keepdims=True),
            (1 - momentum) * running_var + momentum * Z.var(axis=1, keepdims=True))


CHECKS = [
    (check_l2_cost, l2_cost, [l2_cost_with_biases, l2_cost_without_half]),
    (check_weight_decay_update, weight_decay_update, [weight_decay_update_sign_flipped]),
    (check_early_stopping, early_stopping, [early_stopping_last_epoch_kept]),
    (check_dropout_mask, dropout_mask,
     [dropout_mask_with_drop_probability, dropout_mask_from_the_global_generator,
      dropout_mask_flat]),
    (check_dropout_forward, dropout_forward, [dropout_forward_not_inverted]),
    (check_dropout_backward, dropout_backward, [dropout_backward_without_mask]),
    (check_batchnorm_forward, batchnorm_forward,
     [batchnorm_forward_over_features, batchnorm_forward_unbiased]),
    (check_batchnorm_backward, batchnorm_backward, [batchnorm_backward_constant_statistics]),
    (check_running_average, running_average,
     [running_average_cs231n_style, running_average_biased]),
]

(test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
 test_an_unattempted_exercise_says_so) = contract_tests(CHECKS)


def test_a_mask_that_drops_with_keep_prob_names_the_convention(capsys):
    check_dropout_mask(dropout_mask_with_drop_probability)
    assert "probability of KEEPING a unit" in capsys.readouterr().out


def test_a_crashing_mask_is_reported_with_its_case(capsys):
    check_dropout_mask(lambda shape, keep_prob, rng: rng.random(shape)[5000])
    out = capsys.readouterr().out
    assert "Case 1 of 2 failed: dropout_mask(shape=(400, 500)" in out and "IndexError" in out
