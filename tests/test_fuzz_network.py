"""Fuzzing the network package (sections 2-9) with hypothesis: the rule of tests/fuzz_rules.py.

Every public function of utils.nn and the helpers the notebooks call is given arguments
that are mostly well formed (so that the search reaches deep into the code) and sometimes
anything at all: other shapes, dtypes, NaN, numbers too large for a float, strings, None.
Each call returns a correct result or raises the course's own ValueError or TypeError;
the layer functions of the training step may pass NaN on (call_on_the_hot_path). A call
that raises leaves the model, batch norm's running statistics and an optimizer's memory as
they were. The exercise checks (utils/checks) are fuzzed by their own tests.
"""
import copy

import matplotlib.pyplot as plt
import numpy as np
import pytest
from fuzz_rules import (
    COUNTS,
    FEW,
    FLOATS,
    FUZZ,
    ODD_VALUES,
    array_likes,
    arrays,
    call_keeps_the_rule,
    call_on_the_hot_path,
)
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from utils import data as course_data
from utils import plotting
from utils.gradcheck import numerical_gradient_array
from utils.nn import (
    NeuralNetwork,
    Trainer,
    batchnorm,
    diagnostics,
    dropout,
    initialize_parameters,
    layer_backward,
    layer_forward,
    linear_backward,
    linear_forward,
    log_softmax,
    lr_finder,
    network_backward,
    network_forward,
    output_loss,
    practice,
    regularization,
    relu_backward,
    relu_forward,
    schedules,
    search,
    shallow,
    sigmoid,
    sigmoid_backward,
    sigmoid_cross_entropy,
    sigmoid_forward,
    softmax,
    softmax_cross_entropy,
    surfaces,
    tanh_backward,
    tanh_forward,
)
from utils.nn.network import network_backward_bn_dropout, network_forward_bn_dropout
from utils.nn.optim import OPTIMIZERS, get_optimizer

SIDES = st.integers(1, 3)
EXAMPLES = st.integers(0, 4)
ACTIVATIONS = st.sampled_from(["relu", "tanh", "sigmoid", "relu", "softmax", None, 1])
MODES = st.sampled_from(["train", "eval", "train", "test", None])
NUMBERS = st.one_of(st.sampled_from([0.1, 0.5, 0.9, 1.0, 1e-3]), FLOATS, ODD_VALUES,
                    st.integers(-2, 3))
SEEDS = st.one_of(st.none(), st.integers(0, 2**32), st.sampled_from([-1, 1.5, "1", 10**400]))
FORWARDS = [(relu_forward, relu_backward), (tanh_forward, tanh_backward),
            (sigmoid_forward, sigmoid_backward)]


def floats(shape):
    """A float64 or float32 array of ``shape`` with moderate values."""
    return st.sampled_from([np.float64, np.float32]).flatmap(
        lambda dtype: hnp.arrays(dtype, shape, elements=st.floats(-10, 10, width=32)))


def near(shape):
    """Mostly a float array of ``shape``; sometimes any array, or no array at all."""
    return st.one_of(floats(shape), floats(shape), floats(shape),
                     arrays(max_side=4), ODD_VALUES)


def labels(m, classes):
    """Mostly integer labels 0 .. classes-1 of shape (m,); sometimes out of range or anything."""
    good = hnp.arrays(np.int64, (m,), elements=st.integers(0, classes - 1))
    return st.one_of(good, good, good,
                     hnp.arrays(np.int64, (m,), elements=st.integers(-2, classes + 1)),
                     good.map(lambda y: y.astype(float)), good.map(lambda y: y.astype(str)),
                     arrays(max_dims=2, max_side=4), ODD_VALUES)


def maybe(good, bad=ODD_VALUES):
    return st.one_of(good, good, good, bad)


# --- layers, activations, losses: the hot path

