"""Every export that has an import comes back unchanged: people, the scorecard with its given weights,
targets and actuals, ladders; in Indonesian and English, CSV (numbers as the language writes them) and
XLSX (numbers as numbers)."""
from __future__ import annotations

import pandas as pd
import pytest

from survey.services import accounts, given_weights, people, performance, scorecards
from survey.services.tables import read_table
from tests.samsat_site import build_samsat, load_samsat_performance
from tests.web import sign_in

FORMATS = [(language, fmt) for language in ("id", "en") for fmt in ("csv", "xlsx")]


@pytest.fixture
def office(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    load_samsat_performance(session, version)
    people.add_person(session, organisation.id, name="Ani; =1+1", email="ani@x.org", phone="0812-3456-7890",
                      unit="Loket 1", role="Kepala", weight=1.5)
    people.add_person(session, organisation.id, name="Budi", email="budi@x.org", weight=0.123456789)
    people.add_person(session, organisation.id, name="Cici", phone="+62 813 1111 2222", kind="employee", weight=999999.25)
    sign_in(client, session, organisation.id)
    return organisation, version


def download(client, url, language, fmt):
    response = client.get(f"{url}{'&' if '?' in url else '?'}lang={language}")
    assert response.status_code == 200, url
    return read_table(response.data, f"export.{fmt}", [])


@pytest.mark.parametrize("language, fmt", FORMATS)
def test_the_people_export_imports_back_unchanged(client, session, office, language, fmt):
    organisation, _ = office
    table = download(client, f"/hr/people/export?fmt={fmt}", language, fmt)
    assert people.import_people(session, organisation.id, table, language) == people.Imported(0, 0)
    elsewhere = accounts.create_organisation(session, "Elsewhere")
    people.import_people(session, elsewhere.id, table, language)
    assert_same(people.people_table(session, elsewhere.id), people.people_table(session, organisation.id))


@pytest.mark.parametrize("language, fmt", FORMATS)
def test_the_scorecard_export_with_given_weights_makes_the_same_scorecard(client, session, office, language, fmt):
    organisation, version = office
    weights = {e.code: (1.0 + e.id % 3) / 7 for e in version.elements}  # uneven, with long decimals
    given_weights.publish_given_weights(session, version, weights, note="SK Kepala 2026")
    table = download(client, f"/hr/versions/{version.id}/export.{fmt}", language, fmt)
    copy = scorecards.create_scorecard(session, organisation.id, "Again", "2011")
    scorecards.import_scorecard(session, copy, table, language)
    assert_same(scorecards.export_scorecard(session, copy), scorecards.export_scorecard(session, version))
    globals_ = lambda v: {e.code: e.global_weight for e in scorecards.elements(session, v.id)}  # noqa: E731
    assert globals_(copy) == pytest.approx(globals_(version), rel=1e-12)


@pytest.mark.parametrize("language, fmt", FORMATS)
@pytest.mark.parametrize("kind", ["measurements", "ladders"])
def test_targets_actuals_and_ladders_import_back_unchanged(client, session, office, language, fmt, kind):
    organisation, version = office
    kpi = performance.kpis(session, version)["C1a"]
    performance.record_measurement(session, version, kpi="C1a", period="2026/TW 2", target=1250000.5,
                                   actual=0.1 + 0.2)
    table = download(client, f"/hr/versions/{version.id}/performance/{kind}.{fmt}", language, fmt)
    assert len(table) > 10
    importer = performance.import_measurements if kind == "measurements" else performance.import_ladders
    exporter = performance.export_measurements if kind == "measurements" else performance.export_ladders
    rows_before = len(performance.history(session, kpi, "2026/TW 2"))
    if kind == "measurements":
        assert importer(session, version, table, "hr@example.org", language) == 0  # nothing changed
        assert len(performance.history(session, kpi, "2026/TW 2")) == rows_before
    copy = scorecards.copy_version(session, version, "2011")
    importer(session, copy, table, "hr@example.org", language)
    assert_same(exporter(session, copy), exporter(session, version))


def test_an_indonesian_csv_writes_numbers_the_indonesian_way_exactly(client, session, office):
    _, version = office
    performance.record_measurement(session, version, kpi="C1a", period="2026", target=1250000.5, actual=0.1 + 0.2)
    text = client.get(f"/hr/versions/{version.id}/performance/measurements.csv?lang=id").get_data(as_text=True)
    assert '"C1a","2026","1250000,5","0,30000000000000004"' in text
    text = client.get(f"/hr/versions/{version.id}/performance/measurements.csv?lang=en").get_data(as_text=True)
    assert '"C1a","2026","1250000.5","0.30000000000000004"' in text


def test_a_kpi_owner_exports_only_their_kpis(client, session, office):
    organisation, version = office
    from survey.services import kpi_owners
    owner = accounts.create_user(session, organisation.id, "owner@x.org", "Owner", "x" * 12, role="kpi_owner")
    kpi_owners.assign(session, version, "C1a", [owner.id])
    client.post("/logout")
    sign_in_existing(client, "owner@x.org", "x" * 12)
    table = download(client, f"/hr/versions/{version.id}/performance/measurements.csv", "en", "csv")
    assert set(table["kpi"]) == {"C1a"}


def sign_in_existing(client, email, password):
    from tests.web import post
    assert post(client, "/login", {"email": email, "password": password}).status_code == 302


def assert_same(left: pd.DataFrame, right: pd.DataFrame):
    """Equal tables; numbers to 15 significant digits, all an XLSX cell keeps."""
    pd.testing.assert_frame_equal(_normalised(left), _normalised(right), check_dtype=False, rtol=1e-14)


def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype(object).where(frame.notna(), None).replace({"": None}).reset_index(drop=True)
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            frame[column] = frame[column].astype(float)
    return frame
