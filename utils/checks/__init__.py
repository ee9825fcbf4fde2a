"""Exercise checks, one module per notebook, named after the notebook.

Each ``check_*`` function calls a student's function on a few cases, through the one runner
of ``_runner.py``, and prints either "All N tests passed." or which case failed and why,
naming the exercise's known mistake when it recognises one. It never raises: a student
working alone reads the message, not a traceback from inside the check. The notebooks import the
checks from ``utils`` (e.g. ``from utils import check_perceptron_update``), which loads only
the module of that notebook.
"""
