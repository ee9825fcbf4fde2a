"""Exercise checks, one module per notebook, named after the notebook.

Each ``check_*`` function calls a student's function on a few cases and prints either
"All N tests passed." or which case failed and why. It never raises: a student working
alone reads the message, not a traceback from inside the check. The notebooks import the
checks from ``utils`` (e.g. ``from utils import check_perceptron_update``), which loads only
the module of that notebook.
"""
