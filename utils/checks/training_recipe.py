"""Exercise checks of notebook 15, today's training recipe."""
import numpy as np

from ..nn.clipping import clip_by_global_norm
from ..nn.layernorm import layernorm_forward
from ..nn.optim import adam, adamw
from ._runner import Failure, _compare, _compare_value, _describe, allclose, run_cases


def _normalise(Z, gamma, beta, eps, axis=0, ddof=0, eps_outside=False):
    mu = Z.mean(axis=axis, keepdims=True)
    var = Z.var(axis=axis, ddof=ddof, keepdims=True)
    std = np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps)
    return gamma * (Z - mu) / std + beta


def check_layernorm_forward(layernorm_forward_fn):
    """Check ``layernorm_forward(Z, gamma, beta, eps)`` -> out of shape (n, m): each COLUMN
    of Z normalised with its mean and biased variance over the n rows, then
    gamma * Z_hat + beta; gamma and beta have shape (n, 1)."""

    def expected(Z, gamma, beta, eps):
        return layernorm_forward(Z, gamma, beta, eps)[0]

    mistakes = [
        (lambda Z, gamma, beta, eps: _normalise(Z, gamma, beta, eps, axis=1),
         "each row was normalised over the batch (axis=1): that is batch norm; layer norm "
         "normalises each column (one example) over its n rows, axis=0"),
        (lambda Z, gamma, beta, eps: _normalise(Z, gamma, beta, eps, ddof=1),
         "the variance is the unbiased one (ddof=1): layer norm, like batch norm, divides "
         "by n, Z.var(axis=0, keepdims=True)"),
        (lambda Z, gamma, beta, eps: _normalise(Z, gamma, beta, eps, eps_outside=True),
         "epsilon is outside the square root: divide by np.sqrt(var + eps)"),
        (lambda Z, gamma, beta, eps: _normalise(Z, 1.0, 0.0, eps),
         "gamma and beta are not applied: return gamma * Z_hat + beta"),
    ]
    rng = np.random.default_rng(151)
    cases = [
        {"Z": np.array([[1.0, 2.0], [3.0, 0.0], [5.0, 4.0]]), "gamma": np.ones((3, 1)),
         "beta": np.zeros((3, 1)), "eps": 1e-5},
        {"Z": rng.normal(1, 2, size=(4, 5)), "gamma": rng.uniform(0.5, 2, size=(4, 1)),
         "beta": rng.normal(size=(4, 1)), "eps": 1e-2},
        {"Z": rng.normal(size=(6, 1)), "gamma": rng.uniform(0.5, 2, size=(6, 1)),
         "beta": rng.normal(size=(6, 1)), "eps": 1e-5},
    ]
    run_cases("layernorm_forward", layernorm_forward_fn, cases, expected, outputs="out",
              mistakes=mistakes)


def _close_enough(got, want):
    """Clipped gradients: PyTorch's 1e-6 in the factor may be left out."""
    return bool(np.allclose(got, want, rtol=1e-5, atol=1e-12))


def check_clip_by_global_norm(clip_fn):
    """Check ``clip_by_global_norm(grads, max_norm)`` -> (clipped, total): total the global
    norm of all the arrays in the dict ``grads`` together, clipped a new dict in which every
    array is multiplied by min(1, max_norm / (total + 1e-6))."""

    def judge(got, case):
        clipped_want, total_want = clip_by_global_norm(case["grads"], case["max_norm"])
        expected = f"(clipped: {_describe(clipped_want)}, total: {total_want:.6g})"
        if not (isinstance(got, tuple) and len(got) == 2):
            raise Failure("expected a tuple (clipped, total): write return clipped, total",
                          expected, _describe(got))
        clipped, total = got
        _compare_value(total, total_want, "total", False, allclose)
        _compare(clipped, clipped_want, "clip_by_global_norm", None, (), _close_enough)

    def each_array(grads, max_norm):
        return {name: g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6))
                for name, g in grads.items()}

    def never_capped(grads, max_norm):
        total = clip_by_global_norm(grads, max_norm)[1]
        return {name: g * max_norm / (total + 1e-6) for name, g in grads.items()}

    def matches(clipped, wrong):  # as close as the check asks: the 1e-6 may be left out
        return all(_close_enough(np.asarray(clipped[name], dtype=float), g)
                   for name, g in wrong.items())

    def diagnose(got, case):
        clipped, total = got[0], float(got[1])
        grads, max_norm = case["grads"], case["max_norm"]
        norms = [float(np.linalg.norm(g)) for g in grads.values()]
        squared = sum(n**2 for n in norms)
        if np.isclose(total, squared) and not np.isclose(squared, np.sqrt(squared)):
            return "total is the squared norm: take its square root"
        if any(np.isclose(total, n) for n in norms):
            return ("total is the norm of one array; the global norm takes every array "
                    "together: the square root of the sum of all their squared entries")
        if matches(clipped, each_array(grads, max_norm)):
            return ("each array was clipped by its own norm: one factor, from the global "
                    "norm of all of them together, scales every array alike")
        if matches(clipped, never_capped(grads, max_norm)):
            return ("small gradients were scaled up: the factor is capped at 1, "
                    "min(1, max_norm / (total + 1e-6))")
        return None

    rng = np.random.default_rng(152)
    big = {"dW1": rng.normal(size=(3, 4)) * 3, "db1": rng.normal(size=(3, 1)),
           "dW2": rng.normal(size=(2, 3)) * 3}
    cases = [
        {"grads": {"dW1": np.array([[3.0, 0.0]]), "db1": np.array([[4.0]])}, "max_norm": 1.0},
        {"grads": big, "max_norm": 2.0},
        {"grads": {name: g * 1e-2 for name, g in big.items()}, "max_norm": 2.0},
    ]
    run_cases("clip_by_global_norm", clip_fn, cases, judge=judge, diagnose=diagnose)


