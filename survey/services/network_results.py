"""A network round's results: group priorities per comparison set, the three supermatrices, the KPIs' weights.

Each comparison set is combined as a weighting round's page is (AIJ or AIP, weighted per person, CR of
the group matrix). Clusters are not compared: each cluster that influences an element weighs the same in
its column (what Super Decisions does when no cluster comparisons are made), and the limit priorities of
the KPIs, normalised within their cluster, are their global weights; an objective's weight is the sum of
its KPIs', a perspective's the sum of its objectives'.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from analysis.anp import cluster_normalised, limit_supermatrix, unweighted_supermatrix, weighted_supermatrix
from survey.models import Element, Round
from survey.services.errors import N_
from survey.services.network import ComparisonSet, network
from survey.services.outcome import ClusterResult, Outcome, Supermatrices
from survey.services.scorecards import elements


def network_outcome(session: Session, round_: Round, group_results) -> dict[bool, Outcome]:
    """Both variants (with and without respondents who stayed inconsistent); ``group_results(key, members)``
    gives a set's ClusterResult per variant, as for a weighting round's page."""
    the_network = network(session, round_.version)
    asked = [s for s in the_network.sets if s.asked]
    per_set = {s.key: group_results(s.key, s.members) for s in asked}
    everything = elements(session, round_.version_id)
    return {include: _results(the_network, asked, [per_set[s.key][include] for s in asked], everything)
            for include in (True, False)}


def _results(the_network, asked: list[ComparisonSet], clusters: list[ClusterResult], everything) -> Outcome:
    nodes = the_network.nodes

    def without(reason, unweighted=None, weighted=None, limit=None, cluster_weights=None):
        return Outcome(clusters, unpublishable=reason,
                       network=Supermatrices(asked, nodes, unweighted, weighted, limit, cluster_weights or {}))
    if the_network.problems:
        return without(the_network.problems[0])
    if any(result.weights is None for result in clusters):
        return without(N_("Every comparison needs at least one finished respondent before weights can be published."))
    unweighted, weighted, limit, cluster_weights = supermatrices(the_network, asked,
                                                                 [result.weights for result in clusters])
    if cluster_weights.get("kpi") is None:
        return without(N_("The KPIs receive no weight in the limit: in this network nothing that keeps weight "
                          "depends on them. Change the network so the KPIs influence elements that influence them "
                          "back."), unweighted, weighted, limit, cluster_weights)
    kpis = [node for node in nodes if node.kind == "kpi"]
    global_weights = {kpi.id: float(w) for kpi, w in zip(kpis, cluster_weights["kpi"])}
    local, global_weights = _tree_weights(everything, global_weights)
    # A local weight here is each element's share of its parent's global weight: what is published.
    return Outcome(clusters, local, global_weights, local,
                   network=Supermatrices(asked, nodes, unweighted, weighted, limit, cluster_weights))


def supermatrices(the_network, asked: list[ComparisonSet], set_weights) -> tuple:
    """(unweighted, weighted, limit, limit priorities per cluster) from each asked set's group priorities
    (a vector per set, in ``asked``'s order): the round's own computation, and each bootstrap draw's."""
    nodes = the_network.nodes
    ids, kinds = [node.id for node in nodes], [node.kind for node in nodes]
    # Each vector covers its whole cluster: an element that does not influence the target has priority 0.
    priorities = {(s.target.id, s.cluster): {node.id: 0.0 for node in nodes if node.kind == s.cluster}
                  for s in the_network.sets}
    for s in the_network.sets:
        if not s.asked:
            priorities[(s.target.id, s.cluster)][s.members[0].id] = 1.0
    for s, weights in zip(asked, set_weights):
        priorities[(s.target.id, s.cluster)].update({e.id: float(w) for e, w in zip(s.members, weights)})
    unweighted = unweighted_supermatrix(ids, kinds, priorities)
    weighted = weighted_supermatrix(unweighted, kinds, {(c, d): 1.0 for c in set(kinds) for d in set(kinds)})
    limit = limit_supermatrix(weighted)
    return unweighted, weighted, limit, cluster_normalised(limit, kinds)


def _tree_weights(everything: list[Element], kpi_weights: dict[int, float]) -> tuple[dict, dict]:
    """(local, global) for every element: a parent's global weight is the sum of its children's, and a local
    weight is the share of the parent's (the scorecard's subtotals and reports read them so)."""
    children: dict[int | None, list[Element]] = {}
    for element in everything:
        children.setdefault(element.parent_id, []).append(element)
    global_weights: dict[int, float] = {}

    def total(element: Element) -> float:
        if element.kind == "kpi":
            global_weights[element.id] = kpi_weights.get(element.id, 0.0)
        else:
            global_weights[element.id] = sum(total(child) for child in children.get(element.id, []))
        return global_weights[element.id]
    for top in children.get(None, []):
        total(top)
    local = {}
    for element in everything:
        parent = global_weights.get(element.parent_id, 1.0) if element.parent_id else 1.0
        local[element.id] = global_weights[element.id] / parent if parent > 0 else 0.0
    return local, global_weights
