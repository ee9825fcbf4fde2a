"""Fuzzing the classifiers of section 1 with hypothesis: fit, train, partial_fit, predict, score.

The rule of tests/fuzz_rules.py holds for every call; besides, a call that raises leaves
the model as it was (every knob is checked before anything changes), and a call that
returns leaves finite weights and predicts only the model's own labels.
"""
import copy

import numpy as np
import pytest
from fuzz_rules import (
    COUNTS,
    FEW,
    FLOATS,
    FUZZ,
    ODD_VALUES,
    array_likes,
    call_keeps_the_rule,
)
from hypothesis import given
from hypothesis import strategies as st

from utils import AdalineGD, AdalineSGD, LogisticRegressionGD, Perceptron

CLASSES = [Perceptron, AdalineGD, AdalineSGD, LogisticRegressionGD]
RATES = st.one_of(st.sampled_from([1e-4, 0.01, 0.5, 10.0, 1e150, 1e308]), FLOATS, ODD_VALUES,
                  st.integers(-2, 3))
EPOCHS = st.one_of(st.integers(1, 4), COUNTS)
BOOLS = st.sampled_from([True, False, np.True_, 0, 1, None, "yes"])
SEEDS = st.one_of(st.none(), st.integers(-1, 2**32), st.sampled_from([1.5, "1", np.int64(3)]))


def knobs(cls):
    """The constructor's parameters, drawn from good and bad values alike."""
    rate = "eta" if cls is Perceptron else "alpha"
    params = {rate: RATES, "epochs": EPOCHS}
    if cls is AdalineSGD:
        params |= {"batch_size": COUNTS, "shuffle": BOOLS, "random_state": SEEDS}
    return st.fixed_dictionaries(params)


def labels(cls):
    """Labels in the model's encoding, in another, or anything at all."""
    good = list(cls.classes)
    return st.one_of(
        st.lists(st.sampled_from(good), min_size=1, max_size=6),
        st.lists(st.sampled_from(good).map(float), min_size=1, max_size=6),
        st.lists(st.sampled_from(good), min_size=1, max_size=6).map(
            lambda y: np.array(y, dtype=object)),
        array_likes(max_dims=2),
    )


def state(model):
    """Copies of what training learned (names ending in _), the parameters themselves."""
    return {k: copy.deepcopy(v) if k.endswith("_") else v for k, v in vars(model).items()}


def assert_same_state(model, before):
    after = vars(model)
    assert after.keys() == before.keys(), set(after) ^ set(before)
    for name, value in before.items():
        if isinstance(value, np.random.Generator):
            assert after[name].bit_generator.state == value.bit_generator.state
        elif isinstance(value, np.ndarray | list) and name.endswith("_"):
            np.testing.assert_array_equal(after[name], value, err_msg=name)
        else:  # a constructor parameter, as given (possibly not a number at all)
            assert after[name] is value, name


def check_trained(model, X):
    assert np.isfinite(model.w_).all() and np.isfinite(getattr(model, "b_", 0.0))
    X = np.asarray(X, dtype=float)
    predicted = call_keeps_the_rule(model.predict, X)
    assert set(np.unique(predicted)) <= set(model.classes)


@FUZZ
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_fit_with_any_input(cls, data):
    model = cls(**data.draw(knobs(cls)))
    X, y = data.draw(array_likes(max_dims=3)), data.draw(labels(cls))
    before = state(model)
    if call_keeps_the_rule(model.fit, X, y) is None:
        assert_same_state(model, before)
    else:
        check_trained(model, X)


@FEW
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@given(data=st.data(), scale=st.sampled_from([1e-300, 1.0, 1e10, 1e150, 1e300]),
       n=st.integers(2, 8), d=st.integers(1, 3))
def test_fit_on_well_formed_extreme_data(cls, data, scale, n, d):
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    X = scale * rng.normal(size=(n, d))
    y = np.array(cls.classes)[np.arange(n) % 2]
    rate = "eta" if cls is Perceptron else "alpha"
    model = cls(**{rate: data.draw(st.sampled_from([1e-3, 0.1, 10.0, 1e308])), "epochs": 4})
    assert call_keeps_the_rule(model.fit, X, y) is model
    check_trained(model, X)
    assert 0.0 <= call_keeps_the_rule(model.score, X, y) <= 1.0


@FUZZ
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@given(X=array_likes(max_dims=3), y=st.one_of(array_likes(max_dims=2), st.just([1, 0])))
def test_predict_and_score_of_a_trained_model(cls, X, y):
    model = cls(epochs=2).fit([[0.0, 1.0], [1.0, 0.0]], list(cls.classes))
    before = state(model)
    predicted = call_keeps_the_rule(model.predict, X)
    if predicted is not None:
        assert set(np.unique(predicted)) <= set(model.classes)
    score = call_keeps_the_rule(model.score, X, y)
    if score is not None:
        assert 0.0 <= score <= 1.0
    assert_same_state(model, before)


@FUZZ
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_a_failed_refit_keeps_the_trained_model(cls, data):
    model = cls(epochs=2).fit([[0.0, 1.0], [1.0, 0.0]], list(cls.classes))
    model.set_params(**data.draw(knobs(cls)))
    X, y = data.draw(array_likes(max_dims=3)), data.draw(labels(cls))
    before = state(model)
    if call_keeps_the_rule(model.fit, X, y) is None:
        assert_same_state(model, before)


@FUZZ
@given(data=st.data())
def test_partial_fit_with_any_input(data):
    model = AdalineSGD(**data.draw(knobs(AdalineSGD)))
    for _ in range(2):
        X, y = data.draw(array_likes(max_dims=3)), data.draw(labels(AdalineSGD))
        classes = data.draw(st.one_of(st.none(), st.just([-1, 1]), array_likes(max_dims=1)))
        before = state(model)
        if call_keeps_the_rule(model.partial_fit, X, y, classes=classes) is None:
            assert_same_state(model, before)
        else:
            check_trained(model, X)


@FEW
@given(data=st.data())
def test_train_continuing_from_learned_weights(data):
    model = AdalineSGD(**data.draw(knobs(AdalineSGD)))
    X, y = data.draw(array_likes(max_dims=3)), data.draw(labels(AdalineSGD))
    before = state(model)
    if call_keeps_the_rule(model.train, X, y, reinitialize_weights=False) is None:
        assert_same_state(model, before)
    else:
        check_trained(model, X)
