"""Helpers of the practice project (section 9): augmenting images by shifting them, the
mistakes a classifier is surest of, and a grid of digit images to look at.

Images are stored as the network reads them, one flattened side x side image per column
of X, shape (side * side, m), row after row of pixels (MNIST's order).
"""
import numbers
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from ..validation import validate_positive_int
from ._checks import check_float_matrix, check_labels
from .init import initialize_parameters


def shift_images(X, rows, cols, side=28):
    """Every image of X moved by ``rows`` pixels down and ``cols`` pixels right (negative:
    up, left); pixels moved in from outside are 0 (background). X : (side * side, m).

    Returns a new array of X's shape and dtype; X is not modified.
    """
    _check_shift_args(X, rows, cols, side)
    if max(abs(rows), abs(cols)) >= side:
        raise ValueError(f"a shift must be smaller than the image ({side} pixels); "
                         f"got rows={rows}, cols={cols}")
    images = X.reshape(side, side, -1)
    shifted = np.zeros_like(images)
    shifted[_target(rows), _target(cols)] = images[_source(rows), _source(cols)]
    return shifted.reshape(X.shape)


def _check_shift_args(X, rows, cols, side):
    validate_positive_int("side", side)
    check_float_matrix("X", X, rows=side * side, what=f"(side * side, m) = ({side * side}, m)")
    for name, value in (("rows", rows), ("cols", cols)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be a whole number of pixels; got {value!r}")


def _target(shift):
    """The rows (or columns) an image moved by ``shift`` lands on."""
    return slice(shift, None) if shift >= 0 else slice(None, shift)


def _source(shift):
    """The rows (or columns) of the image that stay inside once moved by ``shift``."""
    return slice(None, -shift or None) if shift >= 0 else slice(-shift, None)


def augment_with_shifts(X, y, shifts=((1, 0), (-1, 0), (0, 1), (0, -1)), side=28):
    """The training set and a shifted copy of it per (rows, cols) in ``shifts``.

    X : (side * side, m); y : (m,). Returns X_aug of shape (side * side, m (1 + len(shifts)))
    (the originals first) and y_aug of shape (m (1 + len(shifts)),). A digit moved by a
    pixel is still the same digit: a network that sees both learns not to care where
    the strokes are, which a fully connected layer cannot know by itself.
    """
    validate_positive_int("side", side)
    check_float_matrix("X", X, rows=side * side, what=f"(side * side, m) = ({side * side}, m)")
    if not (isinstance(y, np.ndarray) and y.shape == (X.shape[1],)):
        raise ValueError(f"y must be an array of shape (m,) = ({X.shape[1]},), one label per "
                         f"column of X; got {getattr(y, 'shape', type(y).__name__)}")
    try:
        shifts = [(r, c) for r, c in shifts]
    except (TypeError, ValueError):
        raise TypeError(f"shifts must be a sequence of (rows, cols) pairs such as "
                        f"[(1, 0), (0, -1)]; got {shifts!r}") from None
    X_aug = np.concatenate([X] + [shift_images(X, r, c, side) for r, c in shifts], axis=1)
    return X_aug, np.tile(y, 1 + len(shifts))


def most_confident_mistakes(P, y, k=10):
    """The k examples predicted wrongly with the highest probability, surest first.

    P : (C, m) predicted probabilities (columns sum to 1); y : (m,) true labels.
    Returns the indices (k,) of those columns (fewer if there are fewer mistakes).
    """
    check_float_matrix("P", P, what="(C, m), one column of probabilities per example")
    C, m = P.shape
    if C == 0:
        raise ValueError(f"P must hold at least one class (row); got shape {P.shape}")
    check_labels(y, m, C)
    validate_positive_int("k", k)
    y_hat = P.argmax(axis=0)
    wrong = np.flatnonzero(y_hat != y)
    confidence = P[y_hat[wrong], wrong]
    return wrong[np.argsort(-confidence, kind="stable")[:k]]


def plot_digits(X, titles, side=28, columns=10, size=0.9):
    """A grid of the images in the columns of X (side * side, n), each with its title;
    size: the width of one image in inches (a two-line title fits above it)."""
    validate_positive_int("side", side)
    validate_positive_int("columns", columns)
    check_float_matrix("X", X, rows=side * side, what=f"(side * side, n) = ({side * side}, n)")
    n = X.shape[1]
    if n == 0:
        raise ValueError(f"X must hold at least one image (column); got shape {X.shape}")
    try:
        titles = list(titles)
    except TypeError:
        raise TypeError(f"titles must be a sequence of strings, one per image; "
                        f"got {type(titles).__name__}") from None
    if len(titles) < n:
        raise ValueError(f"titles must give one title per image: {n}; got {len(titles)}")
    side, columns = int(side), int(columns)
    rows = -(-n // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(columns * size, rows * (size + 0.45)),
                             squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            ax.imshow(X[:, i].reshape(side, side), cmap="gray_r")
            ax.set_title(titles[i], fontsize=12)
    return fig


# PyTorch's numbers for the practice network, made once by
# tests/fixtures/make_practice_torch_fixture.py: the course never imports torch.
TORCH_FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "practice_torch.npz"


def practice_weights(layer_dims=(784, 256, 128, 10)):
    """The weights the PyTorch fixture was made with: He-initialised W[l] from
    default_rng(0), as NeuralNetwork(random_state=0) draws them, and b[l] from
    default_rng(1), N(0, 0.1^2), so that no gradient is trivially 0."""
    params = initialize_parameters(list(layer_dims), np.random.default_rng(0))
    rng = np.random.default_rng(1)
    for l in range(1, len(layer_dims)):
        params[f"b{l}"] = 0.1 * rng.standard_normal((layer_dims[l], 1))
    return params


def load_torch_fixture():
    """The fixture as a dict of arrays: X (784, m), y (m,), PyTorch's ZL (10, m), loss,
    db1..db3, dW3 and the first rows of dW1, dW2, loss_after_step (SGD, lr 0.1)."""
    with np.load(TORCH_FIXTURE) as data:
        return {name: data[name] for name in data.files}
