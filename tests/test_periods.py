"""Periods from a calendar: chosen, not typed; read from the forms offices write; ordered by the calendar;
named in each language; any period opens its scorecard, PDF and API answer; a year's actual derived
from its quarters by each KPI's rule."""
from urllib.parse import quote

import pandas as pd
import pytest

from survey.models import Element, Measurement, Organisation
from survey.services import accounts, api_tokens, calendar, performance, periods, scorecards
from survey.services.errors import Invalid
from tests.helpers.scorecards import ANCHORS, KPIS, small_scorecard
from tests.web import post, sign_in


@pytest.mark.parametrize("written, code", [
    ("2026", "2026"), ("2026-Q2", "2026-Q2"), ("TW II 2026", "2026-Q2"), ("2026/TW2", "2026-Q2"),
    ("Q2 2026", "2026-Q2"), ("triwulan iv 2025", "2025-Q4"), ("Semester I 2026", "2026-S1"), ("H2 2026", "2026-S2"),
    ("Maret 2026", "2026-03"), ("March 2026", "2026-03"), ("03/2026", "2026-03"), ("Mei 2026", "2026-05"),
    ("Tahun 2026", "2026")])
def test_periods_written_as_offices_write_them_are_read_as_the_calendar_code(written, code):
    assert periods.normalised(written) == code


@pytest.mark.parametrize("written", ["I/2026", "Kuartal kedua", "2026 Q5", "13/2026", "P1"])
def test_text_that_names_no_period_is_refused_with_examples(written):
    with pytest.raises(Invalid, match="TW II 2026, 2026/TW2, Q2 2026") as refused:
        periods.normalised(written)
    assert written in refused.value.errors["period"]


def test_text_already_stored_as_a_period_stays_valid():
    assert periods.normalised("Periode lama", known={"Periode lama"}) == "Periode lama"


def test_periods_are_named_in_each_language():
    assert [periods.label(p, "id") for p in ("2026-Q2", "2026-S1", "2026-03", "2026", "2010 lama")] == \
        ["Triwulan II 2026", "Semester I 2026", "Maret 2026", "2026", "2010 lama"]
    assert [periods.label(p, "en") for p in ("2026-Q2", "2026-S1", "2026-03", "2026")] == \
        ["Q2 2026", "H1 2026", "March 2026", "2026"]


def test_periods_run_by_start_date_then_the_longer_first_and_free_text_last():
    mixed = ["2026-Q2", "2026-S1", "2026-04", "P1", "2026-Q1", "2026", "2026-03", "2025-Q4", "2026-S2"]
    assert periods.ordered(mixed) == ["2025-Q4", "2026", "2026-S1", "2026-Q1", "2026-03", "2026-Q2", "2026-04",
                                      "2026-S2", "P1"]
    assert periods.previous("2026-Q1", mixed) == "2025-Q4"  # the last quarter, not the year


@pytest.fixture
def office(session):
    organisation = accounts.create_organisation(session, "Kantor")
    return organisation, api_tokens.create_token(session, organisation.id, "HRIS")[1]


