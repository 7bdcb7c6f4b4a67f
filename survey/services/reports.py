"""Report data for printing and exporting: the office scorecard, a round's weights, personal scorecards.

Each ``*_report`` returns the context its template in templates/reports needs;
each ``*_table`` returns the same figures as a flat table for XLSX/CSV.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.scoring import LIGHT_NAMES, NO_DATA
from survey.models import ClusterAnswer, Invitation, Judgment, Person, Reask, Round, ScorecardVersion
from survey.services import performance, questionnaires, results, scorecards, strategy

LIGHT_OF_CODE = {code: name for code, name in enumerate(LIGHT_NAMES)} | {-1: NO_DATA}


def office_report(session: Session, version: ScorecardVersion, period: str) -> dict:
    card = performance.office_scorecard(session, version, period)
    by_code = {e.code: e for e in scorecards.elements(session, version.id)}
    kpis = [{"code": row["kpi"], "name": row["name"], "performance": plain_number(row["performance"]),
             "ladder": list(row["ladder"].values()), "level": plain_number(row["level"]), "weight": row["weight"],
             "value": plain_number(row["value"]), "light": row["light"], "root_cause": row["root_cause"],
             "action": row["action"], "perspective": row["perspective"]} for row in card.kpis.to_dict("records")]
    subtotals = [{"code": row.perspective, "name": by_code[str(row.perspective)].name, "subtotal": row.subtotal}
                 for row in card.subtotals.itertuples()]
    perspectives = [dict(p, kpis=[k for k in kpis if k["perspective"] == p["code"]]) for p in subtotals]
    change = card.index["change"]
    return {"scorecard": f"{version.scorecard.name} {version.label}", "period": period,
            "index": plain_number(card.index["index"]), "index_light": card.index["light"],
            "provisional": card.provisional, "scored": card.scored, "weighted": card.weighted,
            "gaps": card.gaps,
            "change": None if change != change else float(change), "subtotals": subtotals,
            "perspectives": perspectives, "counts": {name: int(card.index[name]) for name in LIGHT_NAMES},
            "trend": card.trend.to_dict("records"), "trends": performance.trends(card),
            "strategy": _strategy(session, version, card),
            "attention": [k for k in kpis if k["light"] in ("red", "yellow")]}


def _strategy(session: Session, version: ScorecardVersion, card) -> dict:
    the_map = strategy.strategy_map(session, version, card)
    return {"bands": strategy.plain_bands(the_map), "arrows": the_map.arrows}


def office_table(session: Session, version: ScorecardVersion, period: str) -> pd.DataFrame:
    card = performance.office_scorecard(session, version, period)
    table = card.kpis[["period", "perspective", "objective", "kpi", "name", "unit", "weight", "target",
                       "performance", "level", "light", "value", "root_cause", "action"]].copy()
    ladders = pd.DataFrame([row.values() for row in card.kpis["ladder"]], columns=[f"level_{n}" for n in range(11)])
    return pd.concat([table, ladders], axis=1)


def weighting_report(session: Session, round_: Round) -> dict:
    outcome = results.round_results(session, round_)
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    hierarchy = [{"code": e.code, "name": e.name, "depth": depth, "local": outcome.local.get(e.id),
                  "global": outcome.global_weights.get(e.id)} for e, depth in scorecards.tree_order(by_id.values())]
    clusters = []
    for cluster in outcome.clusters:
        codes = [m.code for m in cluster.members]
        title = "Perspectives" if cluster.key == "root" else f"{by_id[int(cluster.key)].code} {by_id[int(cluster.key)].name}"
        found = {"title": title, "root": cluster.key == "root", "codes": codes,
                 "names": [f"{m.code} {m.name}" for m in cluster.members], "state": cluster.state, "respondents": cluster.respondents,
                 "unusable": cluster.unusable, "finished": cluster.respondents + cluster.unusable + cluster.excluded,
                 "rows": []}
        if cluster.weights is not None:
            found.update(cr=float(cluster.consistency.cr), consensus=cluster.consensus,
                         consensus_word=cluster.consensus_word, homogeneity=cluster.homogeneity,
                         rows=[{"code": code, "matrix": list(cluster.group_matrix[i]), "weight": float(cluster.weights[i])}
                               for i, code in enumerate(codes)])
        clusters.append(found)
    names = dict(session.execute(select(Invitation.id, Person.name).join(Person).where(Invitation.round_id == round_.id)).all())
    kept = {a.invitation_id for a in session.scalars(select(ClusterAnswer).join(Invitation)
                                                     .where(Invitation.round_id == round_.id,
                                                            ClusterAnswer.status == "kept_inconsistent"))}
    reasked = set(session.scalars(select(Reask.invitation_id).join(Invitation).where(Invitation.round_id == round_.id)))
    method = {"eigen": "principal eigenvector", "geometric": "row geometric mean",
              "approximate": "approximate method"}[round_.priority_method]
    return {"title": round_.title, "method": f"{round_.aggregation.upper()}, {method}, RI {round_.ri_table}",
            "respondents": max((c["respondents"] for c in clusters), default=0), "hierarchy": hierarchy,
            "clusters": clusters, "inconsistent": sorted(names[i] for i in kept),
            "reasked": sorted(names[i] for i in reasked)}


def judgments_table(session: Session, round_: Round) -> pd.DataFrame:
    """Every judgment ever given in the round, revisions included."""
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    rows = session.execute(select(Person.name, Judgment).join(Invitation, Invitation.id == Judgment.invitation_id)
                           .join(Person, Person.id == Invitation.person_id).where(Invitation.round_id == round_.id)
                           .order_by(Person.name, Judgment.cluster, Judgment.id)).all()
    return pd.DataFrame([{"respondent": name, "cluster": j.cluster, "row": by_id[j.row_id].code,
                          "column": by_id[j.column_id].code, "value": j.value, "revision": j.revision,
                          "time": j.created_at.isoformat()} for name, j in rows],
                        columns=["respondent", "cluster", "row", "column", "value", "revision", "time"])


def weights_table(session: Session, round_: Round) -> pd.DataFrame:
    return pd.DataFrame(weighting_report(session, round_)["hierarchy"])


def group_matrices_table(session: Session, round_: Round) -> pd.DataFrame:
    """Each cluster's group matrix, cell by cell, with how many respondents made it and how many were left out
    for too many "don't know" answers; a cluster without a group result is one row with its state."""
    rows = []
    for cluster in weighting_report(session, round_)["clusters"]:
        counts = {"state": cluster["state"], "respondents": cluster["respondents"],
                  "left_out_dont_know": cluster["unusable"]}
        rows += [{"cluster": cluster["title"], "row": row["code"], "column": column, "value": value, **counts}
                 for row in cluster["rows"] for column, value in zip(cluster["codes"], row["matrix"])]
        if not cluster["rows"]:
            rows.append({"cluster": cluster["title"], "row": "", "column": "", "value": None, **counts})
    return pd.DataFrame(rows, columns=["cluster", "row", "column", "value", "state", "respondents",
                                       "left_out_dont_know"])


def personal_report(session: Session, round_: Round) -> dict:
    found = questionnaires.personal_results(session, round_)
    s = found.scores
    people = []
    for i, person in enumerate(found.people):
        people.append({"name": person.name, "unit": person.unit, "rank": int(s.ranks[i]), "total": float(s.totals[i]),
                       "light": LIGHT_OF_CODE[int(s.classes[i])],
                       "kpis": [{"code": kpi.code, "name": kpi.name, "unit": kpi.unit,
                                 "achievement": plain_number(found.achievements[i, k]), "level": plain_number(s.levels[i, k]),
                                 "weight": float(found.weights[k]), "value": plain_number(s.values[i, k]),
                                 "light": LIGHT_OF_CODE[int(s.lights[i, k])]} for k, kpi in enumerate(found.kpis)]})
    ranking = sorted(people, key=lambda p: (p["rank"], p["name"]))
    return {"title": round_.title, "period": round_.period, "people": ranking, "ranking": ranking,
            "employees": len(ranking), "first_number": 1}


#: Employees per separately printed part of a bulk personal report.
PART_SIZE = 25


def personal_parts(report: dict, part_size: int = PART_SIZE) -> list[tuple[str, dict]]:
    """The ranking, then the employees in parts that can be printed on different cores."""
    people = report["people"]
    parts = [("personal.html", dict(report, people=[]))]
    for start in range(0, len(people), part_size):
        parts.append(("personal.html", dict(report, ranking=[], people=people[start:start + part_size],
                                            first_number=start + 1)))
    return parts


def personal_table(session: Session, round_: Round) -> pd.DataFrame:
    rows = [{"name": p["name"], "unit": p["unit"], "rank": p["rank"], "total": p["total"], "class": p["light"],
             "kpi": k["code"], "achievement": k["achievement"], "level": k["level"], "weight": k["weight"],
             "value": k["value"], "light": k["light"]}
            for p in personal_report(session, round_)["people"] for k in p["kpis"]]
    return pd.DataFrame(rows)


def plain_number(value) -> float | None:
    """A float for JSON and templates: None where there is no number (None or NaN)."""
    if value is None:
        return None
    value = float(value)
    return None if np.isnan(value) else value
