import numpy as np
import pytest
from mlxtend.classifier import Adaline as MlxtendAdaline

from slide_code import SlideAdalineGD, SlideAdalineSGD
from utils import AdalineGD, AdalineSGD
from utils.validation import DivergenceWarning


def least_squares(X, y):
    """The minimiser of SSE/2 in closed form: [w_0, w_1, ...] solving the normal equations."""
    Xb = np.column_stack([np.ones(len(X)), X])
    return np.linalg.lstsq(Xb, y, rcond=None)[0]


def mlxtend_adaline(X, y, eta, epochs, minibatches, seed=0):
    """mlxtend's Adaline started from zero weights, as ours starts (labels 0/1 there)."""
    mlx = MlxtendAdaline(eta=eta, epochs=epochs, minibatches=minibatches, random_seed=seed)
    mlx.w_, mlx.b_, mlx.cost_ = np.zeros((X.shape[1], 1)), np.zeros(1), []
    return mlx.fit(X, np.where(y == 1, 1, 0), init_params=False)


def test_gd_same_weights_and_cost_as_the_slides_code(iris):
    X, y = iris
    ours = AdalineGD(alpha=0.0001, epochs=20).train(X, y)
    slides = SlideAdalineGD(alpha=0.0001, epochs=20).train(X, y)
    np.testing.assert_array_equal(ours.w_, slides.w_)
    # the slide records the cost before each update; cost_ adds that of the final weights
    np.testing.assert_array_equal(ours.cost_[:-1], slides.cost_)


def test_gd_same_weights_as_mlxtend_batch_gradient_descent(iris_std):
    X, y = iris_std
    ours = AdalineGD(alpha=0.01, epochs=15).train(X, y)
    mlx = mlxtend_adaline(X, y, eta=0.01, epochs=15, minibatches=1)
    np.testing.assert_allclose(ours.w_, np.r_[mlx.b_, mlx.w_.ravel()], rtol=1e-12, atol=1e-12)


def test_gd_converges_to_the_least_squares_solution(iris_std):
    X, y = iris_std
    ada = AdalineGD(alpha=0.005, epochs=500).train(X, y)
    np.testing.assert_allclose(ada.w_, least_squares(X, y), atol=1e-8)
    assert np.all(np.diff(ada.cost_) <= 1e-12)


def test_gd_too_large_alpha_grows_with_one_divergence_warning(iris):
    X, y = iris
    with pytest.warns(DivergenceWarning, match="cost grew from 50 to ") as record:
        ada = AdalineGD(alpha=0.01, epochs=10).train(X, y)
    assert len(record) == 1 and len(ada.cost_) == 11
    assert np.all(np.diff(ada.cost_) > 0) and ada.cost_[-1] > 1e20


def test_gd_overflow_stops_with_one_clear_warning(iris):
    X, y = iris
    with pytest.warns(DivergenceWarning) as record:
        ada = AdalineGD(alpha=0.01, epochs=1000).train(X, y)
    assert len(record) == 1
    assert "diverged" in str(record[0].message) and "smaller alpha" in str(record[0].message)
    assert ada.cost_[-1] == np.inf and np.isfinite(ada.cost_[:-1]).all()
    assert len(ada.cost_) < 1000
    assert set(np.unique(ada.predict(X))) <= {-1, 1}


def test_sgd_same_weights_and_cost_as_the_slides_code(iris_std):
    X, y = iris_std
    ours = AdalineSGD(alpha=0.01, epochs=15).train(X, y)
    slides = SlideAdalineSGD(alpha=0.01, epochs=15).train(X, y)
    np.testing.assert_allclose(ours.w_, slides.w_, rtol=1e-13)
    # the slide records the cost after each epoch; cost_[0] is that of the zero weights
    np.testing.assert_allclose(ours.cost_[1:], slides.cost_, rtol=1e-13)


