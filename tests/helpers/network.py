"""A small scorecard with a network (ANP) of influences between its objectives."""
from __future__ import annotations

from survey.services import accounts, people, scorecards

#: "X is influenced by ..." as HR ticks it: two objectives and three KPIs, with feedback both ways.
NETWORK = {"O1": ["O2", "K1", "K2", "K3"], "O2": ["O1", "K1", "K3"],
           "K1": ["O1", "O2"], "K2": ["O1", "O2"], "K3": ["K1", "O1", "O2"]}


def small_scorecard(session):
    organisation = accounts.create_organisation(session, "Dinas")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2026")
    for code, kind, parent in [("P1", "perspective", ""), ("P2", "perspective", ""), ("O1", "objective", "P1"),
                               ("O2", "objective", "P2"), ("K1", "kpi", "O1"), ("K2", "kpi", "O1"),
                               ("K3", "kpi", "O2")]:
        scorecards.add_element(session, version, code=code, kind=kind, name=f"Name of {code}", parent_code=parent)
    for k in range(2):
        people.add_person(session, organisation.id, name=f"Stakeholder {k}", email=f"s{k}@example.org", weight=1)
    return organisation, version
