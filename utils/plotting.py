"""Plots with one look that reads well on a projector: large type, thick lines,
colours that colour-blind readers can tell apart (Okabe & Ito)."""
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler
from matplotlib.colors import ListedColormap
from matplotlib.ticker import MaxNLocator

from .validation import as_float_array, validate_bool, validate_positive_int, validate_X

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


# Marker and colour of each class, the same in every scatter plot and decision-region plot:
# the first (negative) class as blue circles, the second as orange squares.
CLASS_MARKERS = "os"
CLASS_COLORS = ("#0072B2", "#E69F00")


def plot_decision_regions(X, y, clf, ax=None, title=None, xlabel=None, ylabel=None,
                          class_names=None, legend_loc="upper left"):
    """mlxtend's decision regions of ``clf`` over X of shape (n_samples, 2), in the course style.

    y : (n_samples,) integer labels, two classes. class_names : the legend's names of the
    two classes, negative class first, e.g. ("setosa", "versicolor"); None keeps the labels.
    Returns the matplotlib Axes.
    """
    # mlxtend imports in about half a second; only the notebooks that draw regions pay it.
    from mlxtend.plotting import plot_decision_regions as mlxtend_decision_regions

    X = validate_X(X)
    if ax is None:
        ax = plt.gca()
    mlxtend_decision_regions(X, np.asarray(y).astype(int), clf=clf, ax=ax,
                             legend=0, markers=CLASS_MARKERS, colors=",".join(CLASS_COLORS),
                             scatter_kwargs={"edgecolor": "black", "alpha": 0.9})
    handles, labels = ax.get_legend_handles_labels()
    if class_names is not None:
        labels = list(class_names)
    ax.legend(handles[-len(labels):], labels, loc=legend_loc, frameon=True, framealpha=0.9)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(False)
    return ax


def plot_cost(cost, ax=None, label=None, ylabel="cost $J$ = SSE / 2", log=None, title=None,
              marker="o"):
    """Cost after each epoch: ``cost[k]`` is drawn at epoch k, so ``cost[0]`` (the starting
    weights, before any training) sits at 0. Returns the matplotlib Axes.

    log : True for a log-scale y axis, False for linear, None to choose: log when the cost
    spans more than three orders of magnitude or ends in ``inf`` (a diverged run).
    """
    cost = _validate_cost(cost, log)
    if ax is None:
        ax = plt.gca()
    epochs = np.arange(len(cost))
    finite = np.isfinite(cost)
    (line,) = ax.plot(epochs[finite], cost[finite], marker=marker, label=label)
    if not finite.all():
        last = (epochs[finite][-1], cost[finite][-1]) if finite.any() else (1, 1)
        ax.annotate(
            "diverged (inf)",
            xy=last,
            xytext=(-10, -14),
            textcoords="offset points",
            ha="right",
            color=line.get_color(),
        )
    positive = cost[finite & (cost > 0)]
    if log is None:
        log = positive.size > 0 and (
            not finite.all() or np.log10(positive.max()) - np.log10(positive.min()) > 3
        )
    if log:
        # Matplotlib's margins around costs near float64's limit (1e308) overflow in log
        # scale; the plot is right all the same.
        with np.errstate(over="ignore"):
            ax.set_yscale("log")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(xlabel="epochs", ylabel=ylabel + (" (log scale)" if log else ""), title=title)
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
    epochs = np.arange(1, _check_history(history) + 1)
    validate_bool("log", log)
    if log and not max(history["loss"] + history["val_loss"]) > 0:
        raise ValueError("log=True needs a loss above 0 to draw on a log scale")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 4))
    name = "" if label is None else f"{label}, "
    for ax, (train, val, ylabel) in zip(axes, [("loss", "val_loss", "Cross-entropy"),
                                               ("train_acc", "val_acc", "Accuracy")]):
        # Without track_train_acc, train_acc is empty: the colour cycle moves on all the same.
        (line,) = ax.plot(epochs[:len(history[train])], history[train],
                          label=f"{name}training")
        if history[val]:
            ax.plot(epochs, history[val], linestyle="--", color=line.get_color(),
                    label=f"{name}validation")
        ax.set(xlabel="Epochs", ylabel=ylabel)
    if log:
        axes[0].set(yscale="log", ylabel="Cross-entropy (log scale)")
    axes[1].legend(fontsize=10)
    return axes


def _check_history(history):
    """The number of epochs in a Trainer's history_, after checking its four lists."""
    keys = ("loss", "train_acc", "val_loss", "val_acc")
    if not (isinstance(history, dict) and all(isinstance(history.get(k), list) for k in keys)):
        raise TypeError(f"history must be a Trainer's history_, a dict of the lists {keys}; "
                        f"got {history!r:.80}")
    epochs = len(history["loss"])
    for key in keys:
        values = as_float_array(history[key], f"history[{key!r}]")
        if len(values) not in (0, epochs) or (key == "loss" and epochs == 0):
            raise ValueError(f"history[{key!r}] must hold one number per epoch ({epochs}, "
                             f"as history['loss']){'' if key == 'loss' else ' or none'}; "
                             f"got {len(values)}")
    return epochs


