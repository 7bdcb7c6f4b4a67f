"""The SAMSAT 2010 office scorecard as a long table, built from the reference file."""
import pandas as pd

from analysis.scoring import Ladder
from tests.reference import samsat

PERSPECTIVE_OF = {kpi: kpi[0] for kpi in samsat()["global_weights_published"]}


def samsat_table() -> pd.DataFrame:
    rows = []
    for kpi, published in samsat()["omax_2010"]["kpis"].items():
        rows.append({"period": 2010, "kpi": kpi, "perspective": PERSPECTIVE_OF[kpi], "objective": kpi[:2],
                     "weight": published["weight"], "performance": published["performance"],
                     "ladder": Ladder({int(level): value for level, value in published["anchors"].items()})})
    return pd.DataFrame(rows)
