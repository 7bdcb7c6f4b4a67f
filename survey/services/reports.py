"""Report data for printing and exporting: a round's weights, personal scorecards, the office scorecard's table
(the office scorecard itself, page and PDF: services.scorecard_document).

Each ``*_report`` returns the context its template in templates/reports needs;
each ``*_table`` returns the same figures as a flat table for XLSX/CSV.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.scoring import LIGHT_NAMES, NO_DATA
from survey.labels import words
from survey.models import (
    ClusterAnswer,
    Invitation,
    Judgment,
    Organisation,
    Person,
    Rating,
    Reask,
    Round,
    ScorecardVersion,
)
from survey.services import (
    feedback,
    groups,
    performance,
    questionnaires,
    results,
    scorecards,
    weight_intervals,
    weight_sensitivity,
)
from survey.services.kinds import DEFAULT, RATINGS, kind_of
from survey.services.ratings import scale_of
from survey.services.zones import on_wall_clock

LIGHT_OF_CODE = {code: name for code, name in enumerate(LIGHT_NAMES)} | {-1: NO_DATA}


def weights_provenance(session: Session, version: ScorecardVersion) -> dict:
    """How the version's published weights were made, for a page, a report and the API to say alike:
    ``kind`` (weighting: pairwise comparison, network: ANP limit priorities, rating: direct rating, given), ``method`` (words of
    labels.LABELS, in English: a page translates them), ``respondents`` (counted when published),
    the round (``round_id``, ``title``) or the note of given weights, who published them and the day,
    on the office's clock. ``source`` None: nothing published yet."""
    published = version.weights_published_at
    zone = session.get(Organisation, version.organisation_id).time_zone
    day = on_wall_clock(published, zone).date().isoformat() if published else None
    common = {"published_on": day, "published_by": version.weights_published_by,
              "respondents": version.weights_respondents, "round_id": None, "title": "", "note": "", "method": []}
    if version.weights_source == "round" or version.weights_round_id:
        round_ = session.get(Round, version.weights_round_id) if version.weights_round_id else None
        kind = round_.kind if round_ else DEFAULT.code
        return dict(common, source="round", kind=kind, kind_words=words(kind, "weights_kind"),
                    round_id=version.weights_round_id, title=round_.title if round_ else "",
                    method=_method_words(round_) if round_ else [])
    if version.weights_source == "given":
        return dict(common, source="given", kind="given", kind_words=words("given", "weights_kind"),
                    note=version.weights_note)
    return dict(common, source=None, kind=None, kind_words="")


def _published(session: Session, round_: Round) -> dict | None:
    """The provenance of the version's weights when they are this round's, for its report to say so."""
    version = session.get(ScorecardVersion, round_.version_id)
    return weights_provenance(session, version) if version.weights_round_id == round_.id else None


def _method_words(round_: Round) -> list[str]:
    """How a round's answers became weights, in the words of labels.LABELS."""
    if kind_of(round_).answers == RATINGS:
        lowest, highest = scale_of(round_)
        return [words(round_.rating_mean or "arithmetic", "rating_mean"), words(f"{lowest:g}-{highest:g}", "rating_scale")]
    return [words(round_.aggregation, "aggregation"), words(round_.priority_method, "priority_method")]


def office_table(session: Session, version: ScorecardVersion, period: str, language: str = "id") -> pd.DataFrame:
    """The office scorecard's KPIs, capaian kinerja and predikat (in ``language``) and OMAX ladders."""
    card = performance.office_scorecard(session, version, period)
    table = card.kpis[["period", "perspective", "objective", "kpi", "name", "unit", "weight", "target",
                       "performance", "level", "light", "value", "root_cause", "action", "capaian"]].copy()
    table["predikat"] = [card.bands[i].label(language) if i >= 0 else "" for i in card.kpis["predikat"]]
    ladders = pd.DataFrame([row.values() for row in card.kpis["ladder"]], columns=[f"level_{n}" for n in range(11)])
    return pd.concat([table, ladders], axis=1)


def _hierarchy_rows(outcome, by_id) -> list[dict]:
    """Each element's local weight (its share of its parent's weight, as published) and global weight."""
    local = outcome.shares or outcome.local
    return [{"code": e.code, "name": e.name, "depth": depth, "local": local.get(e.id),
             "global": outcome.global_weights.get(e.id)} for e, depth in scorecards.tree_order(by_id.values())]