def check_adamw(adamw_fn):
    """Check ``adamw(w, dw, state)`` -> (w, state), torch.optim.AdamW's step: w shrinks by
    (1 - learning_rate weight_decay), then Adam's step (adam from utils) from the shrunk w."""

    def judge(got, case):
        w_want, state_want = adamw(case["w"], case["dw"], dict(case["state"]))
        if not (isinstance(got, tuple) and len(got) == 2):
            raise Failure("expected a tuple (w, state), as adam returns: write return w, state",
                          f"(w: {_describe(w_want)}, state)", _describe(got))
        w, state = got
        _compare_value(w, w_want, "w", False, allclose)
        if not isinstance(state, dict):
            raise Failure(f"state is {_describe(state)}; expected the dict that adam returned",
                          "state, a dict", _describe(state))
        _compare({key: state.get(key) for key in ("m", "v", "t")},
                 {key: state_want[key] for key in ("m", "v", "t")}, "adamw", None, (), allclose)

    def l2_inside(w, dw, state):
        return adam(w, dw + state.get("weight_decay", 0.01) * w, state)

    def decay_after(w, dw, state):
        w_new, state = adam(w, dw, state)
        return w_new * (1 - state["learning_rate"] * state.get("weight_decay", 0.01)), state

    def without_lr(w, dw, state):
        return adam(w * (1 - state.get("weight_decay", 0.01)), dw, state)

    def without_decay(w, dw, state):
        return adam(w, dw, state)

    mistakes = [
        (l2_inside, "weight_decay * w was added to the gradient (Adam with L2): the decay then "
                    "goes through Adam's division by sqrt(s_hat); AdamW shrinks w directly"),
        (decay_after, "w was shrunk after Adam's step; torch.optim.AdamW shrinks the weights "
                      "first, then takes Adam's step from the shrunk weights"),
        (without_lr, "w was shrunk by (1 - weight_decay); the factor is "
                     "(1 - learning_rate * weight_decay)"),
        (without_decay, "w was not decayed: that is Adam's step alone; shrink w by "
                        "(1 - learning_rate * weight_decay) first, with weight_decay 0.01 "
                        "when the state has none"),
    ]
    rng = np.random.default_rng(153)
    shape = (3, 2)
    cases = [
        {"w": np.array([[1.0, -2.0]]), "dw": np.array([[0.5, 0.1]]),
         "state": {"learning_rate": 0.1, "weight_decay": 0.5}},
        {"w": rng.normal(size=shape), "dw": rng.normal(size=shape),
         "state": {"learning_rate": 0.05, "weight_decay": 0.2, "beta1": 0.8,
                   "m": 0.1 * rng.normal(size=shape),
                   "v": 0.01 * rng.uniform(0.5, 1.5, size=shape), "t": 3}},
        {"w": rng.normal(size=(2, 2)), "dw": rng.normal(size=(2, 2)),
         "state": {"learning_rate": 0.5}},
    ]
    run_cases("adamw", adamw_fn, cases, judge=judge, mistakes=mistakes)


def check_smoothed_targets(smoothed_targets_fn):
    """Check ``smoothed_targets(y, n_classes, eps)`` -> Y_smooth of shape (n_classes, m):
    every class gets eps / n_classes, the true class 1 - eps more."""

    def expected(y, n_classes, eps):
        Y = np.full((n_classes, len(y)), eps / n_classes)
        Y[y, np.arange(len(y))] += 1 - eps
        return Y

    def over_the_others(y, n_classes, eps):
        Y = np.full((n_classes, len(y)), eps / (n_classes - 1))
        Y[y, np.arange(len(y))] = 1 - eps
        return Y

    def true_class_without_share(y, n_classes, eps):
        Y = np.full((n_classes, len(y)), eps / n_classes)
        Y[y, np.arange(len(y))] = 1 - eps
        return Y

    mistakes = [
        (over_the_others, "eps was spread over the n_classes - 1 wrong classes; PyTorch's "
                          "(and the course's) rule spreads it over all n_classes, so the "
                          "true class gets 1 - eps + eps / n_classes"),
        (true_class_without_share, "the true class got exactly 1 - eps: it gets its "
                                   "eps / n_classes too (add 1 - eps, do not set it), so "
                                   "that each column sums to 1"),
    ]
    cases = [
        {"y": np.array([0, 2]), "n_classes": 3, "eps": 0.3},
        {"y": np.array([1, 1, 0, 3]), "n_classes": 4, "eps": 0.1},
        {"y": np.array([2]), "n_classes": 5, "eps": 0.0},
    ]
    run_cases("smoothed_targets", smoothed_targets_fn, cases, expected, outputs="Y_smooth",
              mistakes=mistakes)
