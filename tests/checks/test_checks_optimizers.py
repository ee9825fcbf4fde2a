"""The checks of notebook 12: correct answers pass, known mistakes are named."""
import numpy as np

from grader_contract import Exercise, assert_rejected, contract_tests, output_of
from utils import check_adam_step, check_cosine_schedule, check_momentum_step


def momentum_step(w, dw, v, mu, learning_rate):  # the worked solution
    v = mu * v + dw
    return w - learning_rate * v, v


def momentum_step_two_names(w, dw, v, mu, learning_rate):
    v_new = np.multiply(mu, v) + dw
    w_new = w - np.multiply(learning_rate, v_new)
    return w_new, v_new


def momentum_sign_flipped(w, dw, v, mu, learning_rate):
    v = mu * v + dw
    return w + learning_rate * v, v


def momentum_with_the_old_velocity(w, dw, v, mu, learning_rate):
    w = w - learning_rate * v
    return w, mu * v + dw


def momentum_average_form(w, dw, v, mu, learning_rate):  # deeplearning.ai's form
    v = mu * v + (1 - mu) * dw
    return w - learning_rate * v, v


def momentum_cs231n_form(w, dw, v, mu, learning_rate):
    v = mu * v - learning_rate * dw
    return w + v, v


def momentum_in_place(w, dw, v, mu, learning_rate):
    v *= mu
    v += dw
    w -= learning_rate * v
    return w, v


def adam_step(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):  # the worked solution
    t = t + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v, t


def adam_step_with_a_step_size(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    t += 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * np.square(dw)
    step = learning_rate / (1 - beta1**t)
    return w - step * m / (np.sqrt(v / (1 - beta2**t)) + epsilon), m, v, t


def adam_late_increment(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v, t + 1


def adam_without_correction(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    return w - learning_rate * m / (np.sqrt(v) + epsilon), m, v, t + 1


def adam_epsilon_inside(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    t = t + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / np.sqrt(v_hat + epsilon), m, v, t


def adam_t_not_returned(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon):
    w, m, v, _ = adam_step(w, dw, m, v, t, learning_rate, beta1, beta2, epsilon)
    return w, m, v, t


def cosine_lr(learning_rate, epoch, total_epochs):  # the worked solution
    return learning_rate * (1 + np.cos(np.pi * epoch / total_epochs)) / 2


def cosine_lr_with_math(learning_rate, epoch, total_epochs):
    import math
    return 0.5 * learning_rate * (1 + math.cos(math.pi * epoch / total_epochs))


def cosine_full_period(learning_rate, epoch, total_epochs):  # 2 pi: back up at the end
    return learning_rate * (1 + np.cos(2 * np.pi * epoch / total_epochs)) / 2


def cosine_without_half(learning_rate, epoch, total_epochs):
    return learning_rate * (1 + np.cos(np.pi * epoch / total_epochs))


def cosine_alone(learning_rate, epoch, total_epochs):
    return learning_rate * np.cos(np.pi * epoch / total_epochs)


def cosine_from_epoch_one(learning_rate, epoch, total_epochs):
    return learning_rate * (1 + np.cos(np.pi * (epoch + 1) / total_epochs)) / 2


EXERCISES = [
    Exercise(check_momentum_step, [momentum_step, momentum_step_two_names], [
        (momentum_sign_flipped, "w moves with the sign flipped"),
        (momentum_with_the_old_velocity, "w moved with the old velocity"),
        (momentum_average_form, "this is the average form"),
        (momentum_cs231n_form, "this is cs231n's form"),
        (momentum_in_place, "changed its argument w in place"),
    ]),
    Exercise(check_adam_step, [adam_step, adam_step_with_a_step_size], [
        (adam_late_increment, "t was incremented after the step"),
        (adam_without_correction, "w moved without the bias correction"),
        (adam_epsilon_inside, "epsilon is inside the square root"),
        (adam_t_not_returned, "t is returned unchanged"),
    ]),
    Exercise(check_cosine_schedule, [cosine_lr, cosine_lr_with_math], [
        (cosine_full_period, "the cosine goes through a full period (2 pi)"),
        (cosine_without_half, "the 1/2 is missing"),
        (cosine_alone, "goes negative"),
        (cosine_from_epoch_one, "the epochs are counted from 1"),
    ], wrong_type="expected a single number"),
]

globals().update(contract_tests(EXERCISES))


def test_a_late_increment_shows_numpys_division_by_zero(capsys):
    out = output_of(check_adam_step, adam_late_increment, capsys)
    assert_rejected(out, "t was incremented after the step", case="Case 1 of 4")
    assert "warning:  RuntimeWarning: divide by zero" in out


def test_epsilon_is_shown_with_significant_digits(capsys):
    out = output_of(check_adam_step, adam_without_correction, capsys)
    assert "epsilon=1e-08" in out
