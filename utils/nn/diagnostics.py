"""What practitioners look at while a network trains, as functions of its arrays.

Per layer: the activations' mean, standard deviation and fraction of saturated units
(does the signal survive the depth?), the gradients' size relative to the weights
(do all layers learn at the same pace?), and over training the update-to-data ratio
std(w_new - w) / std(w) of every weight matrix (Karpathy takes about 1e-3 as a
reference: far below, a layer barely learns; far above, it is thrown around; and all
layers should be near each other). After Karpathy's "Building makemore, part 3".
"""
import numbers

import numpy as np
import pandas as pd

from ..validation import validate_positive_int
from .layers import linear_backward, linear_forward
from .losses import output_loss
from .network import count_layers, layer_backward, layer_forward
from .optim import get_optimizer
from .regularization import weight_names

# A unit counts as saturated where its local derivative is almost 0: tanh and sigmoid
# near their flat tails (|tanh| > 0.97, i.e. tanh' < 0.06), ReLU on its flat side (Z <= 0).
SATURATION = {
    "tanh": lambda A: np.abs(A) > 0.97,
    "sigmoid": lambda A: np.abs(2 * A - 1) > 0.97,
    "relu": lambda A: A <= 0,
}


def layer_signals(params, X, y, activation="relu"):
    """Each hidden layer's activations A[l] and their gradients dA[l], from one forward and
    one backward pass of the plain L-layer network (as network_forward/network_backward).

    params : W1, b1, ..., WL, bL; X : (n[0], m); y : (m,) labels; activation : g.
    Returns two dicts {l: array of shape (n[l], m)} for the hidden layers l = 1 .. L-1:
    A[l] and dA[l] = dJ/dA[l], the gradient of the mean loss J.
    """
    L = count_layers(params)
    A, caches, activations = X, {}, {}
    for l in range(1, L):
        A, caches[l] = layer_forward(A, params[f"W{l}"], params[f"b{l}"], activation)
        activations[l] = A
    ZL, output_cache = linear_forward(A, params[f"W{L}"], params[f"b{L}"])
    _, dZL = output_loss(ZL, y)
    dA, _, _ = linear_backward(dZL, output_cache)
    gradients = {}
    for l in range(L - 1, 0, -1):
        gradients[l] = dA
        dA, _, _ = layer_backward(dA, caches[l], activation, compute_dA_prev=l > 1)
    return activations, dict(sorted(gradients.items()))


def saturated_fraction(A, activation):
    """Fraction of the entries of A (n[l], m) where g'(Z) is about 0 (see SATURATION)."""
    _check_array("A", A)
    if activation not in SATURATION:
        raise ValueError(f"activation must be one of {sorted(SATURATION)}; got {activation!r}")
    return float(np.mean(SATURATION[activation](A)))


def dead_fraction(A):
    """Fraction of the n[l] units of A (n[l], m) that are 0 for every one of the m examples:
    ReLU units that no example activates, which get no gradient and never recover."""
    _check_array("A", A)
    if A.ndim != 2:
        raise ValueError(f"A must be a 2-D array of shape (n[l], m); got shape {A.shape}")
    return float(np.mean(np.all(A <= 0, axis=1)))


def activation_statistics(activations, activation):
    """A table with a row per hidden layer: mean, std and % saturated of its activations.

    activations : dict {l: A[l] of shape (n[l], m)}, e.g. from hidden_activations.
    activation : "relu", "tanh" or "sigmoid", the g of those layers.
    """
    _check_layer_dict("activations", activations)
    rows = [{"layer": l, "mean": float(A.mean()), "std": float(A.std()),
             "saturated %": 100 * saturated_fraction(A, activation)}
            for l, A in activations.items()]
    return pd.DataFrame(rows).set_index("layer")


def gradient_statistics(params, grads):
    """A table with a row per weight matrix W[l]: the mean and std of dW[l], and the
    grad:data ratio std(dW[l]) / std(W[l]) (how far one step of size lr moves it).

    params : dict with "W1", ..., grads : dict with "dW1", ... of the same shapes.
    """
    for name, value in (("params", params), ("grads", grads)):
        if not isinstance(value, dict):
            raise TypeError(f"{name} must be a dict of arrays by name; got {type(value).__name__}")
    rows = []
    for name in sorted(weight_names(params), key=lambda k: int(k[1:])):
        W, dW = params[name], grads.get("d" + name)
        _check_array(name, W)
        _check_array("d" + name, dW)
        if dW.shape != W.shape:
            raise ValueError(f"d{name} must have the shape of {name}, {W.shape}; got {dW.shape}")
        rows.append({"weight": name, "shape": W.shape, "mean": float(dW.mean()),
                     "std": float(dW.std()), "grad:data": _ratio(dW, W)})
    if not rows:
        raise ValueError(f"params must hold weights W1, W2, ...; got keys {sorted(params)}")
    return pd.DataFrame(rows).set_index("weight")