@FUZZ
@given(n=SIDES, n_prev=SIDES, m=EXAMPLES, data=st.data())
def test_linear_forward_and_backward(n, n_prev, m, data):
    A_prev, W, b = (data.draw(near(s)) for s in ((n_prev, m), (n, n_prev), (n, 1)))
    result = call_on_the_hot_path(linear_forward, A_prev, W, b)
    if result is not None:
        Z, cache = result
        assert Z.shape == (W.shape[0], A_prev.shape[1])
        cache = data.draw(maybe(st.just(cache), st.one_of(ODD_VALUES, st.just((Z, cache)))))
        grads = call_on_the_hot_path(linear_backward, data.draw(near((n, m))), cache)
        if grads is not None and cache is result[1]:
            assert grads[1].shape == W.shape and grads[2].shape == b.shape


@FUZZ
@pytest.mark.parametrize("forward, backward", FORWARDS, ids=lambda f: f.__name__)
@given(n=SIDES, m=EXAMPLES, data=st.data())
def test_activations(forward, backward, n, m, data):
    Z = data.draw(near((n, m)))
    result = call_on_the_hot_path(forward, Z)
    if result is not None:
        A, cache = result
        cache = data.draw(maybe(st.just(cache)))
        dZ = call_on_the_hot_path(backward, data.draw(near((n, m))), cache)
        if dZ is not None:
            assert dZ.shape == A.shape


@FUZZ
@given(n=SIDES, n_prev=SIDES, m=EXAMPLES, activation=ACTIVATIONS, data=st.data())
def test_layer_forward_and_backward(n, n_prev, m, activation, data):
    A_prev, W, b = (data.draw(near(s)) for s in ((n_prev, m), (n, n_prev), (n, 1)))
    result = call_on_the_hot_path(layer_forward, A_prev, W, b, activation)
    if result is not None:
        cache = data.draw(maybe(st.just(result[1]), st.one_of(ODD_VALUES, st.just(result))))
        call_on_the_hot_path(layer_backward, data.draw(near((n, m))), cache,
                             data.draw(maybe(st.just(activation), ACTIVATIONS)))


@FUZZ
@given(C=st.integers(0, 3), m=EXAMPLES, data=st.data())
def test_softmax_and_log_softmax(C, m, data):
    Z = data.draw(near((C, m)))
    for fn in (softmax, log_softmax, sigmoid):
        A = call_on_the_hot_path(fn, Z)
        if A is not None:
            assert A.shape == Z.shape


@FUZZ
@pytest.mark.parametrize("loss", [softmax_cross_entropy, sigmoid_cross_entropy, output_loss],
                         ids=lambda f: f.__name__)
@given(C=st.integers(1, 3), m=EXAMPLES, data=st.data())
def test_losses(loss, C, m, data):
    Z = data.draw(near((C, m)))
    y = data.draw(labels(m, max(C, 2)))
    result = call_on_the_hot_path(loss, Z, y)
    if result is not None:
        assert result[1].shape == Z.shape and result[0] >= 0


@FUZZ
@given(layer_dims=st.one_of(st.lists(st.integers(-1, 3), max_size=4), ODD_VALUES),
       rng=st.one_of(st.just(np.random.default_rng(0)), ODD_VALUES),
       method=st.sampled_from(["he", "xavier", "small", "large", "zeros", "glorot", None]),
       dtype=st.sampled_from([np.float64, np.float32, np.float16, int, "float64", None, "x"]))
def test_initialize_parameters(layer_dims, rng, method, dtype):
    params = call_keeps_the_rule(initialize_parameters, layer_dims, rng, method, dtype)
    if params is not None:
        assert len(params) == 2 * (len(layer_dims) - 1)


# --- the L-layer network and NeuralNetwork

def network_params(data, dims):
    """Params W1, b1, ..., mostly of the right shapes, sometimes one bad entry."""
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = data.draw(floats((dims[l], dims[l - 1])))
        params[f"b{l}"] = data.draw(floats((dims[l], 1)))
    if data.draw(st.booleans()):
        name = data.draw(st.sampled_from(sorted(params)))
        params[name] = data.draw(near((2, 2)))
    return data.draw(maybe(st.just(params)))


