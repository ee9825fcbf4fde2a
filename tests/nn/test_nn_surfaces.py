"""The 2-D test surfaces: gradients checked numerically, paths against closed forms."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.nn.optim import adam, sgd
from utils.nn.surfaces import SURFACES, descend, elongated_bowl, plot_paths, saddle


@pytest.mark.parametrize("name", list(SURFACES))
def test_gradient_is_the_numerical_gradient(name, rng):
    surface = SURFACES[name]
    for w in rng.uniform(-2, 2, size=(5, 2)):
        numerical = numerical_gradient(lambda v: surface(v)[0], w.copy())
        assert relative_error(surface(w)[1], numerical) < 1e-7


def test_minima_have_zero_gradient():
    for name, w in [("elongated_bowl", (0.0, 0.0)), ("rosenbrock", (1.0, 1.0)),
                    ("saddle", (0.0, 1.0)), ("saddle", (0.0, 0.0))]:
        np.testing.assert_array_equal(SURFACES[name](np.array(w))[1], [0.0, 0.0])


def test_sgd_on_the_bowl_follows_the_closed_form():
    """On f = 0.1 w1^2 + 2 w2^2 each step multiplies w1 by 1 - 0.2 lr and w2 by 1 - 4 lr."""
    lr, start = 0.3, np.array([-1.8, 1.0])
    path = descend(sgd, elongated_bowl, start, {"learning_rate": lr}, steps=10)
    k = np.arange(11)[:, None]
    np.testing.assert_allclose(path, start * np.array([1 - 0.2 * lr, 1 - 4 * lr]) ** k,
                               rtol=1e-12)


def test_adam_escapes_the_saddle_that_slows_sgd():
    start = np.array([1.5, 1e-3])
    slow = descend(sgd, saddle, start, {"learning_rate": 0.1}, steps=50)
    fast = descend(adam, saddle, start, {"learning_rate": 0.1}, steps=50)
    assert slow[-1, 1] < 0.2 and abs(fast[-1, 1] - 1) < 0.1


def test_plot_paths_draws_each_path():
    fig, ax = plt.subplots()
    path = descend(sgd, elongated_bowl, (-1.8, 1.0), {"learning_rate": 0.3}, steps=5)
    plot_paths(elongated_bowl, {"sgd": path, "again": path}, ax)
    assert [line.get_label() for line in ax.lines] == ["sgd", "again"]
    plt.close(fig)


@pytest.mark.parametrize("w", [np.zeros(3), [1.0, 2.0], np.zeros(2, dtype=int)])
def test_bad_point(w):
    with pytest.raises(ValueError, match=r"shape \(2,\), a point"):
        saddle(w)
