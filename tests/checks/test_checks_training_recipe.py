"""The checks of notebook 15: correct answers pass, known mistakes are named."""
import numpy as np

from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import (
    adam,
    check_adamw,
    check_clip_by_global_norm,
    check_layernorm_forward,
    check_smoothed_targets,
)

# ---- layer norm --------------------------------------------------------------------------

def my_layernorm_forward(Z, gamma, beta, eps):  # the worked solution
    mu = Z.mean(axis=0, keepdims=True)
    var = Z.var(axis=0, keepdims=True)
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    return gamma * Z_hat + beta


def layernorm_by_transposing(Z, gamma, beta, eps):
    Zt = Z.T
    Z_hat = (Zt - Zt.mean(axis=1, keepdims=True)) / np.sqrt(Zt.var(axis=1, keepdims=True) + eps)
    return gamma * Z_hat.T + beta


def layernorm_over_the_batch(Z, gamma, beta, eps):
    mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
    return gamma * (Z - mu) / np.sqrt(var + eps) + beta


def layernorm_unbiased(Z, gamma, beta, eps):
    mu, var = Z.mean(axis=0), Z.var(axis=0, ddof=1)
    return gamma * (Z - mu) / np.sqrt(var + eps) + beta


def layernorm_eps_outside(Z, gamma, beta, eps):
    mu, var = Z.mean(axis=0), Z.var(axis=0)
    return gamma * (Z - mu) / (np.sqrt(var) + eps) + beta


def layernorm_without_gamma_beta(Z, gamma, beta, eps):
    return (Z - Z.mean(axis=0)) / np.sqrt(Z.var(axis=0) + eps)


def layernorm_in_place(Z, gamma, beta, eps):
    Z -= Z.mean(axis=0, keepdims=True)
    Z /= np.sqrt(Z.var(axis=0, keepdims=True) + eps)
    return gamma * Z + beta


# ---- clipping ------------------------------------------------------------------------------

def my_clip_by_global_norm(grads, max_norm):  # the worked solution
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    factor = min(1.0, max_norm / (total + 1e-6))
    return {name: g * factor for name, g in grads.items()}, total


def clip_with_concatenate_and_no_epsilon(grads, max_norm):
    total = float(np.linalg.norm(np.concatenate([g.ravel() for g in grads.values()])))
    factor = max_norm / total if total > max_norm else 1.0
    return {name: g * factor for name, g in grads.items()}, total


def clip_each_array(grads, max_norm):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    return {k: g * min(1.0, max_norm / np.linalg.norm(g)) for k, g in grads.items()}, total


def clip_always(grads, max_norm):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    return {name: g * max_norm / total for name, g in grads.items()}, total


def clip_squared_total(grads, max_norm):
    total = sum(np.sum(g ** 2) for g in grads.values())
    factor = min(1.0, max_norm / (np.sqrt(total) + 1e-6))
    return {name: g * factor for name, g in grads.items()}, total


def clip_in_place(grads, max_norm):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    for g in grads.values():
        g *= min(1.0, max_norm / (total + 1e-6))
    return grads, total


# ---- AdamW ---------------------------------------------------------------------------------

def my_adamw(w, dw, state):  # the worked solution
    decay = state.get('weight_decay', 0.01)
    return adam(w * (1 - state['learning_rate'] * decay), dw, state)


def adamw_subtracting(w, dw, state):
    w = w - state["learning_rate"] * state.get("weight_decay", 0.01) * w
    return adam(w, dw, state)


def adamw_as_l2(w, dw, state):
    return adam(w, dw + state.get("weight_decay", 0.01) * w, state)


def adamw_decay_after(w, dw, state):
    w, state = adam(w, dw, state)
    return w * (1 - state["learning_rate"] * state.get("weight_decay", 0.01)), state


def adamw_without_lr(w, dw, state):
    return adam(w * (1 - state.get("weight_decay", 0.01)), dw, state)


def adamw_default_zero(w, dw, state):
    return adam(w * (1 - state["learning_rate"] * state.get("weight_decay", 0.0)), dw, state)


def adamw_in_place(w, dw, state):
    w *= 1 - state["learning_rate"] * state.get("weight_decay", 0.01)
    return adam(w, dw, state)


# ---- smoothed targets ----------------------------------------------------------------------

def my_smoothed_targets(y, n_classes, eps):  # the worked solution
    q = np.full((n_classes, len(y)), eps / n_classes)
    q[y, np.arange(len(y))] += 1 - eps
    return q


def smoothed_targets_from_one_hot(y, n_classes, eps):
    return (1 - eps) * np.eye(n_classes)[:, y] + eps / n_classes


def smoothed_targets_over_the_others(y, n_classes, eps):
    q = np.full((n_classes, len(y)), eps / (n_classes - 1))
    q[y, np.arange(len(y))] = 1 - eps
    return q


def smoothed_targets_set_not_added(y, n_classes, eps):
    q = np.full((n_classes, len(y)), eps / n_classes)
    q[y, np.arange(len(y))] = 1 - eps
    return q


def smoothed_targets_in_rows(y, n_classes, eps):
    return my_smoothed_targets(y, n_classes, eps).T


EXERCISES = [
    Exercise(check_layernorm_forward, [my_layernorm_forward, layernorm_by_transposing], [
        (layernorm_over_the_batch, "that is batch norm; layer norm normalises each column"),
        (layernorm_unbiased, "the variance is the unbiased one (ddof=1)"),
        (layernorm_eps_outside, "epsilon is outside the square root"),
        (layernorm_without_gamma_beta, "gamma and beta are not applied"),
        (layernorm_in_place, "changed its argument Z in place"),
    ]),
    Exercise(check_clip_by_global_norm,
             [my_clip_by_global_norm, clip_with_concatenate_and_no_epsilon], [
                 (clip_each_array, "each array was clipped by its own norm"),
                 (clip_always, "small gradients were scaled up"),
                 (clip_squared_total, "total is the squared norm"),
                 (clip_in_place, "changed its argument grads['dW1'] in place"),
             ]),
    Exercise(check_adamw, [my_adamw, adamw_subtracting], [
        (adamw_as_l2, "(Adam with L2)"),
        (adamw_decay_after, "w was shrunk after Adam's step"),
        (adamw_without_lr, "the factor is (1 - learning_rate * weight_decay)"),
        (adamw_default_zero, "w was not decayed"),
        (adamw_in_place, "changed its argument w in place"),
    ]),
    Exercise(check_smoothed_targets, [my_smoothed_targets, smoothed_targets_from_one_hot], [
        (smoothed_targets_over_the_others, "spread over the n_classes - 1 wrong classes"),
        (smoothed_targets_set_not_added, "the true class got exactly 1 - eps"),
        (smoothed_targets_in_rows, "Y_smooth has shape (2, 3), expected (3, 2): it is "
                                   "transposed"),
    ]),
]

globals().update(contract_tests(EXERCISES))


def test_an_answer_returning_only_the_clipped_dict_is_told_the_form(capsys):
    def clipped_only(grads, max_norm):
        return my_clip_by_global_norm(grads, max_norm)[0]

    assert_rejected(output_of(check_clip_by_global_norm, clipped_only, capsys),
                    "expected a tuple (clipped, total)", case="Case 1 of 3")


def test_adamw_that_returns_the_weights_alone_is_told_the_form(capsys):
    def weights_only(w, dw, state):
        return my_adamw(w, dw, state)[0]

    assert_rejected(output_of(check_adamw, weights_only, capsys),
                    "expected a tuple (w, state)", case="Case 1 of 3")