@FUZZ
@given(dims=st.lists(SIDES, min_size=2, max_size=4), m=EXAMPLES, activation=ACTIVATIONS,
       data=st.data())
def test_network_forward_and_backward(dims, m, activation, data):
    X, params = data.draw(near((dims[0], m))), network_params(data, dims)
    result = call_on_the_hot_path(network_forward, X, params, activation)
    if result is not None:
        ZL, caches = result
        caches = data.draw(maybe(st.just(caches), st.one_of(ODD_VALUES, st.just({1: None}))))
        call_on_the_hot_path(network_backward, data.draw(near(ZL.shape)), caches,
                             data.draw(maybe(st.just(activation), ACTIVATIONS)))


@FUZZ
@given(dims=st.lists(SIDES, min_size=2, max_size=4), m=EXAMPLES, data=st.data())
def test_network_forward_bn_dropout_leaves_the_states_when_it_raises(dims, m, data):
    net = NeuralNetwork(dims, random_state=0, batchnorm=True)
    params = dict(net.params, **data.draw(st.dictionaries(
        st.sampled_from(sorted(net.params)), near((2, 2)), max_size=1)))
    states = copy.deepcopy(net.bn_states)
    bn_states = data.draw(maybe(st.just(net.bn_states), st.one_of(ODD_VALUES, st.just({}))))
    keep_prob = data.draw(maybe(st.sampled_from([1.0, 0.5]), NUMBERS))
    result = call_on_the_hot_path(
        network_forward_bn_dropout, data.draw(near((dims[0], m))), params,
        data.draw(maybe(st.just("relu"), ACTIVATIONS)), mode=data.draw(MODES),
        bn_states=bn_states, keep_prob=keep_prob, rng=data.draw(maybe(st.just(
            np.random.default_rng(0)))))
    if result is None:
        assert_same_states(net.bn_states, states)
    else:
        call_on_the_hot_path(network_backward_bn_dropout, data.draw(near(result[0].shape)),
                             data.draw(maybe(st.just(result[1]))))


def knobs():
    return st.fixed_dictionaries({
        "activation": maybe(st.sampled_from(["relu", "tanh", "sigmoid"]), ACTIVATIONS),
        "init": maybe(st.sampled_from(["he", "xavier", "small"])),
        "random_state": maybe(st.integers(0, 3), SEEDS),
        "dtype": maybe(st.sampled_from([np.float64, np.float32])),
        "reg": maybe(st.sampled_from([0.0, 0.1]), NUMBERS),
        "keep_prob": maybe(st.sampled_from([1.0, 0.5]), NUMBERS),
        "batchnorm": maybe(st.booleans(), st.sampled_from([1, None, np.True_])),
    })


def model_state(net):
    return copy.deepcopy((net.params, net.bn_states, net.dropout_rng.bit_generator.state))


def assert_same_states(states, before):
    for l in before or {}:
        for key in ("running_mean", "running_var"):
            np.testing.assert_array_equal(states[l][key], before[l][key], strict=True)


def assert_same_model(net, before):
    params, bn_states, rng_state = before
    assert net.params.keys() == params.keys()
    for name in params:
        np.testing.assert_array_equal(net.params[name], params[name], strict=True)
    assert_same_states(net.bn_states, bn_states)
    assert net.dropout_rng.bit_generator.state == rng_state


@FUZZ
@given(dims=st.one_of(st.lists(SIDES, min_size=2, max_size=4), ODD_VALUES), kw=knobs())
def test_neural_network_constructor(dims, kw):
    call_keeps_the_rule(NeuralNetwork, dims, **kw)


@FUZZ
@given(dims=st.lists(SIDES, min_size=2, max_size=3), batchnorm=st.booleans(), m=EXAMPLES,
       nan=st.booleans(), data=st.data())
