"""Neraca's analysis library: weights, scores and indexes on numpy arrays.

Pure functions only: this package never imports Flask or the database layer,
so scripts, notebooks and the survey site all call the same maths.
"""
