"""plot_decision_boundary asks the classifier about a grid of columns and draws the data."""
import matplotlib.pyplot as plt
import numpy as np

from utils import plot_decision_boundary


def test_predict_gets_the_grid_as_columns_and_every_point_is_drawn():
    X = np.array([[-1.0, 1.0, -1.0, 1.0], [-1.0, -1.0, 1.0, 1.0]])  # (2, m), columns
    y = np.array([0, 1, 0, 1])
    seen = []

    def predict(points):
        seen.append(points.shape)
        return (points[0] > 0).astype(int)  # class 1 right of the vertical axis

    fig, ax = plt.subplots()
    plot_decision_boundary(predict, X, y, ax=ax, resolution=50)
    assert seen == [(2, 2500)]
    contour = ax.collections[0]
    assert list(contour.levels) == [-0.5, 0.5, 1.5]
    drawn = [c.get_offsets() for c in ax.collections[1:]]
    np.testing.assert_array_equal(drawn[0], X[:, y == 0].T)
    np.testing.assert_array_equal(drawn[1], X[:, y == 1].T)
    plt.close(fig)
