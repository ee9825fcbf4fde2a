"""The L-layer network: L - 1 hidden layers Z[l] = W[l] A[l-1] + b[l], A[l] = g(Z[l]),
then a linear output layer whose scores Z[L] go to the loss (softmax or sigmoid
cross-entropy, which apply their own activation).

Layers are numbered as on the slides, l = 1 .. L, and so is everything indexed by layer:
params["W{l}"], grads["dW{l}"] and caches[l] (a dict keyed by the layer number, not a
list counted from 0). The backward loop reads caches[l] and writes grads["dW{l}"] with the
same l, so a layer's gradient cannot be paired with another layer's cache.

network_forward and network_backward are the plain network of sections 2-3 (notebook 7),
one hidden layer per step of their loops. The *_bn_dropout pair is the same loop with the
optional steps of sections 5-6 in each hidden layer, which NeuralNetwork uses:

    Z = W A_prev + b  ->  [batch norm or layer norm: gamma Z_hat + beta]  ->  A = g(Z)
                      ->  [dropout]
"""

import numpy as np

from ..validation import validate_bool, validate_random_state
from ._checks import (
    check_cache,
    check_choice,
    check_float_dtype,
    check_float_matrix,
    check_labels,
    check_layer_dims,
    check_number,
)
from .activations import ACTIVATIONS
from .batchnorm import batchnorm_backward, batchnorm_forward, init_batchnorm_state
from .dropout import dropout_backward, dropout_forward
from .init import initialize_parameters
from .layernorm import layernorm_backward, layernorm_forward
from .layers import linear_backward, linear_forward
from .losses import check_label_smoothing, output_loss, sigmoid, softmax
from .regularization import l2_cost, l2_grads


def layer_forward(A_prev, W, b, activation):
    """One hidden layer: Z = W A_prev + b, then A = g(Z).

    A_prev : (n[l-1], m); W : (n[l], n[l-1]); b : (n[l], 1); activation : "relu", "tanh"
    or "sigmoid". Returns A of shape (n[l], m) and cache = (linear_cache, activation_cache).
    """
    check_choice("activation", activation, ACTIVATIONS)
    g_forward, _ = ACTIVATIONS[activation]
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = g_forward(Z)
    return A, (linear_cache, activation_cache)


def layer_backward(dA, cache, activation, *, compute_dA_prev=True):
    """Backward through one hidden layer: dZ = dA * g'(Z), then the linear layer's gradients.

    dA : (n[l], m). Returns dA_prev (n[l-1], m) (None if not compute_dA_prev),
    dW (n[l], n[l-1]) and db (n[l], 1).
    """
    check_choice("activation", activation, ACTIVATIONS)
    _, g_backward = ACTIVATIONS[activation]
    linear_cache, activation_cache = _layer_cache(cache)
    dZ = g_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache, compute_dA_prev=compute_dA_prev)


def _layer_cache(cache):
    """(linear_cache, activation_cache) from cache, or a TypeError saying what cache is."""
    check_cache(cache, 2, "(linear_cache, activation_cache)", "layer_forward")
    return cache


def count_layers(params):
    """L, the number of layers with weights: params must hold W1, b1, ..., WL, bL."""
    if not (isinstance(params, dict) and all(isinstance(key, str) for key in params)):
        raise TypeError(f"params must be a dict {{'W1': ..., 'b1': ..., ...}}; got "
                        f"{_keys(params)}")
    L = sum(1 for key in params if key.startswith("W"))
    for l in range(1, L + 1):
        for key in (f"W{l}", f"b{l}"):
            if key not in params:
                raise ValueError(f"params must hold W1, b1, ..., W{L}, b{L}; {key} is missing "
                                 f"(keys: {sorted(params)})")
    if L == 0:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got keys {sorted(params)}")
    return L


def network_forward(X, params, activation="relu"):
    """Forward pass of the L-layer network.

    X : (n[0], m), one example per column; params : W1, b1, ..., WL, bL.
    Returns the scores ZL = Z[L] of shape (n[L], m) and caches, a dict with caches[l]
    for l = 1 .. L: (linear_cache, activation_cache) for the hidden layers, the linear
    cache alone for the output layer.
    """
    L = count_layers(params)
    caches = {}
    A = X
    for l in range(1, L):  # hidden layers 1 .. L-1
        A, caches[l] = layer_forward(A, params[f"W{l}"], params[f"b{l}"], activation)
    ZL, caches[L] = linear_forward(A, params[f"W{L}"], params[f"b{L}"])
    return ZL, caches


