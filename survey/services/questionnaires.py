"""Self-report, validation and satisfaction rounds: questions, answers, corrections, results.

Answers are stored as numbers whatever the question kind (a choice maps to the
value HR set, Likert 1-5, yes 1 / no 0), and only ever added, so an HR
correction leaves the respondent's own answer and the reason on record.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from analysis.predikat import Band, capaian, level_percent, predikat_index
from analysis.scorecard import PersonalScores, personal_scorecards
from analysis.scoring import Ladder
from survey.i18n import gettext
from survey.models import (
    QUESTION_KINDS,
    Element,
    Invitation,
    LadderSetting,
    Organisation,
    Person,
    PublicVisit,
    Question,
    Response,
    Round,
    utcnow,
)
from survey.services import audit, data_versions, kpi_values, periods
from survey.services.answers import accepting_round, check_submission_key, commit_submission
from survey.services.bands import bands_of, thresholds_of
from survey.services.errors import N_, Invalid, Stale, joined, library_message
from survey.services.kinds import RESPONSES, kind_of
from survey.services.numbers import NumberError, parse_number
from survey.services.scorecards import elements
from survey.services.tables import split_pairs
from survey.services.text import refuse_unsafe_characters, unsafe_characters
from survey.services.transactions import in_unit_of_work, retried_once_if_disconnected

LIKERT = (1, 2, 3, 4, 5)
MOST_TEXT = 2000  # characters of an open answer
YES, NO = 1.0, 0.0


#: The verdict question of a validation round, saved in the round's language.
VERDICT_QUESTION = N_("Overall, is this scorecard valid?")

def questions(session: Session, round_: Round) -> list[Question]:
    return list(session.scalars(select(Question).where(Question.round_id == round_.id)
                                .order_by(Question.position, Question.id)))


@in_unit_of_work
def add_question(session: Session, round_: Round, *, kind: str, text: str, kpi: str = "", unit: str = "",
                 minimum: float | None = None, maximum: float | None = None, options: str = "",
                 locale: str = "id") -> Question:
    """One question; ``options`` for a choice is 'label = value; label = value', values as ``locale`` writes them."""
    refuse_unsafe_characters(text=text, unit=unit, options=options)
    by_code = {e.code: e for e in elements(session, round_.version_id)}
    errors = {}
    if kind not in QUESTION_KINDS:
        errors["kind"] = N_("Kind must be one of %(kinds)s.", kinds=", ".join(QUESTION_KINDS))
    if not text.strip():
        errors["text"] = N_("Write the question.")
    if kpi and kpi not in by_code:
        errors["kpi"] = N_("%(kpi)s is not in this round's scorecard.", kpi=kpi)
    if minimum is not None and maximum is not None and maximum <= minimum:
        errors["maximum"] = N_("The maximum must be above the minimum.")
    parsed = []
    if kind == "choice":
        try:
            parsed = parse_options(options, locale)
        except NumberError as error:
            errors["options"] = error.message
        except ValueError:
            errors["options"] = N_("Write options as 'label = value' separated by ';', e.g. 0-10 minutes = 5; 11-20 minutes = 15.")
    if _has_responses(session, round_):
        errors[""] = N_("People have answered already: the questionnaire can no longer change.")
    if errors:
        raise Invalid(errors)
    question = Question(organisation_id=round_.organisation_id, round_id=round_.id, kind=kind, text=text.strip(),
                        element_id=by_code[kpi].id if kpi else None, unit=unit.strip(), minimum=minimum,
                        maximum=maximum, options=parsed, position=len(questions(session, round_)))
    session.add(question)
    return question


@in_unit_of_work
def default_questions(session: Session, round_: Round) -> int:
    """A questionnaire from the scorecard in one click, by the round's kind."""
    if questions(session, round_):
        raise Invalid({"": N_("This round has questions already.")})
    tree = elements(session, round_.version_id)
    by_id = {e.id: e for e in tree}
    build = _DEFAULT_QUESTIONS.get(kind_of(round_).questions)
    if build is None:
        raise Invalid({"": N_("A weighting round asks pairwise comparisons, not questions.")})
    made = build(round_, tree, by_id)
    for position, question in enumerate(made):
        question.organisation_id, question.round_id, question.position = round_.organisation_id, round_.id, position
    session.add_all(made)
    return len(made)


