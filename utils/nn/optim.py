"""Optimizers: one update rule per function, all with cs231n's interface.

    w, state = update(w, dw, state)

w : float ndarray of any shape, one parameter (e.g. W1 of shape (n[1], n[0])).
dw : float ndarray shaped like w, the gradient of the mean loss with respect to w.
state : dict holding the hyper-parameters ("learning_rate", "momentum", ...) and the memory
    the rule keeps between steps ("velocity", "m", "v", "t", ...). "learning_rate" is
    required; the other hyper-parameters have defaults, listed in each function (PyTorch's,
    except momentum = 0.9 where PyTorch has 0); the memory starts at zero.

Every function returns a NEW array w and, if it has memory, a NEW state dict: neither the
caller's w nor the caller's state is modified, so after ``w1, s1 = adam(w0, dw, s0)``
w0 and s0 are as they were (one step can be replayed or compared). Keep one state per
parameter: the memory belongs to that parameter.

Each rule is the one ``torch.optim`` applies, step for step (tests/nn/test_nn_optim.py
compares 8-step trajectories with PyTorch's to 1e-12).
"""
import math
import numbers

import numpy as np


def sgd(w, dw, state):
    """Plain (mini-batch) gradient descent: w <- w - lr dw.  torch.optim.SGD(lr=lr).

    It keeps no memory, so it returns the caller's state itself, unchanged.
    """
    lr, _ = _start(w, dw, state, {})
    step = lr * dw
    # w - step, written over step: one new array per update instead of two, which halves
    # the update's cost (it reads and writes every weight of the network at every batch).
    return np.subtract(w, step, out=step), state


def momentum(w, dw, state):
    """Gradient descent with momentum, in PyTorch's form.

        v <- mu v + dw          (v starts at 0, so the first v is dw)
        w <- w - lr v

    torch.optim.SGD(lr=lr, momentum=mu). Hyper-parameters: "learning_rate",
    "momentum" mu (default 0.9). Memory: "velocity", shaped like w.

    cs231n writes v' <- mu v' - lr dw, w <- w + v'. With a constant learning rate the two
    are the same steps (v' = -lr v), but not when lr changes during training: here a new lr
    scales the whole velocity at once, in cs231n's form only the new gradients.
    """
    lr, state = _start(w, dw, state, {"momentum": 0.9})
    mu = _check_fraction(state, "momentum")
    v = mu * _memory(state, "velocity", w) + dw
    state["velocity"] = v
    return w - lr * v, state


def momentum_ema(w, dw, state):
    """Gradient descent with momentum, in deeplearning.ai's form (an exponential average).

        v <- beta v + (1 - beta) dw          (v starts at 0)
        w <- w - alpha v

    Hyper-parameters: "learning_rate" alpha, "beta" (default 0.9). Memory: "velocity".

    The velocity is the PyTorch one scaled down: v_ema = (1 - beta) v_torch at every step
    (both are linear in the gradients and start at 0). So this is ``momentum`` with
    mu = beta and lr = alpha (1 - beta): with beta = 0.9, alpha = 0.1 here takes the steps
    of lr = 0.01 there. PyTorch's ``dampening=beta`` is NOT this form: it skips the factor
    (1 - beta) on the first step.
    """
    lr, state = _start(w, dw, state, {"beta": 0.9})
    beta = _check_fraction(state, "beta")
    v = beta * _memory(state, "velocity", w) + (1.0 - beta) * dw
    state["velocity"] = v
    return w - lr * v, state


def nesterov(w, dw, state):
    """Nesterov momentum, in PyTorch's form (the look-ahead written with the current w).

        v <- mu v + dw
        w <- w - lr (dw + mu v)

    torch.optim.SGD(lr=lr, momentum=mu, nesterov=True). Hyper-parameters: "learning_rate",
    "momentum" mu (default 0.9). Memory: "velocity". With a constant lr this equals
    cs231n's v' <- mu v' - lr dw, w <- w - mu v'_old + (1 + mu) v'.
    """
    lr, state = _start(w, dw, state, {"momentum": 0.9})
    mu = _check_fraction(state, "momentum")
    v = mu * _memory(state, "velocity", w) + dw
    state["velocity"] = v
    return w - lr * (dw + mu * v), state