def _validate_cost(cost, log):
    """cost as a 1-D float array: finite numbers, then possibly inf where training diverged."""
    cost = as_float_array(cost, "cost")
    if cost.ndim != 1 or cost.size == 0:
        raise ValueError(
            f"cost must be a non-empty 1-D sequence, one value per epoch; got shape {cost.shape}"
        )
    if np.isnan(cost).any() or (cost == -np.inf).any():
        raise ValueError("cost contains NaN or -inf; expected finite numbers or +inf")
    if log and not (np.isfinite(cost) & (cost > 0)).any():
        raise ValueError("log=True needs at least one finite cost above 0")
    return cost


def plot_cost_contours(X, y, path, ax=None, title=None, levels=12):
    """Contours of Adaline's cost over (w_1, w_2), with a gradient-descent path drawn on them.

    X : (n_samples, 2), y : (n_samples,); path : (n_steps, 3), the weights [w_0, w_1, w_2]
    after each step. The cost J(w_0, w_1, w_2) has three weights, so each contour shows, for
    a pair (w_1, w_2), the lowest cost over the bias w_0 (the floor of the valley seen from
    above). Returns the matplotlib Axes.
    """
    if ax is None:
        ax = plt.gca()
    path = np.asarray(path, dtype=float)
    X_1 = np.column_stack([np.ones(len(X)), X])
    w_best = np.linalg.lstsq(X_1, y, rcond=None)[0]
    corners = np.vstack([path[:, 1:], w_best[1:]])
    low, high = corners.min(axis=0), corners.max(axis=0)
    pad = 0.15 * np.maximum(high - low, 1e-3)
    w1, w2 = np.meshgrid(np.linspace(low[0] - pad[0], high[0] + pad[0], 120),
                         np.linspace(low[1] - pad[1], high[1] + pad[1], 120))
    W = np.stack([w1.ravel(), w2.ravel()])                      # (2, grid points)
    residual = y[:, None] - X @ W                               # y - w^T x, per point
    residual -= residual.mean(axis=0)                           # the best w_0 per point
    J = 0.5 * (residual**2).sum(axis=0).reshape(w1.shape)
    ax.contour(w1, w2, J, levels=np.geomspace(J.min() + 1e-9, J.max(), levels),
               colors="0.55", linewidths=1)
    ax.plot(path[:, 1], path[:, 2], marker=".", color=CLASS_COLORS[1], label="gradient descent")
    ax.plot(*w_best[1:], marker="*", markersize=14, color="black", linestyle="none",
            label="minimum")
    ax.set(xlabel="$w_1$", ylabel="$w_2$", title=title)
    ax.legend(loc="best", frameon=True, framealpha=0.9)
    ax.grid(False)
    return ax


def draw_computation_graph(ax=None):
    """Draw logistic regression's computation graph for one example (slide 46).

    Forward values run left to right above the arrows; the derivatives of the backward pass
    run right to left below them. Sized for a (10, 4) figure on a projector.
    Returns the matplotlib Axes.
    """
    if ax is None:
        ax = plt.gca()
    forward, backward = CLASS_COLORS[0], "#D55E00"
    nodes = [
        (0.08, "$x_1, x_2$\n$w_1, w_2, b$"),
        (0.385, r"$z = w_1 x_1 + w_2 x_2 + b$"),
        (0.68, r"$a = \sigma(z)$"),
        (0.92, r"$\mathcal{L}(a, y)$"),
    ]
    for x, text in nodes:
        ax.text(x, 0.55, text, ha="center", va="center", fontsize=17,
                bbox={"boxstyle": "round,pad=0.45", "fc": "white", "ec": "0.3", "lw": 1.5})
    edges = [  # (arrow start, arrow end, derivative computed on the way back)
        (0.165, 0.215, "$dw_j = x_j\\,dz$\n$db = dz$"),
        (0.555, 0.615, r"$dz = a - y$"),
        (0.745, 0.86, r"$da = -\dfrac{y}{a} + \dfrac{1-y}{1-a}$"),
    ]
    for start, end, derivative in edges:
        ax.annotate("", xy=(end, 0.64), xytext=(start, 0.64),
                    arrowprops={"arrowstyle": "-|>", "color": forward, "lw": 2.5})
        ax.annotate("", xy=(start, 0.46), xytext=(end, 0.46),
                    arrowprops={"arrowstyle": "-|>", "color": backward, "lw": 2.5})
        ax.text((start + end) / 2, 0.34, derivative, ha="center", va="top",
                color=backward, fontsize=16)
    ax.text(0.5, 0.9, "forward: from the inputs to the loss", ha="center",
            color=forward, fontsize=17)
    ax.text(0.5, 0.02, "backward: the chain rule, from the loss to the weights",
            ha="center", color=backward, fontsize=17)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.axis("off")
    return ax