def _kpi_numbers(round_: Round, tree, by_id) -> list[Question]:
    """A self-report's questions: each KPI's own value."""
    return [Question(kind="number", element_id=e.id, text=e.name, unit=e.unit, minimum=0.0,
                     maximum=100.0 if e.unit.strip() == "%" else None) for e in tree if e.kind == "kpi"]


def _relevance(round_: Round, tree, by_id) -> list[Question]:
    """A validation's questions: is each objective and KPI relevant, then the overall verdict."""
    made = []
    for e in (e for e in tree if e.kind in ("objective", "kpi")):
        perspective = by_id[e.parent_id] if e.kind == "objective" else by_id[by_id[e.parent_id].parent_id]
        made.append(Question(kind="yesno", element_id=e.id, text=f"{e.code} {e.name} — {perspective.name}"))
    return made + [Question(kind="verdict", text=gettext(round_.language, VERDICT_QUESTION))]


def _objective_likert(round_: Round, tree, by_id) -> list[Question]:
    """A satisfaction survey's questions: how satisfied with each objective, on a Likert scale."""
    return [Question(kind="likert", element_id=e.id, text=e.name) for e in tree if e.kind == "objective"]


#: The questionnaire made from the scorecard in one click, by the kind's ``questions``.
_DEFAULT_QUESTIONS = {"kpi_numbers": _kpi_numbers, "relevance": _relevance, "objective_likert": _objective_likert}


def parse_options(text: str, locale: str = "id") -> list[dict]:
    """'0-10 minutes = 5; 11-20 minutes = 15' -> [{'label', 'value'}, ...], values as ``locale`` writes
    numbers; ValueError when malformed."""
    options = []
    for label, value in split_pairs(text, "=", from_right=True):
        number = parse_number(value, locale)
        if not label:
            raise ValueError(label)
        options.append({"label": label, "value": number})
    if len(options) < 2:
        raise ValueError(text)
    return options


def check_answer(question: Question, raw: str | None, locale: str = "id") -> tuple[float | str | None, str | None]:
    """The stored number for a raw form value (a number written as ``locale`` writes them; the text of an
    open answer), or a message saying what is wrong."""
    raw = (raw or "").strip()
    if question.kind == "text":  # an open answer: optional, kept as text, never scored
        if len(raw) > MOST_TEXT:
            return None, N_("Write at most %(most)d characters.", most=MOST_TEXT)
        return raw, next(iter(unsafe_characters({"text": raw}).values()), None)
    if not raw:
        return None, N_("Answer this question.")
    if question.kind == "number":
        try:
            value = parse_number(raw, locale)
        except NumberError as error:
            return None, error.message
        if question.minimum is not None and value < question.minimum or \
                question.maximum is not None and value > question.maximum:
            return None, N_("The answer is outside the allowed range.")
        return value, None
    if question.kind == "choice":
        labels = {str(i): option["value"] for i, option in enumerate(question.options)}
        return (labels[raw], None) if raw in labels else (None, N_("Choose one of the options."))
    allowed = {str(v): float(v) for v in LIKERT} if question.kind == "likert" else {"1": YES, "0": NO}
    return (allowed[raw], None) if raw in allowed else (None, N_("Choose one of the options."))


def checked_answers(asked: list[Question], raw: dict[int, str], locale: str) -> dict[int, float]:
    """Every question's stored number, or Invalid naming each question at fault (field ``q_<id>``)."""
    values, errors = {}, {}
    for question in asked:
        values[question.id], problem = check_answer(question, raw.get(question.id), locale)
        if problem:
            errors[f"q_{question.id}"] = problem
    if errors:
        raise Invalid(errors)
    return values


def current_responses(session: Session, invitation: Invitation) -> dict[int, Response]:
    latest = {}
    for response in session.scalars(select(Response).where(Response.invitation_id == invitation.id)
                                    .order_by(Response.created_at, Response.id)):
        latest[response.question_id] = response
    return latest


