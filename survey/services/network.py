"""The ANP network of a scorecard version: which element is influenced by which, and what it asks.

The network's clusters are the scorecard's levels (perspectives, objectives, KPIs): the KPIs' limit
priorities, normalised within their cluster, are then global weights (DOMAIN.md, ANP). An influence
"source influences target" is kept apart from the strategy map's arrows (HR may start the network from
them, and is warned at launch when they differ); in the supermatrix, column ``target`` holds the priorities of the elements that influence it, cluster by cluster,
and each group of two or more is a comparison set: "with respect to target, which matters more, A or B?".
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from survey.models import ELEMENT_KINDS, Element, Influence, ScorecardVersion, StrategyArrow
from survey.services import data_versions
from survey.services.errors import N_, Invalid, Message, joined
from survey.services.scorecards import elements, ensure_editable, tree_order
from survey.services.transactions import in_unit_of_work

#: Cluster names as pages and the Super Decisions export print them, in supermatrix order; as Messages, so
#: a message naming a cluster is translated whole.
CLUSTER_NAMES = {kind: Message([(name, {})]) for kind, name in (
    ("perspective", N_("Perspectives")), ("objective", N_("Objectives")), ("kpi", N_("KPIs")))}


@dataclass(frozen=True)
class ComparisonSet:
    """The elements of one cluster that influence ``target``; one member is priority 1 and asks nothing."""
    key: str  # the Judgment.cluster of its answers: "n<target id>-<cluster>"
    target: Element
    cluster: str
    members: list[Element]

    @property
    def cluster_name(self) -> str:
        return CLUSTER_NAMES[self.cluster]

    @property
    def asked(self) -> bool:
        return len(self.members) >= 2


@dataclass(frozen=True)
class Network:
    nodes: list[Element]  # grouped by cluster, tree order within: the supermatrix's order
    influencers: dict[int, list[Element]]  # target id -> the elements that influence it, in node order
    sets: list[ComparisonSet]
    problems: list[str]  # why it cannot be asked yet; empty when it can

    @property
    def clusters(self) -> list[str]:
        return list(dict.fromkeys(node.kind for node in self.nodes))


def network(session: Session, version: ScorecardVersion) -> Network:
    everything = [element for element, _ in tree_order(elements(session, version.id))]
    by_id = {element.id: element for element in everything}
    links = [(row.source_id, row.target_id) for row in session.scalars(
        select(Influence).where(Influence.version_id == version.id))
        if row.source_id in by_id and row.target_id in by_id]
    in_network = {element_id for link in links for element_id in link}
    nodes = [element for kind in ELEMENT_KINDS for element in everything
             if element.kind == kind and element.id in in_network]
    order = {node.id: position for position, node in enumerate(nodes)}
    influencers = {node.id: [] for node in nodes}
    for source, target in sorted(links, key=lambda link: order[link[0]]):
        influencers[target].append(by_id[source])
    sets = [ComparisonSet(f"n{node.id}-{kind}", node, kind, members)
            for node in nodes for kind in ELEMENT_KINDS
            for members in [[e for e in influencers[node.id] if e.kind == kind]] if members]
    return Network(nodes, influencers, sets, _problems(everything, nodes, influencers))


def _problems(everything: list[Element], nodes: list[Element], influencers: dict[int, list[Element]]) -> list[str]:
    """What keeps the network from giving every KPI a weight, each as a sentence HR can act on."""
    if not nodes:
        return [N_("Draw the network first: no element is influenced by another yet.")]
    problems = []
    node_ids = {node.id for node in nodes}
    left_out = [e.code for e in everything if e.kind == "kpi" and e.id not in node_ids]
    if left_out:
        problems.append(N_("Every KPI must be in the network to receive a weight; these are not: %(codes)s.",
                           codes=", ".join(left_out)))
    uninfluenced = [node.code for node in nodes if not influencers[node.id]]
    if uninfluenced:
        problems.append(N_("Nothing influences %(codes)s: say what influences each element of the network.",
                           codes=", ".join(uninfluenced)))
    for kind in dict.fromkeys(node.kind for node in nodes):
        members = [node for node in nodes if node.kind == kind]
        if len(members) == 1:
            problems.append(N_("The cluster %(cluster)s has one element only (%(code)s): a cluster needs two or "
                               "more, or none.", cluster=CLUSTER_NAMES[kind], code=members[0].code))
    apart = _unlinked(nodes, influencers)
    if apart:
        first, second = apart
        problems.append(N_("No influence links %(first)s with %(second)s, directly or through others: the network "
                           "falls into parts with no path between them.", first=first, second=second))
    return problems


def _unlinked(nodes: list[Element], influencers: dict[int, list[Element]]) -> tuple[str, str] | None:
    """Two parts of the network that no path joins (clusters first, then elements), as names; None when joined."""
    neighbours: dict[int, set[int]] = {node.id: set() for node in nodes}
    for target, sources in influencers.items():
        for source in sources:
            neighbours[target].add(source.id)
            neighbours[source.id].add(target)
    reached, frontier = {nodes[0].id}, [nodes[0].id]
    while frontier:
        for other in neighbours[frontier.pop()] - reached:
            reached.add(other)
            frontier.append(other)
    outside = [node for node in nodes if node.id not in reached]
    if not outside:
        return None
    inside_kinds = {node.kind for node in nodes if node.id in reached}
    outside_only = [node.kind for node in outside if node.kind not in inside_kinds]
    if outside_only:  # a whole cluster lies apart
        return CLUSTER_NAMES[nodes[0].kind], CLUSTER_NAMES[outside_only[0]]
    return nodes[0].code, outside[0].code


@in_unit_of_work
def set_influencers(session: Session, version: ScorecardVersion, target_id: int, source_ids: list[int]) -> None:
    """``target`` is influenced by exactly ``source_ids`` (other elements of the version) from now on."""
    ensure_editable(session, version)
    by_id = {element.id: element for element in elements(session, version.id)}
    if target_id not in by_id:
        raise Invalid({"": N_("This element is not in this scorecard version.")})
    unknown = [source for source in source_ids if source not in by_id]
    if unknown:
        raise Invalid({"sources": N_("Choose elements of this scorecard version.")})
    if target_id in source_ids:
        raise Invalid({"sources": N_("An element cannot influence itself.")})
    session.execute(delete(Influence).where(Influence.version_id == version.id, Influence.target_id == target_id))
    data_versions.touch(session, version.organisation_id)
    session.add_all(Influence(version_id=version.id, source_id=source, target_id=target_id)
                    for source in dict.fromkeys(source_ids))


def members(session: Session, version: ScorecardVersion, cluster: str) -> list[Element]:
    """The elements of one cluster (a level of the scorecard), in tree order."""
    return [element for element, _ in tree_order(elements(session, version.id)) if element.kind == cluster]


def links(session: Session, version: ScorecardVersion) -> set[tuple[int, int]]:
    """(source id, target id) of every link of the network."""
    return {(row.source_id, row.target_id) for row in session.scalars(
        select(Influence).where(Influence.version_id == version.id))}


@in_unit_of_work
def set_cluster_links(session: Session, version: ScorecardVersion, source_cluster: str, target_cluster: str,
                      pairs: list[tuple[int, int]]) -> None:
    """Between two clusters, exactly ``pairs`` (source, target) from now on: one matrix page's links.
    Links between other clusters stay as they are."""
    ensure_editable(session, version)
    if source_cluster not in ELEMENT_KINDS or target_cluster not in ELEMENT_KINDS:
        raise Invalid({"": N_("Choose two clusters of the scorecard.")})
    sources = {e.id for e in members(session, version, source_cluster)}
    targets = {e.id for e in members(session, version, target_cluster)}
    if any(source not in sources or target not in targets for source, target in pairs):
        raise Invalid({"": N_("Choose elements of this scorecard version.")})
    if any(source == target for source, target in pairs):
        raise Invalid({"": N_("An element cannot influence itself.")})
    session.execute(delete(Influence).where(Influence.version_id == version.id, Influence.source_id.in_(sources),
                                            Influence.target_id.in_(targets)))
    data_versions.touch(session, version.organisation_id)
    session.add_all(Influence(version_id=version.id, source_id=source, target_id=target)
                    for source, target in dict.fromkeys(pairs))


@in_unit_of_work
def add_strategy_arrows(session: Session, version: ScorecardVersion) -> int:
    """The strategy map's arrows become links of the network too (those it lacks); how many were added."""
    ensure_editable(session, version)
    present = links(session, version)
    missing = [(row.cause_id, row.effect_id) for row in session.scalars(
        select(StrategyArrow).where(StrategyArrow.version_id == version.id).order_by(StrategyArrow.id))
        if (row.cause_id, row.effect_id) not in present]
    session.add_all(Influence(version_id=version.id, source_id=cause, target_id=effect) for cause, effect in missing)
    return len(missing)


