"""An office scorecard with data missing is an honest partial result, never a 500.

Small scorecards (three KPIs, two periods) with every mix of missing targets, actuals and ladders:
the page, its PDF and HTML print, its exports and the API all answer a clear page.
"""
import io
import itertools
import shutil

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survey.services import accounts, api_tokens, performance
from tests.helpers.scorecards import KPIS, fill, small_scorecard
from tests.web import sign_in

PERIODS = ("2009", "2010")
_counter = itertools.count()


@pytest.fixture
def office(session):
    organisation = accounts.create_organisation(session, "Kantor")
    return organisation, api_tokens.create_token(session, organisation.id, "HRIS")[1]


def test_a_period_no_kpi_can_be_scored_in_after_one_that_can_is_a_page_not_a_500(client, session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    fill(session, version, {(k, "2009"): (True, True, True) for k in KPIS}
         | {(k, "2010"): (False, True, False) for k in KPIS})  # actuals typed before the ladders exist
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/versions/{version.id}/scorecard/2010?lang=en")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Provisional: 0 of 3 KPIs scored." in text
    assert f"/hr/versions/{version.id}/performance?period=2010&amp;kpi=K2#ladder" in text


def test_a_partly_scored_office_index_is_provisional_and_has_no_light(client, session, office):
    organisation, token = office
    version = small_scorecard(session, organisation.id)
    fill(session, version, {("K1", "2010"): (True, True, True), ("K2", "2010"): (True, False, True)})
    card = performance.office_scorecard(session, version, "2010")
    assert (card.scored, card.weighted, card.provisional) == (1, 3, True)
    assert card.index["light"] == "none"
    assert {gap.kpi: gap.missing for gap in card.gaps} == {"K2": ("actual",), "K3": ("target", "actual", "ladder")}
    sign_in(client, session, organisation.id)
    text = client.get(f"/hr/versions/{version.id}/scorecard/2010").get_data(as_text=True)
    assert "Sementara: 1 dari 3 IKU dinilai." in text
    assert 'class="light red"' not in text.split("Objective Matrix")[0].split("Matriks Objektif")[0]
    scores = client.get(f"/api/scorecards/{version.id}/scores/2010", headers={"Authorization": f"Bearer {token}"})
    body = scores.get_json()
    assert body["provisional"] is True and body["light"] is None and body["scored"] == 1
    assert {"kpi": "K3", "missing": ["target", "actual", "ladder"]} in body["gaps"]


def test_a_first_year_office_sees_which_kpis_lack_what_with_links_to_fix_them(client, session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id)
    fill(session, version, {("K1", "2010"): (True, True, False), ("K2", "2010"): (False, True, False)})
    sign_in(client, session, organisation.id)
    response = client.get(f"/hr/versions/{version.id}/scorecard/2010?lang=en")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Provisional: 0 of 3 KPIs scored." in text and "What is missing" in text
    assert f"performance?period=2010&amp;kpi=K1#ladder" in text and "performance?period=2010&amp;kpi=K3#enter" in text
    form = client.get(f"/hr/versions/{version.id}/performance?period=2010&kpi=K3").get_data(as_text=True)
    assert '<option selected value="K3">' in form  # the link opens the form on that KPI


def test_a_zero_weight_kpi_without_data_does_not_hold_the_index_back(session, office):
    organisation, _ = office
    version = small_scorecard(session, organisation.id, weights=(0.6, 0.4, 0.0))
    fill(session, version, {("K1", "2010"): (True, True, True), ("K2", "2010"): (True, True, True)})
    card = performance.office_scorecard(session, version, "2010")
    assert not card.provisional and card.index["light"] in ("red", "yellow", "green")


CELL = st.tuples(st.booleans(), st.booleans(), st.booleans())


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.fixed_dictionaries({(k, p): CELL for k in KPIS for p in PERIODS}), period=st.sampled_from(PERIODS))
def test_every_mix_of_missing_targets_actuals_and_ladders_answers_a_clear_page(client, session, office, data, period):
    organisation, token = office
    version = small_scorecard(session, organisation.id)
    fill(session, version, data)
    if not client.get("/hr").status_code == 200:
        sign_in(client, session, organisation.id, email=f"hr{next(_counter)}@example.org")
    has_data = any(target or actual for (_, p), (target, actual, _) in data.items() if p == period)
    expected = 200 if has_data else 404
    page = client.get(f"/hr/versions/{version.id}/scorecard/{period}?lang=en")
    assert page.status_code == expected
    if has_data:
        card = performance.office_scorecard(session, version, period)
        assert ("Provisional:" in page.get_data(as_text=True)) == card.provisional
        assert card.provisional == any(gap for gap in card.gaps)
    for fmt in ("pdf", "html", "csv", "xlsx"):
        response = client.get(f"/hr/reports/office/{version.id}/{period}.{fmt}")
        assert response.status_code == expected, fmt
    if has_data:
        workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/office/{version.id}/{period}.xlsx").data))
        assert len(list(workbook.active.values)) >= 1
    api = client.get(f"/api/scorecards/{version.id}/scores/{period}", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == expected and api.is_json
