"""Comparison groups: which elements a weighting round compares together, chosen per scorecard version.

By default siblings are compared (the perspectives; the objectives of each perspective; the KPIs of each
objective), and a KPI's global weight is the product of the local weights on its path. HR may choose,
as published Personal BSCs did, to compare instead

- **objectives all together** (one page): their weights are global already; the perspectives are not
  asked, a perspective weighs the sum of its objectives (the weights would otherwise count twice);
- **KPIs by perspective** (one page per perspective): a KPI's global weight is its perspective's times its
  weight in the group; the objectives are not asked, an objective weighs the sum of its KPIs;
- **KPIs all together** (one page): their weights are global; objectives and perspectives weigh the sums.

A group's key is what answers are stored under: ``root`` and a parent's id for siblings (as before),
``objectives``, ``kpis`` and ``kpis-<perspective id>`` for the others. The grouping is the version's and
cannot change once a launched round asks it (a draft takes the version's grouping when launched).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.hierarchy import Hierarchy
from survey.models import ROOT_CLUSTER, Element, Round, ScorecardVersion
from survey.services import audit
from survey.services.errors import N_, Invalid, Message, joined
from survey.services.transactions import in_unit_of_work

OBJECTIVE_GROUPS = ("perspective", "all")
KPI_GROUPS = ("objective", "perspective", "all")
DEFAULT = ("perspective", "objective")
ALL_OBJECTIVES, ALL_KPIS, KPIS_OF = "objectives", "kpis", "kpis-"
#: How each grouping other than the default makes the global weights, as pages and reports say it.
RULES = {
    ("all", "objective"): N_("Objectives all together: their weights are global; the perspectives are not asked, "
                             "each weighs the sum of its objectives."),
    ("perspective", "perspective"): N_("KPIs by perspective: a KPI's global weight is its perspective's times its "
                                       "weight in the group; the objectives are not asked, each weighs the sum of "
                                       "its KPIs."),
    ("perspective", "all"): N_("KPIs all together: their weights are global; objectives and perspectives weigh the "
                               "sums of their KPIs."),
}


def grouping_of(version: ScorecardVersion | None) -> tuple[str, str]:
    """(objectives grouped by, KPIs grouped by) of a version."""
    return DEFAULT if version is None else (version.objective_groups, version.kpi_groups)


def rule(version: ScorecardVersion | None) -> str | None:
    """How the version's grouping makes global weights; None for the default sibling tree."""
    return RULES.get(grouping_of(version))


def group_key(element: Element, perspective_of: dict[int, int], grouping: tuple[str, str]) -> str | None:
    """The group that compares ``element``; None when it is not asked (it weighs what is compared below it)."""
    objectives, kpis = grouping
    spans_objectives = kpis != "objective"
    if element.kind == "kpi" and kpis == "all":
        return ALL_KPIS
    if element.kind == "kpi" and kpis == "perspective":
        return f"{KPIS_OF}{perspective_of[element.id]}"
    if element.kind == "objective" and spans_objectives:
        return None
    if element.kind == "objective" and objectives == "all":
        return ALL_OBJECTIVES
    if element.kind == "perspective" and (objectives == "all" or kpis == "all"):
        return None
    return ROOT_CLUSTER if element.parent_id is None else str(element.parent_id)


def grouped(elements: Iterable[Element], grouping: tuple[str, str] = DEFAULT) -> list[tuple[str, list[Element]]]:
    """The comparison groups of a version's elements, each in tree order, the groups in the order a
    respondent meets them (each where its first member stands in the tree: siblings give the old pages)."""
    children: dict[int | None, list[Element]] = {}
    for element in elements:
        children.setdefault(element.parent_id, []).append(element)
    ordered: dict[str, list[Element]] = {}
    perspective_of: dict[int, int] = {}

    def visit(parent: int | None, perspective: int | None) -> None:
        for element in children.get(parent, []):
            perspective_of[element.id] = perspective if perspective is not None else element.id
            key = group_key(element, perspective_of, grouping)
            if key is not None:
                ordered.setdefault(key, []).append(element)
            visit(element.id, perspective_of[element.id])

    visit(None, None)
    return list(ordered.items())


def anchor_id(key: str) -> int | None:
    """The element whose weight a group shares out (None: the whole scorecard's)."""
    if key.isdigit():
        return int(key)
    return int(key[len(KPIS_OF):]) if key.startswith(KPIS_OF) else None


def anchored(groups: list[tuple[str, list[Element]]]) -> list[tuple[int | None, list[int]]]:
    """The groups as analysis.hierarchy takes them: (anchor id, member ids)."""
    return [(anchor_id(key), [element.id for element in members]) for key, members in groups]


def is_network_page(key: str) -> bool:
    """A network round's comparison set, "n<id>-<cluster>" (survey/services/network.py)."""
    return key.startswith("n") and key[1:2].isdigit()


def page_code(key: str, by_id: dict[int, Element], named: bool = False) -> str:
    """A questionnaire page's element by code (with its name when ``named``): the parent of a sibling cluster,
    or for a network round's comparison set the element compared with respect to and the cluster compared,
    e.g. "O1/kpi"."""
    target, _, cluster = key.removeprefix("n").partition("-")
    element = by_id[int(target)]
    text = f"{element.code} {element.name}" if named else element.code
    return f"{text}/{cluster}" if is_network_page(key) else text