def adagrad(w, dw, state):
    """AdaGrad: each weight's step shrinks with the sum of its squared gradients.

        G <- G + dw * dw
        w <- w - lr dw / (sqrt(G) + eps)

    torch.optim.Adagrad(lr=lr, eps=eps). Hyper-parameters: "learning_rate",
    "epsilon" (default 1e-10). Memory: "grad_squared" G.
    """
    lr, state = _start(w, dw, state, {"epsilon": 1e-10})
    eps = _check_positive(state, "epsilon")
    G = _memory(state, "grad_squared", w) + dw * dw
    state["grad_squared"] = G
    return w - lr * dw / (_sqrt(G, "grad_squared") + eps), state


def rmsprop(w, dw, state):
    """RMSProp: AdaGrad with a leaky (exponentially averaged) sum of squared gradients.

        s <- rho s + (1 - rho) dw * dw          (s starts at 0)
        w <- w - lr dw / (sqrt(s) + eps)

    torch.optim.RMSprop(lr=lr, alpha=rho, eps=eps). Hyper-parameters: "learning_rate",
    "decay_rate" rho (default 0.99), "epsilon" (default 1e-8). Memory: "grad_squared" s.
    """
    lr, state = _start(w, dw, state, {"decay_rate": 0.99, "epsilon": 1e-8})
    rho = _check_fraction(state, "decay_rate")
    eps = _check_positive(state, "epsilon")
    s = rho * _memory(state, "grad_squared", w) + (1.0 - rho) * dw * dw
    state["grad_squared"] = s
    return w - lr * dw / (_sqrt(s, "grad_squared") + eps), state


def adam(w, dw, state):
    """Adam: momentum on the gradient, RMSProp on its square, both bias-corrected.

        t <- t + 1                                  (t starts at 0: the first step is t = 1)
        m <- beta1 m + (1 - beta1) dw               (m and v start at 0)
        v <- beta2 v + (1 - beta2) dw * dw
        m_hat = m / (1 - beta1^t),  v_hat = v / (1 - beta2^t)
        w <- w - lr m_hat / (sqrt(v_hat) + eps)

    torch.optim.Adam(lr=lr, betas=(beta1, beta2), eps=eps). Hyper-parameters:
    "learning_rate", "beta1" (default 0.9), "beta2" (default 0.999), "epsilon" (default 1e-8).
    Memory: "m", "v" shaped like w, and the step counter "t".

    t is incremented BEFORE the correction: with t = 0 there, 1 - beta1^0 = 0 divides by 0.
    """
    lr, state = _start(w, dw, state, {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8})
    beta1 = _check_fraction(state, "beta1")
    beta2 = _check_fraction(state, "beta2")
    eps = _check_positive(state, "epsilon")
    t = _step_count(state) + 1
    m = beta1 * _memory(state, "m", w) + (1.0 - beta1) * dw
    v = beta2 * _memory(state, "v", w) + (1.0 - beta2) * dw * dw
    state.update(t=t, m=m, v=v)
    # Ordered as torch.optim.Adam computes it, so that the two agree to the last bits.
    denominator = _sqrt(v, "v") / math.sqrt(1.0 - beta2**t) + eps
    return w - (lr / (1.0 - beta1**t)) * m / denominator, state


def adamw(w, dw, state):
    """AdamW: shrink w by the factor (1 - lr weight_decay), then Adam's step.

    torch.optim.AdamW(lr, betas=(beta1, beta2), eps, weight_decay). Keys: Adam's
    and "weight_decay" (default 0.01, PyTorch's). Not Adam with L2 (dw + lam w),
    whose decay goes through Adam's division by sqrt(v_hat), v_hat the averaged
    squares: here every weight shrinks by the same factor. Decay weights only:
    give biases and normalisation gains a state with "weight_decay": 0.
    """
    lr, state = _start(w, dw, state, {"weight_decay": 0.01})
    decay = _check_number(state, "weight_decay")
    if not (math.isfinite(decay) and decay >= 0):
        raise ValueError("state['weight_decay'] must be a number >= 0, "
                         f"e.g. 0.01; got {decay!r}")
    return adam(w * (1.0 - lr * decay), dw, state)


