"""Plots with one look that reads well on a projector: large type, thick lines,
colours that colour-blind readers can tell apart (Okabe & Ito)."""
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler
from matplotlib.colors import ListedColormap
from matplotlib.ticker import MaxNLocator
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
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(xlabel="Epochs", ylabel=ylabel + (" (log scale)" if log else ""), title=title)
    if label is not None:
        ax.legend()
    return ax


def plot_learning_curves(history, axes=None, label=None, log=False):
    """Loss (left) and accuracy (right) per epoch from a Trainer's ``history_``: training
    solid, validation dashed, in one colour per call. Returns the two matplotlib Axes.

    history : dict of per-epoch lists "loss", "train_acc", "val_loss", "val_acc".
    axes : two Axes to draw on (a new (10, 4) figure if None); call again with the same
        axes to compare runs. label : the run's name in the legend.
    log : a log-scale loss axis, to see a loss near 0 and a loss near 3 on one plot.
    """
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 4))
    name = "" if label is None else f"{label}, "
    for ax, (train, val, ylabel) in zip(axes, [("loss", "val_loss", "Cross-entropy"),
                                               ("train_acc", "val_acc", "Accuracy")]):
        epochs = np.arange(1, len(history[train]) + 1)
        (line,) = ax.plot(epochs, history[train], label=f"{name}training")
        if history[val]:
            ax.plot(epochs, history[val], linestyle="--", color=line.get_color(),
                    label=f"{name}validation")
        ax.set(xlabel="Epochs", ylabel=ylabel)
    if log:
        axes[0].set(yscale="log", ylabel="Cross-entropy (log scale)")
    axes[1].legend(fontsize=10)
    return axes


def draw_computation_graph(ax=None):
    """Draw logistic regression's computation graph for one example (slide 46).

    Forward values run left to right above the arrows; the derivatives of the backward pass
    run right to left below them. Returns the matplotlib Axes.
    """
    if ax is None:
        ax = plt.gca()
    forward, backward = "#0072B2", "#D55E00"
    nodes = {
        "inputs": (0.09, r"$x_1, x_2$" "\n" r"$w_1, w_2, b$"),
        "z": (0.40, r"$z = w_1 x_1 + w_2 x_2 + b$"),
        "a": (0.66, r"$a = \sigma(z)$"),
        "L": (0.90, r"$\mathcal{L}(a, y)$"),
    }
    for x, text in nodes.values():
        ax.text(x, 0.5, text, ha="center", va="center", fontsize=13,
                bbox=dict(boxstyle="round,pad=0.5", fc="white", ec="0.3"))
    edges = [
        ("inputs", "z", r"$dw_j = x_j\,dz,\ db = dz$", 0.20, 0.29),
        ("z", "a", r"$dz = a - y$", 0.525, 0.615),
        ("a", "L", r"$da = -\frac{y}{a} + \frac{1-y}{1-a}$", 0.71, 0.855),
    ]
    for _, _, derivative, start, end in edges:
        ax.annotate("", xy=(end, 0.58), xytext=(start, 0.58),
                    arrowprops=dict(arrowstyle="->", color=forward, lw=2))
        ax.annotate("", xy=(start, 0.42), xytext=(end, 0.42),
                    arrowprops=dict(arrowstyle="->", color=backward, lw=2))
        ax.text((start + end) / 2, 0.25, derivative, ha="center", color=backward, fontsize=12)
    ax.text(0.5, 0.9, "forward: compute the loss", ha="center", color=forward, fontsize=13)
    ax.text(0.5, 0.06, "backward: chain rule, from the loss back to the weights",
            ha="center", color=backward, fontsize=13)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.axis("off")
    return ax


def plot_decision_boundary(predict, X, y, ax=None, title=None, resolution=200):
    """Colour the plane by ``predict`` and draw the examples on top.

    predict : callable taking points of shape (2, k), one per column, and returning (k,)
    integer labels. X : (2, m), one example per column; y : (m,) integer labels.
    Returns the matplotlib Axes.
    """
    if ax is None:
        ax = plt.gca()
    pad = 0.1 * (X.max(axis=1) - X.min(axis=1))
    x0, x1 = np.meshgrid(np.linspace(X[0].min() - pad[0], X[0].max() + pad[0], resolution),
                         np.linspace(X[1].min() - pad[1], X[1].max() + pad[1], resolution))
    labels = np.asarray(predict(np.vstack([x0.ravel(), x1.ravel()]))).reshape(x0.shape)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    classes = np.unique(y)
    cmap = ListedColormap(colours[:len(classes)])
    ax.contourf(x0, x1, labels, levels=np.arange(len(classes) + 1) - 0.5, cmap=cmap, alpha=0.25)
    for label, colour in zip(classes, colours):
        ax.scatter(*X[:, y == label], s=12, color=colour, label=f"class {label}")
    ax.set(title=title, xlabel="$x_1$", ylabel="$x_2$")
    ax.grid(False)
    return ax
