"""Group weights of a direct-rating round, per cluster and over the whole scorecard.

Each cluster's weights are the normalised group mean ratings of the respondents who finished its page
(analysis.rating.group_rating, by the round's mean, weighted per person as a weighting round's
judgments are); an element everybody answered "don't know" leaves its cluster without weights
("not enough answers"). results.results (its direct_rating outcome) and results.publish serve it as any round.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.rating import group_rating
from survey.models import ClusterAnswer, Element, Invitation, Person, Round
from survey.services.answers import FINISHED
from survey.services.ratings import latest_ratings
from survey.services.scorecards import clusters as version_clusters


@dataclass(frozen=True)
class RatingClusterResult:
    key: str
    members: list[Element]
    respondents: int  # who finished the page
    means: np.ndarray | None  # each element's group mean rating (NaN: nobody rated it)
    raters: np.ndarray | None  # how many rated each element (not "don't know")
    weights: np.ndarray | None

    @property
    def state(self) -> str:
        """As a weighting round's ClusterResult.state: 'ok', 'no_answers' or 'not_enough'."""
        if self.weights is not None:
            return "ok"
        return "not_enough" if self.respondents else "no_answers"


def rating_clusters(session: Session, round_: Round) -> tuple[list[RatingClusterResult], dict[int, float]]:
    """Each cluster's group result from every finished page of people still in the round, and the local
    weights they give (results.results adds the global weights)."""
    rows = session.execute(select(Invitation.id, Person.weight).join(Person, Person.id == Invitation.person_id)
                           .where(Invitation.round_id == round_.id, Invitation.removed_at.is_(None))
                           .order_by(Invitation.id)).all()
    finished = set(session.execute(select(ClusterAnswer.invitation_id, ClusterAnswer.cluster)
                                   .join(Invitation, Invitation.id == ClusterAnswer.invitation_id)
                                   .where(Invitation.round_id == round_.id, ClusterAnswer.status.in_(FINISHED))).all())
    ratings = latest_ratings(session, round_)
    clusters, local = [], {}
    for key, members in version_clusters(session, round_.version_id):
        if len(members) == 1:
            local[members[0].id] = 1.0
            continue
        raters = [(invitation_id, weight) for invitation_id, weight in rows if (invitation_id, key) in finished]
        result = _cluster_result(key, members, raters, ratings, round_.rating_mean or "arithmetic")
        clusters.append(result)
        if result.weights is not None:
            local.update({element.id: float(w) for element, w in zip(members, result.weights)})
    return clusters, local


def _cluster_result(key, members, raters, ratings, mean) -> RatingClusterResult:
    if not raters:
        return RatingClusterResult(key, members, 0, None, None, None)
    table = np.array([[_number(ratings.get((invitation_id, key), {}).get(element.id)) for element in members]
                      for invitation_id, _ in raters])
    group = group_rating(table, mean, [weight for _, weight in raters])
    return RatingClusterResult(key, members, len(raters), group.means, group.raters, group.weights)


def _number(value: float | None) -> float:
    return np.nan if value is None else value