def _group_titles(key: str, by_id) -> dict:
    """A group's title for pages and, as (template, values), for a report's own gettext."""
    return {"title": str(groups.heading(key, by_id)), "heading": groups.heading_parts(key, by_id)}


def rating_report(session: Session, round_: Round) -> dict:
    """A direct-rating round's results: per cluster each element's group mean rating, raters and weight."""
    outcome = results.results(session, round_)
    intervals = weight_intervals.weight_intervals(session, round_)
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    clusters = []
    for cluster in outcome.clusters:
        found = {**_group_titles(cluster.key, by_id), "root": cluster.key == "root", "state": cluster.state,
                 "respondents": cluster.respondents, "names": [f"{m.code} {m.name}" for m in cluster.members],
                 "rows": []}
        if cluster.weights is not None:
            found["rows"] = [{"code": m.code, "name": m.name, "mean": float(cluster.means[i]),
                              "raters": int(cluster.raters[i]), "weight": float(cluster.weights[i])}
                             for i, m in enumerate(cluster.members)]
        clusters.append(found)
    return {"title": round_.title, "method": _method_words(round_), "published": _published(session, round_),
            "respondents": max((c["respondents"] for c in clusters), default=0),
            "hierarchy": _hierarchy_rows(outcome, by_id), "clusters": _with_bounds(clusters, outcome, intervals),
            "intervals": intervals, "sensitivity": weight_sensitivity.sensitivity(session, round_)}


def ratings_table(session: Session, round_: Round) -> pd.DataFrame:
    """Every rating ever given in the round, revisions included."""
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    rows = _answers_by_respondent(session, round_, Rating)
    columns = ["respondent", "cluster", "element", "rating", "revision", "time", "removed"]
    return pd.DataFrame([{"respondent": name, "cluster": r.cluster, "element": by_id[r.element_id].code,
                          "rating": r.value, "revision": r.revision, "time": r.created_at.isoformat(),
                          "removed": "yes" if removed_at else ""} for name, r, removed_at in rows], columns=columns)


def weighting_report(session: Session, round_: Round, personal: bool = True) -> dict:
    """The round's report; without ``personal`` (a role that may not see personal answers) it names nobody
    and gives no one's reasons: the group figures only."""
    if kind_of(round_).answers == RATINGS:
        return rating_report(session, round_)
    outcome = results.results(session, round_)
    intervals = weight_intervals.weight_intervals(session, round_)
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    hierarchy = _hierarchy_rows(outcome, by_id)
    clusters = []
    for cluster in outcome.clusters:
        codes = [m.code for m in cluster.members]
        found = {**_group_titles(cluster.key, by_id), "root": cluster.key == "root", "codes": codes,
                 "names": [f"{m.code} {m.name}" for m in cluster.members], "state": cluster.state, "respondents": cluster.respondents,
                 "unusable": cluster.unusable, "finished": cluster.respondents + cluster.unusable + cluster.excluded,
                 "rows": []}
        if cluster.weights is not None:
            found.update(cr=float(cluster.consistency.cr), consensus=cluster.consensus,
                         above_threshold=float(cluster.consistency.cr) > round_.cr_threshold + 1e-12,
                         consensus_word=cluster.consensus_word, homogeneity=cluster.homogeneity,
                         rows=[{"code": code, "matrix": list(cluster.group_matrix[i]), "weight": float(cluster.weights[i])}
                               for i, code in enumerate(codes)])
        clusters.append(found)
    names = dict(session.execute(select(Invitation.id, Person.name).join(Person).where(
        Invitation.round_id == round_.id, Person.organisation_id == round_.organisation_id)).all())
    counted = (Invitation.round_id == round_.id, Invitation.removed_at.is_(None))  # removed people left the results
    kept = {a.invitation_id for a in session.scalars(select(ClusterAnswer).join(Invitation)
                                                     .where(*counted, ClusterAnswer.status == "kept_inconsistent"))}
    reasked = set(session.scalars(select(Reask.invitation_id).join(Invitation).where(*counted)))
    method = [words(round_.aggregation, "aggregation"), words(round_.priority_method, "priority_method"),
              words(round_.ri_table, "ri_table")]
    return {"title": round_.title, "method": method, "cr_threshold": round_.cr_threshold,
            "grouping_rule": groups.rule(session.get(ScorecardVersion, round_.version_id)),
            "published": _published(session, round_),
            "respondents": max((c["respondents"] for c in clusters), default=0), "hierarchy": hierarchy,
            "intervals": intervals, "sensitivity": weight_sensitivity.sensitivity(session, round_),
            "clusters": _with_bounds(clusters, outcome, intervals), "inconsistent": sorted(names[i] for i in kept) if personal else [],
            "reasked": sorted(names[i] for i in reasked) if personal else [],
            "kept_reasons": kept_reasons(session, round_) if personal else [],
            "feedback": feedback_report(session, round_, by_id, personal) if kind_of(round_).feedback else None}


