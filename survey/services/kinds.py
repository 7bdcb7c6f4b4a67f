"""The one registry of round kinds: what each kind asks, computes, shows and exports.

Code asks a round's kind (``kind_of(round_).pairwise``), never compares its name: the names below appear
nowhere else in survey/ or templates/ (tests/test_round_kinds.py keeps it so). Data only: this module
imports nothing of the site, so every layer may read it.

Adding a seventh kind needs exactly:
1. One ``RoundKind`` entry below, added to ``KINDS``: its code (a new string, at most 20 characters for
   ``Round.kind``), its words (``label``; ``weights_words`` if it gives weights), what its respondents give
   (``answers``), its flags, the settings its form shows, its templates, report and exports.
2. Its outcome: a function ``(session, round_, include_inconsistent) -> outcome.Outcome`` in its own module
   of survey/services (as rating_results.py and network_results.py are), named in ``results.OUTCOMES``
   under the kind's ``outcome``.
3. Its pages: the respondent's page view (``page``, in survey/respond) and its templates named here
   (``welcome`` introduction, ``done``, HR's ``results``, the printed ``report`` in templates/reports if any).
4. Its words in Indonesian (scripts/id_translations.py). tests/test_round_kinds.py then checks that its
   pages, report, exports and API results answer 200 or 404 as the entry declares (a report or export of a
   new name needs its address in that test's REPORTS or EXPORTS).
Nothing else branches on a kind's name: the HR round page, the invitation, publishing, the API and
the exports read the flags.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from survey.services.errors import N_

#: What a respondent gives, by the model that keeps it.
JUDGMENTS, RATINGS, RESPONSES = "judgments", "ratings", "responses"


@dataclass(frozen=True)
class Templates:
    welcome: str  # the respondent's introduction on the welcome page (templates/respond/...)
    done: str  # the respondent's last page, their own answers
    results: str  # HR's results page
    report: str | None  # the printed report (templates/reports), None: the kind has none


@dataclass(frozen=True)
class RoundKind:
    code: str  # stored in Round.kind
    label: str  # the new-round form's words (N_: the page translates them)
    answers: str  # JUDGMENTS, RATINGS or RESPONSES
    gives_weights: bool  # its answers give the version's weights, published from its results
    asks_groups: bool  # its pages are the version's comparison groups (checked at launch)
    influence_pages: bool  # a page per influenced element ("with respect to ..."): the ANP network
    personal: bool  # every respondent gets a personal scorecard from their own numbers
    ikm: bool  # scored as the Community Satisfaction Index (SKM), with its questionnaire and report
    may_be_public: bool  # answered through one public link as well as personal ones
    settings: tuple[str, ...]  # the new-round form's options this kind uses (beyond the common ones)
    page: str  # the respondent's page endpoint (``key`` names its cluster when it has pages)
    templates: Templates
    report: str | None  # the report's endpoint (reports blueprint), None: none
    exports: tuple[str, ...]  # the tables reports.round_export gives
    api_results: bool  # GET /api/rounds/<id>/results answers with its results
    outcome: str  # its outcome function in results.OUTCOMES
    questions: str | None = None  # the questionnaire made from the scorecard (questionnaires.default_questions)
    weights_words: str | None = None  # how published weights were made (reports.weights_provenance)
    feedback: bool = False  # a closed round may get a feedback (Delphi) pass: its pages again, the group beside

    @property
    def pairwise(self) -> bool:
        """Pairwise comparisons: a CR per page, a threshold and re-asks."""
        return self.answers == JUDGMENTS

    @property
    def rated(self) -> bool:
        """Direct ratings of each element of a page."""
        return self.answers == RATINGS

    @property
    def asked_on_pages(self) -> bool:
        """Answered page by page (one page per cluster), saved as each page is sent."""
        return self.answers in (JUDGMENTS, RATINGS)

    @property
    def questionnaire(self) -> bool:
        """Answered on one page of questions (the round's own)."""
        return self.answers == RESPONSES


_PAIRWISE_SETTINGS = ("cr_threshold", "ri_table", "max_reasks", "aggregation", "priority_method",
                      "include_inconsistent")
_WEIGHT_SETTINGS = ("weight_decimals", "allow_dont_know")
_PAIRWISE_EXPORTS = ("judgments", "matrices", "weights")

WEIGHTING = RoundKind(
    code="weighting", label=N_("Weighting (pairwise comparisons)"), answers=JUDGMENTS, gives_weights=True,
    asks_groups=True, influence_pages=False, personal=False, ikm=False, may_be_public=False,
    settings=_PAIRWISE_SETTINGS + _WEIGHT_SETTINGS, page="respond.cluster",
    templates=Templates("respond/intro_pairwise.html", "respond/done.html", "hr/results.html", "weighting.html"),
    report="reports.weighting", exports=_PAIRWISE_EXPORTS, api_results=True, outcome="ahp",
    weights_words=N_("pairwise comparison"), feedback=True)
NETWORK = RoundKind(
    code="network", label=N_("Network weighting (ANP: comparisons with respect to each influenced element)"),
    answers=JUDGMENTS, gives_weights=True, asks_groups=False, influence_pages=True, personal=False, ikm=False,
    may_be_public=False, settings=_PAIRWISE_SETTINGS + _WEIGHT_SETTINGS, page="respond.cluster",
    templates=Templates("respond/intro_pairwise.html", "respond/done.html", "hr/network_results.html",
                        "weighting.html"),
    report="reports.weighting", exports=_PAIRWISE_EXPORTS + ("supermatrices",), api_results=True, outcome="anp",
    weights_words=N_("network (ANP) limit priorities"))
RATING = RoundKind(
    code="rating", label=N_("Weighting (direct rating of each element)"), answers=RATINGS, gives_weights=True,
    asks_groups=True, influence_pages=False, personal=False, ikm=False, may_be_public=False,
    settings=("rating_scale", "rating_mean") + _WEIGHT_SETTINGS, page="respond.rate",
    templates=Templates("respond/intro_rating.html", "respond/done_ratings.html", "hr/rating_results.html",
                        "rating.html"),
    report="reports.weighting", exports=("weights", "ratings"), api_results=True, outcome="direct_rating",
    weights_words=N_("direct rating"))
SELF_REPORT = RoundKind(
    code="self_report", label=N_("Employee self-report"), answers=RESPONSES, gives_weights=False,
    asks_groups=False, influence_pages=False, personal=True, ikm=False, may_be_public=False, settings=("snap",),
    page="respond.questionnaire",
    templates=Templates("respond/intro_self_report.html", "respond/done_questions.html",
                        "hr/questionnaire_results.html", "personal.html"),
    report="reports.personal", exports=("personal",), api_results=True, outcome="personal_scores",
    questions="kpi_numbers")
VALIDATION = RoundKind(
    code="validation", label=N_("Validation of the scorecard"), answers=RESPONSES, gives_weights=False,
    asks_groups=False, influence_pages=False, personal=False, ikm=False, may_be_public=False, settings=(),
    page="respond.questionnaire",
    templates=Templates("respond/intro_validation.html", "respond/done_questions.html",
                        "hr/questionnaire_results.html", None),
    report=None, exports=(), api_results=True, outcome="validation_shares",
    questions="relevance")
SATISFACTION = RoundKind(
    code="satisfaction", label=N_("Satisfaction (Likert)"), answers=RESPONSES, gives_weights=False,
    asks_groups=False, influence_pages=False, personal=False, ikm=True, may_be_public=True, settings=(),
    page="respond.questionnaire",
    templates=Templates("respond/intro_satisfaction.html", "respond/done_questions.html",
                        "hr/questionnaire_results.html", "ikm.html"),
    report="reports.ikm", exports=("answers", "unsur"), api_results=True, outcome="satisfaction_scores",
    questions="objective_likert")

#: Every kind by its code, in the order the new-round form offers them.
KINDS: Mapping[str, RoundKind] = MappingProxyType(
    {kind.code: kind for kind in (WEIGHTING, NETWORK, RATING, SELF_REPORT, VALIDATION, SATISFACTION)})
#: What a new round is unless told otherwise.
DEFAULT = WEIGHTING


def kind_of(round_) -> RoundKind:
    """The kind of a round (anything with a ``kind`` code: a Round, a form's data)."""
    return KINDS[round_.kind]


def codes(where=lambda kind: True) -> tuple[str, ...]:
    """The codes of the kinds ``where(kind)`` holds for, in KINDS' order (for a query's IN or a form)."""
    return tuple(code for code, kind in KINDS.items() if where(kind))
