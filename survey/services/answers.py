"""The stakeholder's path: pairwise pages, consistency check, re-asks, resume.

Judgments are only ever added (a change is a new revision), so an accepted
answer is never lost and HR can see what was changed after a re-ask.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from analysis.ahp import SAATY_SCALE, consistency, inconsistent_pairs, priorities, unlinked_elements
from analysis.messages import InputError
from survey.models import ClusterAnswer, Invitation, Judgment, Reask, Round, Submission, utcnow
from survey.services import data_versions
from survey.services.errors import N_, Invalid, Stale, library_message
from survey.services.groups import anchor_id
from survey.services.kinds import JUDGMENTS, kind_of
from survey.services.network import network
from survey.services.rounds import is_accepting
from survey.services.scorecards import clusters as version_clusters
from survey.services.text import refuse_line_breaks
from survey.services.tokens import token_hash
from survey.services.transactions import in_unit_of_work, retried_once_if_disconnected

ACCEPTED, REASKING, KEPT = "accepted", "reasking", "kept_inconsistent"
FINISHED = (ACCEPTED, KEPT)
REMOVED = N_("You were removed from this round: answers are no longer accepted.")
REASK_TOP = 3


@dataclass(frozen=True)
class Node:
    """What a questionnaire page needs of a scorecard element, detached from any session."""
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class Cluster:
    key: str
    parent: Node | None
    members: list[Node]

    @property
    def pairs(self) -> list[tuple[Node, Node]]:
        return [(a, b) for i, a in enumerate(self.members) for b in self.members[i + 1:]]


@dataclass(frozen=True)
class Outcome:
    status: str
    cr: float | None


# The survey's hot path runs these on every page: built once, as building a statement costs about
# as much as running it on SQLite. The round and the pages' states come in the invitation's query:
# every page needs them, and on PostgreSQL each query is a round trip.
_INVITATION_BY_TOKEN = (select(Invitation).options(joinedload(Invitation.round), joinedload(Invitation.pages))
                        .where(Invitation.token_hash == bindparam("token_hash")))
# inline(): no RETURNING of the new ids, which nothing reads.
_ADD_JUDGMENTS = insert(Judgment.__table__).inline()
_ADD_PAGE = insert(ClusterAnswer.__table__).inline()
_ADD_SUBMISSION = insert(Submission.__table__).inline()


def find_invitation(session: Session, token: str) -> Invitation | None:
    if not token or len(token) > 100:
        return None
    return session.scalars(_INVITATION_BY_TOKEN, {"token_hash": token_hash(token)}).unique().one_or_none()


@in_unit_of_work
def mark_opened(session: Session, invitation: Invitation) -> None:
    if invitation.opened_at is None:
        invitation.opened_at = utcnow()


@in_unit_of_work
def save_identity(session: Session, invitation: Invitation, role: str, years_of_service: int | None) -> None:
    if invitation.removed_at is not None:
        raise Invalid({"": REMOVED})
    refuse_line_breaks(role=role)
    invitation.identity = {"role": role.strip()[:200], "years_of_service": years_of_service}
    mark_opened(session, invitation)


#: Questionnaires by round, kept per process: a version used by a round is frozen
#: (scorecards.ensure_editable), so its pages never change once anyone can answer them.
_QUESTIONNAIRES: dict[tuple, list[Cluster]] = {}
_CACHED_VERSIONS = 256


def questionnaire(session: Session, invitation: Invitation) -> list[Cluster]:
    """The clusters this respondent compares (two or more elements), in page order."""
    round_ = session.get(Round, invitation.round_id)
    # The round's creation time tells a recreated database's "round 1" from the old one.
    key = (str(session.get_bind().url), round_.id, round_.created_at, round_.version_id)
    if key not in _QUESTIONNAIRES:
        if len(_QUESTIONNAIRES) >= _CACHED_VERSIONS:
            _QUESTIONNAIRES.clear()
        _QUESTIONNAIRES[key] = _network_pages(session, round_) if kind_of(round_).influence_pages else _tree_pages(
            session, round_)
    return _QUESTIONNAIRES[key]


def _tree_pages(session: Session, round_: Round) -> list[Cluster]:
    # A launched round's comparison groups are fixed (survey/services/groups.py), as its version is.
    compared = version_clusters(session, round_.version_id, tree_only=True)
    node = {e.id: Node(e.id, e.code, e.name) for _, members in compared for e in members}
    return [Cluster(cluster, None if anchor_id(cluster) is None else node[anchor_id(cluster)],
                    [node[e.id] for e in members])
            for cluster, members in compared if len(members) >= 2]


def _network_pages(session: Session, round_: Round) -> list[Cluster]:
    """One page per comparison set of the version's network, its parent the element compared with respect to."""
    def node(e):
        return Node(e.id, e.code, e.name)
    return [Cluster(s.key, node(s.target), [node(e) for e in s.members])
            for s in network(session, round_.version).sets if s.asked]