def revision(current: dict[int, Response]) -> int:
    """The newest stored answer's id: a form carries the one it was shown with (0 before any answer)."""
    return max((response.id for response in current.values()), default=0)


@retried_once_if_disconnected
def submit_answers(session: Session, invitation: Invitation, raw: dict[int, str], submission_key: str,
                   seen: int | None = None, locale: str | None = None) -> None:
    """Check every answer first; store the changed ones only when all are right.

    Numbers are read as ``locale`` writes them (the page's language; the round's when None).
    ``seen``: the revision the form was shown with. When an answer saved after it (from another window,
    or HR's correction) differs from the one posted, nothing is stored: Stale names those answers, and
    the person chooses which to keep.
    """
    round_ = accepting_round(session, invitation, RESPONSES)
    check_submission_key(submission_key)
    asked = questions(session, round_)
    values = checked_answers(asked, raw, locale or round_.language)
    previous = current_responses(session, invitation)
    if seen is not None:
        texts = {question.id for question in asked if question.kind == "text"}
        saved = {f"q_{qid}": response for qid, response in previous.items() if response.id > seen and qid in values
                 and values[qid] != ((response.text or "") if qid in texts else response.value)}
        if saved:
            raise Stale(saved, revision(previous))
    for question in asked:
        before = previous.get(question.id)
        if question.kind == "text":
            if (before.text if before else "") != values[question.id]:  # an empty box stores nothing new
                session.add(Response(invitation_id=invitation.id, question_id=question.id, text=values[question.id]))
            continue
        if before is None or before.value != values[question.id]:
            session.add(Response(invitation_id=invitation.id, question_id=question.id, value=values[question.id]))
    invitation.completed_at = utcnow()
    commit_submission(session, invitation, submission_key)  # the same form again writes nothing


@in_unit_of_work
def correct_response(session: Session, round_: Round, invitation_id: int, question_id: int, raw: str, reason: str,
                     corrected_by: str, locale: str = "id") -> Response:
    """HR's correction of an answer: a new response naming who corrected it and why."""
    invitation = session.scalar(select(Invitation).where(Invitation.id == invitation_id,
                                                         Invitation.round_id == round_.id))
    question = session.scalar(select(Question).where(Question.id == question_id, Question.round_id == round_.id))
    if invitation is None or question is None:
        raise Invalid({"": N_("No such answer in this round.")})
    if question.kind == "text":
        raise Invalid({"": N_("An open answer is the respondent's own words: it is never corrected.")})
    value, problem = check_answer(question, raw, locale)
    errors = {"value": problem} if problem else {}
    if not reason.strip():
        errors["reason"] = N_("Say why the answer is corrected.")
    if errors:
        raise Invalid(errors)
    response = Response(invitation_id=invitation.id, question_id=question.id, value=value,
                        corrected_by=corrected_by, reason=reason.strip()[:2000])
    session.add(response)
    audit.record(session, round_.organisation_id, corrected_by, "answer_corrected", invitation.person.name,
                 {"round": round_.id, "question": question.text[:100], "value": value, "reason": response.reason})
    return response


def answer_history(session: Session, invitation_id: int, question_id: int) -> list[Response]:
    return list(session.scalars(select(Response).where(Response.invitation_id == invitation_id,
                                                       Response.question_id == question_id)
                                .order_by(Response.created_at.desc(), Response.id.desc())))


def counted_responses(round_: Round, *conditions):
    """A round's responses that count, oldest first, as (respondent, question_id, value, text, ...): an
    invited person's while they are in the round (respondent: the invitation's id) and a public visit's
    until HR discards it (minus the visit's id: a public round's respondents are nobody in particular).
    Removed and discarded answers stay on record; they only leave the counting."""
    columns = (Response.question_id, Response.value, Response.text, Response.created_at,
               Response.id.label("response_id"))
    invited = (select(Response.invitation_id.label("respondent"), *columns)
               .join(Invitation, Invitation.id == Response.invitation_id)
               .where(Invitation.round_id == round_.id, Invitation.removed_at.is_(None), *conditions))
    public = (select((-Response.visit_id).label("respondent"), *columns)
              .join(PublicVisit, PublicVisit.id == Response.visit_id)
              .where(PublicVisit.round_id == round_.id, PublicVisit.discarded_at.is_(None), *conditions))
    return union_all(invited, public).order_by("created_at", "response_id")


