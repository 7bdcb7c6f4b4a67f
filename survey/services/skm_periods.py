"""An SKM period on period: each satisfaction round covers a year, semester or quarter (its period code),
and its IKM page compares it with the organisation's earlier rounds of the same kind of period, overall
and per service, per unsur, and with the previous period.

The figures of every period come from one grouped SQL aggregate (sums and counts per round, service and
unsur), not from loading each answer: a province's 100,000 public answers stay under a second
(benchmarks/ikm_periods.py). It counts what questionnaires.counted_responses counts: an invited person's
answers while they are in the round, a public visit's until HR discards it, the latest answer to each
question.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import BigInteger, and_, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from analysis import ikm as ikm_maths
from survey.models import Invitation, PublicVisit, Question, Response, Round
from survey.services import audit, calendar, periods
from survey.services.kinds import codes, kind_of
from survey.services.skm import PROFILE, SKM, UNSUR, UNSUR_NAMES
from survey.services.errors import N_, Invalid
from survey.services.transactions import in_unit_of_work

CODES = tuple(code for code, *_ in UNSUR)
SERVICE_ROLE = PROFILE + "service"
#: At most this many periods in a trend, the round's own the last.
MOST_PERIODS = 8
IKM = "IKM"  # the code of the IKM's row among the changes


@dataclass(frozen=True)
class Figures:
    """The answers of one period's respondents (all, or those of one service) as the database summed them."""
    answers: dict[str, int]     # per unsur code: how many answered it
    totals: dict[str, float]    # per unsur code: the sum of its answers (jumlah nilai)
    respondents: int            # who answered every unsur

    def nrr(self, code: str) -> float:
        """The unsur's mean answer (1-4), nan without answers."""
        return self.totals[code] / self.answers[code] if self.answers.get(code) else float("nan")

    @property
    def result(self) -> ikm_maths.Ikm | None:
        """The IKM once every unsur has an answer (analysis.ikm.of_nrr)."""
        values = [self.nrr(code) for code in CODES]
        return ikm_maths.of_nrr(values, self.respondents) if not np.isnan(values).any() else None


@dataclass(frozen=True)
class PeriodPoint:
    """One satisfaction round of the trend: its period and figures, overall and per service (by name)."""
    round_id: int
    title: str
    period: str
    overall: Figures
    services: dict[str, Figures]


@dataclass(frozen=True)
class Change:
    """An IKM (25-100) or an unsur's NRR (1-4) now beside the previous period's."""
    code: str      # IKM or U1-U9
    name: str      # English msgid: translate where shown
    before: float  # nan when the previous period has none
    after: float

    @property
    def difference(self) -> float:
        return self.after - self.before

    @property
    def direction(self) -> str | None:
        """up, down or same; None when either period has no value."""
        if np.isnan(self.before) or np.isnan(self.after):
            return None
        return "same" if abs(self.difference) < 1e-9 else ("up" if self.difference > 0 else "down")


@dataclass(frozen=True)
class Trend:
    points: list[PeriodPoint]       # in period order, the round's own the last
    previous: PeriodPoint | None    # the latest of an earlier period
    changes: list[Change]           # the IKM's, then each unsur's NRR, from the previous period
    services: list[str]             # every service named in any of the periods, in order of first appearance

    codes = CODES

    @property
    def current(self) -> PeriodPoint:
        return self.points[-1]

    def ikm_series(self, service: str | None = None) -> list[float]:
        """Per period the IKM (25-100) of all respondents or of one service's; nan where there is none."""
        found = [point.overall if service is None else point.services.get(service) for point in self.points]
        return [f.result.converted if f is not None and f.result else float("nan") for f in found]

    def nrr_series(self, code: str) -> list[float]:
        return [point.overall.nrr(code) for point in self.points]


@in_unit_of_work
def set_period(session: Session, round_: Round, period: str, actor: str) -> None:
    """The year, semester or quarter a satisfaction round covers (also after it was launched: the period
    only places it in the trend), audited."""
    if not kind_of(round_).ikm:
        raise Invalid({"": N_("Only a satisfaction round has an IKM period.")})
    code = periods.survey_period(period, calendar.stored_periods(session, round_.organisation_id))
    if code != round_.period:
        audit.record(session, round_.organisation_id, actor, "skm_period_set", round_.title,
                     {"round": round_.id, "from": round_.period or None, "to": code})
        round_.period = code


def trend(session: Session, round_: Round) -> Trend:
    """The round beside the organisation's earlier satisfaction rounds of the same kind of period (quarters
    with quarters), ordered by period; a round without a calendar period stands alone."""
    own_kind = periods.kind(round_.period)
    chosen = [round_]
    if own_kind in periods.SURVEY_KINDS:
        candidates = session.scalars(select(Round).where(Round.organisation_id == round_.organisation_id,
                                                         Round.kind.in_(codes(lambda kind: kind.ikm)),
                                                         Round.id != round_.id))
        own = periods.sort_key(round_.period)
        chosen += [r for r in candidates if periods.kind(r.period) == own_kind and periods.sort_key(r.period) < own]
    asked = _asked(session, [r.id for r in chosen])
    chosen = sorted((r for r in chosen if r.id in asked), key=lambda r: (periods.sort_key(r.period), r.created_at, r.id))
    chosen = chosen[-MOST_PERIODS:] if round_ in chosen else [round_]
    sums = figures(session, asked) if asked else {}
    points = [_point(r, asked.get(r.id, {}), sums.get(r.id, {})) for r in chosen]
    own_key = periods.sort_key(round_.period)
    earlier = [p for p in points[:-1] if periods.sort_key(p.period) < own_key]
    previous = earlier[-1] if earlier else None
    names = list(dict.fromkeys(name for point in points for name in point.services))
    return Trend(points, previous, _changes(previous, points[-1]), names)