def cluster_by_key(session: Session, invitation: Invitation, key: str) -> Cluster | None:
    return next((cluster for cluster in questionnaire(session, invitation) if cluster.key == key), None)


def status_of(invitation: Invitation) -> dict[str, ClusterAnswer]:
    """Each answered page's state, by cluster key (loaded with the invitation, or on first use)."""
    return {answer.cluster: answer for answer in invitation.pages}


def next_step(session: Session, invitation: Invitation) -> tuple[str, str | None]:
    """Where a respondent resumes: ('reask', key), ('cluster', key) or ('done', None)."""
    answers = status_of(invitation)
    for cluster in questionnaire(session, invitation):
        answer = answers.get(cluster.key)
        if answer is None:
            return "cluster", cluster.key
        if answer.status == REASKING:
            return "reask", cluster.key
    return "done", None


def current_answers(session: Session, invitation: Invitation, cluster_key: str) -> dict[tuple[int, int], float | None]:
    """The latest revision of each judgment: {(row id, column id): a_ij or None for don't know}."""
    return {pair: judgment.value for pair, judgment in latest_judgments(session, invitation, cluster_key).items()}


def latest_judgments(session: Session, invitation: Invitation, cluster_key: str) -> dict[tuple[int, int], Judgment]:
    """The latest judgment of each pair on a page, by (row id, column id)."""
    latest: dict[tuple[int, int], Judgment] = {}
    for judgment in session.scalars(select(Judgment).where(Judgment.invitation_id == invitation.id,
                                                           Judgment.cluster == cluster_key)
                                    .order_by(Judgment.revision, Judgment.id)):
        latest[(judgment.row_id, judgment.column_id)] = judgment
    return latest


def page_revision(session: Session, invitation: Invitation, cluster_key: str) -> int:
    """The newest judgment's id on a page: a form carries the one it was shown with (0 before any answer)."""
    return max((j.id for j in latest_judgments(session, invitation, cluster_key).values()), default=0)


def refuse_if_stale(latest: dict, given: dict, seen: int | None, field) -> None:
    """Two windows on one page: raise Stale when an answer saved after the form was shown (``seen``, its
    revision; None: a form from before revisions, not checked) differs from the one posted for it.
    ``latest``: {key: the stored row, with .id and .value}; ``field``: a key's form field name."""
    if seen is None:
        return
    saved = {field(key): row.value for key, row in latest.items()
             if row.id > seen and key in given and given[key] != row.value}
    if saved:
        raise Stale(saved, max(row.id for row in latest.values()))


def answer_matrix(cluster: Cluster, answers: dict[tuple[int, int], float | None]) -> np.ndarray:
    position = {element.id: index for index, element in enumerate(cluster.members)}
    A = np.full((len(position),) * 2, np.nan)
    np.fill_diagonal(A, 1.0)
    for (row, column), value in answers.items():
        if value is not None and row in position and column in position:
            A[position[row], position[column]], A[position[column], position[row]] = value, 1.0 / value
    return A


