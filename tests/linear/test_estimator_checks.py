"""scikit-learn's own estimator checks, run on every classifier of section 1.

The classifiers are binary on purpose (one neuron, one threshold), and each declares its
label encoding: -1 and +1 for the perceptron and the Adalines, as on the slides, 0 and 1
for logistic regression. ``__sklearn_tags__`` declares the first (``multi_class=False``);
no tag can declare the second, so the checks that train on other labels are listed below
as expected failures, each with its reason. So that those checks still test everything
but the labels, they run a second time on the -1/+1 models behind a test-only adapter
that takes scikit-learn's labels 0/1 and hands the model -1/+1.
"""
import warnings

import numpy as np
import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from utils import AdalineGD, AdalineSGD, LogisticRegressionGD, Perceptron

# Checks that train on labels the model does not declare, and why that is the design.
NOT_ITS_LABELS = "trains on scikit-learn's binary labels 0/1; the model's labels are -1/+1"
OTHER_LABELS = "trains on labels other than the declared 0/1 (e.g. 1/2 or 0/1/2)"
STRING_LABELS = "trains on string labels; the course's models take numeric labels only"
COLUMN_Y = "wants a DataConversionWarning for y of shape (n_samples, 1); it is flattened silently"

PLUS_MINUS_ONE_CHECKS = [
    "check_classifier_data_not_an_array",
    "check_classifiers_train",
    "check_dict_unchanged",
    "check_dont_overwrite_parameters",
    "check_dtype_object",
    "check_estimators_dtypes",
    "check_estimators_fit_returns_self",
    "check_estimators_nan_inf",
    "check_estimators_overwrite_params",
    "check_estimators_pickle",
    "check_f_contiguous_array_estimator",
    "check_fit2d_1feature",
    "check_fit2d_predict1d",
    "check_fit_check_is_fitted",
    "check_fit_idempotent",
    "check_fit_score_takes_y",
    "check_methods_sample_order_invariance",
    "check_methods_subset_invariance",
    "check_n_features_in",
    "check_n_features_in_after_fitting",
    "check_pipeline_consistency",
    "check_positive_only_tag_during_fit",
    "check_readonly_memmap_input",
]


def expected_failed_checks(model):
    if isinstance(model, LogisticRegressionGD | ZeroOneLabels):
        failing = {
            "check_classifier_data_not_an_array": OTHER_LABELS,
            "check_estimators_dtypes": OTHER_LABELS,
            "check_fit2d_1feature": OTHER_LABELS,
        }
    else:
        failing = dict.fromkeys(PLUS_MINUS_ONE_CHECKS, NOT_ITS_LABELS)
        if isinstance(model, AdalineSGD):
            failing["check_estimators_partial_fit_n_features"] = NOT_ITS_LABELS
    return failing | {"check_classifiers_classes": STRING_LABELS, "check_supervised_y_2d": COLUMN_Y}


class ZeroOneLabels:
    """Test-only: mixed into a -1/+1 model, it takes labels 0/1 and predicts 0/1."""

    def fit(self, X, y):
        super().fit(X, plus_minus_one(y))
        self.classes_ = np.array([0, 1])
        return self

    def predict(self, X):
        return (super().predict(X) + 1) // 2

    def score(self, X, y):
        return super().score(X, plus_minus_one(y))


def plus_minus_one(y):
    """Labels 0 and 1 as -1 and +1; other values pass unchanged, for the model to reject."""
    if y is None:
        return y
    y = np.asarray(y)
    return np.where(y == 0, -1, y)


class Perceptron01(ZeroOneLabels, Perceptron):
    pass


class AdalineGD01(ZeroOneLabels, AdalineGD):
    pass


class AdalineSGD01(ZeroOneLabels, AdalineSGD):
    def partial_fit(self, X, y, classes=None):
        super().partial_fit(X, plus_minus_one(y))
        self.classes_ = np.array([0, 1])
        return self


# Adaline sums its gradient over the samples, as on the slides, so the learning rate
# suits the checks' few hundred standardised samples when it is 0.001 rather than 0.01.
MODELS = [
    Perceptron(),
    AdalineGD(alpha=0.001),
    AdalineSGD(alpha=0.001, shuffle=True, random_state=0),
    LogisticRegressionGD(),
    Perceptron01(),
    AdalineGD01(alpha=0.001),
    AdalineSGD01(alpha=0.001, shuffle=True, random_state=0),
]


with warnings.catch_warnings():
    # The models implement BaseEstimator's interface without inheriting from it, so that
    # `import utils` does not import scikit-learn; the checks below prove the interface.
    warnings.filterwarnings("ignore", "Estimator .* does not inherit from", UserWarning)
    CHECKS = parametrize_with_checks(MODELS, expected_failed_checks=expected_failed_checks)


# The checks train with default learning rates on unscaled data, where the cost may grow:
# the DivergenceWarning says so, and tests/linear/test_divergence.py tests it.
@pytest.mark.filterwarnings("ignore::utils.validation.DivergenceWarning")
@CHECKS
def test_sklearn_estimator_checks(estimator, check):
    check(estimator)