def map_differences(session: Session, version: ScorecardVersion) -> str | None:
    """How the strategy map's arrows and the network's links between objectives differ, as a warning for
    HR launching a network round; None when they agree or the map has no arrows."""
    by_id = {element.id: element for element in elements(session, version.id)}
    arrows = {(row.cause_id, row.effect_id) for row in session.scalars(
        select(StrategyArrow).where(StrategyArrow.version_id == version.id))}
    if not arrows:
        return None
    objective_links = {(s, t) for s, t in links(session, version)
                       if s in by_id and t in by_id and by_id[s].kind == by_id[t].kind == "objective"}

    def listed(pairs):
        return ", ".join(sorted(f"{by_id[a].code} → {by_id[b].code}" for a, b in pairs)) or "–"
    if arrows == objective_links:
        return None
    return N_("The strategy map's arrows differ from the network's links between objectives (on the map only: "
              "%(map)s; in the network only: %(network)s). The round weighs by the network's links.",
              map=listed(arrows - objective_links), network=listed(objective_links - arrows))


def refuse_unready(session: Session, version: ScorecardVersion, field: str = "version_id") -> None:
    """A network round needs a network that can give every KPI a weight; Invalid names what is missing."""
    problems = network(session, version).problems
    if problems:
        raise Invalid({field: joined(problems)})
