"""KPIs assigned to users with the kpi_owner role: they enter targets, actuals and root causes of
those KPIs only (HR and administrators enter any). HR assigns them on the performance page."""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from survey.models import Element, KpiOwner, ScorecardVersion, User
from survey.services import data_versions
from survey.services.errors import N_, Invalid
from survey.services.performance import kpis
from survey.services.transactions import in_unit_of_work

NOT_YOURS = N_("You may enter data only for the KPIs assigned to you.")


def owned_codes(session: Session, user: User, version: ScorecardVersion) -> set[str] | None:
    """Codes of the version's KPIs the user may enter data for; None: all of them (HR, admin)."""
    if user.role != "kpi_owner":
        return None
    return set(session.scalars(select(Element.code).join(KpiOwner, KpiOwner.element_id == Element.id)
                               .where(Element.version_id == version.id, KpiOwner.user_id == user.id)))


def check_may_enter(session: Session, user: User, version: ScorecardVersion, code: str) -> None:
    owned = owned_codes(session, user, version)
    if owned is not None and code not in owned:
        raise Invalid({"kpi": NOT_YOURS})


def owners(session: Session, version: ScorecardVersion) -> dict[str, list[User]]:
    """KPI code -> the users it is assigned to."""
    found: dict[str, list[User]] = {}
    for code, user in session.execute(select(Element.code, User).join(KpiOwner, KpiOwner.element_id == Element.id)
                                      .join(User, User.id == KpiOwner.user_id)
                                      .where(Element.version_id == version.id).order_by(User.email)):
        found.setdefault(code, []).append(user)
    return found


def candidates(session: Session, organisation_id: int) -> list[User]:
    """The organisation's active KPI owners, who can be given a KPI."""
    return list(session.scalars(select(User).where(User.organisation_id == organisation_id, User.role == "kpi_owner",
                                                   User.disabled_at.is_(None)).order_by(User.email)))


@in_unit_of_work
def assign(session: Session, version: ScorecardVersion, code: str, user_ids: list[int]) -> None:
    """The KPI's owners become exactly ``user_ids`` (none: only HR enters its data)."""
    kpi = kpis(session, version).get(code)
    allowed = {user.id for user in candidates(session, version.organisation_id)}
    errors = {}
    if kpi is None:
        errors["kpi"] = N_("There is no KPI %(code)s in this version.", code=code)
    if set(user_ids) - allowed:
        errors["owner"] = N_("Only active users with the KPI owner role can be given a KPI.")
    if errors:
        raise Invalid(errors)
    session.execute(delete(KpiOwner).where(KpiOwner.element_id == kpi.id))
    data_versions.touch(session, version.organisation_id)
    session.add_all(KpiOwner(organisation_id=version.organisation_id, element_id=kpi.id, user_id=user_id)
                    for user_id in sorted(set(user_ids)))