#: What a round's answers give (their table, their open answers), by (database, round, what, answers_fingerprint):
#: read once per change of the answers in each worker, as a round's results are (services/results.py).
_PER_CHANGE: dict[tuple, object] = {}
_CACHED = 64


def answers_fingerprint(session: Session, round_: Round) -> tuple:
    """How many responses count, and the largest and the sum of their ids: responses are only ever added,
    so these change exactly when an answer is given, or leaves the counting, or comes back to it."""
    counted = counted_responses(round_).subquery()
    return tuple(session.execute(select(func.count(), func.max(counted.c.response_id),
                                        func.sum(counted.c.response_id))).one())


def per_change(session: Session, round_: Round, what: str, build: Callable[[], object]):
    """``build()`` once per change of the round's answers (``answers_fingerprint``), kept for the next page;
    the caller must not change what it gets."""
    # The round's creation time too: a database emptied and filled again (tests) reuses ids.
    answers = data_versions.remembered(session, round_.organisation_id, ("answers", round_.id),
                                       lambda: answers_fingerprint(session, round_))
    key = (str(session.get_bind().url), round_.id, round_.created_at, what, answers)
    if key not in _PER_CHANGE:
        if len(_PER_CHANGE) >= _CACHED:
            _PER_CHANGE.clear()
        _PER_CHANGE[key] = build()
    return _PER_CHANGE[key]


def response_table(session: Session, round_: Round) -> pd.DataFrame:
    """Latest numeric answers as respondents x questions (NaN where unanswered); open answers are text.
    Read once per change of the answers (``per_change``); a copy, which the caller may change."""
    return per_change(session, round_, "table", lambda: _response_table(session, round_)).copy()


def _response_table(session: Session, round_: Round) -> pd.DataFrame:
    rows = session.execute(counted_responses(round_, Response.value.is_not(None))).all()
    frame = pd.DataFrame([row[:3] for row in rows], columns=["invitation", "question", "value"])
    if frame.empty:
        return pd.DataFrame()
    return frame.groupby(["invitation", "question"])["value"].last().unstack("question")


@dataclass(frozen=True)
class PersonalResults:
    people: list[Person]
    invitations: list[int]
    kpis: list[Element]
    achievements: np.ndarray  # people x KPIs, nan = not answered
    ladders: list[Ladder]
    weights: np.ndarray
    equal_weights: bool
    scores: PersonalScores
    capaian: np.ndarray     # people x KPIs: capaian kinerja (%) against each ladder's level 10 (the target)
    bands: tuple[Band, ...]  # the organisation's predikat bands
    predikat: np.ndarray    # per person: the band of the total (as % of level 10), -1 without a total

    def predikat_counts(self) -> list[tuple[Band, int]]:
        """How many people fall in each predikat, best first, for the ranking."""
        return [(band, int((self.predikat == k).sum())) for k, band in enumerate(self.bands)]


def personal_results(session: Session, round_: Round) -> PersonalResults:
    """Each respondent's achievements -> levels (with the round's snap rule) -> total, class and rank."""
    kpi_questions = [q for q in questions(session, round_) if q.kind in ("number", "choice") and q.element_id]
    if not kpi_questions:
        raise Invalid({"": N_("This round has no questions tied to KPIs.")})
    table = response_table(session, round_)
    if table.empty:
        raise Invalid({"": N_("Nobody has answered yet.")})
    by_id = {e.id: e for e in elements(session, round_.version_id)}
    kpis = [by_id[q.element_id] for q in kpi_questions]
    achievements = table.reindex(columns=[q.id for q in kpi_questions]).to_numpy(dtype=float)
    ladders = [_personal_ladder(session, round_, kpi, question, achievements[:, k])
               for k, (kpi, question) in enumerate(zip(kpis, kpi_questions))]
    published = [kpi.global_weight for kpi in kpis]
    equal = any(w is None for w in published)
    weights = np.full(len(kpis), 1 / len(kpis)) if equal else np.asarray(published, dtype=float)
    organisation = session.get(Organisation, round_.organisation_id)
    bands = bands_of(organisation)
    scores = personal_scorecards(achievements, ladders, weights, snap=round_.snap,
                                 thresholds=thresholds_of(organisation))
    targets = np.array([ladder.values()[10] for ladder in ladders])
    percent = np.column_stack([capaian(achievements[:, k], targets[k], ladder.better)
                               for k, ladder in enumerate(ladders)])
    invitation_ids = [int(i) for i in table.index]
    people_by_invitation = dict(session.execute(select(Invitation.id, Person).join(Person)
                                                .where(Invitation.id.in_(invitation_ids))).all())
    return PersonalResults([people_by_invitation[i] for i in invitation_ids], invitation_ids, kpis, achievements,
                           ladders, weights, equal, scores, percent, bands,
                           np.asarray(predikat_index(level_percent(scores.totals), bands)))