def test_neural_network_methods(dims, batchnorm, m, nan, data):
    net = NeuralNetwork(dims, random_state=0, batchnorm=batchnorm,
                        keep_prob=data.draw(st.sampled_from([1.0, 0.5])))
    X = data.draw(near((dims[0], m)))
    if nan and isinstance(X, np.ndarray) and X.size and X.dtype.kind == "f":
        X = X.copy()
        X.flat[0] = np.nan
    y = data.draw(labels(m, max(2, dims[-1])))
    for method, args in [(net.predict, (X,)), (net.predict_proba, (X,)), (net.scores, (X,)),
                         (net.accuracy, (X, y)), (net.loss, (X, y, data.draw(MODES)))]:
        before = model_state(net)
        result = call_keeps_the_rule(method, *args)
        if result is None:
            assert_same_model(net, before)
        elif method == net.predict:
            assert result.shape == (X.shape[1],)
            assert set(np.unique(result)) <= set(range(max(2, dims[-1])))
        elif method == net.accuracy:
            assert 0 <= result <= 1


# --- Trainer, optimizers, schedules, the learning-rate range test

def trainer_knobs():
    return st.fixed_dictionaries({
        "optimizer": maybe(st.sampled_from(sorted(OPTIMIZERS))),
        "learning_rate": maybe(st.sampled_from([1e-3, 0.1, 1.0, 1e3]), NUMBERS),
        "epochs": maybe(st.integers(1, 2), COUNTS),
        "batch_size": maybe(st.integers(1, 4), COUNTS),
        "schedule": maybe(st.sampled_from([None, "cosine", "step", "warmup_cosine"])),
        "random_state": maybe(st.integers(0, 3), SEEDS),
        "track_train_acc": maybe(st.booleans()),
        "warm_start": maybe(st.booleans()),
    })


@FEW
@given(dims=st.lists(SIDES, min_size=2, max_size=3), batchnorm=st.booleans(),
       m=st.integers(0, 6), kw=trainer_knobs(), data=st.data())
def test_trainer_fit(dims, batchnorm, m, kw, data):
    net = NeuralNetwork(dims, random_state=0, batchnorm=batchnorm)
    X, y = data.draw(near((dims[0], m))), data.draw(labels(m, max(2, dims[-1])))
    validation = data.draw(st.one_of(st.just((None, None)), st.tuples(
        near((dims[0], 2)), labels(2, max(2, dims[-1])))))
    before = model_state(net)
    trainer = call_keeps_the_rule(Trainer(net, **kw).fit, X, y, *validation)
    if trainer is None:
        assert_same_model(net, before)
    elif not trainer.diverged_:
        assert all(np.isfinite(p).all() for p in net.params.values())
        assert len(trainer.history_["loss"]) == kw["epochs"]


def optimizer_state(data, shape):
    hyper = st.dictionaries(
        st.sampled_from(["learning_rate", "momentum", "beta", "beta1", "beta2", "epsilon",
                         "decay_rate"]),
        maybe(st.sampled_from([0.1, 0.9, 1e-8]), NUMBERS), max_size=3)
    memory = st.dictionaries(st.sampled_from(["velocity", "grad_squared", "m", "v", "t"]),
                             st.one_of(near(shape), st.integers(-1, 3), ODD_VALUES), max_size=2)
    state = data.draw(hyper) | data.draw(memory)
    if data.draw(st.integers(0, 3)):
        state.setdefault("learning_rate", 0.1)
    return data.draw(maybe(st.just(state)))


@FUZZ
@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
@given(shape=hnp.array_shapes(min_dims=1, max_dims=2, max_side=3), data=st.data())
def test_update_rules(name, shape, data):
    w, dw = data.draw(near(shape)), data.draw(near(shape))
    state = optimizer_state(data, shape)
    result = call_on_the_hot_path(OPTIMIZERS[name], w, dw, state)
    if result is not None:
        assert result[0].shape == w.shape and result[0].dtype == w.dtype


@FUZZ
@given(optimizer=st.one_of(st.sampled_from(sorted(OPTIMIZERS)), ODD_VALUES))
def test_get_optimizer(optimizer):
    call_keeps_the_rule(get_optimizer, optimizer)


