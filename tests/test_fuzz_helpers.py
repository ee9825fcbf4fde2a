"""Fuzzing the helpers of section 1 with hypothesis: the rule of tests/fuzz_rules.py holds."""
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
)
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import expit

from utils import (
    best_time,
    logistic_loss,
    numerical_gradient,
    plot_cost,
    propagate,
    propagate_one_loop,
    propagate_two_loops,
    relative_error,
    sigmoid,
    standardize,
    unit_step,
)

PROPAGATES = [propagate, propagate_one_loop, propagate_two_loops]


@FUZZ
@given(array_likes())
def test_standardize(X):
    Z = call_keeps_the_rule(standardize, X)
    if Z is not None:
        np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-9)
        np.testing.assert_allclose(Z.std(axis=0), 1, rtol=1e-9)


def test_standardize_known_defects():
    with pytest.raises(ValueError, match="constant"):
        standardize(np.full((7, 2), 0.1) + [0.0, 1.0] * np.arange(7)[:, None])
    Z = standardize([[1e308, 1.0], [-1e308, 2.0]])
    np.testing.assert_array_equal(Z, [[1.0, -1.0], [-1.0, 1.0]])


@FUZZ
@given(array_likes())
def test_sigmoid(z):
    a = call_keeps_the_rule(sigmoid, z)
    if a is not None:
        np.testing.assert_allclose(a, expit(np.asarray(z, dtype=float)), rtol=1e-15)


@FUZZ
@given(array_likes(), st.one_of(array_likes(), st.sampled_from([0, 1, 0.0, 1.0])))
def test_logistic_loss(z, y):
    loss = call_keeps_the_rule(logistic_loss, z, y)
    if loss is not None:
        assert (loss >= 0).all()


def test_logistic_loss_known_defects():
    with pytest.raises(ValueError, match="labels 0 and 1"):
        logistic_loss(1.0, 2)
    with pytest.raises(ValueError, match="shape"):
        logistic_loss([1.0, 2.0], [0.0, 1.0, 1.0])
    assert logistic_loss(np.inf, 0) == np.inf and logistic_loss(np.inf, 1) == 0
    # for y = 1 the loss is exact at large z: log(1 + e^-z), about e^-z
    for z in (20.0, 36.0, 40.0, 700.0):
        assert logistic_loss(z, 1) == pytest.approx(np.exp(-z), rel=1e-12)
        assert logistic_loss(z, 1) == logistic_loss(-z, 0)


@FUZZ
@given(array_likes())
def test_unit_step(z):
    g = call_keeps_the_rule(unit_step, z)
    if g is not None:
        assert set(np.unique(g)) <= {-1, 1}


def test_unit_step_takes_a_list():
    np.testing.assert_array_equal(unit_step([1.0, -1.0]), [1, -1])


@FUZZ
@pytest.mark.parametrize("fn", PROPAGATES, ids=lambda f: f.__name__)
@given(w=array_likes(max_dims=1), b=st.one_of(FLOATS, ODD_VALUES, arrays(max_dims=1)),
       X=array_likes(max_dims=2), Y=array_likes(max_dims=1))
def test_propagate(fn, w, b, X, Y):
    result = call_keeps_the_rule(fn, w, b, X, Y)
    if result is not None:
        J, dw, db = result
        assert np.isfinite(J) and np.shape(dw) == np.shape(w) and np.ndim(db) == 0


@FUZZ
@pytest.mark.parametrize("fn", PROPAGATES, ids=lambda f: f.__name__)
@given(n_x=st.integers(1, 4), m=st.integers(1, 6), scale=st.sampled_from([1.0, 1e150, 1e300]),
       data=st.data())
def test_propagate_on_well_formed_extreme_inputs(fn, n_x, m, scale, data):
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    w, X = scale * rng.normal(size=n_x), rng.normal(size=(n_x, m))
    Y = rng.integers(0, 2, m).astype(float)
    call_keeps_the_rule(fn, w, np.array(0.5), X, Y)


@pytest.mark.parametrize("fn", PROPAGATES, ids=lambda f: f.__name__)
def test_propagate_known_defects(fn):
    with pytest.raises(ValueError, match="at least one example"):
        fn(np.zeros(2), 0.0, np.zeros((2, 0)), np.zeros(0))
    b = np.array(0.5)
    fn(np.ones(2), b, np.ones((2, 3)), np.ones(3))
    assert b == 0.5  # a caller's 0-d b is not changed in place


@FUZZ
@given(x=arrays(), h=st.one_of(FLOATS, ODD_VALUES), raises=st.booleans())
def test_numerical_gradient(x, h, raises):
    def f(v):
        if raises:
            raise KeyError("f fails")
        return float(np.sum(np.sin(v)))

    x_before = x.copy()
    try:
        grad = call_keeps_the_rule(numerical_gradient, f, x, h)
    except KeyError:
        grad = None  # f's own error, passed on
    np.testing.assert_array_equal(x, x_before)  # restored, also when f raised
    if grad is not None:
        assert grad.shape == x.shape


def test_numerical_gradient_known_defects():
    with pytest.raises(ValueError, match="h must be a positive"):
        numerical_gradient(np.sum, np.ones(2), h=0)
    with pytest.raises(TypeError, match="float16"):
        numerical_gradient(np.sum, np.ones(2, dtype=np.float16))
    x = np.ones(3)

    def fails(v):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        numerical_gradient(fails, x)
    np.testing.assert_array_equal(x, np.ones(3))


@FUZZ
@given(array_likes(), array_likes())
def test_relative_error(a, b):
    err = call_keeps_the_rule(relative_error, a, b)
    if err is not None:
        assert 0.0 <= err <= 1.0


def test_relative_error_known_defects():
    with pytest.raises(ValueError, match="same shape"):
        relative_error([1, 2, 3], [1])
    assert relative_error([1e308, -1e308], [1e308, -1e308]) == 0.0


@FEW
@given(cost=array_likes(max_dims=2), log=st.sampled_from([None, True, False]))
def test_plot_cost(cost, log):
    fig, ax = plt.subplots()
    try:
        call_keeps_the_rule(plot_cost, cost, ax=ax, log=log)
    finally:
        plt.close(fig)


def test_plot_cost_known_defects():
    fig, ax = plt.subplots()
    plot_cost([np.inf], ax=ax)
    with pytest.raises(ValueError, match="1-D"):
        plot_cost([[1.0, 2.0]], ax=ax)
    plt.close(fig)


@FUZZ
@given(repeat=COUNTS)
def test_best_time(repeat):
    seconds = call_keeps_the_rule(best_time, lambda: None, repeat=repeat)
    if seconds is not None:
        assert seconds >= 0


def test_best_time_known_defects():
    with pytest.raises(ValueError, match="repeat must be >= 1"):
        best_time(print, repeat=0)