def _personal_ladder(session, round_, kpi, question, observed) -> Ladder:
    """HR's ladder for the round's period; else target (this period's, or the question's maximum),
    baseline (last period's actual, or the group's mean as the standard) and the worst answer seen."""
    setting = session.scalar(select(LadderSetting).where(LadderSetting.element_id == kpi.id,
                                                         LadderSetting.period == round_.period)
                             .order_by(LadderSetting.created_at.desc(), LadderSetting.id.desc()))
    if setting is not None:
        return Ladder({int(level): value for level, value in setting.anchors.items()}, better=kpi.better)
    measurements = {period: values for (_, period), values in kpi_values.current_values(session, [kpi.id]).items()}
    current = measurements.get(round_.period)
    target = current.target if current and current.target is not None else question.maximum
    earlier = periods.previous(round_.period, [p for p, m in measurements.items() if m.actual is not None])
    seen = observed[~np.isnan(observed)]
    baseline = measurements[earlier].actual if earlier else (float(seen.mean()) if seen.size else None)
    if target is None or baseline is None:
        raise Invalid({"": N_("%(kpi)s: set a ladder or a target for period %(period)s.", kpi=kpi.code,
                              period=round_.period or "(none)")})
    try:
        return Ladder.from_target(target, baseline, observed=seen, better=kpi.better)
    except ValueError as error:
        raise Invalid({"": joined([f"{kpi.code}:", library_message(error)])}) from None


def validation_results(session: Session, round_: Round) -> tuple[list[tuple[Question, float, int]], list[tuple[Person, bool]]]:
    """Per element the share answering "relevant", and each respondent's overall verdict."""
    table = response_table(session, round_)
    asked = questions(session, round_)
    shares = []
    for question in (q for q in asked if q.kind == "yesno"):
        answers = table[question.id].dropna() if question.id in table else pd.Series(dtype=float)
        shares.append((question, float(answers.mean()) if len(answers) else float("nan"), len(answers)))
    verdict = next((q for q in asked if q.kind == "verdict"), None)
    verdicts = []
    if verdict is not None and verdict.id in table:
        people = dict(session.execute(select(Invitation.id, Person).join(Person)
                                      .where(Invitation.round_id == round_.id,
                                             Person.organisation_id == round_.organisation_id)).all())
        verdicts = [(people[int(i)], bool(v == YES)) for i, v in table[verdict.id].dropna().items()]
    return shares, verdicts


def satisfaction_results(session: Session, round_: Round) -> tuple[list[tuple[Question, float, float, int]], float]:
    """Per Likert item the mean and the percent (mean / 5 x 100), and the overall percent over all answers."""
    table = response_table(session, round_)
    items, everything = [], []
    for question in (q for q in questions(session, round_) if q.kind == "likert"):
        answers = table[question.id].dropna() if question.id in table else pd.Series(dtype=float)
        mean = float(answers.mean()) if len(answers) else float("nan")
        items.append((question, mean, mean / max(LIKERT) * 100, len(answers)))
        everything.extend(answers.tolist())
    overall = float(np.mean(everything)) / max(LIKERT) * 100 if everything else float("nan")
    return items, overall


def _has_responses(session: Session, round_: Round) -> bool:
    return session.scalar(select(Response.id).join(Question, Question.id == Response.question_id)
                          .where(Question.round_id == round_.id).limit(1)) is not None
