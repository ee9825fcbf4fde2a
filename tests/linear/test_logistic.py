import numpy as np
import pytest
from mlxtend.classifier import LogisticRegression as MlxtendLogisticRegression
from scipy.special import expit
from sklearn.linear_model import LogisticRegression as SklearnLogisticRegression

from utils import (
    LogisticRegressionGD,
    logistic_loss,
    numerical_gradient,
    propagate,
    propagate_one_loop,
    propagate_two_loops,
    read_iris,
    relative_error,
    sigmoid,
    standardize,
)

PROPAGATES = [propagate_two_loops, propagate_one_loop, propagate]


@pytest.fixture
def problem(rng):
    """The slides' shapes: w (n_x,), X (n_x, m), Y (m,)."""
    n_x, m = 4, 30
    return rng.normal(size=n_x), 0.3, rng.normal(size=(n_x, m)), rng.integers(0, 2, m).astype(float)


def test_sigmoid_matches_scipy_without_overflow():
    z = np.array([-1000.0, -40.0, -1.0, 0.0, 1e-3, 2.5, 40.0, 1000.0])
    np.testing.assert_allclose(sigmoid(z), expit(z), rtol=1e-15, atol=0)


def test_loss_is_the_slides_cross_entropy_and_finite_when_saturated():
    z = np.linspace(-8, 8, 33)
    for y in (0.0, 1.0):
        a = expit(z)
        np.testing.assert_allclose(logistic_loss(z, y), -(y * np.log(a) + (1 - y) * np.log(1 - a)),
                                   rtol=1e-12)
    assert logistic_loss(1000.0, 0.0) == pytest.approx(1000.0)
    assert logistic_loss(-1000.0, 1.0) == pytest.approx(1000.0)
    assert logistic_loss(1000.0, 1.0) == 0.0


def test_loop_one_loop_and_vectorized_gradients_agree(problem):
    results = [f(*problem) for f in PROPAGATES]
    for J, dw, db in results[1:]:
        assert J == pytest.approx(results[0][0], rel=1e-12)
        np.testing.assert_allclose(dw, results[0][1], rtol=1e-12)
        assert db == pytest.approx(results[0][2], rel=1e-12)


@pytest.mark.parametrize("propagate_fn", PROPAGATES)
def test_gradients_match_a_numerical_gradient(problem, propagate_fn):
    w, b, X, Y = problem
    _, dw, db = propagate_fn(w, b, X, Y)
    num_dw = numerical_gradient(lambda w_: propagate(w_, b, X, Y)[0], w.copy())
    num_db = numerical_gradient(lambda b_: propagate(w, b_[0], X, Y)[0], np.array([b]))
    assert relative_error(dw, num_dw) < 1e-7
    assert relative_error(db, num_db) < 1e-7


def test_numerical_gradient_against_a_known_derivative(rng):
    x = rng.normal(size=(3, 2))
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(v**3), x), 3 * x**2,
                               rtol=1e-8)


def test_same_weights_as_mlxtend_batch_gradient_descent(iris_std):
    # mlxtend sums the gradient over the examples; the slides average it (dw = X dZ^T / m).
    X, y = iris_std
    y01 = np.where(y == 1, 1, 0)
    ours = LogisticRegressionGD(alpha=0.5, epochs=30).train(X, y01)
    mlx = MlxtendLogisticRegression(eta=0.5 / len(y), epochs=30, minibatches=1)
    mlx.w_, mlx.b_, mlx.cost_ = np.zeros((2, 1)), np.zeros(1), []
    mlx.fit(X, y01, init_params=False)
    np.testing.assert_allclose(ours.w_, mlx.w_.ravel(), rtol=1e-10)
    assert ours.b_ == pytest.approx(mlx.b_[0], rel=1e-10, abs=1e-12)
    # both record the cost after each step; cost_[0] is that of the zero weights, log 2
    np.testing.assert_allclose(np.array(ours.cost_[1:]) * len(y), mlx.cost_, rtol=1e-10)
    assert ours.cost_[0] == pytest.approx(np.log(2))


def test_converges_to_sklearns_unpenalised_solution():
    # Versicolor against virginica overlap, so the unpenalised optimum is finite.
    df = read_iris()
    X = standardize(df.iloc[50:150, [0, 2]].values)
    y = np.where(df.iloc[50:150, 4] == "Iris-virginica", 1, 0)
    ours = LogisticRegressionGD(alpha=4.0, epochs=10000).train(X, y)
    sk = SklearnLogisticRegression(C=np.inf, tol=1e-12, max_iter=10000).fit(X, y)
    np.testing.assert_allclose(ours.w_, sk.coef_.ravel(), rtol=1e-6)
    assert ours.b_ == pytest.approx(sk.intercept_[0], rel=1e-6)
    np.testing.assert_allclose(ours.predict_proba(X), sk.predict_proba(X), atol=1e-7)
    np.testing.assert_array_equal(ours.predict(X), sk.predict(X))
    assert np.all(np.diff(ours.cost_) <= 1e-15)


def test_cost_stays_finite_when_the_sigmoid_saturates(iris_std):
    # Separable data and a huge alpha drive |z| far past 37, where a rounds to 0 or 1.
    X, y = iris_std
    model = LogisticRegressionGD(alpha=100.0, epochs=300).train(X, np.where(y == 1, 1, 0))
    assert np.abs(model.net_input(X)).max() > 40
    assert np.isfinite(model.cost_).all() and model.cost_[-1] < model.cost_[0] / 1000