def test_an_import_stores_the_code_and_refuses_unknown_text_writing_nothing(session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    rows = pd.DataFrame([{"kpi": "K1", "period": "TW II 2026", "target": 80, "actual": 60},
                         {"kpi": "K2", "period": "2026/TW2", "target": 80, "actual": 70}])
    assert performance.import_measurements(session, version, rows) == 2
    assert {p for (_, p) in performance.current_measurements(session, version)} == {"2026-Q2"}
    bad = pd.DataFrame([{"kpi": "K3", "period": "Q2 2026", "actual": 1}, {"kpi": "K3", "period": "kuartal 2", "actual": 2}])
    with pytest.raises(Invalid, match="2026/TW2"):
        performance.import_measurements(session, version, bad)
    session.rollback()
    assert session.query(Measurement).filter_by(organisation_id=organisation.id).count() == 2


def _legacy_scorecard(session, organisation, period):
    """A scorecard whose data was typed before the calendar, under ``period`` as free text."""
    version = small_scorecard(session, organisation.id)
    first = session.query(Element).filter_by(version_id=version.id, code="K1").one()
    session.add(Measurement(organisation_id=organisation.id, element_id=first.id, period=period, target=80.0,
                            actual=60.0, inputs={}, entered_by="before"))
    session.commit()
    for kpi in KPIS:  # once stored, the same text is that period, not refused
        performance.record_measurement(session, version, kpi=kpi, period=period, target=80.0, actual=60.0)
        performance.set_ladder(session, version, kpi=kpi, period=period, anchors=ANCHORS)
    return version


def test_a_period_with_a_slash_and_spaces_opens_its_scorecard_pdf_and_api_answer(client, session, office):
    organisation, token = office
    period = "TW II/2026 lama"
    version = _legacy_scorecard(session, organisation, period)
    assert {p for (_, p) in performance.current_measurements(session, version)} == {period}
    sign_in(client, session, organisation.id)
    address = quote(period)
    page = client.get(f"/hr/versions/{version.id}/scorecard/{address}")
    assert page.status_code == 200 and period in page.get_data(as_text=True)
    assert f"/hr/reports/office/{version.id}/{address}.pdf" in page.get_data(as_text=True)
    pdf = client.get(f"/hr/reports/office/{version.id}/{address}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert 'filename="scorecard-TW-II-2026-lama.pdf"' in pdf.headers["Content-Disposition"]
    xlsx = client.get(f"/hr/reports/office/{version.id}/{address}.xlsx")
    assert xlsx.status_code == 200
    api = client.get(f"/api/scorecards/{version.id}/scores/{address}", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200 and api.get_json()["period"] == period
    performance_page = client.get(f"/hr/versions/{version.id}/performance?period={quote(period, safe='')}")
    assert performance_page.status_code == 200


def test_a_quarter_trend_runs_over_quarters_and_builds_its_ladder_on_last_quarter(session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    for period, actual in (("2025-Q4", 55.0), ("2026-Q1", 62.0)):
        performance.record_measurement(session, version, kpi="K1", period=period, target=70.0, actual=actual)
    performance.record_measurement(session, version, kpi="K1", period="2025", target=70.0, actual=40.0)
    card = performance.office_scorecard(session, version, "2026-Q1")
    assert card.periods == ("2025-Q4", "2026-Q1")  # the year 2025 is not a quarter
    ladder = card.kpis.set_index("kpi").loc["K1", "ladder"]
    assert ladder.anchors[3] == 55.0  # last quarter's actual is the baseline, not the year's 40
    assert performance.trends(card).periods == ["2025-Q4", "2026-Q1"]


def _set_rollups(session, version, rules):
    for element in session.query(Element).filter_by(version_id=version.id):
        element.rollup = rules.get(element.code, "")
    session.commit()


def test_a_years_actual_is_derived_from_its_quarters_by_each_kpis_rule(client, session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    _set_rollups(session, version, {"K1": "sum", "K2": "mean", "K3": "last"})
    entries = {("K1", "2026-Q1"): 10.0, ("K1", "2026-Q2"): 20.0, ("K1", "2026-Q3"): 30.0, ("K1", "2026-Q4"): 40.0,
               ("K2", "2026-Q1"): 60.0, ("K2", "2026-Q2"): 70.0, ("K2", "2026-Q3"): 80.0,
               ("K3", "2026-01"): 5.0, ("K3", "2026-02"): 7.0}
    for (kpi, period), actual in entries.items():
        performance.record_measurement(session, version, kpi=kpi, period=period, actual=actual)
    for kpi in KPIS:
        performance.record_measurement(session, version, kpi=kpi, period="2026", target=100.0)
        performance.set_ladder(session, version, kpi=kpi, period="2026", anchors=ANCHORS)
    card = performance.office_scorecard(session, version, "2026")
    rows = card.kpis.set_index("kpi")
    # By hand: 10+20+30+40 = 100; (60+70+80)/3 = 70; the last month's 7 (no quarter of K3 has an actual).
    assert rows.loc["K1", "performance"] == 100.0 and rows.loc["K2", "performance"] == 70.0
    assert rows.loc["K3", "performance"] == 7.0
    assert rows.loc["K1", "derived_from"] == ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
    assert rows.loc["K3", "derived_from"] == ("2026-01", "2026-02")
    # Level on the ladder 0: 0, 3: 50, 10: 100 -> 70 is 3 + 7 * 20/50 = 5.8.
    assert rows.loc["K2", "level"] == pytest.approx(5.8)
    sign_in(client, session, organisation.id)
    text = client.get(f"/hr/versions/{version.id}/scorecard/2026").get_data(as_text=True)
    assert "turunan dari Triwulan I 2026, Triwulan II 2026, Triwulan III 2026" in text
    english = client.get(f"/hr/reports/office/{version.id}/2026.html?lang=en").get_data(as_text=True)
    assert "derived from January 2026, February 2026" in english
    # The year's own actual wins and is not marked.
    performance.record_measurement(session, version, kpi="K1", period="2026", actual=95.0)
    rows = performance.office_scorecard(session, version, "2026").kpis.set_index("kpi")
    assert rows.loc["K1", "performance"] == 95.0 and rows.loc["K1", "derived_from"] == ()


def test_a_kpi_without_a_rule_derives_nothing(session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    performance.record_measurement(session, version, kpi="K1", period="2026-Q1", actual=10.0)
    performance.record_measurement(session, version, kpi="K1", period="2026", target=100.0)
    performance.set_ladder(session, version, kpi="K1", period="2026", anchors=ANCHORS)
    card = performance.office_scorecard(session, version, "2026")
    assert "K1" not in set(card.kpis.loc[card.kpis["performance"].notna(), "kpi"])


def test_the_rollup_is_read_from_an_import_and_refused_when_unknown(session, office):
    organisation, _ = office
    version = scorecards.create_scorecard(session, organisation.id, "Kantor", "2026")
    rows = [{"code": "F", "kind": "perspective", "parent": "", "name": "Keuangan", "rollup": ""},
            {"code": "F1", "kind": "objective", "parent": "F", "name": "Anggaran", "rollup": ""},
            {"code": "K1", "kind": "kpi", "parent": "F1", "name": "Serapan", "rollup": "Sum"}]
    scorecards.import_scorecard(session, version, pd.DataFrame(rows))
    assert session.query(Element).filter_by(version_id=version.id, code="K1").one().rollup == "sum"
    assert "rollup" in scorecards.export_scorecard(session, version).columns
    other = scorecards.create_scorecard(session, organisation.id, "Lain", "2026")
    with pytest.raises(Invalid, match="Rollup must be"):
        scorecards.import_scorecard(session, other, pd.DataFrame([dict(rows[0], rollup="median")]))


def test_the_calendar_set_in_settings_is_what_the_period_fields_offer(client, session, office):
    organisation, _ = office
    sign_in(client, session, organisation.id, role="admin")
    version = small_scorecard(session, organisation.id)
    page = f"/hr/versions/{version.id}/performance"
    before = client.get(page).get_data(as_text=True)
    assert '<option value="2026-Q2">Triwulan II 2026</option>' in before and 'value="2026-03"' not in before
    refused = post(client, "/hr/settings/calendar", {"year": "2027"}, page="/hr/settings")
    assert refused.status_code == 400
    assert session.get(Organisation, organisation.id).period_calendar is None
    saved = post(client, "/hr/settings/calendar", {"year": "2027", "kinds": ["month"]}, page="/hr/settings")
    assert saved.status_code == 302
    session.expire_all()
    organisation_row = session.get(Organisation, organisation.id)
    assert calendar.kinds_of(organisation_row, 2027) == ("month",)
    assert calendar.kinds_of(organisation_row, 2026) == calendar.DEFAULT_KINDS
    after = client.get(page + "?lang=en").get_data(as_text=True)
    assert '<option value="2027-03">March 2027</option>' in after and 'value="2027-Q1"' not in after
    assert '<option value="2026-Q2">Q2 2026</option>' in after
    chosen = post(client, page, {"m-kpi": "K1", "m-period": "2026-Q2", "m-actual": "60"}, page=page)
    assert chosen.status_code == 302
    assert {p for (_, p) in performance.current_measurements(session, version)} == {"2026-Q2"}


def test_a_personal_ladder_takes_last_quarters_actual_not_the_years(session, office):
    """questionnaires._personal_ladder compared periods as text: 2026 < 2026-Q1 made the year the baseline."""
    from types import SimpleNamespace

    import numpy as np

    from survey.services import questionnaires
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    for period, values in (("2025-Q4", {"actual": 55.0}), ("2026", {"actual": 40.0}), ("2026-Q1", {"target": 70.0})):
        performance.record_measurement(session, version, kpi="K1", period=period, **values)
    kpi = performance.kpis(session, version)["K1"]
    ladder = questionnaires._personal_ladder(session, SimpleNamespace(period="2026-Q1"), kpi,
                                             SimpleNamespace(maximum=None), np.array([50.0, 60.0]))
    assert ladder.anchors[3] == 55.0 and ladder.anchors[10] == 70.0


def test_a_new_rounds_period_is_the_calendar_code_and_unknown_text_is_refused(session, office):
    from survey.models import Round
    from survey.services import rounds
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="SKM", period="TW II 2026")
    assert round_.period == "2026-Q2"
    with pytest.raises(Invalid, match="2026/TW2"):
        rounds.create_round(session, organisation.id, version_id=version.id, title="SKM lagi", period="kedua")
    session.rollback()
    assert session.query(Round).filter_by(organisation_id=organisation.id).count() == 1


def test_a_kpis_rollup_changes_while_a_round_uses_the_version(client, session, office):
    from survey.services import rounds
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2026")
    kpi = session.query(Element).filter_by(version_id=version.id, code="K1").one()
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/elements/{kpi.id}"
    assert "jumlahnya (kumulatif)" in client.get(page).get_data(as_text=True)
    refused = post(client, page + "/rollup", {"rollup": "median"}, page=page)
    assert refused.status_code == 400
    session.expire_all()
    assert session.get(Element, kpi.id).rollup == ""
    assert post(client, page + "/rollup", {"rollup": "mean"}, page=page).status_code == 302
    session.expire_all()
    assert session.get(Element, kpi.id).rollup == "mean"
