"""Exercise checks of notebook 15, today's training recipe."""
import numpy as np

from ..nn.clipping import clip_by_global_norm
from ..nn.layernorm import layernorm_forward
from ..nn.optim import adam, adamw
from ._runner import allclose, dict_close, function_name, run_cases


def check_layernorm_forward(layernorm_forward_fn):
    """Check ``layernorm_forward(Z, gamma, beta, eps)`` -> out of shape (n, m): each COLUMN
    of Z normalised with its mean and biased variance over the n rows, then
    gamma * Z_hat + beta; gamma and beta have shape (n, 1)."""

    def expected(Z, gamma, beta, eps):
        return layernorm_forward(Z, gamma, beta, eps)[0]

    def over_the_batch(Z, gamma, beta, eps):  # batch norm's axis
        mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
        return gamma * (Z - mu) / np.sqrt(var + eps) + beta

    def unbiased(Z, gamma, beta, eps):
        mu, var = Z.mean(axis=0, keepdims=True), Z.var(axis=0, ddof=1, keepdims=True)
        return gamma * (Z - mu) / np.sqrt(var + eps) + beta

    def eps_outside(Z, gamma, beta, eps):
        mu, var = Z.mean(axis=0, keepdims=True), Z.var(axis=0, keepdims=True)
        return gamma * (Z - mu) / (np.sqrt(var) + eps) + beta

    def no_gamma_beta(Z, gamma, beta, eps):
        if np.all(gamma == 1) and np.all(beta == 0):
            return None  # the right answer too: not a mistake on this case
        mu, var = Z.mean(axis=0, keepdims=True), Z.var(axis=0, keepdims=True)
        return (Z - mu) / np.sqrt(var + eps)

    mistakes = [
        (no_gamma_beta, "it returns Z_hat; layer norm then scales and shifts each row: "
                        "gamma * Z_hat + beta"),
        (over_the_batch, "it normalises each row over the batch (axis=1): that is batch "
                         "norm; layer norm normalises each column (example) over its rows, "
                         "axis=0"),
        (unbiased, "it divides the variance by n - 1 (ddof=1); layer norm, like batch norm, "
                   "uses the biased variance (divide by n)"),
        (eps_outside, "eps is added outside the square root; it belongs inside: "
                      "sqrt(var + eps)"),
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
    run_cases("layernorm_forward", layernorm_forward_fn, cases, expected, allclose,
              outputs="out", mistakes=mistakes)


def check_clip_by_global_norm(clip_fn):
    """Check ``clip_by_global_norm(grads, max_norm)`` -> (clipped, total): total the global
    norm of all the arrays in the dict ``grads`` together, clipped a new dict in which every
    array is multiplied by min(1, max_norm / (total + 1e-6))."""

    def expected(grads, max_norm):
        return clip_by_global_norm(grads, max_norm)

    seen = {}  # the last call's inputs, and the arrays it changed in place

    def run_student(grads, max_norm):
        before = {name: g.copy() for name, g in grads.items()}
        got = clip_fn(grads, max_norm)
        seen.update(grads=before, max_norm=max_norm, changed=[
            name for name in grads if not np.array_equal(grads[name], before[name])])
        return got

    run_student.__name__ = function_name(clip_fn, "clip_by_global_norm")

    def judge(got, wanted):
        grads, max_norm, changed = seen["grads"], seen["max_norm"], seen["changed"]
        if changed:
            return (f"it changed the caller's array grads[{changed[0]!r}] in place (g *= "
                    "factor); build a new dict of new arrays: {name: g * factor for name, "
                    "g in grads.items()}")
        if not (isinstance(got, tuple) and len(got) == 2):
            return "expected a tuple (clipped, total): return clipped, total"
        clipped, total = got
        if not np.isscalar(total) and np.ndim(total) != 0:
            return f"total is {type(total).__name__}; expected one number, the global norm"
        if not np.isclose(float(total), wanted[1], rtol=1e-9):
            per_array = [float(np.linalg.norm(g)) for g in wanted[0].values()]
            if any(np.isclose(float(total), n) for n in per_array):
                return ("total is the norm of one array; the global norm takes every array "
                        "together: sqrt of the sum of all their squared entries")
            if np.isclose(float(total), wanted[1] ** 2, rtol=1e-9):
                return "total is the squared norm: take its square root"
            return f"total is {float(total):.6g}; expected the global norm {wanted[1]:.6g}"
        verdict = dict_close(clipped, wanted[0], tolerance=1e-9)
        if verdict is not True and isinstance(clipped, dict) and wanted[1] > 0:
            without_eps = {name: g * (wanted[1] + 1e-6) / wanted[1]
                           for name, g in wanted[0].items()}
            if dict_close(clipped, without_eps, tolerance=1e-9) is True:
                return ("the factor is max_norm / total; the exercise (and PyTorch's "
                        "clip_grad_norm_) divides by total + 1e-6: min(1, max_norm / "
                        "(total + 1e-6))")
            uncapped = {name: g * max_norm / (wanted[1] + 1e-6) for name, g in grads.items()}
            if dict_close(clipped, uncapped, tolerance=1e-9) is True:
                return ("it scales the gradients up when their norm is below max_norm; "
                        "the factor is capped at 1: min(1, max_norm / (total + 1e-6))")
            one_by_one = {name: g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6))
                          for name, g in grads.items()}
            if dict_close(clipped, one_by_one, tolerance=1e-9) is True:
                return ("it clips each array to max_norm on its own; the factor comes "
                        "from the global norm of all the arrays together")
        return verdict

    rng = np.random.default_rng(152)
    big = {"dW1": rng.normal(size=(3, 4)) * 3, "db1": rng.normal(size=(3, 1)),
           "dW2": rng.normal(size=(2, 3)) * 3}
    cases = [
        {"grads": {"dW1": np.array([[3.0, 0.0]]), "db1": np.array([[4.0]])}, "max_norm": 1.0},
        {"grads": big, "max_norm": 2.0},
        {"grads": {name: g * 1e-3 for name, g in big.items()}, "max_norm": 2.0},
    ]
    run_cases("clip_by_global_norm", run_student, cases, expected, judge)