OPTIMIZERS = {
    "sgd": sgd,
    "momentum": momentum,
    "momentum_ema": momentum_ema,
    "nesterov": nesterov,
    "adagrad": adagrad,
    "rmsprop": rmsprop,
    "adam": adam,
    "adamw": adamw,
}


def get_optimizer(optimizer):
    """Return the update function for a name in OPTIMIZERS, or ``optimizer`` if callable."""
    if callable(optimizer):
        return optimizer
    if isinstance(optimizer, str) and optimizer in OPTIMIZERS:
        return OPTIMIZERS[optimizer]
    raise ValueError(
        f"optimizer must be one of {sorted(OPTIMIZERS)} or a function "
        f"update(w, dw, state) -> (w, state); got {optimizer!r}"
    )


def _start(w, dw, state, defaults):
    """Check w, dw and state; return the learning rate and a new state with the defaults."""
    for name, array in (("w", w), ("dw", dw)):
        if not (isinstance(array, np.ndarray) and array.dtype in _FLOATS):
            raise TypeError(
                f"{name} must be a float64 or float32 ndarray (in float16, epsilon = 1e-8 "
                f"is 0); got {type(array).__name__}"
                + (f" of dtype {array.dtype}" if isinstance(array, np.ndarray) else "")
            )
    if dw.shape != w.shape:
        raise ValueError(f"dw must have the shape of w, {w.shape}; got {dw.shape}")
    if dw.dtype != w.dtype:
        raise TypeError(f"dw must have the dtype of w, {w.dtype}; got {dw.dtype} (the new w "
                        f"would not keep w's dtype)")
    if not isinstance(state, dict):
        raise TypeError(
            f"state must be a dict such as {{'learning_rate': 0.01}}; got {type(state).__name__}"
        )
    if "learning_rate" not in state:
        raise ValueError(f"state must hold a 'learning_rate'; got the keys {sorted(state)}")
    state = {**defaults, **state}
    return _check_positive(state, "learning_rate"), state


_FLOATS = (np.float64, np.float32)


def _check_number(state, key):
    value = state[key]
    if type(value) is float:  # what the trainer passes: skip the slower check below
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"state[{key!r}] must be a number; got {value!r}")
    try:
        return float(value)
    except OverflowError:  # an int such as 10**400
        raise ValueError(f"state[{key!r}] must be a finite number; got an int of "
                         f"{len(str(value))} digits") from None


def _memory(state, key, w):
    """state[key], the rule's memory of earlier steps: 0 before the first step, then an
    array of w's shape and dtype."""
    value = state.get(key)
    if value is None:
        return 0.0
    if not (isinstance(value, np.ndarray) and value.shape == w.shape
            and value.dtype == w.dtype):
        got = (f"an array of shape {value.shape} and dtype {value.dtype}"
               if isinstance(value, np.ndarray) else type(value).__name__)
        raise ValueError(f"state[{key!r}] (the memory of earlier steps) must be an array of "
                         f"w's shape {w.shape} and dtype {w.dtype}, or absent before the "
                         f"first step; got {got}")
    return value


def _sqrt(s, key):
    """sqrt(s) of a second moment s >= 0, which only a wrong state[key] makes negative."""
    with np.errstate(invalid="raise"):
        try:
            return np.sqrt(s)
        except FloatingPointError:
            raise ValueError(f"state[{key!r}] must hold numbers >= 0 (squared gradients); "
                             f"got negative entries") from None


def _step_count(state):
    """Adam's t, the number of steps taken: a whole number >= 0."""
    t = state.get("t", 0)
    if isinstance(t, bool) or not isinstance(t, numbers.Integral) or not 0 <= t < 2**53:
        raise ValueError(f"state['t'] (the number of steps taken) must be a whole number "
                         f">= 0; got {t!r}")
    return int(t)


def _check_positive(state, key):
    value = _check_number(state, key)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"state[{key!r}] must be a positive number; got {value!r}")
    return value


def _check_fraction(state, key):
    value = _check_number(state, key)
    if not 0 <= value < 1:
        raise ValueError(f"state[{key!r}] must be in [0, 1), e.g. 0.9; got {value!r}")
    return value
