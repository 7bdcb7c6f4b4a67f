"""A textbook example through analysis.anp, to 3 decimals.

Saaty, T. L. (2005), *Theory and Applications of the Analytic Network Process*, Pittsburgh: RWS
Publications: "choosing the best city to live in", the hierarchy the book treats as the simplest network
(criteria Culture, Family, Housing, Jobs, Transportation; alternatives Bethesda, Boston, Pittsburgh,
Santa Fe). The judgments and the published overall priorities (Bethesda .229, Boston .275,
Pittsburgh .385, Santa Fe .111) are as transcribed in AHPy's test suite (PhilipGriffith/AHPy,
``test_cities_weights_saaty_precision_3``). As a network, the goal's column holds the criteria's
priorities, each criterion's column the cities', and each city keeps its own weight (Saaty's identity
block for the alternatives of a hierarchy); the limit's column of the goal is then the hierarchic
composition, and the goal and criteria clusters receive no weight in the limit (the reducible case).
"""
import numpy as np
import pytest

from analysis.ahp import priorities
from analysis.anp import cluster_normalised, limit_supermatrix, unweighted_supermatrix

pytestmark = pytest.mark.maths

CRITERIA = ["Culture", "Family", "Housing", "Jobs", "Transportation"]
CITIES = ["Bethesda", "Boston", "Pittsburgh", "Santa Fe"]
JUDGMENTS = {
    "Goal": {("Culture", "Housing"): 3, ("Culture", "Transportation"): 5, ("Family", "Culture"): 5,
             ("Family", "Housing"): 7, ("Family", "Transportation"): 7, ("Housing", "Transportation"): 3,
             ("Jobs", "Culture"): 2, ("Jobs", "Housing"): 4, ("Jobs", "Transportation"): 7, ("Family", "Jobs"): 1},
    "Culture": {("Bethesda", "Pittsburgh"): 1, ("Boston", "Bethesda"): 2, ("Boston", "Pittsburgh"): 2.5,
                ("Boston", "Santa Fe"): 1, ("Santa Fe", "Bethesda"): 2, ("Santa Fe", "Pittsburgh"): 2.5},
    "Family": {("Bethesda", "Boston"): 2, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2,
               ("Pittsburgh", "Bethesda"): 3, ("Pittsburgh", "Boston"): 8, ("Pittsburgh", "Santa Fe"): 9},
    "Housing": {("Bethesda", "Boston"): 5, ("Bethesda", "Santa Fe"): 2.5, ("Pittsburgh", "Bethesda"): 2,
                ("Pittsburgh", "Boston"): 9, ("Pittsburgh", "Santa Fe"): 7, ("Santa Fe", "Boston"): 4},
    "Jobs": {("Bethesda", "Pittsburgh"): 3, ("Bethesda", "Santa Fe"): 4, ("Boston", "Bethesda"): 2,
             ("Boston", "Pittsburgh"): 6, ("Boston", "Santa Fe"): 8, ("Pittsburgh", "Santa Fe"): 1},
    "Transportation": {("Bethesda", "Boston"): 1.5, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2.5,
                       ("Pittsburgh", "Bethesda"): 2, ("Pittsburgh", "Boston"): 3.5, ("Pittsburgh", "Santa Fe"): 9},
}
PUBLISHED = {"Bethesda": 0.229, "Boston": 0.275, "Pittsburgh": 0.385, "Santa Fe": 0.111}


def local_priorities(order, judgments) -> dict[str, float]:
    position = {name: k for k, name in enumerate(order)}
    A = np.eye(len(order))
    for (a, b), value in judgments.items():
        A[position[a], position[b]], A[position[b], position[a]] = value, 1 / value
    return dict(zip(order, priorities(A)))


def test_saatys_best_city_to_live_in_is_reproduced_by_the_limit_supermatrix_to_three_decimals():
    elements = ["Goal"] + CRITERIA + CITIES
    clusters = ["goal"] + ["criteria"] * len(CRITERIA) + ["cities"] * len(CITIES)
    local = {("Goal", "criteria"): local_priorities(CRITERIA, JUDGMENTS["Goal"])}
    local.update({(criterion, "cities"): local_priorities(CITIES, JUDGMENTS[criterion]) for criterion in CRITERIA})
    local.update({(city, "cities"): {other: float(other == city) for other in CITIES} for city in CITIES})

    limit = limit_supermatrix(unweighted_supermatrix(elements, clusters, local))

    goal_column = limit[len(CRITERIA) + 1:, 0]
    assert dict(zip(CITIES, np.round(goal_column, 3))) == PUBLISHED
    assert goal_column.sum() == pytest.approx(1)
    weights = cluster_normalised(limit, clusters)
    assert weights["goal"] is None and weights["criteria"] is None  # transient clusters: no limit weight
