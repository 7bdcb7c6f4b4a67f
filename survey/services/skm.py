"""The Survei Kepuasan Masyarakat of PermenPANRB 14/2017 on a satisfaction round: its questionnaire in one
click, the IKM with its grade, the respondents' profile and suggestions, and the IKM as a KPI's actual.

The questionnaire follows the annex's sample: the respondent's profile, the nine unsur (U1-U9 in the
order of its questions, which is the order offices publish) each on its own four answers (1-4), and
an open box for suggestions, which is kept and shown but never scored.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis import ikm as ikm_maths
from survey.i18n import gettext
from survey.models import Question, Response, Round
from survey.services import audit, performance
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.questionnaires import counted_responses, per_change, questions, response_table
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work

SKM = "skm:"
PROFILE = "profile:"
SUGGESTION = "suggestion"

_SUITABLE = (N_("Not suitable"), N_("Less suitable"), N_("Suitable"), N_("Very suitable"))

#: The nine unsur: code, name, the annex's question and its answers a-d (scored 1-4).
UNSUR = (
    ("U1", N_("Requirements"), N_("How well do the service's requirements fit the kind of service?"), _SUITABLE),
    ("U2", N_("Systems, mechanisms and procedures"), N_("How easy is the service procedure at this unit?"),
     (N_("Not easy"), N_("Less easy"), N_("Easy"), N_("Very easy"))),
    ("U3", N_("Completion time"), N_("How fast is the service delivered?"),
     (N_("Not fast"), N_("Less fast"), N_("Fast"), N_("Very fast"))),
    ("U4", N_("Costs/tariffs"), N_("How fair is the cost or tariff of the service?"),
     (N_("Very expensive"), N_("Fairly expensive"), N_("Cheap"), N_("Free of charge"))),
    ("U5", N_("Service products (specification, kind of service)"),
     N_("How well does the product of the service match what the service standard states?"), _SUITABLE),
    ("U6", N_("Competence of the staff"), N_("How competent are the staff in serving?"),
     (N_("Not competent"), N_("Less competent"), N_("Competent"), N_("Very competent"))),
    ("U7", N_("Behaviour of the staff"), N_("How courteous and friendly are the staff in serving?"),
     (N_("Not courteous and friendly"), N_("Less courteous and friendly"), N_("Courteous and friendly"),
      N_("Very courteous and friendly"))),
    ("U8", N_("Facilities and infrastructure"), N_("What is the quality of the facilities and infrastructure?"),
     (N_("Poor facilities"), N_("Adequate facilities"), N_("Good facilities"), N_("Very good facilities"))),
    ("U9", N_("Handling of complaints, suggestions and feedback"), N_("How are users' complaints handled?"),
     (N_("There is no complaint handling"), N_("It exists but does not work"), N_("It works, not fully"),
      N_("It is well managed"))),
)

#: The respondent's profile the annex asks for, as choices (the age as bands).
PROFILE_QUESTIONS = (
    ("age", N_("Age"), (N_("Under 20 years"), N_("20–29 years"), N_("30–39 years"), N_("40–49 years"),
                        N_("50–59 years"), N_("60 years or over"))),
    ("sex", N_("Sex"), (N_("Male"), N_("Female"))),
    ("education", N_("Education"), (N_("Primary school or less"), N_("Junior high school"),
                                    N_("Senior high school"), N_("Diploma (D1–D4)"), N_("Bachelor (S1)"),
                                    N_("Master or doctorate (S2/S3)"))),
    ("occupation", N_("Occupation"), (N_("Civil servant"), N_("Armed forces"), N_("Police"),
                                      N_("Private employee"), N_("Self-employed"), N_("Other occupation"))),
)
SERVICE_QUESTION = N_("Service received")
OTHER_SERVICE = N_("Other service")
SUGGESTION_QUESTION = N_("Your suggestions for improving the service (optional)")
UNSUR_NAMES = {code: name for code, name, _question, _answers in UNSUR}
#: The annex's kinerja unit pelayanan per grade (analysis.ikm.GRADES), as readers see them.
GRADE_LABELS = {"A": N_("Very good"), "B": N_("Good"), "C": N_("Less than good"), "D": N_("Not good")}
MOST_SERVICES = 30
PRIORITIES = 3  # the lowest unsur a report names for improvement


@in_unit_of_work
def create_questionnaire(session: Session, round_: Round, services: str) -> int:
    """The annex's questionnaire on a satisfaction round without questions, in the round's language.

    ``services``: the services the unit offers, separated by ';' (the profile's "service received")."""
    refuse_unsafe_characters(services=services)
    names = [name.strip() for name in services.split(";") if name.strip()]
    errors = {}
    if not kind_of(round_).ikm:
        errors[""] = N_("The SKM questionnaire is for satisfaction rounds.")
    elif questions(session, round_):
        errors[""] = N_("This round has questions already.")
    if not names:
        errors["services"] = N_("Name the services the unit offers, separated by ';'.")
    elif len(names) > MOST_SERVICES or max(map(len, names)) > 200:
        errors["services"] = N_("Name at most %(most)d services, each in at most 200 characters.", most=MOST_SERVICES)
    if errors:
        raise Invalid(errors)
    said = lambda message: gettext(round_.language, message)  # noqa: E731
    made = [_choice(PROFILE + key, said(text), [said(label) for label in labels])
            for key, text, labels in PROFILE_QUESTIONS]
    made.append(_choice(PROFILE + "service", said(SERVICE_QUESTION), names + [said(OTHER_SERVICE)]))
    made += [_choice(SKM + code, said(text), [said(label) for label in answers])
             for code, _name, text, answers in UNSUR]
    made.append(Question(kind="text", role=SUGGESTION, text=said(SUGGESTION_QUESTION)))
    for position, question in enumerate(made):
        question.organisation_id, question.round_id, question.position = round_.organisation_id, round_.id, position
    session.add_all(made)
    return len(made)


def _choice(role: str, text: str, labels: list[str]) -> Question:
    return Question(kind="choice", role=role, text=text,
                    options=[{"label": label, "value": float(k)} for k, label in enumerate(labels, start=1)])


@dataclass(frozen=True)
class UnsurResult:
    code: str
    name: str          # the unsur's name (English msgid: translate where shown)
    question: Question
    nrr: float         # 1-4, nan without answers
    converted: float   # 25-100
    answers: int
    total: float       # jumlah nilai: the sum of its answers (1-4 each)

    @property
    def weighted(self) -> float:
        """NRR tertimbang as reports print it: NRR x 0,111 (analysis.ikm.PRINTED_WEIGHT)."""
        return self.nrr * ikm_maths.PRINTED_WEIGHT


@dataclass(frozen=True)
class ServiceResult:
    """The IKM of the respondents who named one service in their profile (jenis layanan)."""
    number: int        # the service's place in the profile's list, from 1: a public link's ?layanan=
    name: str
    unsur: list[UnsurResult]
    result: ikm_maths.Ikm | None  # None until someone who used this service answered every unsur
    respondents: int   # of them, those who answered every unsur


@dataclass(frozen=True)
class SkmResults:
    unsur: list[UnsurResult]
    result: ikm_maths.Ikm | None      # None until someone has answered
    priorities: list[UnsurResult]     # the lowest NRRs first
    profile: list[tuple[Question, list[tuple[str, int]]]]
    suggestions: list[str]
    respondents: int
    population: int | None
    minimum: int | None               # Krejcie-Morgan minimum for the population served
    services: list[ServiceResult] = field(default_factory=list)  # per service of the profile's list

    @property
    def progress(self) -> float | None:
        """Respondents as a percent of the minimum sample."""
        return 100.0 * self.respondents / self.minimum if self.minimum else None

    @property
    def printed_index(self) -> float | None:
        """The sum of the NRR tertimbang column (1-4), what a report printing x 0,111 adds up to."""
        return sum(u.weighted for u in self.unsur) if self.result else None


def has_questionnaire(session: Session, round_: Round) -> bool:
    """Whether the round asks the SKM's unsur (its results are then the IKM)."""
    return any(q.role.startswith(SKM) for q in questions(session, round_))


def service_question(asked: list[Question]) -> Question | None:
    """The profile's "service received" question (jenis layanan), if the questionnaire asks it."""
    return next((q for q in asked if q.role == PROFILE + "service"), None)


def linked_service(asked: list[Question], given: str | None) -> tuple[Question, int] | None:
    """The profile's service a public link names (``?layanan=<n>``, n counted from 1) as its question and
    the option's index, or None when the link names none; Invalid when it names one the list does not have."""
    if given is None or not given.strip():
        return None
    question = service_question(asked)
    number = int(given) if given.strip().isdigit() and len(given.strip()) <= 3 else 0
    if question is None or not 1 <= number <= len(question.options):
        raise Invalid({"": N_("The service named in this link is not one of this survey's: choose the service "
                              "you received below.")})
    return question, number - 1


def services_offered(asked: list[Question]) -> list[tuple[int, str]]:
    """The profile's services as (number from 1, name), the last ("other service") included."""
    question = service_question(asked)
    return [(number, option["label"]) for number, option in enumerate(question.options, start=1)] if question else []


def results(session: Session, round_: Round) -> SkmResults:
    """The IKM page's and report's figures for a round made with the SKM questionnaire: overall and per
    service of the profile's list (each respondent counts under the service they named)."""
    asked = questions(session, round_)
    unsur_questions = [q for q in asked if q.role.startswith(SKM)]
    if not unsur_questions:
        raise Invalid({"": N_("This round has no SKM questionnaire: create it on the round's page.")})
    table = response_table(session, round_)
    columns = [q.id for q in unsur_questions]
    answers = table.reindex(columns=columns).to_numpy(dtype=float) if not table.empty else np.zeros((0, len(columns)))
    answered = ~np.isnan(answers).all(axis=1) if len(answers) else np.zeros(0, dtype=bool)
    unsur, result = _scored(unsur_questions, answers[answered])
    priorities = sorted([u for u in unsur if u.answers], key=lambda u: (u.nrr, u.code))[:PRIORITIES]
    profile = [(q, _counts(q, table)) for q in asked if q.role.startswith(PROFILE)]
    service = service_question(asked)
    services = []
    if service is not None:
        named = (table.reindex(columns=[service.id]).to_numpy(dtype=float)[:, 0] if not table.empty
                 else np.zeros(0))
        for number, option in enumerate(service.options, start=1):
            chosen = answers[answered & (named == option["value"])]
            service_unsur, service_result = _scored(unsur_questions, chosen)
            services.append(ServiceResult(number, option["label"], service_unsur, service_result,
                                          service_result.respondents if service_result else 0))
    population = round_.served_population
    return SkmResults(unsur, result, priorities, profile, suggestions(session, round_),
                      result.respondents if result else 0, population,
                      ikm_maths.minimum_sample(population) if population else None, services)


def _scored(unsur_questions: list[Question], answers: np.ndarray) -> tuple[list[UnsurResult], ikm_maths.Ikm | None]:
    """Per unsur its NRR, converted value, answers and total; the IKM once every unsur has an answer."""
    per_unsur = ikm_maths.nrr(answers) if len(answers) else np.full(len(unsur_questions), np.nan)
    counts = (~np.isnan(answers)).sum(axis=0) if len(answers) else np.zeros(len(unsur_questions), dtype=int)
    totals = np.nansum(answers, axis=0) if len(answers) else np.zeros(len(unsur_questions))
    unsur = [UnsurResult(q.role[len(SKM):], UNSUR_NAMES.get(q.role[len(SKM):], q.text), q, float(value),
                         float(value) * ikm_maths.CONVERSION, int(count), float(total))
             for q, value, count, total in zip(unsur_questions, per_unsur, counts, totals)]
    result = ikm_maths.ikm(answers) if len(answers) and not np.isnan(per_unsur).any() else None
    return unsur, result


def _counts(question: Question, table) -> list[tuple[str, int]]:
    given = table[question.id].dropna() if not table.empty and question.id in table else None
    return [(option["label"], int((given == option["value"]).sum()) if given is not None else 0)
            for option in question.options]


def suggestions(session: Session, round_: Round) -> list[str]:
    """Each respondent's latest non-empty suggestion, oldest respondent first."""
    return [text for text in suggestions_by_respondent(session, round_).values() if text.strip()]


def suggestions_by_respondent(session: Session, round_: Round) -> dict[int, str]:
    """Each respondent's latest open answer (respondent as in questionnaires.response_table), oldest first;
    read once per change of the answers."""
    return dict(per_change(session, round_, "suggestions", lambda: _suggestions_by_respondent(session, round_)))


def _suggestions_by_respondent(session: Session, round_: Round) -> dict[int, str]:
    open_questions = select(Question.id).where(Question.round_id == round_.id, Question.kind == "text")
    latest: dict[int, str] = {}
    for respondent, _question, _value, text, *_ in session.execute(
            counted_responses(round_, Response.question_id.in_(open_questions))):
        latest[respondent] = text or ""
    return latest


@in_unit_of_work
def set_population(session: Session, round_: Round, population: float | None) -> None:
    """How many people the unit served in the round's period (none: not known yet)."""
    if population is not None and (population < 1 or population != int(population) or population > 10**9):
        raise Invalid({"population": N_("The population served is a whole number of at least 1.")})
    round_.served_population = None if population is None else int(population)


@in_unit_of_work
def ikm_to_kpi(session: Session, round_: Round, *, kpi: str, period: str, entered_by: str):
    """The round's IKM (25-100) as the actual of a KPI for a period, through the performance data entry,
    with an audit entry written in the same transaction: every entry HR makes is on record, also one that
    finds the KPI already holding this IKM (no measurement written; it used to leave the entry unsaved)."""
    found = results(session, round_)
    if found.result is None:
        raise Invalid({"": N_("Nobody has answered every unsur yet: there is no IKM to enter.")})
    audit.record(session, round_.organisation_id, entered_by, "ikm_to_kpi", kpi,
                 {"round": round_.id, "period": period, "ikm": found.result.converted,
                  "grade": found.result.grade})
    measurement = performance.record_measurement(session, round_.version, kpi=kpi, period=period,
                                                 actual=found.result.converted,
                                                 note=f"IKM {round_.title} ({found.result.grade})",
                                                 entered_by=entered_by)
    return measurement
