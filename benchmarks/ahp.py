"""Weights + CR for 10,000 random 7x7 matrices, against ahpy and the geometric-mean floor.

Prints times and ratios measured in the same run (machines are noisy, ratios less so).
Targets (issue 2): eigenvector method >= 25x ahpy's speed with identical results,
within 10x of the row-geometric-mean floor; AIJ of 10,000 respondents.
ahpy is slow, so it runs on a sample and its time is scaled to 10,000 matrices.
"""
from __future__ import annotations

import itertools

import numpy as np
from timing import best_of, quick_note, sized

from analysis.ahp import aggregate, priorities, random_matrices, weights_and_consistency

COUNT, N, AHPY_SAMPLE = sized(10_000, 200), 7, sized(500, 20)


def ahpy_weights_and_cr(stack):
    import ahpy
    names = [f"e{i}" for i in range(stack.shape[-1])]
    weights, crs = [], []
    for A in stack:
        comparisons = {(names[i], names[j]): A[i, j] for i, j in itertools.combinations(range(len(names)), 2)}
        compare = ahpy.Compare("c", comparisons, precision=12, random_index="dd")
        weights.append([compare.local_weights[name] for name in names])
        crs.append(compare.consistency_ratio)
    return np.array(weights), np.array(crs)


def main() -> None:
    quick_note()
    np.seterr(over="ignore", invalid="ignore")  # ahpy's overflow, counted below
    rng = np.random.default_rng(2026)
    stack = random_matrices(COUNT, N, rng)

    def eigen():
        weights, result = weights_and_consistency(stack, ri="donegan_dodd")
        return weights, result.cr

    eigen_time, (weights, cr) = best_of(5, eigen)
    geometric_time, _ = best_of(5, lambda: priorities(stack, method="geometric"))
    numpy_eig_time, _ = best_of(3, lambda: np.linalg.eig(stack))
    sample_time, (ahpy_w, ahpy_cr) = best_of(1, lambda: ahpy_weights_and_cr(stack[:AHPY_SAMPLE]))
    ahpy_time = sample_time * COUNT / AHPY_SAMPLE
    # ahpy squares the matrix without rescaling; on erratic matrices it overflows and returns nan.
    ahpy_ok = np.isfinite(ahpy_w).all(axis=1)
    weight_gap = np.abs(weights[:AHPY_SAMPLE][ahpy_ok] - ahpy_w[ahpy_ok]).max()
    cr_gap = np.abs(cr[:AHPY_SAMPLE] - ahpy_cr).max()
    aij_time, _ = best_of(5, lambda: aggregate(stack))

    print(f"{COUNT} random {N}x{N} matrices, weights + CR")
    print(f"  neraca eigen (power iteration)  {eigen_time * 1000:9.1f} ms")
    print(f"  row geometric mean (floor)      {geometric_time * 1000:9.1f} ms")
    print(f"  plain np.linalg.eig on stack    {numpy_eig_time * 1000:9.1f} ms")
    print(f"  ahpy (from {AHPY_SAMPLE}, scaled)         {ahpy_time * 1000:9.1f} ms")
    print(f"  speed-up over ahpy              {ahpy_time / eigen_time:9.1f} x   (target >= 25)")
    print(f"  eigen / geometric floor         {eigen_time / geometric_time:9.1f} x   (target <= 10)")
    print(f"  max |weight - ahpy|             {weight_gap:9.1e}     (target <= 1e-9; "
          f"{(~ahpy_ok).sum()} of {AHPY_SAMPLE} overflowed in ahpy)")
    print(f"  max |CR - ahpy|                 {cr_gap:9.1e}     (target <= 1e-9)")
    print(f"AIJ of {COUNT} respondents ({N}x{N})  {aij_time * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