def draw_perceptron(ax=None):
    """Draw the schematic of Rosenblatt's perceptron (slide 14): inputs, weights, net
    input, unit step and output, and the learning rule's way back from the error to the
    weights. Sized for a (10, 4) figure on a projector. Returns the matplotlib Axes.
    """
    if ax is None:
        ax = plt.gca()
    forward, update = CLASS_COLORS[0], "#D55E00"
    box = {"boxstyle": "round,pad=0.4", "fc": "white", "ec": "0.3", "lw": 1.5}
    net_x, row = 0.40, 0.56  # the net input's box, and the height of the forward row
    for y, j in ((0.90, "0"), (0.68, "1"), (0.46, "2"), (0.18, "m")):
        ax.text(0.05, y, "$x_0 = 1$" if j == "0" else f"$x_{j}$", ha="center",
                va="center", fontsize=16, bbox=box)
        ax.annotate("", xy=(net_x - 0.075, row), xytext=(0.10, y),
                    arrowprops={"arrowstyle": "-|>", "color": forward, "lw": 2})
        ax.text(0.17, y + 0.31 * (row - y) + 0.05, f"$w_{j}$", ha="center", fontsize=15,
                color=forward)  # above its line, a third of the way along
    ax.text(0.05, 0.33, r"$\vdots$", ha="center", va="center", fontsize=18)
    for x, text in ((net_x, "net input\n$z = \\sum_{j=0}^{m} w_j x_j$"),
                    (0.66, "unit step\n$g(z) = \\pm 1$"), (0.91, "output\n$\\hat{y}$")):
        ax.text(x, row, text, ha="center", va="center", fontsize=15, bbox=box)
    for start, end in ((0.485, 0.585), (0.735, 0.855)):
        ax.annotate("", xy=(end, row), xytext=(start, row),
                    arrowprops={"arrowstyle": "-|>", "color": forward, "lw": 2.5})
    # The learning rule: the error y - y_hat goes back to every weight.
    ax.plot([0.91, 0.91, 0.25], [0.42, 0.13, 0.13], color=update, lw=2, ls="--")
    ax.annotate("", xy=(0.25, 0.36), xytext=(0.25, 0.13),
                arrowprops={"arrowstyle": "-|>", "color": update, "lw": 2, "ls": "--"})
    ax.text(0.58, 0.04, r"error $y - \hat{y}$ updates every weight: "
            r"$\Delta w_j = \eta\,(y - \hat{y})\,x_j$", ha="center", va="center",
            color=update, fontsize=15)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.axis("off")
    return ax


def plot_decision_boundary(predict, X, y, ax=None, title=None, resolution=200):
    """Colour the plane by ``predict`` and draw the examples on top.

    predict : callable taking points of shape (2, k), one per column, and returning (k,)
    integer labels. X : (2, m), one example per column; y : (m,) integer labels.
    Returns the matplotlib Axes.
    """
    if not callable(predict):
        raise TypeError(f"predict must be a function of points (2, k) -> labels (k,); "
                        f"got {predict!r}")
    X = as_float_array(X, "X")
    if X.ndim != 2 or X.shape[0] != 2 or X.shape[1] == 0 or not np.isfinite(X).all():
        raise ValueError(f"X must be a 2-D array of shape (2, m), m >= 1, one point per "
                         f"column, without NaN or infinity; got shape {X.shape}")
    if not (isinstance(y, np.ndarray) and y.shape == (X.shape[1],) and y.dtype.kind in "iu"):
        got = f"{y.dtype} of shape {y.shape}" if isinstance(y, np.ndarray) else type(y).__name__
        raise ValueError(f"y must be an array of integer labels of shape (m,) = "
                         f"({X.shape[1]},); got {got}")
    validate_positive_int("resolution", resolution)
    if resolution < 2:
        raise ValueError(f"resolution must be >= 2 points per axis; got {resolution}")
    if ax is None:
        ax = plt.gca()
    pad = 0.1 * (X.max(axis=1) - X.min(axis=1))
    x0, x1 = np.meshgrid(np.linspace(X[0].min() - pad[0], X[0].max() + pad[0], resolution),
                         np.linspace(X[1].min() - pad[1], X[1].max() + pad[1], resolution))
    labels = np.asarray(predict(np.vstack([x0.ravel(), x1.ravel()])))
    if labels.shape != (x0.size,):
        raise ValueError(f"predict must return one label per point, shape ({x0.size},); "
                         f"got shape {labels.shape}")
    labels = labels.reshape(x0.shape)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    classes = np.unique(y)
    cmap = ListedColormap(colours[:len(classes)])
    ax.contourf(x0, x1, labels, levels=np.arange(len(classes) + 1) - 0.5, cmap=cmap, alpha=0.25)
    for label, colour in zip(classes, colours):
        ax.scatter(*X[:, y == label], s=12, color=colour, label=f"class {label}")
    ax.set(title=title, xlabel="$x_1$", ylabel="$x_2$")
    ax.grid(False)
    return ax