def heading(key: str, by_id: dict[int, Element], style: str = "full") -> str:
    """A group's title for a reader: ``full`` "F Financial", ``code`` "F", ``name`` "Financial"; a network
    round's comparison set: "O1 Service/kpi", "O1/kpi", "With respect to Service"."""
    # Messages even without values, so that one put in another message is translated with it.
    if is_network_page(key):
        if style == "name":
            return N_("With respect to %(name)s", name=by_id[int(key[1:].partition("-")[0])].name)
        return page_code(key, by_id, named=style == "full")
    if key == ROOT_CLUSTER:
        return Message([(N_("Perspectives"), {})])
    if key == ALL_OBJECTIVES:
        return Message([(N_("All objectives"), {})])
    if key == ALL_KPIS:
        return Message([(N_("All KPIs"), {})])
    anchor = by_id[anchor_id(key)]
    label = {"full": f"{anchor.code} {anchor.name}", "code": anchor.code, "name": anchor.name}[style]
    return N_("KPIs of %(perspective)s", perspective=label) if key.startswith(KPIS_OF) else label


def api_name(key: str, by_id: dict[int, Element]) -> str:
    """How the API names a group: ``root``, the parent's code, ``objectives``, ``kpis`` or ``kpis-<code>``; a
    network round's comparison set as ``<code>/<cluster>``."""
    if is_network_page(key):
        return page_code(key, by_id)
    anchor = anchor_id(key)
    if anchor is None:
        return key
    return by_id[anchor].code if key.isdigit() else f"{KPIS_OF}{by_id[anchor].code}"


def heading_parts(key: str, by_id: dict[int, Element]) -> tuple[str, dict]:
    """``heading`` as (template, values), for a report's own gettext."""
    title = heading(key, by_id)
    # Plain text (a code and a name) goes in as a value: Jinja's gettext formats even a lone template.
    return title.parts[0] if isinstance(title, Message) else ("%(text)s", {"text": title})


def problems(elements: list[Element], grouping: tuple[str, str]) -> dict[str, str]:
    """Why a grouping cannot weight these elements, per field ("objectives", "kpis"); empty when it can."""
    objectives, kpis = grouping
    errors = {}
    if objectives not in OBJECTIVE_GROUPS:
        errors["objectives"] = N_("Compare objectives by perspective or all together.")
    if kpis not in KPI_GROUPS:
        errors["kpis"] = N_("Compare KPIs by objective, by perspective or all together.")
    if errors:
        return errors
    if objectives == "all" and kpis != "objective":
        return {"objectives": N_("Objectives compared all together need their KPIs compared by objective: KPIs "
                                 "compared by perspective or all together give the objectives their weights "
                                 "(the sums of their KPIs').")}
    groups = grouped(elements, grouping)
    for key, field in ((ALL_OBJECTIVES, "objectives"), (ALL_KPIS, "kpis")):
        members = dict(groups).get(key, [])
        if len(members) == 1:
            errors[field] = N_("A group of one element compares nothing: %(code)s is the only one. Keep the "
                               "default grouping.", code=members[0].code)
    by_id = {element.id: element for element in elements}
    tree = Hierarchy.from_parents({element.id: element.parent_id for element in elements})
    left = tree.left_out(anchored(groups))
    if left:
        field = "kpis" if kpis != "objective" else "objectives"
        errors[field] = joined(([errors[field]] if field in errors else []) + [N_(
            "This grouping leaves %(elements)s out: nothing compared lies below them, so they would get no weight. "
            "Give them what they lack, or compare by their parent.",
            elements=", ".join(f"{by_id[key].code} {by_id[key].name}" for key in left))])
    return errors


def locked_reason(session: Session, version: ScorecardVersion) -> str | None:
    """Why the version's grouping cannot change, naming the launched rounds that ask it; None while it can."""
    titles = list(session.scalars(select(Round.title).where(Round.version_id == version.id, Round.status != "draft")
                                  .order_by(Round.id)))
    if not titles:
        return None
    return N_("The launched round %(rounds)s compares these groups, so they cannot change. Copy the version to "
              "compare differently.", rounds=", ".join(titles))


@in_unit_of_work
def set_grouping(session: Session, version: ScorecardVersion, objectives: str, kpis: str, actor: str) -> None:
    """Choose how the version's elements are compared; Invalid (nothing stored) names the field at fault."""
    reason = locked_reason(session, version)
    if reason:
        raise Invalid({"": reason})
    elements = list(session.scalars(select(Element).where(Element.version_id == version.id)
                                    .order_by(Element.position, Element.id)))
    errors = problems(elements, (objectives, kpis))
    if errors:
        raise Invalid(errors)
    before = grouping_of(version)
    version.objective_groups, version.kpi_groups = objectives, kpis
    audit.record(session, version.organisation_id, actor, "comparison_groups_changed",
                 f"{version.scorecard.name} {version.label}",
                 {"objectives": f"{before[0]} → {objectives}", "kpis": f"{before[1]} → {kpis}"})
