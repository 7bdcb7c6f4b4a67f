"""Every HR page: importing this module puts each area's routes on the blueprint (create_app registers it).

Apart from survey/hr/__init__.py, which the areas import for the blueprint and what they share."""
from __future__ import annotations

from survey.hr import (  # noqa: F401 - imported for their routes
    audit_views,
    by_hand_views,
    counter_views,
    element_views,
    grid_views,
    group_views,
    ikm_views,
    network_views,
    people_views,
    public_views,
    reporting_views,
    round_change_views,
    round_views,
    sakip_views,
    scorecard_views,
    settings_views,
    strategy_views,
    token_views,
    user_views,
)
from survey.hr import blueprint

__all__ = ["blueprint"]