def network_forward_bn_dropout(X, params, activation="relu", *, mode="train", bn_states=None,
                               keep_prob=1.0, rng=None, layernorm=False):
    """network_forward with the two optional steps of sections 5-6 in each hidden layer.

    X : (n[0], m), one example per column; params : W1, b1, ..., WL, bL (and gamma{l},
    beta{l} of shape (n[l], 1) for the hidden layers, with batch norm).
    mode : "train" or "eval" (batch norm's statistics, dropout on or off).
    bn_states : None, or {l: state} for l = 1 .. L-1 (see init_batchnorm_state): batch
        norm in every hidden layer; training updates the states' running statistics.
    keep_prob : probability of KEEPING a hidden unit in dropout; 1 means no dropout.
    rng : numpy Generator of the dropout masks (training with keep_prob < 1 only).
    layernorm : layer norm in every hidden layer instead (gamma{l}, beta{l} as with
        batch norm; no state, the same in both modes). Not together with bn_states.
    Returns the scores ZL = Z[L] of shape (n[L], m) and caches, a dict with caches[l]
    for l = 1 .. L: (linear_cache, bn_cache, activation_cache, dropout_cache) for the
    hidden layers (None for a step that is off), the linear cache alone for the output layer.
    """
    L = _check_forward_args(params, activation, mode, bn_states, keep_prob)
    g_forward, _ = ACTIVATIONS[activation]
    caches = {}
    # Batch norm updates copies of the states, written back once every layer has run: a
    # layer that raises leaves all of them as they were.
    new_states = {l: dict(state) for l, state in bn_states.items()} if bn_states else None
    A = X
    for l in range(1, L):  # hidden layers 1 .. L-1
        Z, linear_cache = linear_forward(A, params[f"W{l}"], params[f"b{l}"])
        bn_cache = dropout_cache = None
        if new_states is not None:
            Z, bn_cache = batchnorm_forward(Z, params[f"gamma{l}"], params[f"beta{l}"],
                                            new_states[l], mode)
        elif layernorm:
            Z, bn_cache = layernorm_forward(Z, params[f"gamma{l}"], params[f"beta{l}"])
        A, activation_cache = g_forward(Z)
        if keep_prob < 1:
            A, dropout_cache = dropout_forward(A, keep_prob, mode, rng)
        caches[l] = (linear_cache, bn_cache, activation_cache, dropout_cache)
    ZL, caches[L] = linear_forward(A, params[f"W{L}"], params[f"b{L}"])
    if new_states is not None:
        for l, state in new_states.items():
            bn_states[l].update(state)
    return ZL, caches


def _check_forward_args(params, activation, mode, bn_states, keep_prob):
    """network_forward_bn_dropout's knobs, checked before any state changes; returns L."""
    L = count_layers(params)
    check_choice("activation", activation, ACTIVATIONS)
    check_choice("mode", mode, ("train", "eval"))
    check_number("keep_prob", keep_prob, "a number in (0, 1], the probability of KEEPING a unit",
                 lambda p: 0 < p <= 1)
    if bn_states is not None:
        if not (isinstance(bn_states, dict) and set(bn_states) == set(range(1, L))):
            raise ValueError(f"bn_states must be None or a dict {{l: state}} for the hidden "
                             f"layers l = 1 .. {L - 1}; got {_keys(bn_states)}")
        missing = [f"{name}{l}" for l in range(1, L) for name in ("gamma", "beta")
                   if f"{name}{l}" not in params]
        if missing:
            raise ValueError(f"params must hold gamma{{l}} and beta{{l}} for batch norm; "
                             f"{missing[0]} is missing")
    return L


def _keys(d):
    return f"keys {sorted(d, key=str)}" if isinstance(d, dict) else type(d).__name__


def network_backward(dZL, caches, activation="relu"):
    """Backward pass: from dZ[L] (the loss's gradient) down to layer 1.

    dZL : (n[L], m); caches : from network_forward.
    Returns grads with "dW{l}" (n[l], n[l-1]) and "db{l}" (n[l], 1) for l = 1 .. L.
    Layer L is linear: dA[L-1] = W[L]^T dZ[L]. Then for l = L-1 down to 1,
    dZ[l] = dA[l] * g'(Z[l]) and dA[l-1] = W[l]^T dZ[l] (skipped for l = 1: dA[0] = dX
    is not needed).
    """
    L = _check_caches(caches, "network_forward")
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):  # hidden layers L-1 .. 1
        dA, grads[f"dW{l}"], grads[f"db{l}"] = layer_backward(
            dA, caches[l], activation, compute_dA_prev=l > 1
        )
    return grads


