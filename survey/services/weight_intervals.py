"""How sure a round's weights are: bootstrap intervals (analysis.uncertainty) from the round's own answers.

The round's respondents (those still in it) are drawn again with replacement, 2,000 times from a fixed
seed, and each draw's pages combined exactly as the round combines them: the same respondents and
weights, AIJ or AIP and the priority method of a weighting round, the mean of a direct-rating round,
and the same rule for those who stayed inconsistent; a network round's draws go through the
supermatrices to the limit as the round does. One draw serves every page, so the KPIs' global weights
and ranks get their intervals from the same draws. Computed once per change of the answers:
kept beside the round's cached results (results.results), which change exactly when the answers do.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy.orm import Session

from analysis.ahp import complete, priorities
from analysis.uncertainty import (
    RESAMPLES,
    Intervals,
    aij_draws,
    aip_draws,
    draws_to_complete,
    global_draws,
    intervals,
    rating_draws,
    resample_counts,
)
from survey.models import Element, Round
from survey.services import groups, results
from survey.services.answers import FINISHED
from survey.services.kinds import RATINGS, kind_of
from survey.services.network import network
from survey.services.network_results import supermatrices
from survey.services.ratings import latest_ratings
from survey.services.scorecards import clusters as version_clusters
from survey.services.scorecards import hierarchy

#: Every round's draws start from this seed: the same answers give the same intervals on every machine.
SEED = 2026
#: At most this many draws needing a "don't know" completion (about 2 ms each on a 20-element page): a page
#: whose few respondents skipped many pairs would otherwise hold a web worker for seconds. Beyond it the
#: whole round is drawn fewer times (never under MIN_RESAMPLES), and the page says how many.
COMPLETIONS = 400
MIN_RESAMPLES = 200


@dataclass(frozen=True)
class RoundIntervals:
    pages: dict[str, Intervals]  # a page's key -> its local weights' intervals, members in the outcome's order
    kpis: list[Element]          # the KPIs in tree order
    global_weights: Intervals    # their global weights' intervals
    respondents: int             # drawn from
    resamples: int

    def of(self, element_id: int) -> tuple[float, float, float] | None:
        """(low, high, share of draws keeping its rank) of one KPI's global weight; None if not a KPI."""
        for k, kpi in enumerate(self.kpis):
            if kpi.id == element_id:
                found = self.global_weights
                return float(found.low[k]), float(found.high[k]), float(found.rank_kept[k])
        return None

    def coin_tosses(self) -> list[tuple[Element, Element, float]]:
        """KPIs ranked next to each other whose reverse order comes out in more than a third of the draws,
        with the share of draws that keep their order."""
        found = self.global_weights
        return [(self.kpis[i], self.kpis[j], float(found.order_held[i, j])) for i, j in found.coin_tosses()]


_CACHE: dict[tuple, tuple[object, RoundIntervals | None]] = {}
_CACHED_ROUNDS = 64


def weight_intervals(session: Session, round_: Round, resamples: int = RESAMPLES) -> RoundIntervals | None:
    """The intervals of a weighting, network or direct-rating round whose pages all have weights; None
    otherwise (a questionnaire, or a page without enough answers)."""
    kind = kind_of(round_)
    if not kind.gives_weights:
        return None
    outcome = results.results(session, round_)
    if not outcome.complete or not outcome.global_weights:
        return None
    key = (str(session.get_bind().url), round_.id, resamples)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is outcome:  # the same cached results: the answers did not change
        return cached[1]
    if len(_CACHE) >= _CACHED_ROUNDS:
        _CACHE.clear()
    found = _compute(session, round_, outcome, resamples)
    _CACHE[key] = (outcome, found)
    return found


