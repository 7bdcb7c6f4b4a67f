"""The published SAMSAT 2010 case (../shared/reference), loaded for tests."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from analysis.ahp import matrix, parse_judgment

REFERENCE_DIR = Path(os.environ.get("NERACA_REFERENCE", Path(__file__).resolve().parents[2] / "shared" / "reference"))


@lru_cache
def samsat() -> dict:
    return json.loads((REFERENCE_DIR / "samsat_bsc_2010.json").read_text())


def cluster_matrix(name: str):
    """The published matrix of one cluster as a numpy array, fractions parsed."""
    cluster = samsat()["pairwise"][name]
    order = cluster["order"]
    judgments = {
        (order[i], order[j]): parse_judgment(cluster["matrix"][i][j])
        for i in range(len(order)) for j in range(i + 1, len(order))
    }
    return order, matrix(order, judgments)