def test_sgd_same_weights_as_mlxtend_per_sample_updates(iris_std):
    # mlxtend visits the samples in the order RandomState(seed).permutation gives each epoch.
    X, y = iris_std
    seed, epochs = 1, 5
    mlx = mlxtend_adaline(X, y, eta=0.01, epochs=epochs, minibatches=len(y), seed=seed)
    ours = AdalineSGD(alpha=0.01, epochs=1)
    rgen = np.random.RandomState(seed)
    for _ in range(epochs):
        order = rgen.permutation(len(y))
        ours.partial_fit(X[order], y[order])
    np.testing.assert_allclose(ours.w_, np.r_[mlx.b_, mlx.w_.ravel()], rtol=1e-12)


def test_sgd_full_batch_takes_the_same_steps_as_gd(iris_std):
    X, y = iris_std
    sgd = AdalineSGD(alpha=0.01, epochs=15, batch_size=len(y)).train(X, y)
    gd = AdalineGD(alpha=0.01, epochs=15).train(X, y)
    np.testing.assert_allclose(sgd.w_, gd.w_, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(sgd.cost_, gd.cost_, rtol=1e-12)


@pytest.mark.parametrize("batch_size", [None, 100])
def test_cost_after_each_epoch_as_mlxtend_records_it(iris_std, batch_size):
    # mlxtend appends the cost after each epoch's updates; cost_[0] is the zero weights'.
    X, y = iris_std
    mlx = mlxtend_adaline(X, y, eta=0.01, epochs=5, minibatches=1)
    if batch_size is None:
        ours = AdalineGD(alpha=0.01, epochs=5).train(X, y)
    else:
        ours = AdalineSGD(alpha=0.01, epochs=5, batch_size=batch_size).train(X, y)
        mlx = mlxtend_adaline(X, y, eta=0.01, epochs=5, minibatches=len(y) // batch_size)
    assert len(ours.cost_) == 6 and ours.cost_[0] == 0.5 * len(y)
    np.testing.assert_allclose(ours.cost_[1:], mlx.cost_, rtol=1e-12)


@pytest.mark.parametrize("batch_size", [1, 10, 32])
def test_sgd_and_minibatch_approach_the_least_squares_solution(iris_std, batch_size):
    # With a small fixed alpha, SGD hovers near the minimiser: within a few hundredths.
    X, y = iris_std
    ada = AdalineSGD(alpha=0.001, epochs=200, batch_size=batch_size, shuffle=True,
                     random_state=0).train(X, y)
    np.testing.assert_allclose(ada.w_, least_squares(X, y), atol=0.02)


def test_shuffle_is_reproducible_with_a_seed_and_changes_the_order(iris_std):
    X, y = iris_std
    a = AdalineSGD(epochs=3, shuffle=True, random_state=7).train(X, y)
    b = AdalineSGD(epochs=3, shuffle=True, random_state=7).train(X, y)
    c = AdalineSGD(epochs=3, shuffle=True, random_state=8).train(X, y)
    d = AdalineSGD(epochs=3, shuffle=False).train(X, y)
    np.testing.assert_array_equal(a.w_, b.w_)
    assert not np.allclose(a.w_, c.w_) and not np.allclose(a.w_, d.w_)


def test_partial_fit_is_online_learning_one_sample_at_a_time(iris_std):
    X, y = iris_std
    online = AdalineSGD(alpha=0.01)
    for xi, target in zip(X, y):
        online.partial_fit(xi.reshape(1, -1), [target])
    one_epoch = AdalineSGD(alpha=0.01, epochs=1).train(X, y)
    np.testing.assert_allclose(online.w_, one_epoch.w_, rtol=1e-13)


def test_train_can_continue_from_the_learned_weights(iris_std):
    X, y = iris_std
    twice = AdalineSGD(alpha=0.01, epochs=5).train(X, y)
    twice.train(X, y, reinitialize_weights=False)
    once = AdalineSGD(alpha=0.01, epochs=10).train(X, y)
    np.testing.assert_allclose(twice.w_, once.w_, rtol=1e-13)
    assert len(twice.cost_) == 11
    np.testing.assert_allclose(twice.cost_, once.cost_, rtol=1e-13)


def test_continuing_a_model_that_never_trained_cannot_restart_from_zero(iris_std):
    X, y = iris_std
    with pytest.raises(ValueError, match="has none yet"):
        AdalineSGD(alpha=0.01, epochs=1).train(X, y, reinitialize_weights=False)