@FUZZ
@given(maker=st.sampled_from(["step_decay", "exponential_decay", "cosine_annealing",
                              "linear_warmup", "get_schedule"]),
       knob=st.one_of(st.integers(1, 5), NUMBERS), lr=maybe(st.just(0.1), NUMBERS),
       epoch=maybe(st.integers(0, 10), COUNTS))
def test_schedules(maker, knob, lr, epoch):
    if maker == "get_schedule":
        schedule = call_keeps_the_rule(schedules.get_schedule, "warmup_cosine", knob)
    else:
        schedule = call_keeps_the_rule(getattr(schedules, maker), knob)
    if schedule is not None:
        rate = call_keeps_the_rule(schedule, lr, epoch)
        if rate is not None:
            assert 0 <= rate <= lr


@FEW
@given(dims=st.lists(SIDES, min_size=2, max_size=3), batchnorm=st.booleans(),
       m=st.integers(0, 6), data=st.data())
def test_lr_range_test(dims, batchnorm, m, data):
    net = NeuralNetwork(dims, random_state=0, batchnorm=batchnorm, keep_prob=0.5)
    X, y = data.draw(near((dims[0], m))), data.draw(labels(m, max(2, dims[-1])))
    before = model_state(net)
    results = call_keeps_the_rule(
        lr_finder.lr_range_test, net, X, y,
        optimizer=data.draw(maybe(st.sampled_from(["sgd", "adam"]))),
        min_lr=data.draw(maybe(st.just(1e-3), NUMBERS)),
        max_lr=data.draw(maybe(st.just(10.0), NUMBERS)),
        steps=data.draw(maybe(st.integers(1, 5), COUNTS)),
        batch_size=data.draw(maybe(st.integers(1, 4), COUNTS)),
        random_state=data.draw(maybe(st.just(0), SEEDS)),
        stop_factor=data.draw(maybe(st.just(4.0), NUMBERS)))
    assert_same_model(net, before)  # restored, whether it raised or not
    if results is not None and len(results):
        call_keeps_the_rule(lr_finder.suggest_learning_rate, results)


# --- regularisation, dropout, batch norm

@FUZZ
@given(shape=st.tuples(SIDES, SIDES), lambd=maybe(st.just(0.1), NUMBERS),
       m=maybe(st.integers(1, 4), COUNTS), data=st.data())
def test_l2(shape, lambd, m, data):
    params = data.draw(maybe(st.fixed_dictionaries({"W1": near(shape), "b1": near((2, 1))})))
    for fn in (regularization.l2_cost, regularization.l2_grads):
        call_on_the_hot_path(fn, params, lambd, m)


@FUZZ
@given(n=SIDES, m=EXAMPLES, keep_prob=maybe(st.sampled_from([0.5, 1.0]), NUMBERS),
       mode=MODES, rng=maybe(st.just(np.random.default_rng(0))), data=st.data())
def test_dropout(n, m, keep_prob, mode, rng, data):
    result = call_on_the_hot_path(dropout.dropout_forward, data.draw(near((n, m))), keep_prob,
                                  mode, rng)
    if result is not None:
        cache = data.draw(maybe(st.just(result[1]), st.one_of(ODD_VALUES, st.just((1, 2)))))
        call_on_the_hot_path(dropout.dropout_backward, data.draw(near((n, m))), cache)


@FUZZ
@given(n=SIDES, m=EXAMPLES, mode=MODES, data=st.data())
def test_batchnorm(n, m, mode, data):
    state = batchnorm.init_batchnorm_state(n)
    if data.draw(st.booleans()):
        state[data.draw(st.sampled_from(sorted(state)))] = data.draw(
            st.one_of(near((n, 1)), NUMBERS))
    before = dict(state)  # batch norm replaces the arrays, never writes into them
    result = call_on_the_hot_path(batchnorm.batchnorm_forward, data.draw(near((n, m))),
                                  data.draw(near((n, 1))), data.draw(near((n, 1))), state, mode)
    if result is None:
        assert state.keys() == before.keys()
        assert all(state[key] is before[key] for key in state)
        return
    cache = data.draw(maybe(st.just(result[1]), st.one_of(ODD_VALUES, st.just(result))))
    for backward in (batchnorm.batchnorm_backward, batchnorm.batchnorm_backward_graph):
        grads = call_on_the_hot_path(backward, data.draw(near((n, m))), cache)
        if grads is not None:
            assert grads[0].shape == (n, m) and grads[1].shape == grads[2].shape == (n, 1)


