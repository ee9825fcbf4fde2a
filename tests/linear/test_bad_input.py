"""Every bad input gets a ValueError or TypeError that names the problem."""
import numpy as np
import pytest

from utils import AdalineGD, AdalineSGD, LogisticRegressionGD, Perceptron, propagate
from utils.validation import NotFittedError

X_OK = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 3.0]])
Y_PM = np.array([-1, -1, 1, 1])
Y_01 = np.array([0, 0, 1, 1])
CLASSES = [Perceptron, AdalineGD, AdalineSGD, LogisticRegressionGD]


def good_y(cls):
    return Y_01 if cls is LogisticRegressionGD else Y_PM


def wrong_encoding(cls):
    return Y_PM if cls is LogisticRegressionGD else Y_01


@pytest.fixture(params=CLASSES, ids=lambda c: c.__name__)
def cls(request):
    return request.param


@pytest.mark.parametrize(
    "X, error, message",
    [
        (X_OK[:, 0], ValueError, r"2-D array of shape \(n_samples, n_features\).*reshape"),
        (X_OK[None], ValueError, "2-D array"),
        (X_OK[:3], ValueError, "different lengths: X has 3 samples, y has 4"),
        (np.where(X_OK == 3.0, np.nan, X_OK), ValueError, "NaN or infinity"),
        (np.where(X_OK == 3.0, np.inf, X_OK), ValueError, "NaN or infinity"),
        ([["a", "b"]] * 4, TypeError, "numbers only"),
    ],
    ids=["1-D", "3-D", "lengths", "nan", "inf", "strings"],
)
def test_bad_X(cls, X, error, message):
    with pytest.raises(error, match=message):
        cls().train(X, good_y(cls))


def test_labels_in_the_wrong_encoding_name_the_expected_one(cls):
    expected = "0 and 1" if cls is LogisticRegressionGD else "-1 and 1"
    with pytest.raises(ValueError, match=f"only the labels {expected}"):
        cls().train(X_OK, wrong_encoding(cls))


def test_string_labels_say_how_to_encode(cls):
    with pytest.raises(TypeError, match="Encode the labels first"):
        cls().train(X_OK, np.array(["Iris-setosa"] * 2 + ["Iris-versicolor"] * 2))


def test_one_class_only(cls):
    with pytest.raises(ValueError, match="every class"):
        cls().train(X_OK, np.ones(4))


def test_y_of_the_wrong_shape(cls):
    with pytest.raises(ValueError, match="1-D array of shape"):
        cls().train(X_OK, np.ones((2, 2)))


@pytest.mark.parametrize("rate, error", [(0.0, ValueError), (-0.1, ValueError),
                                         (float("nan"), ValueError), ("0.1", TypeError)])
def test_learning_rate_must_be_positive(cls, rate, error):
    name = "eta" if cls is Perceptron else "alpha"
    with pytest.raises(error, match=f"{name} must be a positive number"):
        cls(**{name: rate}).train(X_OK, good_y(cls))


@pytest.mark.parametrize("epochs, error", [(0, ValueError), (-3, ValueError), (2.5, TypeError)])
def test_epochs_must_be_at_least_one(cls, epochs, error):
    with pytest.raises(error, match="epochs must be"):
        cls(epochs=epochs).train(X_OK, good_y(cls))


def test_predict_before_training(cls):
    with pytest.raises(NotFittedError, match="not trained yet.*train"):
        cls().predict(X_OK)
    # as scikit-learn's NotFittedError: code written for scikit-learn catches it too
    assert issubclass(NotFittedError, ValueError) and issubclass(NotFittedError, AttributeError)


def test_net_input_before_training(cls):
    """The slide's net_input reads w_: before training, NotFittedError, not AttributeError."""
    with pytest.raises(NotFittedError, match="not trained yet.*train"):
        cls().net_input(X_OK)
    assert not hasattr(cls(), "w_")


@pytest.mark.parametrize("X", [[["1.5", "2"], ["0", "1"]], np.array([[1.0, "2"]], dtype=object),
                               np.array([[b"1", b"2"]])], ids=["str", "object", "bytes"])
def test_numbers_written_as_text_are_refused(cls, X):
    y = good_y(cls)[:len(X)]
    with pytest.raises(TypeError, match="X must hold numbers only, not text"):
        cls().train(X, y)
    trained = cls(epochs=1).train(X_OK, good_y(cls))
    with pytest.raises(TypeError, match="X must hold numbers only, not text"):
        trained.predict(X)