def _compute(session: Session, round_: Round, outcome, resamples: int) -> RoundIntervals:
    respondents = results.respondent_rows(session, round_)
    position = {invitation_id: k for k, (invitation_id, _) in enumerate(respondents)}
    weight = dict(respondents)
    counts = resample_counts(len(respondents), resamples, SEED)
    if kind_of(round_).answers == RATINGS:
        page_draws = _rating_pages(session, round_, outcome, counts, position, weight)
    else:
        answers = _pairwise_answers(session, round_, outcome, position)
        if round_.aggregation != "aip":
            completions = sum(draws_to_complete(given, counts[:, columns]) for _, given, columns, _ in answers)
            if completions > COMPLETIONS:
                resamples = max(MIN_RESAMPLES, resamples * COMPLETIONS // completions)
                counts = resample_counts(len(respondents), resamples, SEED)
        page_draws = _pairwise_pages(round_, answers, counts, weight)
    local: dict[int, np.ndarray] = {}
    pages: dict[str, Intervals] = {}
    drawn: dict[str, np.ndarray] = {}
    for cluster, draws in page_draws:
        pages[cluster.key], drawn[cluster.key] = intervals(cluster.weights, draws), draws
        local.update({element.id: draws[:, k] for k, element in enumerate(cluster.members)})
    if kind_of(round_).influence_pages:  # an element is compared on several sets: each set's draws apart
        return _network_intervals(session, round_, outcome, pages, drawn, len(respondents), resamples)
    tree, by_id = hierarchy(session, round_.version_id)
    compared = version_clusters(session, round_.version_id)  # the version's comparison groups, as results uses
    for _, members in compared:
        if len(members) == 1:
            local[members[0].id] = np.ones(resamples)
    every = global_draws(tree, groups.anchored(compared), local)
    kpis = [by_id[key] for key in tree.leaves()]
    columns = [tree.keys.index(kpi.id) for kpi in kpis]
    estimate = np.array([outcome.global_weights[kpi.id] for kpi in kpis])
    return RoundIntervals(pages, kpis, intervals(estimate, every[:, columns]), len(respondents), resamples)


def _network_intervals(session, round_, outcome, pages, drawn_sets, respondents, resamples) -> RoundIntervals:
    """Each draw's sets through the supermatrices to the limit, as network_results does for the round."""
    asked = outcome.network.sets
    kpis = [node for node in outcome.network.nodes if node.kind == "kpi"]
    drawn = np.full((resamples, len(kpis)), np.nan)
    the_network = network(session, round_.version)
    for draw in range(resamples):
        set_weights = [drawn_sets[s.key][draw] for s in asked]
        if any(np.isnan(w).any() for w in set_weights):
            continue
        kpi_weights = supermatrices(the_network, asked, set_weights)[3].get("kpi")
        if kpi_weights is not None:
            drawn[draw] = kpi_weights
    estimate = np.array([outcome.global_weights[kpi.id] for kpi in kpis])
    return RoundIntervals(pages, kpis, intervals(estimate, drawn), respondents, resamples)


def _pairwise_answers(session, round_, outcome, position) -> list[tuple]:
    """(cluster, its usable respondents' matrices as given, their columns among the round's, their ids) per
    page of a weighting or network round, by the round's rule for those who stayed inconsistent."""
    statuses, judgments = results.page_statuses(session, round_), results.latest_judgments(session, round_)
    found = []
    for cluster in outcome.clusters:
        usable = results.usable_matrices(round_, cluster.key, cluster.members, position, statuses, judgments)
        found.append((cluster, np.stack(list(usable.values())), [position[i] for i in usable], list(usable)))
    return found


def _pairwise_pages(round_, answers, counts, weight):
    """(cluster, draws) per page of a weighting or network round: its usable respondents' matrices, drawn."""
    for cluster, given, columns, chosen in answers:
        drawn, weights = counts[:, columns], [weight[i] for i in chosen]
        if round_.aggregation == "aip":
            yield cluster, aip_draws(priorities(complete(given), round_.priority_method), drawn, weights)
        else:
            yield cluster, aij_draws(given, drawn, weights, round_.priority_method)


def _rating_pages(session, round_, outcome, counts, position, weight):
    """(cluster, draws) per page of a direct-rating round: its raters' ratings, drawn."""
    finished = {page for page, status in results.page_statuses(session, round_).items() if status in FINISHED}
    ratings = latest_ratings(session, round_)
    for cluster in outcome.clusters:
        chosen = [i for i in position if (i, cluster.key) in finished]
        table = np.array([[np.nan if (value := ratings.get((i, cluster.key), {}).get(element.id)) is None
                           else value for element in cluster.members] for i in chosen])
        yield cluster, rating_draws(table, counts[:, [position[i] for i in chosen]],
                                    round_.rating_mean or "arithmetic", [weight[i] for i in chosen])