def network_backward_bn_dropout(dZL, caches, activation="relu", *, layernorm=False):
    """network_backward through the two optional steps of sections 5-6.

    dZL : (n[L], m); caches : from network_forward_bn_dropout.
    Returns grads with "dW{l}" (n[l], n[l-1]) and "db{l}" (n[l], 1) for l = 1 .. L
    (and "dgamma{l}", "dbeta{l}" for the hidden layers, with batch norm or, if
    ``layernorm``, layer norm: the same flag as the forward pass).
    Layer L is linear: dA[L-1] = W[L]^T dZ[L]. Then for l = L-1 down to 1, the forward
    steps undone in reverse order: [dropout,] dZ[l] = dA[l] * g'(Z[l]), [batch norm,]
    dA[l-1] = W[l]^T dZ[l] (skipped for l = 1: dA[0] = dX is not needed).
    """
    L = _check_caches(caches, "network_forward_bn_dropout")
    check_choice("activation", activation, ACTIVATIONS)
    _, g_backward = ACTIVATIONS[activation]
    norm_backward = layernorm_backward if layernorm else batchnorm_backward
    grads = {}
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, caches[L])
    for l in range(L - 1, 0, -1):  # hidden layers L-1 .. 1
        check_cache(caches[l], 4, "(linear_cache, bn_cache, activation_cache, dropout_cache)",
                    "network_forward_bn_dropout")
        linear_cache, bn_cache, activation_cache, dropout_cache = caches[l]
        if dropout_cache is not None:
            dA = dropout_backward(dA, dropout_cache)
        dZ = g_backward(dA, activation_cache)
        if bn_cache is not None:
            dZ, grads[f"dgamma{l}"], grads[f"dbeta{l}"] = norm_backward(dZ, bn_cache)
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache,
                                                               compute_dA_prev=l > 1)
    return grads


def _check_caches(caches, function):
    """L, from caches = {1: ..., L: ...} as ``function`` returns them, or raise."""
    if not (isinstance(caches, dict) and caches and set(caches) == set(range(1, len(caches) + 1))):
        raise TypeError(f"caches must be the dict {{l: cache}}, l = 1 .. L, that {function} "
                        f"returned; got {_keys(caches)}")
    return len(caches)