def feedback_report(session: Session, round_: Round, by_id, personal: bool = True) -> dict | None:
    """The feedback round's before and after for the report: per page S* and weights, the global weights,
    and (``personal``) who changed what why; None for a round without one."""
    compared = feedback.before_after(session, round_)
    if compared is None:
        return None
    pages = []
    for change in compared.pages:
        before, after = change.before, change.after
        both = before.weights is not None and after.weights is not None
        pages.append({**_group_titles(before.key, by_id), "reviewed": change.reviewed, "changed": change.changed,
                      "consensus": (before.consensus, after.consensus),
                      "rows": [{"code": m.code, "before": float(before.weights[i]), "after": float(after.weights[i])}
                               for i, m in enumerate(before.members)] if both else []})
    kpis = [(element_id, weight) for element_id, weight in compared.before.global_weights.items()
            if by_id[element_id].kind == "kpi"]
    return {"asked": compared.asked, "pages": pages,
            "global": [{"code": by_id[k].code, "name": by_id[k].name, "before": w,
                        "after": compared.after.global_weights.get(k)} for k, w in kpis],
            "reasons": [{"respondent": name, **_group_titles(key, by_id), "reason": reason}
                        for name, key, reason in compared.reasons] if personal else []}


def _with_bounds(clusters: list[dict], outcome, intervals) -> list[dict]:
    """Each page's 90 % intervals (low, high) per element, for its chart's error bars; None without intervals."""
    pages = intervals.pages if intervals else {}
    return [{**found, "bounds": pages[cluster.key].bounds() if cluster.key in pages else None}
            for found, cluster in zip(clusters, outcome.clusters)]


def kept_reasons(session: Session, round_: Round, include_removed: bool = False) -> list[dict]:
    """Why respondents kept answers the re-ask found inconsistent, in their words: for HR to weigh
    before publishing. People removed from the round are left out unless ``include_removed``."""
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    query = (select(Reask, Person.name, Invitation.removed_at).join(Invitation, Invitation.id == Reask.invitation_id)
             .join(Person, Person.id == Invitation.person_id)
             .where(Invitation.round_id == round_.id, Person.organisation_id == round_.organisation_id,
                    Reask.reason != "").order_by(Person.name, Reask.id))
    if not include_removed:
        query = query.where(Invitation.removed_at.is_(None))
    return [{"respondent": name, "root": reask.cluster == "root", "invitation": reask.invitation_id,
             "page": "" if reask.cluster == "root" else str(groups.heading(reask.cluster, by_id)),
             "heading": groups.heading_parts(reask.cluster, by_id),
             "cluster": reask.cluster, "cr_before": reask.cr_before, "cr_after": reask.cr_after, "reason": reask.reason,
             "removed": removed_at is not None}
            for reask, name, removed_at in session.execute(query)]


def _answers_by_respondent(session: Session, round_: Round, answer) -> list:
    """(respondent's name, answer row, removed at) for every Judgment or Rating row of the round, removed
    participants' included, by respondent, page and order given."""
    return session.execute(select(Person.name, answer, Invitation.removed_at)
                           .join(Invitation, Invitation.id == answer.invitation_id)
                           .join(Person, Person.id == Invitation.person_id)
                           .where(Invitation.round_id == round_.id, Person.organisation_id == round_.organisation_id)
                           .order_by(Person.name, answer.cluster, answer.id)).all()


