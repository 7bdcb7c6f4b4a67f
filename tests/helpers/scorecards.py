"""Small scorecards the tests build by hand: two perspectives, three KPIs, weights given (no round needed)."""
from __future__ import annotations

import itertools

import pandas as pd

from survey.models import Element
from survey.services import performance, scorecards

KPIS = ("K1", "K2", "K3")
ANCHORS = {"0": 0.0, "3": 50.0, "10": 100.0}
_counter = itertools.count()


def small_scorecard(session, organisation_id, weights=(0.5, 0.3, 0.2)):
    """Two perspectives, three KPIs, published weights."""
    version = scorecards.create_scorecard(session, organisation_id, f"Kantor {next(_counter)}", "2010")
    scorecards.import_scorecard(session, version, pd.DataFrame([
        {"code": "F", "kind": "perspective", "parent": "", "name": "Keuangan"},
        {"code": "C", "kind": "perspective", "parent": "", "name": "Pelanggan"},
        {"code": "F1", "kind": "objective", "parent": "F", "name": "Anggaran"},
        {"code": "C1", "kind": "objective", "parent": "C", "name": "Layanan"},
        {"code": "K1", "kind": "kpi", "parent": "F1", "name": "Serapan anggaran"},
        {"code": "K2", "kind": "kpi", "parent": "C1", "name": "Kepuasan"},
        {"code": "K3", "kind": "kpi", "parent": "C1", "name": "Waktu layanan"}]))
    weight_of = dict(zip(KPIS, weights))
    for element in session.query(Element).filter_by(version_id=version.id):
        element.global_weight = weight_of.get(element.code, 1.0)
    session.commit()
    return version


def fill(session, version, data):
    """``data[(kpi, period)]`` = (has target, has actual, has ladder)."""
    for (kpi, period), (target, actual, ladder) in data.items():
        if target or actual:
            performance.record_measurement(session, version, kpi=kpi, period=period,
                                           target=80.0 if target else None, actual=60.0 if actual else None)
        if ladder:
            performance.set_ladder(session, version, kpi=kpi, period=period, anchors=ANCHORS)
