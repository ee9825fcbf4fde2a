"""Sections 2-8: neural networks built from modules, one file per idea."""