@retried_once_if_disconnected
def submit_cluster(session: Session, invitation: Invitation, cluster: Cluster,
                   answers: dict[tuple[int, int], float | None], submission_key: str,
                   seen: int | None = None) -> Outcome:
    """Store a page of judgments, check consistency and open a re-ask when it is too high.

    One query for the page's state, one more only when the page was answered before, and
    one commit for everything, the submission key included (the hot path of a survey).
    ``seen``: the page's revision the form was shown with (page_revision); Stale when answers saved
    since, from another window, would be replaced.
    """
    round_ = accepting_round(session, invitation)
    if round_.feedback_at is not None:  # the first pass is over: a page changes only with a reason
        raise Invalid({"": N_("This round's first answers are closed: review each page in its feedback round.")})
    check_submission_key(submission_key)
    refuse_unanswered(round_, cluster, answers)
    A = answer_matrix(cluster, answers)
    require_linked(cluster, A)
    cr = page_cr(A, round_)
    pages = status_of(invitation)
    answer = pages.get(cluster.key)
    new_page = answer is None  # judgments are stored with their page's answer, so a new page has none yet
    if not new_page and seen is not None:
        refuse_if_stale(latest_judgments(session, invitation, cluster.key), answers, seen, _pair_field)
    if new_page:
        answer = pages[cluster.key] = ClusterAnswer(invitation_id=invitation.id, cluster=cluster.key, reasks=0)
    answer.cr, answer.updated_at = cr, utcnow()
    settle(session, invitation, cluster, answer, A, round_)
    update_completion(session, invitation, pages)

    def write():
        store_judgments(session, invitation, cluster.key, answers, first=new_page)
        if new_page:  # a plain INSERT: the unit of work would cost more than all the page's statements
            session.connection().execute(_ADD_PAGE, {
                "invitation_id": invitation.id, "cluster": cluster.key, "cr": cr, "status": answer.status,
                "reasks": 0, "updated_at": answer.updated_at})
    if not commit_submission(session, invitation, submission_key, write):
        return _settled_outcome(session, invitation, cluster.key)
    return Outcome(answer.status, cr)


def refuse_unanswered(round_: Round, cluster: Cluster, answers: dict[tuple[int, int], float | None]) -> None:
    """Invalid, naming each pair, unless every pair of the page has a value on the scale (or "don't know"
    where the round allows it) and nothing else was posted."""
    expected = {(a.id, b.id) for a, b in cluster.pairs}
    errors = {}
    for pair in expected:
        if pair not in answers:
            errors[f"p_{pair[0]}_{pair[1]}"] = N_("Choose a value for this pair.")
        elif answers[pair] is None and not round_.allow_dont_know:
            errors[f"p_{pair[0]}_{pair[1]}"] = N_("This round asks for a value for every pair.")
        elif answers[pair] is not None and not on_scale(answers[pair]):
            errors[f"p_{pair[0]}_{pair[1]}"] = N_("Choose a value on the 1-9 scale.")
    if set(answers) - expected:
        errors[""] = N_("The form does not match this page; reload it.")
    if errors:
        raise Invalid(errors)


def _pair_field(pair: tuple[int, int]) -> str:
    return f"p_{pair[0]}_{pair[1]}"


def open_reask(session: Session, invitation: Invitation, cluster_key: str) -> Reask | None:
    return session.scalar(select(Reask).where(Reask.invitation_id == invitation.id, Reask.cluster == cluster_key,
                                              Reask.answered_at.is_(None)).order_by(Reask.id.desc()))