@FUZZ
@given(n=st.one_of(SIDES, COUNTS), momentum=maybe(st.just(0.1), NUMBERS),
       eps=maybe(st.just(1e-5), NUMBERS), data=st.data())
def test_batchnorm_state_and_running_averages(n, momentum, eps, data):
    call_keeps_the_rule(batchnorm.init_batchnorm_state, n, momentum, eps)
    running, batch = data.draw(near((2, 1))), data.draw(near((2, 1)))
    for fn in (batchnorm.running_average, batchnorm.running_average_cs231n):
        result = call_on_the_hot_path(fn, running, batch, momentum)
        if result is not None:
            assert result.shape == running.shape


# --- diagnostics, search, surfaces, practice, shallow, data, plotting

@FUZZ
@given(dims=st.lists(SIDES, min_size=2, max_size=4), m=st.integers(0, 3),
       activation=ACTIVATIONS, data=st.data())
def test_diagnostics(dims, m, activation, data):
    params = network_params(data, dims)
    X, y = data.draw(near((dims[0], m))), data.draw(labels(m, max(2, dims[-1])))
    signals = call_on_the_hot_path(diagnostics.layer_signals, params, X, y, activation)
    A = data.draw(near((2, 3)))
    call_keeps_the_rule(diagnostics.saturated_fraction, A, activation)
    call_keeps_the_rule(diagnostics.dead_fraction, A)
    if signals is not None and signals[0]:
        call_keeps_the_rule(diagnostics.activation_statistics, signals[0], activation)
    grads = data.draw(maybe(st.fixed_dictionaries({"dW1": near((2, 2))})))
    call_keeps_the_rule(diagnostics.gradient_statistics,
                        data.draw(maybe(st.fixed_dictionaries({"W1": near((2, 2))}))), grads)
    call_keeps_the_rule(diagnostics.update_to_data_ratio, A, data.draw(near((2, 3))))
    call_keeps_the_rule(diagnostics.update_ratio_history, data.draw(
        maybe(st.just({"W1": {"update_ratios": [0.1, 0.0]}}),
              st.one_of(ODD_VALUES, st.just({"W1": {}}), st.just({"W1": {"update_ratios": "x"}})))))


@FUZZ
@given(data=st.data())
def test_recording_update_ratios(data):
    rule = call_keeps_the_rule(diagnostics.recording_update_ratios,
                               data.draw(maybe(st.sampled_from(sorted(OPTIMIZERS)))))
    if rule is not None:
        w = data.draw(near((2, 2)))
        call_on_the_hot_path(rule, w, data.draw(near((2, 2))), optimizer_state(data, (2, 2)))


@FEW
@given(arrays_by_layer=maybe(st.fixed_dictionaries({1: near((2, 3)), 2: near((2, 3))}),
                             st.one_of(ODD_VALUES, st.just({}), st.just({"1": np.ones(2)}))),
       bins=maybe(st.just(10), COUNTS))
def test_plot_layer_histograms(arrays_by_layer, bins):
    fig, ax = plt.subplots()
    try:
        call_keeps_the_rule(diagnostics.plot_layer_histograms, arrays_by_layer, ax=ax, bins=bins)
    finally:
        plt.close(fig)


RANGES = st.tuples(NUMBERS, NUMBERS)


@FUZZ
@given(kind=st.sampled_from([search.LogUniform, search.Uniform]), bounds=RANGES,
       points=maybe(st.integers(1, 4), COUNTS), n_trials=maybe(st.integers(1, 4), COUNTS),
       seed=maybe(st.integers(0, 3), SEEDS), data=st.data())
