"""The checks of notebook 12 pass correct solutions and reject the usual wrong ones."""
import numpy as np

from grader_contract import contract_tests
from utils import check_adam_step, check_cosine_schedule, check_momentum_step


def momentum_step(w, dw, v, mu, learning_rate):
    v = mu * v + dw
    return w - learning_rate * v, v


def momentum_step_average_form(w, dw, v, mu, learning_rate):  # deeplearning.ai's form
    v = mu * v + (1 - mu) * dw
    return w - learning_rate * v, v


def momentum_step_in_place(w, dw, v, mu, learning_rate):
    v *= mu
    v += dw
    w -= learning_rate * v
    return w, v


def adam_step(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    t = t + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v, t


def adam_step_late_increment(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v, t + 1


def adam_step_no_correction(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    return w - learning_rate * m / (np.sqrt(v) + epsilon), m, v, t + 1


def cosine_lr(learning_rate, epoch, total_epochs):
    return learning_rate * (1 + np.cos(np.pi * epoch / total_epochs)) / 2


def cosine_lr_full_period(learning_rate, epoch, total_epochs):  # 2 pi: back up at the end
    return learning_rate * (1 + np.cos(2 * np.pi * epoch / total_epochs)) / 2


CHECKS = [
    (check_momentum_step, momentum_step, [momentum_step_average_form]),
    (check_adam_step, adam_step, [adam_step_late_increment, adam_step_no_correction]),
    (check_cosine_schedule, cosine_lr, [cosine_lr_full_period]),
]

(test_a_correct_solution_passes, test_a_wrong_solution_is_rejected_with_the_case,
 test_an_unattempted_exercise_says_so) = contract_tests(CHECKS)


def test_in_place_momentum_is_told_it_changed_its_argument(capsys):
    """The right numbers, but written over the caller's array: the check says so, since an
    update rule must leave the caller's w and state as they were."""
    check_momentum_step(momentum_step_in_place)
    out = capsys.readouterr().out
    assert out.startswith("Case 1 of ") and "in place" in out


def test_a_late_increment_fails_on_the_first_step_with_a_division_by_zero(capsys):
    check_adam_step(adam_step_late_increment)
    out = capsys.readouterr().out
    assert out.startswith("Case 1 of 3 failed") and "divide by zero" in out