@retried_once_if_disconnected
def submit_reask(session: Session, invitation: Invitation, cluster: Cluster, values: dict[tuple[int, int], float],
                 reason: str, submission_key: str) -> Outcome:
    """Apply the respondent's reply to a re-ask: changed values, or the same ones kept with a reason."""
    round_ = accepting_round(session, invitation)
    check_submission_key(submission_key)
    reask = open_reask(session, invitation, cluster.key)
    if reask is None:
        return _settled_outcome(session, invitation, cluster.key)
    shown = {(pair["row_id"], pair["column_id"]): pair for pair in reask.pairs_shown}
    errors = {}
    for pair in shown:
        value = values.get(pair)
        if value is None or not on_scale(value):
            errors[f"p_{pair[0]}_{pair[1]}"] = N_("Choose a value on the 1-9 scale.")
    answers = current_answers(session, invitation, cluster.key)
    changed = {pair: values[pair] for pair in shown if pair not in errors
               and not np.isclose(values[pair], answers.get(pair) or -1)}
    if not errors and not changed and not reason.strip():
        errors["reason"] = N_("You kept your answers: please say why, in a few words.")
    if errors:
        raise Invalid(errors)
    answers.update(changed)
    A = answer_matrix(cluster, answers)
    pages = status_of(invitation)
    answer = pages[cluster.key]
    answer.cr, answer.updated_at = page_cr(A, round_), utcnow()
    answer.reasks += 1
    reask.cr_after, reask.reason, reask.answered_at = answer.cr, reason.strip()[:2000], utcnow()
    reask.changed = [{"row_id": row, "column_id": column, "before": shown[(row, column)]["current"], "after": value}
                     for (row, column), value in changed.items()]
    if not changed:
        answer.status = KEPT  # kept on purpose, with a reason: recorded, not asked again
    else:
        settle(session, invitation, cluster, answer, A, round_)
    update_completion(session, invitation, pages)
    if not commit_submission(session, invitation, submission_key,
                             lambda: store_judgments(session, invitation, cluster.key, changed)):
        return _settled_outcome(session, invitation, cluster.key)
    return Outcome(answer.status, answer.cr)


def own_weights(session: Session, invitation: Invitation) -> list[tuple[Cluster, np.ndarray, float | None]]:
    """Each answered cluster's weights from this respondent's own judgments (the thank-you page)."""
    result = []
    for cluster in questionnaire(session, invitation):
        A = answer_matrix(cluster, current_answers(session, invitation, cluster.key))
        try:
            result.append((cluster, priorities(A), status_of(invitation)[cluster.key].cr))
        except (ValueError, KeyError):
            continue
    return result


def _settled_outcome(session: Session, invitation: Invitation, cluster_key: str) -> Outcome:
    """What an earlier, identical submission already decided."""
    answer = status_of(invitation).get(cluster_key)
    return Outcome(answer.status, answer.cr) if answer else Outcome("", None)


def accepting_round(session: Session, invitation: Invitation, given: str = JUDGMENTS) -> Round:
    """The invitation's round if it takes answers now, and answers of this kind (``given``: what its
    respondents give, kinds.JUDGMENTS by default)."""
    round_ = session.get(Round, invitation.round_id)
    if kind_of(round_).answers != given:
        raise Invalid({"": N_("This survey does not ask these questions.")})
    if invitation.removed_at is not None:
        raise Invalid({"": REMOVED})
    if round_.feedback_at is not None and invitation.feedback_invited_at is None:
        raise Invalid({"": N_("This round's feedback round is only for those who finished the round.")})
    if not is_accepting(round_):
        raise Invalid({"": N_("This round is closed: answers are no longer accepted.")})
    return round_


def require_linked(cluster: Cluster, A: np.ndarray) -> None:
    """Refuse a page whose "don't know" answers leave an element compared with none of the others:
    no weights exist for it. The "don't know" pairs that would link it are marked."""
    unlinked = unlinked_elements(A)
    if not unlinked.size:
        return
    apart = {cluster.members[i].id for i in unlinked}
    names = ", ".join(cluster.members[i].name for i in unlinked)
    errors = {f"p_{a.id}_{b.id}": N_("Give a value here: with \"don't know\" this pair leaves %(names)s compared "
                                     "with none of the others.", names=names)
              for a, b in cluster.pairs if (a.id in apart) != (b.id in apart)}
    errors[""] = N_("Too many \"don't know\" answers: %(names)s must be compared with at least one other element, "
                    "directly or through others. Give a value to one of the marked pairs.", names=names)
    raise Invalid(errors)


def page_cr(A: np.ndarray, round_: Round) -> float | None:
    if A.shape[0] < 3:
        return 0.0
    try:
        return float(consistency(A, ri=round_.ri_table).cr)
    except InputError as error:  # a cluster larger than the round's random index table
        raise Invalid({"": library_message(error)}) from None


_SCALE_STEPS = tuple(float(step) for step in SAATY_SCALE)


