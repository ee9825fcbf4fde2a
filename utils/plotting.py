"""Plots with one look that reads well on a projector: large type, thick lines,
colours that colour-blind readers can tell apart (Okabe & Ito)."""
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler
from mlxtend.plotting import plot_decision_regions as _mlxtend_decision_regions

COURSE_STYLE = {
    "figure.figsize": (7.0, 4.5),
    "figure.dpi": 100,
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.labelsize": 13,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(
        color=["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]
    ),
    "lines.linewidth": 2.0,
    "lines.markersize": 6,
    "legend.frameon": False,
}


def use_course_style():
    """Apply the course's plot style to every figure that follows."""
    plt.rcParams.update(COURSE_STYLE)


def plot_decision_regions(X, y, clf, ax=None, title=None, xlabel=None, ylabel=None):
    """mlxtend's decision regions of ``clf`` over X of shape (n_samples, 2), in the course style.

    y : (n_samples,) integer labels. Returns the matplotlib Axes.
    """
    if ax is None:
        ax = plt.gca()
    _mlxtend_decision_regions(np.asarray(X), np.asarray(y).astype(int), clf=clf, ax=ax, legend=2)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(False)
    return ax


def plot_cost(cost, ax=None, label=None, ylabel="Sum-squared error", log=None, title=None):
    """Cost per epoch, epochs counted from 1. Returns the matplotlib Axes.

    log : True for a log-scale y axis, False for linear, None to choose: log when the cost
    spans more than three orders of magnitude or ends in ``inf`` (a diverged run).
    """
    if ax is None:
        ax = plt.gca()
    cost = np.asarray(cost, dtype=float)
    epochs = np.arange(1, len(cost) + 1)
    finite = np.isfinite(cost)
    (line,) = ax.plot(epochs[finite], cost[finite], marker="o", label=label)
    if not finite.all():
        ax.annotate(
            "diverged (inf)",
            xy=(epochs[finite][-1], cost[finite][-1]),
            xytext=(-10, -14),
            textcoords="offset points",
            ha="right",
            color=line.get_color(),
        )
    if log is None:
        positive = cost[finite & (cost > 0)]
        log = not finite.all() or (
            positive.size > 0 and positive.max() / positive.min() > 1e3
        )
    if log:
        ax.set_yscale("log")
    ax.set(xlabel="Epochs", ylabel=ylabel + (" (log scale)" if log else ""), title=title)
    if label is not None:
        ax.legend()
    return ax
