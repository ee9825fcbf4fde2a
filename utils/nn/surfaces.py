"""Two-dimensional surfaces on which the optimizers' differences can be seen.

Each surface is a function f(w) of a point w of shape (2,) with its gradient; ``descend``
runs any update rule on one, and ``plot_paths`` draws the paths over the contours.

- ``elongated_bowl``: f = 0.1 w1^2 + 2 w2^2, curvatures 0.2 and 4 (condition number 20):
  a learning rate small enough for the steep direction crawls along the flat one.
- ``rosenbrock``: f = (1 - w1)^2 + 100 (w2 - w1^2)^2, a curved narrow valley, minimum (1, 1).
- ``saddle``: f = w1^2 + w2^4 / 4 - w2^2 / 2, a saddle point at (0, 0) between the minima
  (0, -1) and (0, 1): near w2 = 0 the gradient that leads away from it is tiny.
"""
import numbers

import numpy as np

from ..validation import as_float_array, validate_positive_int
from ._checks import is_finite_number


def elongated_bowl(w):
    """f(w) = 0.1 w1^2 + 2 w2^2 and its gradient (0.2 w1, 4 w2)."""
    w1, w2 = _check_point(w)
    return 0.1 * w1**2 + 2 * w2**2, np.array([0.2 * w1, 4 * w2])


def rosenbrock(w):
    """f(w) = (1 - w1)^2 + 100 (w2 - w1^2)^2 and its gradient."""
    w1, w2 = _check_point(w)
    valley = w2 - w1**2
    f = (1 - w1) ** 2 + 100 * valley**2
    return f, np.array([-2 * (1 - w1) - 400 * w1 * valley, 200 * valley])


def saddle(w):
    """f(w) = w1^2 + w2^4 / 4 - w2^2 / 2 and its gradient (2 w1, w2^3 - w2)."""
    w1, w2 = _check_point(w)
    return w1**2 + w2**4 / 4 - w2**2 / 2, np.array([2 * w1, w2**3 - w2])


SURFACES = {"elongated_bowl": elongated_bowl, "rosenbrock": rosenbrock, "saddle": saddle}


def descend(update, surface, start, state, steps):
    """Run ``steps`` updates w, state = update(w, dw, state) on a surface from ``start``.

    update : an update rule, e.g. optim.adam; surface : e.g. rosenbrock; start : (2,);
    state : its hyper-parameters, e.g. {"learning_rate": 0.1}.
    Returns the path, shape (steps + 1, 2): the start and the point after each step.
    """
    for name, fn in (("update", update), ("surface", surface)):
        if not callable(fn):
            raise TypeError(f"{name} must be a function; got {fn!r:.40}")
    w = as_float_array(start, "start")
    if w.shape != (2,):
        raise ValueError(f"start must be a point (w1, w2), shape (2,); got shape {w.shape}")
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0; got {steps!r:.40}")
    path = [w]
    for _ in range(steps):
        _, dw = surface(w)
        w, state = update(w, dw, state)
        path.append(w)
    return np.array(path)


def plot_paths(surface, paths, ax, extent=(-2.0, 2.0, -2.0, 2.0), levels=15):
    """Contours of the surface over extent (w1_min, w1_max, w2_min, w2_max) and each path
    of dict {label: path of shape (k, 2)} drawn on the axes ax."""
    _check_plot_args(surface, paths, extent, levels)
    w1, w2 = np.meshgrid(np.linspace(*extent[:2], 150), np.linspace(*extent[2:], 150))
    f = surface(np.stack([w1, w2]))[0]
    # Contour levels evenly spaced in log(f - min): the valley floor gets lines too.
    ax.contour(w1, w2, np.log1p(f - f.min()), levels=levels, cmap="Greys", linewidths=0.6)
    for label, path in paths.items():
        # A dot per step, as long as the steps are few enough to tell apart.
        style = ".-" if len(path) <= 100 else "-"
        ax.plot(path[:, 0], path[:, 1], style, markersize=3, linewidth=1, label=label)
    ax.set_xlim(extent[:2])
    ax.set_ylim(extent[2:])
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.legend(fontsize="small")
    return ax


def _check_plot_args(surface, paths, extent, levels):
    if not callable(surface):
        raise TypeError(f"surface must be a function such as rosenbrock; got {surface!r}")
    if not isinstance(paths, dict) or not all(
            isinstance(p, np.ndarray) and p.ndim == 2 and p.shape[1] == 2 and p.dtype.kind in "fi"
            for p in paths.values()):
        raise TypeError("paths must be a dict {label: path of shape (k, 2)}, e.g. from descend")
    if not (isinstance(extent, tuple | list) and len(extent) == 4
            and all(is_finite_number(v) for v in extent)
            and extent[0] < extent[1] and extent[2] < extent[3]):
        raise ValueError(f"extent must be four numbers (w1_min, w1_max, w2_min, w2_max) "
                         f"with min < max; got {extent!r}")
    validate_positive_int("levels", levels)


def _check_point(w):
    """Return w1, w2 from w of shape (2,) (or (2, ...) for a grid of points), in float64:
    w2^4 of a float32 w overflows from |w2| > 4e9 on."""
    if not isinstance(w, np.ndarray) or w.dtype.kind != "f" or w.ndim < 1 or w.shape[0] != 2:
        raise ValueError(f"w must be a float array of shape (2,), a point (w1, w2); got "
                         f"{getattr(w, 'shape', type(w).__name__)}")
    w = w.astype(np.float64, copy=False)
    return w[0], w[1]
