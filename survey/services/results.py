"""A round's results, whatever its kind (``results``, dispatched once through kinds.RoundKind.outcome, in
the one shape of outcome.Outcome); group weights per cluster and over the whole scorecard; publishing them.

Any stored answers give results: a respondent whose "don't know" answers leave an element of a
page unlinked is left out of that page's group (and counted as such), and a page whose group
matrix is itself unlinked has "not enough answers" instead of weights.

A round's results are computed once per change of its answers and kept per process under a
key that one cheap query gives (the judgments' count and last id, the pages' states, the
respondents' weights and the round's settings), so the results page, the exports, the PDF and
the API reuse them; every worker computes them at most once per change.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.ahp import (
    aggregate,
    aggregate_priorities,
    complete,
    consensus,
    priorities,
    relative_homogeneity,
    unlinked_elements,
    weights_and_consistency,
)
from survey.models import ClusterAnswer, Element, Invitation, Judgment, Person, Round, ScorecardVersion, utcnow
from survey.services import audit, data_versions, groups, questionnaires
from survey.services.answers import FINISHED, KEPT, Cluster, answer_matrix
from survey.services.errors import N_, Invalid
from survey.services.groups import anchored
from survey.services.kinds import kind_of
from survey.services.network_results import network_outcome
from survey.services.outcome import ClusterResult, Outcome, QuestionnaireResults
from survey.services.rating_results import rating_clusters
from survey.services.scorecards import clusters as version_clusters
from survey.services.scorecards import hierarchy
from survey.services.transactions import in_unit_of_work

# Goepel's words for S* (analysis.ahp.CONSENSUS_WORDS), marked here for the catalog.
CONSENSUS_WORD_MESSAGES = (N_("very low"), N_("low"), N_("moderate"), N_("high"), N_("very high"))

#: The judgment scale's largest value, Goepel's M in S* (the site asks Saaty's 1-9 scale).
SCALE_MAX = 9.0


#: Results by (database, round, settings, fingerprint of the answers); see the module docstring.
_RESULTS: dict[tuple, dict[bool, Outcome]] = {}
_CACHED_ROUNDS = 64


def results(session: Session, round_: Round, include_inconsistent: bool | None = None) -> Outcome:
    """The round's results by its kind's outcome (OUTCOMES); ``include_inconsistent`` None: by the round's
    rule (a pairwise round's only: ratings and questionnaires have no consistency to include or not).
    Invalid when a questionnaire's results cannot be made yet (no answers)."""
    return OUTCOMES[kind_of(round_).outcome](session, round_, include_inconsistent)


def _pairwise(session: Session, round_: Round, include_inconsistent: bool | None) -> Outcome:
    """Finished answers combined per page by the round's method (AIJ or AIP), weighted per person; the
    pages' weights then combined by the kind's method (``_COMBINED``)."""
    include = round_.include_inconsistent if include_inconsistent is None else include_inconsistent
    return _both_results(session, round_)[include]


def _direct_rating(session: Session, round_: Round, include_inconsistent: bool | None) -> Outcome:
    """Each cluster's mean of ratings, weighted per person."""
    tree, _ = hierarchy(session, round_.version_id)
    return with_global_weights(tree, version_clusters(session, round_.version_id), *rating_clusters(session, round_))


def _personal_scores(session: Session, round_: Round, include_inconsistent: bool | None) -> Outcome:
    return Outcome(questionnaire=QuestionnaireResults(personal=questionnaires.personal_results(session, round_)))


def _validation_shares(session: Session, round_: Round, include_inconsistent: bool | None) -> Outcome:
    shares, verdicts = questionnaires.validation_results(session, round_)
    return Outcome(questionnaire=QuestionnaireResults(shares=shares, verdicts=verdicts))


def _satisfaction_scores(session: Session, round_: Round, include_inconsistent: bool | None) -> Outcome:
    items, overall = questionnaires.satisfaction_results(session, round_)
    return Outcome(questionnaire=QuestionnaireResults(items=items, overall=overall))


#: Each kind's outcome function by the name kinds.RoundKind.outcome gives.
OUTCOMES: dict[str, Callable[[Session, Round, bool | None], Outcome]] = {
    "ahp": _pairwise, "anp": _pairwise, "direct_rating": _direct_rating, "personal_scores": _personal_scores,
    "validation_shares": _validation_shares, "satisfaction_scores": _satisfaction_scores}


@in_unit_of_work
def publish(session: Session, round_: Round, actor: str = "system") -> None:
    """Write the round's group weights to its scorecard version, remembering the round."""
    outcome = results(session, round_)
    if outcome.unpublishable:  # a network's own reason (no limit weight for the KPIs, ...)
        raise Invalid({"": outcome.unpublishable})
    if not outcome.complete or not outcome.global_weights:
        raise Invalid({"": N_("Every cluster needs at least one finished respondent before weights can be published.")})
    version = session.get(ScorecardVersion, round_.version_id)
    decimals = round_.weight_decimals
    for element in session.scalars(select(Element).where(Element.version_id == version.id)):
        element.local_weight = outcome.shares[element.id]
        exact = outcome.global_weights[element.id]
        element.global_weight = exact if decimals is None else round(exact, decimals)
    version.weights_round_id, version.weights_source = round_.id, "round"
    version.weights_note, version.weights_published_by, version.weights_published_at = "", actor, utcnow()
    version.weights_respondents = max((cluster.respondents for cluster in outcome.clusters), default=0)
    audit.record(session, round_.organisation_id, actor, "weights_published", round_.title,
                 {"round": round_.id, "version": version.label, "still_open": round_.status == "open"})


def latest_judgments(session: Session, round_: Round, until: datetime | None = None
                     ) -> dict[tuple[int, str], dict[tuple[int, int], float | None]]:
    """Every respondent's current judgments of the round in one query: {(invitation, cluster): {pair: value}};
    ``until``: as they stood at that moment (the first pass's, before a feedback pass)."""
    latest: dict[tuple[int, str], dict[tuple[int, int], float | None]] = {}
    query = (select(Judgment.invitation_id, Judgment.cluster, Judgment.row_id, Judgment.column_id, Judgment.value)
             .where(Judgment.invitation_id.in_(invitation_ids(session, round_)))
             .order_by(Judgment.revision, Judgment.id))
    if until is not None:
        query = query.where(Judgment.created_at <= until)
    # Plain rows, not Judgment objects: a round of 100 respondents on a 20-element page has 19,000.
    for invitation_id, cluster, row_id, column_id, value in session.execute(query):
        latest.setdefault((invitation_id, cluster), {})[(row_id, column_id)] = value
    return latest


def _both_results(session: Session, round_: Round) -> dict[bool, Outcome]:
    """The results with and without respondents who stayed inconsistent, from the cache when nothing changed."""
    key = data_versions.remembered(session, round_.organisation_id, ("results", round_.id),
                                   lambda: _answers_key(session, round_))
    if key not in _RESULTS:
        if len(_RESULTS) >= _CACHED_ROUNDS:
            _RESULTS.clear()
        _RESULTS[key] = _compute(session, round_, list(key.rows), dict(key.statuses), key.grouping)
    return _RESULTS[key]


@dataclass(frozen=True)
class _AnswersKey:
    """What a round's results are computed from: its settings and a fingerprint of its answers. The rows and
    page states are also what the computation reads."""
    database: str
    round_id: int
    created_at: datetime  # a database emptied and filled again (tests) reuses ids
    version_id: int
    grouping: tuple
    settings: tuple       # RI table, aggregation, priority method
    rows: tuple           # (invitation, person's weight) of everyone in the round, removed participants left out
    statuses: tuple       # ((invitation, cluster), state) of every answered page
    judged: tuple         # how many judgments, the newest's id


def _answers_key(session: Session, round_: Round) -> _AnswersKey:
    # Removed participants leave the results; their invitations leave the rows, and with them the key.
    judged = session.execute(select(func.count(Judgment.id), func.max(Judgment.id))
                             .where(Judgment.invitation_id.in_(invitation_ids(session, round_)))).one()
    # A draft's groups follow its version's until it is launched (survey/services/groups.py).
    grouping = groups.grouping_of(session.get(ScorecardVersion, round_.version_id))
    return _AnswersKey(str(session.get_bind().url), round_.id, round_.created_at, round_.version_id, grouping,
                       (round_.ri_table, round_.aggregation, round_.priority_method),
                       tuple(respondent_rows(session, round_)), tuple(sorted(page_statuses(session, round_).items())),
                       tuple(judged))


def invitation_ids(session: Session, round_: Round) -> list[int]:
    """Every invitation of the round, removed ones included. The answers' queries name them rather than join
    invitations: PostgreSQL then reads the round's rows by index, where a join by round was planned as a
    scan of every organisation's judgments (tests/test_query_plans.py)."""
    return list(session.scalars(select(Invitation.id).where(Invitation.round_id == round_.id)))


def respondent_rows(session: Session, round_: Round) -> list[tuple[int, float]]:
    """(invitation id, the person's weight) of everyone in the round, removed participants left out."""
    return [tuple(row) for row in session.execute(
        select(Invitation.id, Person.weight)
        # The organisation's people only: read by its index, not among every office's (a province's 20,000).
        .join(Person, (Person.id == Invitation.person_id) & (Person.organisation_id == round_.organisation_id))
        .where(Invitation.round_id == round_.id, Invitation.removed_at.is_(None)).order_by(Invitation.id))]


def page_statuses(session: Session, round_: Round) -> dict[tuple[int, str], str]:
    """Each answered page's state: {(invitation id, cluster key): accepted | reasking | kept_inconsistent}."""
    return dict(((invitation_id, cluster), status) for invitation_id, cluster, status in session.execute(
        select(ClusterAnswer.invitation_id, ClusterAnswer.cluster, ClusterAnswer.status)
        .where(ClusterAnswer.invitation_id.in_(invitation_ids(session, round_)))))


def usable_matrices(round_: Round, key: str, members: list, invitation_ids, statuses, judgments) -> dict:
    """{invitation id: its matrix as given} of the respondents whose page ``key`` counts by the round's rule
    (finished; kept-inconsistent ones only when the round counts them) and whose answers link every element."""
    found = {}
    for invitation_id in invitation_ids:
        status = statuses.get((invitation_id, key))
        if status not in FINISHED or (status == KEPT and not round_.include_inconsistent):
            continue
        matrix = answer_matrix(Cluster(key, None, members), judgments.get((invitation_id, key), {}))
        if unlinked_elements(matrix).size == 0:
            found[invitation_id] = matrix
    return found


def _compute(session: Session, round_: Round, rows, statuses, grouping) -> dict[bool, Outcome]:
    return outcomes_from(session, round_, rows, statuses, latest_judgments(session, round_), grouping)


def outcomes_from(session: Session, round_: Round, rows, statuses, judgments, grouping) -> dict[bool, Outcome]:
    """A pairwise round's results, with and without inconsistent respondents, from the given respondents
    (``respondent_rows``), pages' states and judgments ({(invitation, cluster): {pair: value}})."""
    return _COMBINED[kind_of(round_).outcome](session, round_, grouping, lambda key, members: group_results(
        round_, key, members, rows, statuses, judgments))


def _hierarchy_outcome(session: Session, round_: Round, grouping, group_results) -> dict[bool, Outcome]:
    """A weighting round's: each comparison group's local weights, and global weights down the tree."""
    tree, _ = hierarchy(session, round_.version_id)
    both = {True: ([], {}), False: ([], {})}
    compared = version_clusters(session, round_.version_id, grouping=grouping)
    for key, members in compared:
        if len(members) == 1:
            for _, local in both.values():
                local[members[0].id] = 1.0
            continue
        for include, result in group_results(key, members).items():
            found, local = both[include]
            found.append(result)
            if result.weights is not None:
                local.update({element.id: float(w) for element, w in zip(members, result.weights)})
    return {include: with_global_weights(tree, compared, found, local) for include, (found, local) in both.items()}


#: How a pairwise kind combines its pages' group results (both variants, with and without respondents
#: who stayed inconsistent): ``(session, round_, grouping, group_results(key, members))``.
_COMBINED = {"ahp": _hierarchy_outcome, "anp": lambda session, round_, grouping, group_results: network_outcome(
    session, round_, group_results)}


def with_global_weights(tree, compared, clusters, local: dict[int, float]) -> Outcome:
    """A round's results from its groups' local weights: global weights once every compared element has one.

    Each group shares out its anchor's weight; elements not asked weigh what is compared below them.
    """
    global_weights, shares = {}, {}
    if all(element.id in local for _, members in compared for element in members):
        found = tree.global_from_groups(anchored(compared), local)
        global_weights = {int(k): float(w) for k, w in zip(tree.keys, found)}
        shares = {int(k): float(w) for k, w in zip(tree.keys, tree.local_from_global(found))}
    return Outcome(clusters, local, global_weights, shares)


def group_results(round_: Round, key: str, members: list, rows, statuses, judgments) -> dict[bool, ClusterResult]:
    """One page's group result with and without the respondents who stayed inconsistent."""
    weight_of = dict(rows)
    answered = [(invitation_id, statuses[(invitation_id, key)]) for invitation_id, _ in rows
                if statuses.get((invitation_id, key)) in FINISHED]
    cluster = Cluster(key, None, members)
    matrices = [answer_matrix(cluster, judgments.get((invitation_id, key), {})) for invitation_id, _ in answered]
    usable = [unlinked_elements(A).size == 0 for A in matrices]
    usable_matrices = [A for A, ok in zip(matrices, usable) if ok]
    # Completed once, for both variants: completion is most of the work.
    completed = dict(zip(np.flatnonzero(usable), complete(np.stack(usable_matrices)))) if usable_matrices else {}
    both = {}
    for include in (True, False):
        chosen = [k for k, (_, status) in enumerate(answered) if usable[k] and (include or status != KEPT)]
        excluded = sum(1 for _, status in answered if status == KEPT and not include)
        unusable = sum(1 for k, (_, status) in enumerate(answered) if not usable[k] and (include or status != KEPT))
        both[include] = _cluster_result(round_, key, members, [matrices[k] for k in chosen],
                                        [completed[k] for k in chosen], [weight_of[answered[k][0]] for k in chosen],
                                        excluded, unusable)
    return both


def _cluster_result(round_, key, members, matrices, completed, respondent_weights, excluded, unusable) -> ClusterResult:
    """One page's group result from its usable respondents' matrices (as given, and completed)."""
    nothing = ClusterResult(key, members, len(matrices), excluded, unusable, None, None, None, None, None)
    if not matrices:
        return nothing
    stack = np.stack(matrices)
    group = aggregate(stack, respondent_weights)
    if unlinked_elements(group).size:  # even together, the answers never compare some element with the rest
        return nothing
    completed = np.stack(completed)
    individual = priorities(completed)  # eigenvectors, for the consensus
    weights, result = weights_and_consistency(group, ri=round_.ri_table)
    if round_.priority_method != "eigen":
        weights = priorities(group, round_.priority_method)
    if round_.aggregation == "aip":  # combine individual priorities instead of judgments
        weights = aggregate_priorities(priorities(completed, round_.priority_method), respondent_weights)
    return ClusterResult(key, members, len(matrices), excluded, unusable, group, weights, result,
                         consensus(individual, respondent_weights, SCALE_MAX),
                         relative_homogeneity(individual, respondent_weights))
