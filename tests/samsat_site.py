"""Builds the SAMSAT organisation through the services, as HR would."""
import pandas as pd

from survey.services import accounts, people, scorecards
from tests.reference import samsat


def samsat_rows() -> pd.DataFrame:
    rows = []
    for p_code, perspective in samsat()["hierarchy"].items():
        rows.append({"code": p_code, "kind": "perspective", "parent": "", "name": perspective["name"]})
        for o_code, objective in perspective["objectives"].items():
            rows.append({"code": o_code, "kind": "objective", "parent": p_code, "name": objective["name"]})
            for k_code, kpi in objective["kpis"].items():
                better = samsat()["targets_and_actuals"][k_code][5]
                rows.append({"code": k_code, "kind": "kpi", "parent": o_code, "name": kpi, "better": better})
    return pd.DataFrame(rows)


def build_samsat(session, stakeholders=3):
    organisation = accounts.create_organisation(session, "SAMSAT")
    version = scorecards.create_scorecard(session, organisation.id, "SAMSAT BSC", "2010")
    scorecards.import_scorecard(session, version, samsat_rows())
    for k in range(stakeholders):
        people.add_person(session, organisation.id, name=f"Stakeholder {k}", email=f"s{k}@example.org",
                          role="Head", weight=1)
    return organisation, version


def published_answers(cluster, inverse=False):
    """The published judgments of a cluster page, keyed by element ids."""
    pairwise = samsat()["pairwise"]["perspectives" if cluster.key == "root" else cluster.parent.code]
    from analysis.ahp import parse_judgment
    position = {code: i for i, code in enumerate(pairwise["order"])}
    answers = {}
    for a, b in cluster.pairs:
        value = parse_judgment(pairwise["matrix"][position[a.code]][position[b.code]])
        answers[(a.id, b.id)] = 1 / value if inverse else value
    return answers


def load_samsat_performance(session, version):
    """The published 2009-2010 targets, actuals and ladders, imported as a program would (English numbers)."""
    from survey.services import performance
    performance.import_measurements(session, version, pd.DataFrame(measurement_rows()))
    performance.import_ladders(session, version, pd.DataFrame(ladder_rows()).astype(str).replace("nan", ""),
                               number_format="en")


def measurement_rows():
    """2009 and 2010 targets and actuals. The 2010 actual is the performance the OMAX table scores;
    the source's OMAX columns C4a and C4b carry each other's data (reference quirk 2), so do we."""
    case = samsat()
    table = case["targets_and_actuals"]
    swapped = {"C4a": "C4b", "C4b": "C4a"}
    rows = []
    for kpi, omax in case["omax_2010"]["kpis"].items():
        source = table[swapped.get(kpi, kpi)]
        rows.append({"kpi": kpi, "period": "2009", "target": source[0], "actual": source[1]})
        rows.append({"kpi": kpi, "period": "2010", "target": source[2], "actual": omax["performance"]})
    return rows


def ladder_rows():
    return [{"kpi": kpi, "period": "2010", **{str(level): value for level, value in omax["anchors"].items()}}
            for kpi, omax in samsat()["omax_2010"]["kpis"].items()]