def check_adamw(adamw_fn):
    """Check ``adamw(w, dw, state)`` -> (w, state) over several steps against
    torch.optim.AdamW's rule: w shrinks by (1 - lr weight_decay), then Adam's step."""

    def trajectory(update, w, dw_scale, state, steps=4):
        # Copies of the points: an update that shrinks w in place is then reported as
        # changing its argument w, not as a wrong trajectory.
        points = [np.copy(w)]
        for k in range(steps):
            w, state = update(w, dw_scale * (w - 0.5 * k), state)
            points.append(np.copy(w))
        return np.array(points)

    def expected(w, dw_scale, state):
        return trajectory(adamw, w, dw_scale, dict(state))

    def run_student(w, dw_scale, state):
        return trajectory(adamw_fn, w, dw_scale, dict(state))

    run_student.__name__ = function_name(adamw_fn, "adamw")

    def l2_inside(w, dw_scale, state):
        def wrong(w, dw, state):
            return adam(w, dw + state.get("weight_decay", 0.01) * w, state)
        return trajectory(wrong, w, dw_scale, dict(state))

    def decay_after(w, dw_scale, state):
        def wrong(w, dw, state):
            lr, decay = state["learning_rate"], state.get("weight_decay", 0.01)
            w_new, state = adam(w, dw, state)
            return w_new * (1 - lr * decay), state
        return trajectory(wrong, w, dw_scale, dict(state))

    def no_lr(w, dw_scale, state):
        def wrong(w, dw, state):
            return adam(w * (1 - state.get("weight_decay", 0.01)), dw, state)
        return trajectory(wrong, w, dw_scale, dict(state))

    def no_default(w, dw_scale, state):
        if "weight_decay" in state:
            return None  # the right answer too: not a mistake on this case

        def wrong(w, dw, state):
            return adam(w * (1 - state["learning_rate"] * state.get("weight_decay", 0.0)),
                        dw, state)
        return trajectory(wrong, w, dw_scale, dict(state))

    mistakes = [
        (no_default, "without a 'weight_decay' in the state it does not decay; the "
                     "default is PyTorch's 0.01: state.get('weight_decay', 0.01)"),
        (l2_inside, "it adds weight_decay * w to the gradient (Adam with L2): the decay then "
                    "goes through Adam's division by sqrt(v_hat); AdamW shrinks w directly"),
        (decay_after, "it shrinks w after Adam's step; torch.optim.AdamW shrinks the weights "
                      "first, then takes Adam's step from the shrunk weights"),
        (no_lr, "it shrinks w by (1 - weight_decay); the factor is (1 - learning_rate * "
                "weight_decay)"),
    ]
    rng = np.random.default_rng(153)
    cases = [
        {"w": np.array([[1.0, -2.0]]), "dw_scale": 1.0,
         "state": {"learning_rate": 0.1, "weight_decay": 0.5}},
        {"w": rng.normal(size=(3, 2)), "dw_scale": 0.3,
         "state": {"learning_rate": 0.05, "weight_decay": 0.2, "beta1": 0.8}},
        {"w": rng.normal(size=(2, 2)), "dw_scale": 2.0, "state": {"learning_rate": 0.01}},
    ]
    run_cases("adamw", run_student, cases, expected, allclose, outputs="w after 0..4 steps",
              mistakes=mistakes)


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

    def true_class_set(y, n_classes, eps):
        if eps == 0:
            return None  # the right answer too: not a mistake on this case
        Y = np.full((n_classes, len(y)), eps / n_classes)
        Y[y, np.arange(len(y))] = 1 - eps
        return Y

    def rows(y, n_classes, eps):
        return expected(y, n_classes, eps).T

    mistakes = [
        (over_the_others, "it spreads eps over the n_classes - 1 wrong classes and gives the "
                          "true one exactly 1 - eps; PyTorch's (and the course's) rule spreads "
                          "eps over all n_classes, so the true class gets 1 - eps + "
                          "eps / n_classes"),
        (true_class_set, "it sets the true class to 1 - eps, so the columns sum to "
                         "less than 1; the true class gets 1 - eps MORE than the eps / "
                         "n_classes of every class (+=, not =)"),
        (rows, "it has one ROW per example; the course keeps examples in columns: "
               "shape (n_classes, m)"),
    ]
    cases = [
        {"y": np.array([0, 2]), "n_classes": 3, "eps": 0.3},
        {"y": np.array([1, 1, 0, 3]), "n_classes": 4, "eps": 0.1},
        {"y": np.array([2]), "n_classes": 5, "eps": 0.0},
    ]
    run_cases("smoothed_targets", smoothed_targets_fn, cases, expected, allclose,
              outputs="Y_smooth", mistakes=mistakes)