def test_feature_count_differs_from_training(cls):
    model = cls(epochs=2).train(X_OK, good_y(cls))
    with pytest.raises(ValueError, match="X has 3 features, but \\w+ is expecting 2 features"):
        model.predict(np.ones((2, 3)))


def test_predict_one_sample_needs_2d(cls):
    model = cls(epochs=2).train(X_OK, good_y(cls))
    with pytest.raises(ValueError, match="reshape"):
        model.predict(X_OK[0])
    assert model.predict(X_OK[0].reshape(1, -1)).shape == (1,)


@pytest.mark.parametrize("batch_size, error", [(0, ValueError), (1.5, TypeError)])
def test_batch_size_must_be_a_positive_integer(batch_size, error):
    with pytest.raises(error, match="batch_size must be"):
        AdalineSGD(batch_size=batch_size).train(X_OK, Y_PM)


def test_partial_fit_with_a_different_feature_count():
    model = AdalineSGD().partial_fit(X_OK, Y_PM)
    with pytest.raises(ValueError, match="X has 3 features, but \\w+ is expecting 2 features"):
        model.partial_fit(np.ones((2, 3)), [1, -1])


@pytest.mark.parametrize(
    "w, X, Y, message",
    [
        (np.zeros(3), np.zeros((2, 5)), np.zeros(5), r"w must have shape \(n_x,\) = \(2,\)"),
        (np.zeros(2), np.zeros((2, 5)), np.zeros(4), r"Y must have shape \(m,\) = \(5,\)"),
        (np.zeros(2), np.zeros(5), np.zeros(5), r"2-D array of shape \(n_x, m\)"),
    ],
)
def test_propagate_shapes(w, X, Y, message):
    with pytest.raises(ValueError, match=message):
        propagate(w, 0.0, X, Y)


def test_object_dtype_labels_holding_valid_numbers_are_accepted(cls):
    # pandas 3's Series.replace returns such an array: object dtype, values -1 and 1.
    y = good_y(cls).astype(object)
    np.testing.assert_array_equal(cls(epochs=2).fit(X_OK, y).predict(X_OK).shape, (4,))


def test_complex_X_is_refused_not_cast_to_real(cls):
    with pytest.raises(ValueError, match="complex"):
        cls().fit(X_OK + 1j, good_y(cls))


def test_sparse_X_says_so():
    from scipy.sparse import csr_matrix

    with pytest.raises(TypeError, match=r"sparse matrix.*toarray\(\)"):
        Perceptron().fit(csr_matrix(X_OK), Y_PM)


def test_numbers_too_large_for_float64_and_fractions_name_the_problem():
    from fractions import Fraction

    with pytest.raises(ValueError, match="too large for float64"):
        Perceptron().fit([[10**400, 1.0]] * 4, Y_PM)
    with pytest.raises(TypeError, match="eta must be a positive number"):
        Perceptron(eta=Fraction(1, 100)).fit(X_OK, Y_PM)
    with pytest.raises(ValueError, match="alpha must be a positive number"):
        AdalineGD(alpha=10**400).fit(X_OK, Y_PM)


def test_a_bad_random_state_changes_nothing():
    model = AdalineSGD(random_state=1.5)
    with pytest.raises(TypeError, match="random_state"):
        model.fit(X_OK, Y_PM)
    with pytest.raises(NotFittedError):
        model.predict(X_OK)


def test_score_checks_the_labels(cls):
    model = cls(epochs=2).fit(X_OK, good_y(cls))
    with pytest.raises(ValueError, match="only the labels"):
        model.score(X_OK, wrong_encoding(cls))
    with pytest.raises(ValueError, match="different lengths"):
        model.score(X_OK, good_y(cls)[:3])


def test_partial_fit_takes_classes_as_scikit_learn_passes_them():
    model = AdalineSGD().partial_fit(X_OK, Y_PM, classes=[-1, 1])
    assert model.w_.shape == (3,)
    with pytest.raises(ValueError, match="only the labels -1 and 1"):
        AdalineSGD().partial_fit(X_OK, Y_PM, classes=[0, 1])
    with pytest.raises(ValueError, match="classes must be the labels"):
        AdalineSGD().partial_fit(X_OK, Y_PM, classes=[1])


def test_labels_beyond_two_classes_are_declared_by_the_model():
    from utils.validation import validate_X_y

    X, y = validate_X_y(np.ones((3, 2)), [0, 2, 1], classes=range(3))
    np.testing.assert_array_equal(y, [0.0, 2.0, 1.0])
    with pytest.raises(ValueError, match="0, 1 and 2; got also \\[3\\]"):
        validate_X_y(np.ones((3, 2)), [0, 3, 1], classes=range(3))