def update_to_data_ratio(w_before, w_after):
    """std(w_after - w_before) / std(w_before): the relative size of one update of w."""
    _check_array("w_before", w_before)
    _check_array("w_after", w_after)
    if w_before.shape != w_after.shape:
        raise ValueError(f"w_after must have the shape of w_before, {w_before.shape}; "
                         f"got {w_after.shape}")
    return _ratio(w_after - w_before, w_before)


def recording_update_ratios(update):
    """An update rule that does what ``update`` (a rule or its name in OPTIMIZERS) does
    and also appends, in its state, the
    update-to-data ratio of every step to state["update_ratios"] (a list).

    Give it to the trainer instead of the rule itself, then read the ratios with
    update_ratio_history(trainer.states_):
        trainer = Trainer(model, optimizer=recording_update_ratios("adam"), ...).fit(X, y)
    """
    update = get_optimizer(update)

    def recorded(w, dw, state):
        _check_recorded_state(state)
        inner = {key: value for key, value in state.items() if key != "update_ratios"}
        w_new, inner = update(w, dw, inner)
        ratios = state.get("update_ratios", []) + [update_to_data_ratio(w, w_new)]
        return w_new, {**inner, "update_ratios": ratios}

    recorded.__name__ = f"recording_update_ratios({getattr(update, '__name__', update)})"
    return recorded


def _check_recorded_state(state):
    if not isinstance(state, dict):
        raise TypeError(f"state must be a dict such as {{'learning_rate': 0.01}}; got "
                        f"{type(state).__name__}")
    if not isinstance(state.get("update_ratios", []), list):
        raise TypeError("state['update_ratios'] must be the list of ratios recorded so far")


def update_ratio_history(states):
    """A table of log10(update-to-data ratio): a row per step, a column per weight matrix.

    states : dict {parameter name: state} as kept by the trainer (``trainer.states_``)
    when its rule came from recording_update_ratios. Biases are left out (they start at 0).
    """
    if not isinstance(states, dict):
        raise TypeError(f"states must be a dict of states by parameter name; got {states!r}")
    names = sorted(weight_names(states), key=lambda k: int(k[1:]))
    missing = [name for name in names if not (isinstance(states[name], dict) and isinstance(
        states[name].get("update_ratios"), list))]
    if not names or missing:
        raise ValueError("states hold no update ratios: train with "
                         "optimizer=recording_update_ratios(rule) first")
    # A step that did not move a matrix at all is log10(0) = -inf: left off a plot.
    with np.errstate(divide="ignore"):
        return pd.DataFrame({name: np.log10(states[name]["update_ratios"]) for name in names})


def plot_layer_histograms(arrays, ax, bins=50, title=None):
    """One histogram line per layer (Karpathy's plot) of dict {l: array} on the axes ax."""
    _check_layer_dict("arrays", arrays)
    validate_positive_int("bins", bins)
    for l, a in arrays.items():
        try:
            counts, edges = np.histogram(a, bins=bins, density=True)
        except ValueError as exc:  # values too close together for float's bins
            raise ValueError(f"arrays[{l}] cannot be cut into {bins} bins: {exc}") from None
        ax.plot((edges[:-1] + edges[1:]) / 2, counts, label=f"layer {l}")
    ax.legend(fontsize="small")
    if title:
        ax.set_title(title)
    return ax


def _ratio(numerator, denominator):
    """std(numerator) / std(denominator), inf where the denominator is constant (zeros)."""
    # Both divided by their largest entry first: the squares inside std cannot overflow.
    scale = max(np.abs(numerator).max(), np.abs(denominator).max())
    spread = float(np.std(denominator / scale)) if scale > 0 else 0.0
    return float(np.std(numerator / scale)) / spread if spread > 0 else float("inf")


def _check_array(name, a):
    if not (isinstance(a, np.ndarray) and a.dtype.kind == "f"):
        raise TypeError(f"{name} must be a float ndarray; got {type(a).__name__}")
    if a.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {a.shape}")
    if not np.isfinite(a).all():
        raise ValueError(f"{name} contains NaN or infinity")


def _check_layer_dict(name, arrays):
    if not isinstance(arrays, dict) or not arrays:
        raise TypeError(f"{name} must be a non-empty dict {{layer: array}}; got {arrays!r}")
    for l, a in arrays.items():
        if isinstance(l, bool) or not isinstance(l, numbers.Integral):
            raise TypeError(f"{name}'s keys must be layer numbers 1, 2, ...; got {l!r}")
        _check_array(f"{name}[{l}]", a)
