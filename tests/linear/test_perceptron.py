import numpy as np
from mlxtend.classifier import Perceptron as MlxtendPerceptron
from sklearn.linear_model import Perceptron as SklearnPerceptron

from slide_code import SlidePerceptron
from utils import Perceptron, unit_step


def test_lecture_result_no_updates_from_the_sixth_epoch(iris):
    X, y = iris
    ppn = Perceptron(eta=0.1, epochs=10).train(X, y)
    assert ppn.errors_[4] > 0
    assert ppn.errors_[5:] == [0] * 5
    assert ppn.score(X, y) == 1.0


def test_same_weights_and_updates_as_the_slides_code(iris):
    X, y = iris
    ours = Perceptron(eta=0.1, epochs=10).train(X, y)
    slides = SlidePerceptron(eta=0.1, epochs=10).train(X, y)
    np.testing.assert_array_equal(ours.w_, slides.w_)
    assert ours.errors_ == slides.errors_


def test_same_weights_as_mlxtend_in_the_same_sample_order(iris):
    # mlxtend shuffles every epoch with RandomState(seed) and takes labels 0/1; its update
    # eta * (y - yhat) with y, yhat in {-1, 1} is ours. Feed ours the same order.
    X, y = iris
    seed, epochs = 3, 6
    mlx = MlxtendPerceptron(eta=0.1, epochs=epochs, random_seed=seed)
    mlx.w_, mlx.b_, mlx.cost_ = np.zeros((2, 1)), np.zeros(1), []
    mlx.fit(X, np.where(y == 1, 1, 0), init_params=False)

    rgen = np.random.RandomState(seed)
    order = np.concatenate([rgen.permutation(len(y)) for _ in range(epochs)])
    ours = Perceptron(eta=0.1, epochs=1).train(X[order], y[order])
    np.testing.assert_allclose(ours.w_[1:], mlx.w_.ravel(), atol=1e-12)
    np.testing.assert_allclose(ours.w_[0], mlx.b_[0], atol=1e-12)


def test_separates_iris_like_sklearn(iris):
    X, y = iris
    sk = SklearnPerceptron(eta0=0.1, max_iter=10, tol=None, shuffle=False).fit(X, y)
    ours = Perceptron(eta=0.1, epochs=10).train(X, y)
    np.testing.assert_array_equal(ours.predict(X), sk.predict(X))


def test_unit_step_threshold_is_inclusive():
    np.testing.assert_array_equal(unit_step(np.array([-1e-9, 0.0, 2.0])), [-1, 1, 1])
