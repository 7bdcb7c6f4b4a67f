"""Intervals from the respondents: 2,000 bootstrap draws of a round of 40 respondents on a 30-page
scorecard, every page's weights and the KPIs' global weights, against one plain group computation of
the same round (AIJ, eigenvector, per page) times 2,000 measured in the same run.

Target (issue 29): under 1 s on 2 cores.
"""
from __future__ import annotations

import numpy as np
from timing import best_of, quick_note, sized

from analysis.ahp import aggregate, priorities
from analysis.hierarchy import Hierarchy
from analysis.uncertainty import aij_draws, global_draws, intervals, resample_counts

RESPONDENTS, RESAMPLES = sized(40, 8), sized(2000, 50)


def scorecard(rng):
    """5 perspectives of 4 or 5 objectives, each with 2 to 4 KPIs: 1 + 5 + 24 = 30 pages."""
    parents, pages = {}, {None: [f"P{p}" for p in range(5)]}
    for p in range(5):
        parents[f"P{p}"] = None
        objectives = [f"P{p}O{o}" for o in range(5 if p < 4 else 4)]
        pages[f"P{p}"] = objectives
        for objective in objectives:
            parents[objective] = f"P{p}"
            kpis = [f"{objective}K{k}" for k in range(2 + int(rng.integers(0, 3)))]
            pages[objective] = kpis
            parents.update({kpi: objective for kpi in kpis})
    return Hierarchy.from_parents(parents), pages


def answers(rng, pages):
    found = {}
    for page, members in pages.items():
        n = len(members)
        truth = rng.dirichlet(np.ones(n) * 3)
        stack = np.ones((RESPONDENTS, n, n))
        for i in range(n):
            for j in range(i + 1, n):
                a = truth[i] / truth[j] * np.exp(rng.normal(0, 0.5, RESPONDENTS))
                a = np.where(rng.random(RESPONDENTS) < 0.05, np.nan, a)  # some "don't know"
                stack[:, i, j], stack[:, j, i] = a, 1 / a
        found[page] = stack
    return found


def main() -> None:
    quick_note()
    rng = np.random.default_rng(2026)
    tree, pages = scorecard(rng)
    given = answers(rng, pages)
    groups = list(pages.items())

    def plain_round():
        return {page: priorities(aggregate(stack)) for page, stack in given.items()}

    def bootstrap():
        counts = resample_counts(RESPONDENTS, RESAMPLES, seed=1)
        local = {}
        for page, members in pages.items():
            draws = aij_draws(given[page], counts)
            local.update({member: draws[:, k] for k, member in enumerate(members)})
        estimate = plain_round()
        point = {member: estimate[page][k] for page, members in pages.items() for k, member in enumerate(members)}
        leaves = [tree.keys.index(leaf) for leaf in tree.leaves()]
        draws = global_draws(tree, groups, local)[:, leaves]
        return intervals(tree.global_from_groups(groups, point)[leaves], draws)

    once, _ = best_of(5, plain_round)
    took, found = best_of(3, bootstrap)
    print(f"{RESPONDENTS} respondents, {len(pages)} pages, {len(tree.leaves())} KPIs, {RESAMPLES} draws")
    print(f"  one plain group computation            {once * 1e3:8.2f} ms")
    print(f"  the same x {RESAMPLES:<5}                     {once * RESAMPLES:8.2f} s")
    print(f"  bootstrap (pages, global, intervals)   {took:8.3f} s    (target < 1 s)")
    print(f"  ratio to the plain computations        {took / (once * RESAMPLES):8.3f} x")
    print(f"  widest 90 % interval of a KPI          {np.max(found.high - found.low):8.4f}")


if __name__ == "__main__":
    main()