def _changes(previous: PeriodPoint | None, current: PeriodPoint) -> list[Change]:
    if previous is None:
        return []
    before, after = previous.overall.result, current.overall.result
    changes = [Change(IKM, N_("IKM (25-100)"), before.converted if before else float("nan"),
                      after.converted if after else float("nan"))]
    return changes + [Change(code, UNSUR_NAMES[code], previous.overall.nrr(code), current.overall.nrr(code))
                      for code in CODES]


def _asked(session: Session, round_ids: list[int]) -> dict[int, dict[int, Question]]:
    """Per round that asks the SKM's unsur, its unsur and service questions by id."""
    found: dict[int, dict[int, Question]] = {}
    for question in session.scalars(select(Question).where(
            Question.round_id.in_(round_ids), or_(Question.role.startswith(SKM), Question.role == SERVICE_ROLE))):
        found.setdefault(question.round_id, {})[question.id] = question
    return {round_id: asked for round_id, asked in found.items()
            if any(q.role.startswith(SKM) for q in asked.values())}


def figures(session: Session, asked: dict[int, dict[int, Question]]) -> dict[int, dict[float | None, tuple]]:
    """Per round and answer to the service question (None: not named), (respondents who answered every
    unsur, {code: (answers, total)}): one grouped SQL statement over the rounds' latest counted answers."""
    summed = union_all(*[_summed(round_id, by_id) for round_id, by_id in asked.items()])
    found: dict[int, dict[float | None, tuple]] = {}
    for round_id, service, complete, *columns in session.execute(summed):
        found.setdefault(round_id, {})[float(service) if service else None] = (int(complete), {
            code: (int(columns[2 * k] or 0), float(columns[2 * k + 1] or 0)) for k, code in enumerate(CODES)})
    return found


#: A respondent's answers packed into one number, so that the database keeps one sum per respondent
#: rather than ten: U1 in the units, U2 in the tens ... U9 in the 10^8s (an answer is a digit, 1-4), the
#: service's number (1-31) from 10^9. Below 2^53: exact as a double in SQLite and PostgreSQL alike.
PLACES = {**{SKM + code: 10 ** k for k, code in enumerate(CODES)}, SERVICE_ROLE: 10 ** len(CODES)}


def _summed(round_id: int, asked: dict[int, Question]):
    """One round's counts and sums per service: each respondent's answers packed (PLACES), then unpacked
    and counted per service."""
    question_ids = list(asked)
    places = {qid: PLACES[question.role] for qid, question in asked.items()}

    def packed(answers, respondent):
        place = case(places, value=answers.question_id, else_=0)
        return select(cast(func.sum(answers.value * place), BigInteger).label("packed")).group_by(respondent)

    # An invited person's latest answer (by time, then id) while they are in the round: ranked, few rows.
    newest = func.row_number().over(partition_by=(Response.invitation_id, Response.question_id),
                                    order_by=(Response.created_at.desc(), Response.id.desc()))
    ranked = (select(Response.invitation_id, Response.question_id, Response.value, newest.label("newest"))
              # Found through the round's invitations ("+ 0": never by scanning each question's answers)
              .where(Response.invitation_id.in_(select(Invitation.id).where(Invitation.round_id == round_id,
                                                                              Invitation.removed_at.is_(None))),
                     (Response.question_id + 0).in_(question_ids), Response.value.is_not(None))
              .subquery())
    invited = packed(ranked.c, ranked.c.invitation_id).where(ranked.c.newest == 1)
    # A public visit's answers until HR discards it. They are written once, all together (public.submit,
    # never corrected), so they need no ranking: the many rows go straight into the sums.
    discarded = select(PublicVisit.id).where(PublicVisit.round_id == round_id, PublicVisit.discarded_at.is_not(None))
    # Grouped by an expression, not the column: SQLite with statistics would otherwise walk every round's
    # answers in visit order to spare the sort (4x slower); the questions' index finds this round's alone.
    visit = -Response.visit_id
    public = packed(Response, visit).where(
        Response.question_id.in_(question_ids), Response.value.is_not(None), visit.is_not(None),
        Response.visit_id.not_in(discarded))
    respondents = union_all(invited, public).subquery()
    digits = [(respondents.c.packed // PLACES[SKM + code]) % 10 for code in CODES]
    service = respondents.c.packed // PLACES[SERVICE_ROLE]
    return (select(literal(round_id).label("round_id"), service, func.count(case((and_(*[d > 0 for d in digits]), 1))),
                   *[column for digit in digits for column in (func.count(case((digit > 0, 1))), func.sum(digit))])
            .group_by(service))


def _point(round_: Round, asked: dict[int, Question], sums: dict) -> PeriodPoint:
    service = next((q for q in asked.values() if q.role == SERVICE_ROLE), None)
    names = {float(option["value"]): option["label"] for option in service.options} if service else {}
    empty = (0, {code: (0, 0.0) for code in CODES})
    overall = _figures(list(sums.values()) or [empty])
    services = {name: _figures([sums.get(value, empty)]) for value, name in names.items()}
    return PeriodPoint(round_.id, round_.title, round_.period, overall, services)


def _figures(parts: list[tuple]) -> Figures:
    return Figures({code: sum(part[1][code][0] for part in parts) for code in CODES},
                   {code: sum(part[1][code][1] for part in parts) for code in CODES},
                   sum(part[0] for part in parts))