def test_search(kind, bounds, points, n_trials, seed, data):
    space_range = call_keeps_the_rule(kind, *bounds)
    space = data.draw(maybe(st.just({"lr": space_range, "units": [8, 16]}), st.one_of(
        ODD_VALUES, st.just({}), st.just({"lr": "abc"}), st.just({"lr": []}),
        st.just({"lr": 3})))) if space_range is not None else {"units": [8, 16]}
    score = data.draw(st.sampled_from([0.5, np.nan, "x", None, 10**400, {"a": 1.0}]))
    grid = call_keeps_the_rule(search.grid_search, lambda config: score, space, points)
    call_keeps_the_rule(search.random_search, lambda config: score, space, n_trials, seed)
    if grid is not None:
        call_keeps_the_rule(search.best_config, grid,
                            data.draw(st.sampled_from(["score", "a", "lr", None])),
                            data.draw(maybe(st.booleans())))


@FUZZ
@given(surface=st.sampled_from(sorted(surfaces.SURFACES)), data=st.data())
def test_surfaces(surface, data):
    fn = surfaces.SURFACES[surface]
    call_on_the_hot_path(fn, data.draw(near((2,))))
    path = call_on_the_hot_path(
        surfaces.descend, OPTIMIZERS[data.draw(st.sampled_from(sorted(OPTIMIZERS)))], fn,
        data.draw(maybe(st.just([1.0, 1.0]), array_likes(max_dims=2))),
        data.draw(maybe(st.just({"learning_rate": 0.01}))),
        data.draw(maybe(st.integers(0, 5), COUNTS)))
    if path is not None:
        assert path.ndim == 2 and path.shape[1] == 2


@FEW
@given(surface=st.sampled_from(sorted(surfaces.SURFACES)), data=st.data())
def test_plot_paths(surface, data):
    fig, ax = plt.subplots()
    try:
        call_keeps_the_rule(
            surfaces.plot_paths, surfaces.SURFACES[surface],
            data.draw(maybe(st.fixed_dictionaries({"a": floats((3, 2))}),
                            st.one_of(ODD_VALUES, st.just({"a": np.ones(3)})))), ax=ax,
            extent=data.draw(maybe(st.just((-2.0, 2.0, -2.0, 2.0)), st.one_of(
                ODD_VALUES, st.just((1.0, 1.0, 0.0, 1.0)), st.just((0, 1))))),
            levels=data.draw(maybe(st.just(5), COUNTS)))
    finally:
        plt.close(fig)


@FUZZ
@given(side=maybe(st.integers(1, 4), COUNTS), m=EXAMPLES, data=st.data())
def test_practice(side, m, data):
    pixels = side * side if isinstance(side, int) and not isinstance(side, bool) else 4
    X = data.draw(near((abs(pixels), m)))
    shift = data.draw(maybe(st.integers(-3, 3), NUMBERS))
    call_keeps_the_rule(practice.shift_images, X, shift, 0, side)
    y = data.draw(labels(m, 3))
    result = call_keeps_the_rule(
        practice.augment_with_shifts, X, y,
        data.draw(maybe(st.just(((1, 0), (0, -1))), st.one_of(ODD_VALUES, st.just([(1,)])))),
        side)
    if result is not None:
        assert result[0].shape[1] == result[1].shape[0]
    P = data.draw(near((3, m)))
    mistakes = call_keeps_the_rule(practice.most_confident_mistakes, P, y,
                                   data.draw(maybe(st.integers(1, 5), COUNTS)))
    if mistakes is not None:
        assert (mistakes < m).all()


@FEW
@given(m=st.integers(0, 3), data=st.data())
def test_plot_digits(m, data):
    X = data.draw(near((4, m)))
    titles = data.draw(maybe(st.just(["a"] * m), st.one_of(ODD_VALUES, st.just([]))))
    try:
        call_keeps_the_rule(practice.plot_digits, X, titles, 2,
                            data.draw(maybe(st.integers(1, 3), COUNTS)))
    finally:
        plt.close("all")


