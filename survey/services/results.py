"""Group weights of a round: per cluster and over the whole scorecard; publishing them."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.ahp import Consistency, aggregate, aggregate_priorities, consensus, priorities, weights_and_consistency
from survey.models import ClusterAnswer, Element, Invitation, Judgment, Person, Round, ScorecardVersion
from survey.services.answers import FINISHED, KEPT, Cluster, answer_matrix
from survey.services.errors import N_, Invalid
from survey.services.scorecards import clusters as version_clusters
from survey.services.scorecards import hierarchy


@dataclass(frozen=True)
class ClusterResult:
    key: str
    members: list[Element]
    respondents: int
    excluded: int  # kept inconsistent and left out by the round's rule
    group_matrix: np.ndarray | None
    weights: np.ndarray | None
    consistency: Consistency | None
    consensus: float | None


@dataclass(frozen=True)
class RoundResults:
    clusters: list[ClusterResult]
    local: dict[int, float]
    global_weights: dict[int, float]  # every element; KPIs' sum to 1

    @property
    def complete(self) -> bool:
        return all(result.weights is not None for result in self.clusters)


def round_results(session: Session, round_: Round, include_inconsistent: bool | None = None) -> RoundResults:
    """Combine finished answers per cluster by the round's method (AIJ or AIP), weighted per person."""
    include = round_.include_inconsistent if include_inconsistent is None else include_inconsistent
    rows = session.execute(select(Invitation, Person).join(Person, Person.id == Invitation.person_id)
                           .where(Invitation.round_id == round_.id)).all()
    statuses = {(a.invitation_id, a.cluster): a.status for a in session.scalars(
        select(ClusterAnswer).join(Invitation, Invitation.id == ClusterAnswer.invitation_id)
        .where(Invitation.round_id == round_.id))}
    judgments = latest_judgments(session, round_)
    results, local = [], {}
    for key, members in version_clusters(session, round_.version_id):
        if len(members) == 1:
            local[members[0].id] = 1.0
            continue
        result = _cluster_result(round_, key, members, rows, statuses, judgments, include)
        results.append(result)
        if result.weights is not None:
            local.update({element.id: float(w) for element, w in zip(members, result.weights)})
    tree, by_id = hierarchy(session, round_.version_id)
    global_weights = {}
    if len(local) == len(by_id):
        global_weights = {int(k): float(w) for k, w in zip(tree.keys, tree.global_weights(local))}
    return RoundResults(results, local, global_weights)


def publish(session: Session, round_: Round) -> None:
    """Write the round's group weights to its scorecard version, remembering the round."""
    results = round_results(session, round_)
    if not results.complete or not results.global_weights:
        raise Invalid({"": N_("Every cluster needs at least one finished respondent before weights can be published.")})
    version = session.get(ScorecardVersion, round_.version_id)
    decimals = round_.weight_decimals
    for element in session.scalars(select(Element).where(Element.version_id == version.id)):
        element.local_weight = results.local[element.id]
        exact = results.global_weights[element.id]
        element.global_weight = exact if decimals is None else round(exact, decimals)
    version.weights_round_id = round_.id
    session.commit()


def latest_judgments(session: Session, round_: Round) -> dict[tuple[int, str], dict[tuple[int, int], float | None]]:
    """Every respondent's current judgments of the round in one query: {(invitation, cluster): {pair: value}}."""
    latest: dict[tuple[int, str], dict[tuple[int, int], float | None]] = {}
    for judgment in session.scalars(select(Judgment).join(Invitation, Invitation.id == Judgment.invitation_id)
                                    .where(Invitation.round_id == round_.id).order_by(Judgment.revision, Judgment.id)):
        latest.setdefault((judgment.invitation_id, judgment.cluster), {})[
            (judgment.row_id, judgment.column_id)] = judgment.value
    return latest


def _cluster_result(round_, key, members, rows, statuses, judgments, include) -> ClusterResult:
    matrices, respondent_weights, excluded = [], [], 0
    for invitation, person in rows:
        status = statuses.get((invitation.id, key))
        if status not in FINISHED:
            continue
        if status == KEPT and not include:
            excluded += 1
            continue
        matrices.append(answer_matrix(Cluster(key, None, members), judgments.get((invitation.id, key), {})))
        respondent_weights.append(person.weight)
    if not matrices:
        return ClusterResult(key, members, 0, excluded, None, None, None, None)
    stack = np.stack(matrices)
    individual = priorities(stack)  # eigenvectors, for the consensus
    group = aggregate(stack, respondent_weights)
    weights, result = weights_and_consistency(group, ri=round_.ri_table)
    if round_.priority_method != "eigen":
        weights = priorities(group, round_.priority_method)
    if round_.aggregation == "aip":  # combine individual priorities instead of judgments
        weights = aggregate_priorities(priorities(stack, round_.priority_method), respondent_weights)
    return ClusterResult(key, members, len(matrices), excluded, group, weights, result,
                         consensus(individual, respondent_weights))
