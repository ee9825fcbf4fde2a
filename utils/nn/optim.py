"""Update rules for the parameters, one array at a time: update(w, dw, state) -> (w, state).

state is a dict holding the hyper-parameters ("learning_rate", ...) and, for rules with
memory, that memory, which a rule creates on its first call (e.g. with state.setdefault).
The trainer keeps one state per parameter array, starting from an empty dict, and sets
state["learning_rate"] from its schedule before every step.
"""
import numpy as np


def sgd(w, dw, state):
    """Plain gradient descent: w := w - alpha dw, with alpha = state["learning_rate"].

    w, dw : arrays of the same shape. Returns the new w, a new array (w itself is left
    unchanged), and state, which plain gradient descent does not change.
    """
    step = state["learning_rate"] * dw
    # w - step, written over step: one new array per update instead of two, which halves
    # the update's cost (it reads and writes every weight of the network at every batch).
    return np.subtract(w, step, out=step), state


# Update rules by name, as Trainer(optimizer=...) takes them.
OPTIMIZERS = {"sgd": sgd}