@FUZZ
@given(layer_dims=st.one_of(st.lists(st.integers(-1, 3), max_size=3), ODD_VALUES))
def test_practice_weights(layer_dims):
    call_keeps_the_rule(practice.practice_weights, layer_dims)


@FUZZ
@given(n_x=SIDES, n_h=SIDES, m=EXAMPLES, data=st.data())
def test_shallow(n_x, n_h, m, data):
    X = data.draw(near((n_x, m)))
    params = data.draw(maybe(st.fixed_dictionaries({
        "W1": near((n_h, n_x)), "b1": near((n_h, 1)), "W2": near((1, n_h)),
        "b2": near((1, 1))})))
    y = data.draw(labels(m, 2))
    result = call_on_the_hot_path(shallow.shallow_forward, X, params)
    cache = result[1] if result is not None else data.draw(ODD_VALUES)
    call_on_the_hot_path(shallow.shallow_cost, cache, y)
    call_on_the_hot_path(shallow.shallow_backward, X, y, params, cache)
    call_on_the_hot_path(shallow.predict_shallow, X, params)
    trained = call_on_the_hot_path(shallow.train_shallow, X, y, params,
                                   data.draw(maybe(st.just(0.5), NUMBERS)),
                                   data.draw(maybe(st.integers(1, 3), COUNTS)))
    if trained is not None:
        assert trained[0].keys() == params.keys()


@FUZZ
@given(m=EXAMPLES, data=st.data())
def test_split_columns(m, data):
    X, y = data.draw(near((2, m))), data.draw(labels(m, 2))
    call_keeps_the_rule(course_data.split_columns, X, y,
                        data.draw(maybe(st.just(0.5), NUMBERS)),
                        data.draw(maybe(st.integers(0, 3), SEEDS)))


@FUZZ
@given(m=maybe(st.integers(2, 20), COUNTS), petals=maybe(st.integers(1, 4), COUNTS),
       noise=maybe(st.just(0.2), NUMBERS), seed=maybe(st.integers(0, 3), SEEDS))
def test_make_flower(m, petals, noise, seed):
    result = call_keeps_the_rule(course_data.make_flower, m, petals, noise, seed)
    if result is not None:
        assert result[0].shape == (2, m) and result[1].shape == (m,)


@FEW
@given(m=st.integers(0, 4), data=st.data())
def test_plot_decision_boundary(m, data):
    X, y = data.draw(near((2, m))), data.draw(labels(m, 3))
    predict = data.draw(st.sampled_from([lambda P: (P[0] > 0).astype(int), "not a function"]))
    fig, ax = plt.subplots()
    try:
        call_keeps_the_rule(plotting.plot_decision_boundary, predict, X, y, ax=ax,
                            resolution=data.draw(maybe(st.just(5), COUNTS)))
    finally:
        plt.close(fig)


@FEW
@given(data=st.data())
def test_plot_learning_curves(data):
    history = data.draw(maybe(st.fixed_dictionaries({
        "loss": st.lists(st.floats(0, 3), min_size=1, max_size=3),
        "train_acc": st.lists(st.floats(0, 1), max_size=3),
        "val_loss": st.lists(st.floats(0, 3), max_size=3),
        "val_acc": st.lists(st.floats(0, 1), max_size=3)}), st.one_of(
        ODD_VALUES, st.just({}), st.just({"loss": [1.0]}))))
    fig, axes = plt.subplots(1, 2)
    try:
        call_keeps_the_rule(plotting.plot_learning_curves, history, axes=axes,
                            log=data.draw(maybe(st.booleans())))
    finally:
        plt.close(fig)


@FUZZ
@given(shape=st.tuples(SIDES, SIDES), data=st.data())
def test_numerical_gradient_array(shape, data):
    x = data.draw(near(shape))
    dout = data.draw(near(shape))
    call_on_the_hot_path(numerical_gradient_array, np.tanh, x, dout,
                         data.draw(maybe(st.just(1e-5), NUMBERS)))