def on_scale(value: float) -> bool:
    """Whether a judgment is one of Saaty's 17 values (as np.isclose would say; numpy's call
    overhead is more than this loop for one number, and a page checks each of its pairs)."""
    return any(math.isclose(value, step, rel_tol=1e-5, abs_tol=1e-8) for step in _SCALE_STEPS)


def check_submission_key(key: str) -> None:
    if not key or len(key) > 64:
        raise Invalid({"": N_("The form has expired; reload the page.")})


def commit_submission(session: Session, invitation: Invitation, key: str, write=lambda: None) -> bool:
    """Run a page's last ``write`` statements and commit everything with the page's submission key.
    A key used before (double click, resent form) makes it write nothing and return False.
    It commits itself, as the last step of a write ``retried_once_if_disconnected`` runs: the key is
    what makes running that write twice safe."""
    try:
        write()
        data_versions.touch(session, invitation.organisation_id)  # the page's rows are plain INSERTs
        session.connection().execute(_ADD_SUBMISSION, {"invitation_id": invitation.id, "key": key,
                                                       "created_at": utcnow()})
        session.commit()
        session.expire(invitation, ["pages"])  # a page may have been added by a plain INSERT
    except IntegrityError:
        session.rollback()
        if session.scalar(select(Submission.id).where(Submission.invitation_id == invitation.id,
                                                      Submission.key == key)) is None:
            # Not this key: the same page saved at the same moment from another window.
            raise Invalid({"": N_("This page was just saved from another window; reload it.")}) from None
        return False
    return True


def store_judgments(session: Session, invitation: Invitation, cluster_key: str, answers: dict,
                    first: bool = False) -> None:
    """Add a revision for each judgment that differs from its latest one; ``first``: the page has none yet."""
    previous: dict[tuple[int, int], float | None] = {}
    revisions: dict[tuple[int, int], int] = {}
    if not first:
        for judgment in session.scalars(select(Judgment).where(Judgment.invitation_id == invitation.id,
                                                               Judgment.cluster == cluster_key)
                                        .order_by(Judgment.revision, Judgment.id)):
            pair = (judgment.row_id, judgment.column_id)
            previous[pair], revisions[pair] = judgment.value, judgment.revision
    now = utcnow()
    rows = [{"invitation_id": invitation.id, "cluster": cluster_key, "row_id": row, "column_id": column,
             "value": value, "revision": revisions.get((row, column), 0) + 1, "created_at": now}
            for (row, column), value in answers.items()
            if (row, column) not in previous or previous[(row, column)] != value]  # unchanged: no new revision
    if rows:
        session.connection().execute(_ADD_JUDGMENTS, rows)


def update_completion(session: Session, invitation: Invitation, pages: dict[str, ClusterAnswer]) -> None:
    """Completed when every page is accepted or kept; a page re-asked again reopens the questionnaire.
    ``pages`` is the invitation's page answers as they will be committed."""
    finished = {key for key, answer in pages.items() if answer.status in FINISHED}
    if not all(c.key in finished for c in questionnaire(session, invitation)):
        if invitation.completed_at is not None:  # assigned only when it changes: no UPDATE otherwise
            invitation.completed_at = None
    elif invitation.completed_at is None:
        invitation.completed_at = utcnow()


def settle(session: Session, invitation: Invitation, cluster: Cluster, answer: ClusterAnswer, A: np.ndarray,
            round_: Round) -> None:
    """Accept the page, or open a re-ask while the round allows more, or record it as kept inconsistent."""
    if answer.cr is None or answer.cr <= round_.cr_threshold + 1e-12:
        answer.status = ACCEPTED
        return
    if answer.reasks >= round_.max_reasks:
        answer.status = KEPT
        return
    answer.status = REASKING
    pairs = inconsistent_pairs(A, top=min(REASK_TOP, len(cluster.pairs) - 1), ri=round_.ri_table)
    session.add(Reask(invitation_id=invitation.id, cluster=cluster.key, cr_before=answer.cr, pairs_shown=[
        {"row_id": cluster.members[p.i].id, "column_id": cluster.members[p.j].id, "current": p.current,
         "implied": p.implied, "implied_scale": p.implied_scale, "cr_if_revised": p.cr_if_revised}
        for p in pairs]))