def judgments_table(session: Session, round_: Round) -> pd.DataFrame:
    """Every judgment ever given in the round, revisions included."""
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    rows = _answers_by_respondent(session, round_, Judgment)
    # The respondent's last reason for keeping this page's answers, next to each of its judgments.
    reasons = {(kept["invitation"], kept["cluster"]): kept["reason"]
               for kept in kept_reasons(session, round_, include_removed=True)}
    columns = ["respondent", "cluster", "row", "column", "value", "revision", "time", "kept_reason", "removed"]
    return pd.DataFrame([{"respondent": name, "cluster": j.cluster, "row": by_id[j.row_id].code,
                          "column": by_id[j.column_id].code, "value": j.value, "revision": j.revision,
                          "time": j.created_at.isoformat(), "kept_reason": reasons.get((j.invitation_id, j.cluster), ""),
                          "removed": "yes" if removed_at else ""} for name, j, removed_at in rows], columns=columns)


def weights_table(session: Session, round_: Round) -> pd.DataFrame:
    """Every element's local and global weight; a KPI's with its 90 % bootstrap interval and how often it keeps
    its rank (empty where the round has no intervals: a network, or a page without enough answers)."""
    report = weighting_report(session, round_)
    table = pd.DataFrame(report["hierarchy"])
    found = report["intervals"]
    drawn = {kpi.code: found.of(kpi.id) for kpi in found.kpis} if found else {}
    for column, k in (("global_low_90", 0), ("global_high_90", 1), ("rank_kept", 2)):
        table[column] = [drawn[code][k] if code in drawn else None for code in table["code"]]
    compared = feedback.before_after(session, round_) if kind_of(round_).feedback else None
    return table if compared is None else _with_first_pass(session, round_, table, compared)


def _with_first_pass(session: Session, round_: Round, table: pd.DataFrame, compared) -> pd.DataFrame:
    """A round with a feedback pass: each element's local and global weight before it (the first pass), and
    the consensus (S*) of the page it is compared on before and after it, beside the weights after."""
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    id_of = [{e.code: e.id for e in by_id.values()}[code] for code in table["code"]]
    before_local = compared.before.shares or compared.before.local

    def page_consensus(outcome) -> dict:
        return {member.id: cluster.consensus for cluster in outcome.clusters for member in cluster.members}
    before, after = page_consensus(compared.before), page_consensus(compared.after)
    table["local_before_feedback"] = [before_local.get(k) for k in id_of]
    table["global_before_feedback"] = [compared.before.global_weights.get(k) for k in id_of]
    table["consensus_before_feedback"] = [before.get(k) for k in id_of]
    table["consensus"] = [after.get(k) for k in id_of]
    return table


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
                       "light": LIGHT_OF_CODE[int(s.classes[i])], "predikat": int(found.predikat[i]),
                       "kpis": [{"code": kpi.code, "name": kpi.name, "unit": kpi.unit,
                                 "achievement": plain_number(found.achievements[i, k]),
                                 "capaian": plain_number(found.capaian[i, k]), "level": plain_number(s.levels[i, k]),
                                 "weight": float(found.weights[k]), "value": plain_number(s.values[i, k]),
                                 "light": LIGHT_OF_CODE[int(s.lights[i, k])]} for k, kpi in enumerate(found.kpis)]})
    ranking = sorted(people, key=lambda p: (p["rank"], p["name"]))
    return {"title": round_.title, "period": round_.period, "people": ranking, "ranking": ranking,
            "employees": len(ranking), "first_number": 1, "bands": found.bands,
            "predikat_counts": found.predikat_counts()}


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


def personal_table(session: Session, round_: Round, language: str = "id") -> pd.DataFrame:
    """One row per employee and KPI; the predikat of the total in ``language``."""
    report = personal_report(session, round_)
    named = lambda i: report["bands"][i].label(language) if i >= 0 else ""  # noqa: E731
    rows = [{"name": p["name"], "unit": p["unit"], "rank": p["rank"], "total": p["total"], "class": p["light"],
             "kpi": k["code"], "achievement": k["achievement"], "level": k["level"], "weight": k["weight"],
             "value": k["value"], "light": k["light"], "capaian": k["capaian"], "predikat": named(p["predikat"])}
            for p in report["people"] for k in p["kpis"]]
    return pd.DataFrame(rows)


def plain_number(value) -> float | None:
    """A float for JSON and templates: None where there is no number (None or NaN)."""
    if value is None:
        return None
    value = float(value)
    return None if np.isnan(value) else value
