"""Who agrees with whom in a weighting round: consensus groups of its respondents (analysis.consensus_groups)
with each group's weights side by side and the judgments that separate the groups, most first; overall and
page by page.

Respondents who finished every page with usable answers take part (the round's rule for those who stayed
inconsistent applies); their similarity is S* of their global weights overall, of their priorities on a page
page by page. A group's weights are the round's computation (AIJ and the priority method) on its members alone.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.ahp import aggregate, complete, priorities
from analysis.consensus_groups import THRESHOLD, groups_at, separating_pairs, similarity  # noqa: F401 (THRESHOLD: the views' default)
from survey.models import Element, Invitation, Person, Round
from survey.services import groups, results
from survey.services.kinds import kind_of
from survey.services.scorecards import clusters as version_clusters
from survey.services.scorecards import hierarchy

#: How many separating pairs the page lists.
SHOWN_PAIRS = 5


@dataclass(frozen=True)
class Separation:
    page: str
    first: Element
    second: Element
    judgments: list[float]  # each group's a_first,second (NaN: nobody in that group judged it)


@dataclass(frozen=True)
class PageGroups:
    """The groups of one page (comparison group): who agrees with whom on it alone."""
    key: str
    members: list[Element]        # the page's elements, in page order
    groups: list[list[int]]       # indices into RespondentGroups.people, largest group first
    weights: list[np.ndarray]     # per group, the page's weights from its members' judgments alone
    separations: list[Separation]  # the page's pairs that separate its groups, most first


@dataclass(frozen=True)
class RespondentGroups:
    threshold: float
    people: list[Person]          # those who take part, in invitation order
    groups: list[list[int]]       # indices into ``people``, largest group first
    kpis: list[Element]           # in tree order
    weights: list[np.ndarray]     # per group, its KPIs' global weights
    separations: list[Separation]
    pages: list[PageGroups]       # page by page, in page order


#: Groups by (database, round, threshold), kept with the results they were found from: found again only when
#: the answers change (results.results gives a new object exactly then), as weight_intervals does.
_CACHE: dict[tuple, tuple[object, RespondentGroups | None]] = {}
_CACHED = 64


def respondent_groups(session: Session, round_: Round, threshold: float = THRESHOLD) -> RespondentGroups | None:
    """The groups of a weighting round with two or more respondents who answered every page; None otherwise."""
    kind = kind_of(round_)
    if not kind.pairwise or kind.influence_pages:
        return None
    outcome = results.results(session, round_)
    key = (str(session.get_bind().url), round_.id, threshold)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is outcome:
        return cached[1]
    if len(_CACHE) >= _CACHED:
        _CACHE.clear()
    _CACHE[key] = (outcome, _groups(session, round_, threshold))
    return _CACHE[key][1]


def _groups(session: Session, round_: Round, threshold: float) -> RespondentGroups | None:
    statuses = results.page_statuses(session, round_)
    invited = session.execute(select(Invitation.id, Person).join(Person, Person.id == Invitation.person_id)
                              .where(Invitation.round_id == round_.id, Invitation.removed_at.is_(None),
                                     Person.organisation_id == round_.organisation_id)
                              .order_by(Invitation.id)).all()
    judgments = results.latest_judgments(session, round_)
    compared = [(key, members) for key, members in version_clusters(session, round_.version_id) if len(members) > 1]
    given = {key: results.usable_matrices(round_, key, members, [i for i, _ in invited], statuses, judgments)
             for key, members in compared}
    taking_part = [(i, person) for i, person in invited if all(i in given[key] for key, _ in compared)]
    if len(taking_part) < 2:
        return None
    ids = [i for i, _ in taking_part]
    tree, by_id = hierarchy(session, round_.version_id)
    anchored = groups.anchored(version_clusters(session, round_.version_id))
    kpis = [by_id[leaf] for leaf in tree.leaves()]
    columns = [tree.keys.index(kpi.id) for kpi in kpis]

    def global_weights(stacks: dict[str, np.ndarray]) -> np.ndarray:
        """(respondents, KPIs) from each page's priorities (respondents, members)."""
        count = len(next(iter(stacks.values())))
        local = {member: np.ones(count) for _, members in anchored for member in members}  # alone: weight 1
        for key, members in compared:
            local.update({element.id: stacks[key][:, k] for k, element in enumerate(members)})
        return tree.global_from_groups(anchored, local)[columns].T

    stacks = {key: np.stack([given[key][i] for i in ids]) for key, _ in compared}
    page_priorities = {key: priorities(complete(stack), round_.priority_method) for key, stack in stacks.items()}
    own = global_weights(page_priorities)
    found = groups_at(similarity(own / own.sum(axis=1, keepdims=True)), threshold)
    weight = [person.weight for _, person in taking_part]
    group_weights = [global_weights({key: priorities(aggregate(stacks[key][members], [weight[k] for k in members]),
                                                     round_.priority_method)[None, :]
                                     for key, _ in compared})[0] for members in found]
    pages = {key: (stack, list(range(len(ids)))) for key, stack in stacks.items()}
    members_of = dict(compared)

    def separations(found_here, keys) -> list[Separation]:
        return [Separation(s.page, members_of[s.page][s.row], members_of[s.page][s.column], list(s.judgments))
                for s in separating_pairs({key: pages[key] for key in keys}, found_here, weight)[:SHOWN_PAIRS]
                if s.spread > 0]

    by_page = []
    for key, members in compared:
        here = groups_at(similarity(page_priorities[key]), threshold)
        by_page.append(PageGroups(key, members, here, [
            priorities(aggregate(stacks[key][group], [weight[k] for k in group]), round_.priority_method)
            for group in here], separations(here, [key])))
    return RespondentGroups(threshold, [person for _, person in taking_part], found, kpis, group_weights,
                            separations(found, pages), by_page)