class NeuralNetwork:
    """A fully connected network: L - 1 hidden layers with activation g, then an output
    layer of n[L] units scored with softmax cross-entropy (n[L] >= 2 classes) or with
    sigmoid cross-entropy (n[L] = 1: two classes, labels 0 and 1).

    Parameters
    ----------
    layer_dims : sequence of int
        [n[0], n[1], ..., n[L]]: n[0] features, n[L] outputs, hidden sizes in between.
    activation : {"relu", "tanh", "sigmoid"}
        g of the hidden layers.
    init : {"he", "xavier", "small", "zeros"}
        How W[l] is drawn (see initialize_parameters).
    random_state : int or None
        Seed of the initial weights.
    dtype : np.float64 or np.float32
        Of the parameters and of every computation; inputs are converted to it.
    reg : float >= 0
        lambda of L2 regularisation: training adds lambda / (2 m) sum_l ||W[l]||^2 to the
        cost (weights only, m the mini-batch size). 0 means none.
    keep_prob : float in (0, 1]
        Probability of KEEPING each hidden unit in training (inverted dropout; PyTorch's
        nn.Dropout(p) has p = 1 - keep_prob). 1 means no dropout.
    batchnorm : bool
        Batch normalisation between the linear part and g of every hidden layer.
    layernorm : bool
        Layer normalisation there instead (each example normalised over its n[l] units;
        no running statistics). Not together with batchnorm.
    label_smoothing : float in [0, 1)
        eps of label smoothing in the training loss (softmax outputs, n[L] >= 2): the
        target of each example is (1 - eps) one-hot + eps / n[L]. 0 means none.

    Attributes
    ----------
    params : dict
        "W{l}" of shape (n[l], n[l-1]) and "b{l}" of shape (n[l], 1), l = 1 .. L; with
        batch norm or layer norm also "gamma{l}" (ones) and "beta{l}" (zeros),
        (n[l], 1), l = 1 .. L-1.
    L : int
        Number of layers with weights.
    bn_states : dict or None
        With batch norm, bn_states[l] holds layer l's running mean and variance.
    dropout_rng : numpy Generator
        Draws the dropout masks; set it to a freshly seeded Generator before each call
        to get the same masks again (as a gradient check needs).
    """

    def __init__(self, layer_dims, activation="relu", init="he", random_state=None,
                 dtype=np.float64, *, reg=0.0, keep_prob=1.0, batchnorm=False,
                 layernorm=False, label_smoothing=0.0):
        self.layer_dims = check_layer_dims(layer_dims)
        check_choice("activation", activation, ACTIVATIONS)
        self.activation = activation
        self.init = init
        validate_random_state(random_state)
        self.random_state = random_state
        self.dtype = check_float_dtype(dtype)
        self.reg, self.keep_prob, self.batchnorm = check_knobs(reg, keep_prob, batchnorm)
        self.layernorm, self.label_smoothing = check_recipe_knobs(
            layernorm, label_smoothing, batchnorm, self.layer_dims)
        self.L = len(self.layer_dims) - 1
        rng = np.random.default_rng(random_state)
        self.params = initialize_parameters(self.layer_dims, rng, init, self.dtype)
        self.bn_states = None
        if batchnorm or layernorm:
            self.params, bn_states = add_batchnorm(self.params, self.layer_dims, self.dtype)
            self.bn_states = bn_states if batchnorm else None
        self.dropout_rng = rng

    def forward(self, X, mode="train"):
        """Scores ZL of shape (n[L], m) and the caches, for X of shape (n[0], m).

        mode : "train" or "eval": dropout is off and batch norm uses its running
            statistics in evaluation; the plain network computes the same in both.
        X holding NaN or infinity raises ValueError and leaves batch norm and dropout as they
        were. Scores of inf or NaN from finite X are returned (the parameters diverged, or
        overflowed): Trainer stops on them and says so; scores and predict raise.
        """
        check_choice("mode", mode, ("train", "eval"))
        X, saved = self._check_X(X), self._state()
        # NumPy's warnings about NaN and overflow are replaced by the checks below.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            ZL, caches = network_forward_bn_dropout(
                X, self.params, self.activation, mode=mode, bn_states=self.bn_states,
                keep_prob=self.keep_prob, rng=self.dropout_rng,
                layernorm=self.layernorm)
        # Only now is X scanned, if at all: finite scores prove X holds no NaN, for free.
        if not _all_finite(ZL) and not _all_finite(X):
            self._restore(saved)  # as before the call
            raise ValueError("X contains NaN or infinity; remove or impute those values first")
        return ZL, caches

    def backward(self, dZL, caches):
        """Gradients "dW{l}", "db{l}" from dZ[L] of shape (n[L], m) and forward's caches."""
        return network_backward_bn_dropout(dZL, caches, self.activation,
                                           layernorm=self.layernorm)

    def loss(self, X, y, mode="train"):
        """The cost J on X of shape (n[0], m) with labels y of shape (m,), and its gradients.

        Returns (loss, grads): loss a float (the mean over the m examples) and grads a dict
        with "d" + name shaped like params[name], for every parameter.
        In training the loss includes the L2 term and label smoothing, if any; in
        evaluation it is the data's cross-entropy alone, the number to compare across
        values of reg and label_smoothing.
        """
        self._check_data(X, y)  # first: the forward pass updates batch norm's statistics
        ZL, caches = self.forward(X, mode)
        loss, dZL = output_loss(ZL, y, self.label_smoothing if mode == "train" else 0.0)
        grads = self.backward(dZL, caches)
        if self.reg > 0 and mode == "train":
            m = ZL.shape[1]
            loss += l2_cost(self.params, self.reg, m)
            for name, dW_reg in l2_grads(self.params, self.reg, m).items():
                grads[name] = grads[name] + dW_reg
        return loss, grads

    def scores(self, X):
        """The output layer's Z[L], shape (n[L], m), in evaluation mode."""
        ZL, _ = self.forward(X, mode="eval")
        if not _all_finite(ZL):
            if not all(_all_finite(p) for p in self.params.values()):
                raise ValueError("the network's parameters hold NaN or infinity (training "
                                 "diverged?): make a new network and train it with a "
                                 "smaller learning rate")
            largest = max(float(np.abs(p).max()) for p in self.params.values())
            raise ValueError(f"the scores Z[L] overflowed {self.dtype}: the parameters "
                             f"(largest |entry| {largest:.2g}) are too large for X; did "
                             f"training diverge? Then make a new network. Or are X's "
                             f"values too large? Then standardise X")
        return ZL

    def predict_proba(self, X):
        """The output layer's activation A[L], shape (n[L], m): softmax(Z[L]) (each column
        sums to 1) when n[L] >= 2, or sigma(Z[L]) = P(y = 1) when n[L] = 1."""
        ZL = self.scores(X)
        return sigmoid(ZL) if ZL.shape[0] == 1 else softmax(ZL)

    def predict(self, X):
        """Predicted labels, shape (m,): the most probable class, or 1 where sigma(Z) > 0.5."""
        ZL = self.scores(X)
        if ZL.shape[0] == 1:
            return (ZL[0] > 0).astype(int)
        return ZL.argmax(axis=0)

    def accuracy(self, X, y):
        """Fraction of the m columns of X whose label y (shape (m,)) is predicted."""
        self._check_data(X, y)
        return float(np.mean(self.predict(X) == y))

    def _state(self):
        """What a forward pass in training changes: batch norm's running statistics (new
        arrays each time, so references do) and the dropout Generator's state."""
        states = {l: dict(state) for l, state in (self.bn_states or {}).items()}
        return states, (self.dropout_rng.bit_generator.state if self.keep_prob < 1 else None)

    def _restore(self, saved):
        states, rng_state = saved
        for l, state in states.items():
            self.bn_states[l].update(state)
        if rng_state is not None:
            self.dropout_rng.bit_generator.state = rng_state

    def _check_X(self, X, at_least_one=False):
        check_float_matrix("X", X, rows=self.layer_dims[0], what=f"(n[0], m) = "
                           f"({self.layer_dims[0]}, m)")
        if at_least_one and X.shape[1] == 0:
            raise ValueError(f"X must hold at least one example (column); got shape {X.shape}")
        return X.astype(self.dtype, copy=False)

    def _check_data(self, X, y):
        """X of shape (n[0], m), m >= 1, and labels 0 .. C-1 of shape (m,), C = n[L] classes
        (2 when n[L] = 1). NaN in X is found by forward, at no cost when there is none."""
        X = self._check_X(X, at_least_one=True)
        check_labels(y, X.shape[1], max(2, self.layer_dims[-1]))


