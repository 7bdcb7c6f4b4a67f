"""Personal scorecards for 10,000 employees x 20 KPIs, against a plain numpy floor.

The floor is np.interp of the same cells on the same ladders, one call per KPI:
the least any implementation must do. Targets (issue 3): under 0.5 s for levels,
lights, values, totals and ranking, within 5x of the floor.
"""
from __future__ import annotations

import numpy as np
from timing import best_of, quick_note, sized

from analysis.scorecard import personal_scorecards
from analysis.scoring import LEVELS, Ladder

PEOPLE, KPIS = sized(10_000, 50), 20


def main() -> None:
    quick_note()
    rng = np.random.default_rng(2026)
    ladders, columns = [], []
    for k in range(KPIS):
        worst, baseline, target = np.sort(rng.uniform(0, 100, 3))
        better = "higher" if k % 2 == 0 else "lower"
        if better == "lower":
            worst, target = target, worst
        ladders.append(Ladder({0: worst, 3: baseline, 10: target}, better=better))
        columns.append(rng.uniform(-10, 110, PEOPLE))
    performance = np.column_stack(columns)
    weights = rng.dirichlet(np.ones(KPIS))

    def floor():
        levels = np.empty_like(performance)
        for k, ladder in enumerate(ladders):
            values = ladder.values()
            if ladder.better == "lower":
                levels[:, k] = np.interp(-performance[:, k], -values, LEVELS)
            else:
                levels[:, k] = np.interp(performance[:, k], values, LEVELS)
        return levels

    floor_time, floor_levels = best_of(5, floor)
    neraca_time, scores = best_of(5, lambda: personal_scorecards(performance, ladders, weights, snap="round_half_up"))
    fractional = personal_scorecards(performance, ladders, weights)
    gap = np.abs(fractional.levels - floor_levels).max()

    print(f"personal scorecards: {PEOPLE} employees x {KPIS} KPIs")
    print(f"  neraca (levels, lights, values, totals, ranks)  {neraca_time * 1000:8.1f} ms   (target < 500)")
    print(f"  plain np.interp of the same cells (floor)       {floor_time * 1000:8.1f} ms")
    print(f"  ratio to the floor                              {neraca_time / floor_time:8.1f} x    (target <= 5)")
    print(f"  max |level - np.interp level|                   {gap:8.1e}")
    print(f"  best total {scores.totals.max():.3f}, rank-1 employees {(scores.ranks == 1).sum()}")


if __name__ == "__main__":
    main()
