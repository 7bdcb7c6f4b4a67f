"""The one shape of a round's results, whatever its kind: what HR's pages, the API, the reports and the
exports read (results.results makes it, through the round's kind).

A weighting round's clusters are ClusterResults, a network's one per comparison set asked (its
supermatrices in ``network``), a direct-rating round's rating_results.RatingClusterResults; a
questionnaire's figures are in ``questionnaire`` and it has no clusters or weights.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from analysis.ahp import Consistency, consensus_word
from survey.models import Element
from survey.services.errors import N_


@dataclass(frozen=True)
class ClusterResult:
    key: str
    members: list[Element]
    respondents: int  # whose judgments make the group result
    excluded: int  # kept inconsistent and left out by the round's rule
    unusable: int  # finished, but their "don't know" answers leave an element unlinked
    group_matrix: np.ndarray | None
    weights: np.ndarray | None
    consistency: Consistency | None
    consensus: float | None  # Goepel's S*
    homogeneity: float | None  # the uncorrected relative homogeneity

    @property
    def state(self) -> str:
        """'ok'; 'no_answers' when nobody finished the page (or all finished ones were left out by the
        round's rule); 'not_enough' when the finished answers together leave an element unlinked."""
        if self.weights is not None:
            return "ok"
        return "not_enough" if self.respondents or self.unusable else "no_answers"

    @property
    def consensus_word(self) -> str | None:
        return None if self.consensus is None else consensus_word(self.consensus)


@dataclass(frozen=True)
class Supermatrices:
    """A network round's own figures: the sets asked (as the outcome's clusters), the supermatrices."""
    sets: list  # network.ComparisonSet, one per cluster of the outcome
    nodes: list[Element]  # the supermatrices' rows and columns, grouped by cluster
    unweighted: np.ndarray | None  # None while some set has no group priorities
    weighted: np.ndarray | None
    limit: np.ndarray | None
    cluster_weights: dict[str, np.ndarray | None]  # limit priorities within each cluster; None: no limit weight


@dataclass(frozen=True)
class QuestionnaireResults:
    """A questionnaire round's figures, those of its kind filled in."""
    personal: object | None = None  # questionnaires.PersonalResults (self-report)
    shares: list | None = None  # validation: (question, share answering yes, answers)
    verdicts: list | None = None  # validation: (person, verdict)
    items: list | None = None  # satisfaction: (question, mean, percent, answers)
    overall: float | None = None  # satisfaction: the overall percent


@dataclass(frozen=True)
class Outcome:
    clusters: list = field(default_factory=list)
    local: dict[int, float] = field(default_factory=dict)  # each compared element's weight in its group
    global_weights: dict[int, float] = field(default_factory=dict)  # every element; KPIs' sum to 1
    shares: dict[int, float] = field(default_factory=dict)  # each element's share of its parent's global weight
    unpublishable: str | None = None  # why the weights cannot be published though every cluster has some
    network: Supermatrices | None = None
    questionnaire: QuestionnaireResults | None = None

    @property
    def complete(self) -> bool:
        return self.unpublishable is None and all(result.weights is not None for result in self.clusters)


def unusable_note(cluster: ClusterResult) -> str | None:
    """What to tell a reader about respondents left out of a page for too many "don't know" answers."""
    if not cluster.unusable:
        return None
    return N_("%(unusable)d of %(finished)d respondents could not be used on this page: too many \"don't know\".",
              unusable=cluster.unusable, finished=cluster.unusable + cluster.respondents + cluster.excluded)