def _all_finite(a):
    # min and max propagate NaN and reach +-inf, without an array of a's size of booleans.
    return a.size == 0 or bool(np.isfinite(a.min()) and np.isfinite(a.max()))


def check_knobs(reg, keep_prob, batchnorm):
    """Check the regularisation knobs of NeuralNetwork; return them as (float, float, bool)."""
    reg = check_number("reg", reg, "a number >= 0 (lambda of L2 regularisation), e.g. 0.1",
                       lambda r: r >= 0)
    keep_prob = check_number(
        "keep_prob", keep_prob, "a number in (0, 1], the probability of KEEPING a unit, 1 for "
        "no dropout (PyTorch's nn.Dropout(p) drops with probability p: keep_prob = 1 - p)",
        lambda p: 0 < p <= 1)
    if not isinstance(batchnorm, bool):
        raise TypeError(f"batchnorm must be True or False; got {batchnorm!r}")
    return reg, keep_prob, batchnorm


def check_recipe_knobs(layernorm, label_smoothing, batchnorm, layer_dims):
    """Check the layernorm and label_smoothing knobs; return them as (bool, float)."""
    validate_bool("layernorm", layernorm)
    if layernorm and batchnorm:
        raise ValueError("choose batchnorm=True or layernorm=True, not both: each normalises "
                         "Z[l] of every hidden layer")
    eps = check_label_smoothing(label_smoothing)
    if eps == 1:
        raise ValueError("label_smoothing = 1 makes every target uniform: nothing is left to "
                         "learn; use a value like 0.1")
    if eps and layer_dims[-1] == 1:
        raise ValueError("label_smoothing needs a softmax output layer (n[L] >= 2 units); "
                         "this network has one sigmoid output unit")
    return layernorm, eps


def add_batchnorm(params, layer_dims, dtype):
    """Params with gamma{l} = 1 and beta{l} = 0 of shape (n[l], 1) after each hidden layer's
    b{l}, and the batch norm states {l: state}, for l = 1 .. L-1."""
    L = len(layer_dims) - 1
    with_bn, states = {}, {}
    for l in range(1, L + 1):
        with_bn[f"W{l}"], with_bn[f"b{l}"] = params[f"W{l}"], params[f"b{l}"]
        if l < L:
            n = layer_dims[l]
            with_bn[f"gamma{l}"] = np.ones((n, 1), dtype)
            with_bn[f"beta{l}"] = np.zeros((n, 1), dtype)
            states[l] = init_batchnorm_state(n, dtype=dtype)
    return with_bn, states
