"""A feedback (Delphi) pass of a closed weighting round: HR opens it for those who finished the first pass;
each of them sees, page by page, their own first-pass judgments beside the group's and keeps or changes
them, with a reason when something changes. The first pass stays on record: judgments are only ever added,
so "before" is every judgment as it stood when the pass was opened (``Round.feedback_at``), and each page's
state before it was reviewed is kept with the review (``FeedbackReview.status_before``).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import FeedbackReview, Invitation, Judgment, Person, Round, ScorecardVersion, Submission, utcnow
from survey.services import audit, groups, mail
from survey.services.answers import (
    REASKING,
    Cluster,
    accepting_round,
    answer_matrix,
    check_submission_key,
    commit_submission,
    current_answers,
    page_cr,
    questionnaire,
    refuse_unanswered,
    require_linked,
    settle,
    status_of,
    store_judgments,
    update_completion,
)
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.outcome import ClusterResult, Outcome
from survey.services.results import latest_judgments, outcomes_from, page_statuses, respondent_rows, results
from survey.services.transactions import in_unit_of_work, retried_once_if_disconnected
from survey.services.zones import as_utc

REASON_LIMIT = 2000


@in_unit_of_work
def open_feedback(session: Session, round_: Round, settings: Mapping, actor: str = "system") -> int:
    """Reopen a closed round for a second pass by everyone who finished the first, telling those with an
    email; returns how many are asked. Everything of the first pass is kept."""
    if not kind_of(round_).feedback:
        raise Invalid({"": N_("Only a round of pairwise comparisons between comparison groups can have a "
                              "feedback round.")})
    if round_.feedback_at is not None:
        raise Invalid({"": N_("This round's feedback round was opened already.")})
    if round_.status != "closed":
        raise Invalid({"": N_("Close the round first: a feedback round reviews the answers of a closed round.")})
    if round_.closes_at and as_utc(round_.closes_at) <= utcnow():
        raise Invalid({"closes_at": N_("Its closing time has passed: set a later closing time first.")})
    mail.check_can_send(settings)
    finished = list(session.scalars(select(Invitation).where(
        Invitation.round_id == round_.id, Invitation.completed_at.is_not(None), Invitation.removed_at.is_(None))))
    if not finished:
        raise Invalid({"": N_("Nobody has finished the round: there is nothing to review.")})
    now = utcnow()
    round_.feedback_at, round_.status = now, "open"
    for invitation in finished:
        invitation.feedback_invited_at = now
        if session.get(Person, invitation.person_id).email:
            mail.queue_invitation(session, invitation, reminder=False, feedback=True)
    audit.record(session, round_.organisation_id, actor, "feedback_opened", round_.title,
                 {"round": round_.id, "count": len(finished)})
    return len(finished)


def in_feedback(round_: Round, invitation: Invitation) -> bool:
    """Whether this respondent is asked to review their answers now (the round's feedback pass is open)."""
    return round_.feedback_at is not None and invitation.feedback_invited_at is not None


def first_pass_answers(session: Session, round_: Round, invitation: Invitation, cluster_key: str
                       ) -> dict[tuple[int, int], float | None]:
    """A respondent's judgments on a page as they stood when the feedback pass opened."""
    answers: dict[tuple[int, int], float | None] = {}
    for row, column, value in session.execute(
            select(Judgment.row_id, Judgment.column_id, Judgment.value)
            .where(Judgment.invitation_id == invitation.id, Judgment.cluster == cluster_key,
                   Judgment.created_at <= round_.feedback_at).order_by(Judgment.revision, Judgment.id)):
        answers[(row, column)] = value
    return answers


def reviews(session: Session, invitation: Invitation) -> dict[str, FeedbackReview]:
    return {review.cluster: review for review in session.scalars(
        select(FeedbackReview).where(FeedbackReview.invitation_id == invitation.id))}


def pages_to_review(session: Session, invitation: Invitation) -> list[Cluster]:
    """The pages the respondent answered in the first pass, in page order."""
    round_ = session.get(Round, invitation.round_id)
    answered = set(session.scalars(select(Judgment.cluster).where(
        Judgment.invitation_id == invitation.id, Judgment.created_at <= round_.feedback_at).distinct()))
    return [page for page in questionnaire(session, invitation) if page.key in answered]


def next_step(session: Session, invitation: Invitation) -> tuple[str, str | None]:
    """Where a respondent of the feedback pass resumes: ('reask', key) for a changed page too inconsistent,
    ('feedback', key) for the first page not reviewed yet, or ('done', None)."""
    pages = status_of(invitation)
    for page in questionnaire(session, invitation):
        if page.key in pages and pages[page.key].status == REASKING:
            return "reask", page.key
    reviewed = reviews(session, invitation)
    for page in pages_to_review(session, invitation):
        if page.key not in reviewed:
            return "feedback", page.key
    return "done", None


@dataclass(frozen=True)
class PairBeside:
    """A pair of a feedback page: the respondent's first-pass judgment and the group's (a_ij, None: the
    respondent did not know; the group's None: the group has no result on the page)."""
    row: object
    column: object
    own: float | None
    group: float | None


def page_beside(session: Session, invitation: Invitation, cluster: Cluster) -> list[PairBeside]:
    """Each pair of a page with the respondent's first-pass judgment and the first pass's group judgment."""
    round_ = session.get(Round, invitation.round_id)
    own = first_pass_answers(session, round_, invitation, cluster.key)
    group = next((c for c in first_pass(session, round_).clusters if c.key == cluster.key), None)
    matrix = group.group_matrix if group is not None and group.weights is not None else None
    position = {member.id: index for index, member in enumerate(group.members)} if matrix is not None else {}
    return [PairBeside(a, b, own.get((a.id, b.id)),
                       float(matrix[position[a.id], position[b.id]]) if matrix is not None else None)
            for a, b in cluster.pairs]


@retried_once_if_disconnected
def submit_review(session: Session, invitation: Invitation, cluster: Cluster,
                  given: dict[tuple[int, int], float | None], reason: str, submission_key: str) -> str:
    """Keep or change a page's judgments in the feedback pass, once per page; a change needs a reason and is
    checked for consistency as in the first pass (a re-ask may follow). Returns the page's state."""
    round_ = accepting_round(session, invitation)
    check_submission_key(submission_key)
    if not in_feedback(round_, invitation):
        raise Invalid({"": N_("This round has no feedback round open for you.")})
    if cluster.key not in {page.key for page in pages_to_review(session, invitation)}:
        raise Invalid({"": N_("You did not answer this page in the round: there is nothing to review on it.")})
    if cluster.key in reviews(session, invitation):
        if session.scalar(select(Submission.id).where(Submission.invitation_id == invitation.id,
                                                      Submission.key == submission_key)) is not None:
            return status_of(invitation)[cluster.key].status  # the same form sent twice: stored once
        raise Invalid({"": N_("You reviewed this page already.")})
    refuse_unanswered(round_, cluster, given)
    current = current_answers(session, invitation, cluster.key)
    changed = {pair: value for pair, value in given.items() if _differs(value, current.get(pair))}
    reason = (reason or "").strip()
    if changed and not reason:
        raise Invalid({"reason": N_("You changed an answer: please say why, in a few words.")})
    if len(reason) > REASON_LIMIT:
        raise Invalid({"reason": N_("Say why in at most %(limit)d characters.", limit=REASON_LIMIT)})
    pages = status_of(invitation)
    answer = pages[cluster.key]
    status_before = answer.status
    if changed:
        A = answer_matrix(cluster, {**current, **changed})
        require_linked(cluster, A)
        # A changed page is checked as a new one: the first pass's re-asks are not counted against it.
        answer.cr, answer.updated_at, answer.reasks = page_cr(A, round_), utcnow(), 0
        settle(session, invitation, cluster, answer, A, round_)
        update_completion(session, invitation, pages)
    review = FeedbackReview(invitation_id=invitation.id, cluster=cluster.key, status_before=status_before,
                            reason=reason, created_at=utcnow(), changed=[
                                {"row_id": row, "column_id": column, "before": current.get((row, column)),
                                 "after": value} for (row, column), value in changed.items()])

    def write():
        store_judgments(session, invitation, cluster.key, changed)
        session.add(review)
    if not commit_submission(session, invitation, submission_key, write):
        return status_of(invitation)[cluster.key].status
    return answer.status


def _differs(value: float | None, before: float | None) -> bool:
    if value is None or before is None:
        return (value is None) != (before is None)
    return not math.isclose(value, before, rel_tol=1e-9)


#: The first pass's results by (database, round, its feedback time, respondents, settings): they never
#: change once the pass is open (its judgments are fixed, and each page's state before is kept).
_FIRST_PASS: dict[tuple, dict[bool, Outcome]] = {}
_CACHED = 32


def first_pass(session: Session, round_: Round, include_inconsistent: bool | None = None) -> Outcome:
    """The round's results as they stood when its feedback pass was opened."""
    include = round_.include_inconsistent if include_inconsistent is None else include_inconsistent
    rows = respondent_rows(session, round_)
    grouping = groups.grouping_of(session.get(ScorecardVersion, round_.version_id))
    key = (str(session.get_bind().url), round_.id, round_.created_at, round_.feedback_at, tuple(rows), grouping,
           round_.ri_table, round_.aggregation, round_.priority_method)
    if key not in _FIRST_PASS:
        if len(_FIRST_PASS) >= _CACHED:
            _FIRST_PASS.clear()
        statuses = page_statuses(session, round_)
        for invitation_id, cluster, status in session.execute(
                select(FeedbackReview.invitation_id, FeedbackReview.cluster, FeedbackReview.status_before)
                .join(Invitation, Invitation.id == FeedbackReview.invitation_id)
                .where(Invitation.round_id == round_.id)):
            statuses[(invitation_id, cluster)] = status
        _FIRST_PASS[key] = outcomes_from(session, round_, rows, statuses,
                                         latest_judgments(session, round_, until=round_.feedback_at), grouping)
    return _FIRST_PASS[key][include]


@dataclass(frozen=True)
class PageChange:
    """One page's group result before and after the feedback pass."""
    before: ClusterResult
    after: ClusterResult
    reviewed: int  # respondents who reviewed the page
    changed: int  # of whom changed something on it


@dataclass(frozen=True)
class BeforeAfter:
    """A round's results before and after its feedback pass, side by side."""
    pages: list[PageChange]
    before: Outcome
    after: Outcome
    asked: int  # respondents asked to review
    reasons: list[tuple[str, str, str]]  # (person, page key, reason) of every reviewed page with a reason


def before_after(session: Session, round_: Round) -> BeforeAfter | None:
    """The results before and after the feedback pass; None for a round without one."""
    if round_.feedback_at is None:
        return None
    before, after = first_pass(session, round_), results(session, round_)
    reviewed = session.execute(
        select(FeedbackReview, Person.name).join(Invitation, Invitation.id == FeedbackReview.invitation_id)
        .join(Person, Person.id == Invitation.person_id)
        .where(Invitation.round_id == round_.id, Invitation.removed_at.is_(None))
        .order_by(FeedbackReview.created_at, FeedbackReview.id)).all()
    after_by_key = {cluster.key: cluster for cluster in after.clusters}
    pages = [PageChange(cluster, after_by_key[cluster.key],
                        sum(1 for review, _ in reviewed if review.cluster == cluster.key),
                        sum(1 for review, _ in reviewed if review.cluster == cluster.key and review.changed))
             for cluster in before.clusters if cluster.key in after_by_key]
    asked = len(session.scalars(select(Invitation.id).where(
        Invitation.round_id == round_.id, Invitation.feedback_invited_at.is_not(None),
        Invitation.removed_at.is_(None))).all())
    return BeforeAfter(pages, before, after, asked,
                       [(name, review.cluster, review.reason) for review, name in reviewed if review.reason])

