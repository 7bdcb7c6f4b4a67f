"""The respondent's path in a direct-rating round: one page per cluster, a rating per element.

The pages are a weighting round's clusters (answers.questionnaire), and each page's state is a
ClusterAnswer as in a weighting round (always accepted: ratings have no consistency to check), so
progress, resume and completion work the same. Ratings are only ever added: a change is a new revision.
"""
from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.render.numbers import format_number
from analysis.rating import rating_range
from survey.models import ClusterAnswer, Invitation, Rating, Round, utcnow
from survey.services.answers import (
    ACCEPTED,
    Cluster,
    accepting_round,
    check_submission_key,
    commit_submission,
    questionnaire,
    refuse_if_stale,
    status_of,
    update_completion,
)
from survey.services.errors import N_, Invalid
from survey.services.kinds import RATINGS
from survey.services.transactions import commits_itself


def scale_of(round_: Round) -> tuple[float, float]:
    """The lowest and highest rating the round takes (a geometric mean takes no 0: analysis.rating)."""
    return rating_range(round_.rating_scale or 10, round_.rating_mean or "arithmetic")


def field_name(element_id: int) -> str:
    return f"r_{element_id}"


def latest_ratings_of_page(session: Session, invitation: Invitation, cluster_key: str) -> dict[int, Rating]:
    """The latest rating of each element on a page, by element id."""
    latest: dict[int, Rating] = {}
    for rating in session.scalars(select(Rating).where(Rating.invitation_id == invitation.id,
                                                       Rating.cluster == cluster_key)
                                  .order_by(Rating.revision, Rating.id)):
        latest[rating.element_id] = rating
    return latest


def current_ratings(session: Session, invitation: Invitation, cluster_key: str) -> dict[int, float | None]:
    """The latest revision of each rating on a page: {element id: rating, or None for don't know}."""
    return {element_id: rating.value for element_id, rating in latest_ratings_of_page(session, invitation,
                                                                                      cluster_key).items()}


def page_revision(session: Session, invitation: Invitation, cluster_key: str) -> int:
    """The newest rating's id on a page: a form carries the one it was shown with (0 before any answer)."""
    return max((r.id for r in latest_ratings_of_page(session, invitation, cluster_key).values()), default=0)


@commits_itself
def submit_ratings(session: Session, invitation: Invitation, cluster: Cluster, given: dict[int, float | None],
                   submission_key: str, locale: str = "en", seen: int | None = None) -> None:
    """Store a page of ratings, all of them or (on any refusal, named per element) none.
    ``seen``: the page's revision the form was shown with; Stale when ratings saved since, from another
    window, would be replaced."""
    round_ = accepting_round(session, invitation, RATINGS)
    check_submission_key(submission_key)
    lowest, highest = scale_of(round_)
    errors = {}
    for element in cluster.members:
        value, name = given.get(element.id, math.nan), field_name(element.id)
        if element.id not in given:
            errors[name] = N_("Rate this element.")
        elif value is None and not round_.allow_dont_know:
            errors[name] = N_("This round asks for a rating of every element.")
        elif value is not None and not (math.isfinite(value) and lowest <= value <= highest):
            errors[name] = N_("Give a rating from %(lowest)s to %(highest)s.",
                              lowest=format_number(lowest, "exact", locale),
                              highest=format_number(highest, "exact", locale))
    if set(given) - {element.id for element in cluster.members}:
        errors[""] = N_("The form does not match this page; reload it.")
    if errors:
        raise Invalid(errors)
    pages = status_of(invitation)
    if cluster.key in pages and seen is not None:
        refuse_if_stale(latest_ratings_of_page(session, invitation, cluster.key), given, seen, field_name)
    if cluster.key not in pages:
        pages[cluster.key] = ClusterAnswer(invitation_id=invitation.id, cluster=cluster.key, reasks=0)
        session.add(pages[cluster.key])
    pages[cluster.key].status, pages[cluster.key].cr, pages[cluster.key].updated_at = ACCEPTED, None, utcnow()
    update_completion(session, invitation, pages)
    commit_submission(session, invitation, submission_key,
                      lambda: _store(session, invitation, cluster.key, given))


def _store(session: Session, invitation: Invitation, cluster_key: str, given: dict[int, float | None]) -> None:
    """Add a revision for each rating that differs from its latest one."""
    previous, revisions = {}, {}
    for rating in session.scalars(select(Rating).where(Rating.invitation_id == invitation.id,
                                                       Rating.cluster == cluster_key)
                                  .order_by(Rating.revision, Rating.id)):
        previous[rating.element_id], revisions[rating.element_id] = rating.value, rating.revision
    now = utcnow()
    session.add_all(Rating(invitation_id=invitation.id, cluster=cluster_key, element_id=element_id, value=value,
                           revision=revisions.get(element_id, 0) + 1, created_at=now)
                    for element_id, value in given.items()
                    if element_id not in previous or previous[element_id] != value)
    session.flush()


def own_ratings(session: Session, invitation: Invitation) -> list[tuple[Cluster, list[float | None]]]:
    """Each answered page's ratings as given, in the page's order (the thank-you page)."""
    answered = status_of(invitation)
    result = []
    for cluster in questionnaire(session, invitation):
        if cluster.key in answered:
            mine = current_ratings(session, invitation, cluster.key)
            result.append((cluster, [mine.get(element.id) for element in cluster.members]))
    return result


def latest_ratings(session: Session, round_: Round) -> dict[tuple[int, str], dict[int, float | None]]:
    """Every respondent's current ratings of the round in one query: {(invitation, cluster): {element: value}}."""
    latest: dict[tuple[int, str], dict[int, float | None]] = {}
    for invitation_id, cluster, element_id, value in session.execute(
            select(Rating.invitation_id, Rating.cluster, Rating.element_id, Rating.value)
            .join(Invitation, Invitation.id == Rating.invitation_id).where(Invitation.round_id == round_.id)
            .order_by(Rating.revision, Rating.id)):
        latest.setdefault((invitation_id, cluster), {})[element_id] = value
    return latest
