"""The checks of notebook 15 pass correct solutions and name the usual wrong ones."""
import numpy as np
import pytest

from grader_contract import contract_tests
from utils import (
    adam,
    check_adamw,
    check_clip_by_global_norm,
    check_layernorm_forward,
    check_smoothed_targets,
)


def layernorm(Z, gamma, beta, eps):
    mu, var = Z.mean(axis=0, keepdims=True), Z.var(axis=0, keepdims=True)
    return gamma * (Z - mu) / np.sqrt(var + eps) + beta


def layernorm_without_gamma_beta(Z, gamma, beta, eps):
    mu, var = Z.mean(axis=0, keepdims=True), Z.var(axis=0, keepdims=True)
    return (Z - mu) / np.sqrt(var + eps)


def layernorm_in_place(Z, gamma, beta, eps):
    mu, var = Z.mean(axis=0, keepdims=True), Z.var(axis=0, keepdims=True)
    Z -= mu
    return gamma * Z / np.sqrt(var + eps) + beta


def global_norm(grads):
    return np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))


def clip(grads, max_norm):
    total = global_norm(grads)
    factor = min(1.0, max_norm / (total + 1e-6))
    return {name: g * factor for name, g in grads.items()}, total


def clip_in_place(grads, max_norm):
    total = global_norm(grads)
    for g in grads.values():
        g *= min(1.0, max_norm / (total + 1e-6))
    return grads, total


def clip_without_eps(grads, max_norm):
    total = global_norm(grads)
    return {name: g * min(1.0, max_norm / total) for name, g in grads.items()}, total


def clip_uncapped(grads, max_norm):
    total = global_norm(grads)
    return {name: g * max_norm / (total + 1e-6) for name, g in grads.items()}, total


def clip_each_array(grads, max_norm):
    clipped = {name: g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6))
               for name, g in grads.items()}
    return clipped, global_norm(grads)


def adamw(w, dw, state):
    return adam(w * (1 - state["learning_rate"] * state.get("weight_decay", 0.01)), dw, state)


def adamw_in_place(w, dw, state):
    w *= 1 - state["learning_rate"] * state.get("weight_decay", 0.01)
    return adam(w, dw, state)


def adamw_no_default(w, dw, state):
    return adam(w * (1 - state["learning_rate"] * state.get("weight_decay", 0.0)), dw, state)


def smoothed(y, n_classes, eps):
    q = np.full((n_classes, len(y)), eps / n_classes)
    q[y, np.arange(len(y))] += 1 - eps
    return q


def smoothed_true_class_set(y, n_classes, eps):
    q = np.full((n_classes, len(y)), eps / n_classes)
    q[y, np.arange(len(y))] = 1 - eps
    return q


CHECKS = [
    (check_layernorm_forward, layernorm, [layernorm_without_gamma_beta, layernorm_in_place]),
    (check_clip_by_global_norm, clip,
     [clip_in_place, clip_without_eps, clip_uncapped, clip_each_array]),
    (check_adamw, adamw, [adamw_in_place, adamw_no_default]),
    (check_smoothed_targets, smoothed, [smoothed_true_class_set]),
]

(test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
 test_an_unattempted_exercise_says_so) = contract_tests(CHECKS)


@pytest.mark.parametrize("check, wrong, sentence", [
    (check_layernorm_forward, layernorm_without_gamma_beta, "gamma * Z_hat + beta"),
    (check_layernorm_forward, layernorm_in_place, "changed its argument Z in place"),
    (check_clip_by_global_norm, clip_in_place, "changed the caller's array"),
    (check_clip_by_global_norm, clip_without_eps, "divides by total + 1e-6"),
    (check_clip_by_global_norm, clip_uncapped, "capped at 1"),
    (check_clip_by_global_norm, clip_each_array, "each array to max_norm on its own"),
    (check_adamw, adamw_in_place, "changed its argument w in place"),
    (check_adamw, adamw_no_default, "PyTorch's 0.01"),
    (check_smoothed_targets, smoothed_true_class_set, "+=, not ="),
], ids=lambda v: getattr(v, "__name__", ""))
def test_a_usual_mistake_is_named(check, wrong, sentence, capsys):
    check(wrong)
    out = capsys.readouterr().out
    assert "failed: " in out and sentence in out, out
