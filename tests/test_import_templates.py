"""Import templates: downloaded from each import form, in the user's language, and accepted as they are."""
import io

import pandas as pd
import pytest

from survey.models import Element, LadderSetting, Measurement, Person
from survey.services import accounts, element_changes, people, scorecards
from survey.services.errors import Invalid
from tests.samsat_site import build_samsat
from tests.web import post, sign_in


def upload(client, url, page, content, fmt, language):
    return post(client, url, {"file": (io.BytesIO(content), f"template.{fmt}"), "number_format": language},
                page=page, content_type="multipart/form-data")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_each_import_template_is_offered_on_its_form_and_imports_as_downloaded(client, session, fmt, language):
    organisation, version = build_samsat(session, stakeholders=0)
    empty = scorecards.create_scorecard(session, organisation.id, "Baru", "2011")
    sign_in(client, session, organisation.id)
    client.get(f"/lang/{language}")
    pages = {"scorecard": (f"/hr/versions/{empty.id}", f"/hr/versions/{empty.id}/import", ""),
             "people": ("/hr/people", "/hr/people/import", ""),
             "measurements": (f"/hr/versions/{version.id}/performance", f"/hr/versions/{version.id}/performance/import",
                              f"?version={version.id}"),
             "ladders": (f"/hr/versions/{version.id}/performance", f"/hr/versions/{version.id}/performance/import",
                         f"?version={version.id}")}
    for kind, (page, action, query) in pages.items():
        link = f"/hr/templates/{kind}.{fmt}{query}"
        assert link in client.get(page).get_data(as_text=True)  # offered on the form
        downloaded = client.get(link)
        assert downloaded.status_code == 200
        response = upload(client, action, page, downloaded.data, fmt, language)
        assert response.status_code == 302, (kind, response.get_data(as_text=True)[-2000:])
    assert session.query(Element).filter_by(version_id=empty.id).count() == 3
    assert session.query(Person).filter_by(organisation_id=organisation.id).one().weight == pytest.approx(1.5)
    assert session.query(Measurement).one().target == pytest.approx(1250000.5)
    assert session.query(LadderSetting).one().anchors["3"] == pytest.approx(75.5)


def test_a_csv_template_writes_numbers_and_names_the_way_the_users_language_does(client, session):
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    indonesian = client.get("/hr/templates/measurements.csv?lang=id").data.decode("utf-8-sig")
    assert '"1.250.000,5"' in indonesian
    assert '"1,250,000.5"' in client.get("/hr/templates/measurements.csv?lang=en").data.decode("utf-8-sig")
    assert "Keuangan" in client.get("/hr/templates/scorecard.csv?lang=id").data.decode("utf-8-sig")
    assert client.get("/hr/templates/passwords.csv").status_code == 404


def test_an_import_reads_codes_written_in_indonesian_and_stores_the_english_ones(session):
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "Baru", "2011")
    rows = [{"code": "C", "kind": "Perspektif", "parent": "", "name": "Pelanggan", "better": "", "rollup": ""},
            {"code": "C1", "kind": "sasaran", "parent": "C", "name": "Layanan cepat", "better": "", "rollup": ""},
            {"code": "C1a", "kind": "IKU", "parent": "C1", "name": "Waktu antre", "better": "Lebih  Rendah",
             "rollup": "rata-rata"},
            {"code": "C1b", "kind": "kpi", "parent": "C1", "name": "Kepuasan", "better": "LEBIH TINGGI",
             "rollup": "jumlah"}]
    scorecards.import_scorecard(session, version, pd.DataFrame(rows))
    stored = {e.code: (e.kind, e.better, e.rollup) for e in scorecards.elements(session, version.id)}
    assert stored == {"C": ("perspective", "higher", ""), "C1": ("objective", "higher", ""),
                      "C1a": ("kpi", "lower", "mean"), "C1b": ("kpi", "higher", "sum")}
    people.import_people(session, organisation.id, pd.DataFrame([
        {"name": "Siti", "email": "siti@kantor.go.id", "kind": "Pemangku Kepentingan"},
        {"name": "Budi", "email": "budi@kantor.go.id", "kind": "PEGAWAI"},
        {"name": "Ani", "email": "ani@kantor.go.id", "kind": "Employee"}]))
    kinds = {p.name: p.kind for p in session.query(Person).filter_by(organisation_id=organisation.id)}
    assert kinds == {"Siti": "stakeholder", "Budi": "employee", "Ani": "employee"}


def test_an_unknown_code_is_refused_naming_the_codes_of_both_languages(session):
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "Baru", "2011")
    with pytest.raises(Invalid) as refused:
        scorecards.import_scorecard(session, version, pd.DataFrame(
            [{"code": "C", "kind": "bagian", "parent": "", "name": "Pelanggan", "better": "naik"}]))
    message = str(refused.value.errors)
    assert "perspective/perspektif" in message and "kpi/iku" in message and "higher/lebih tinggi" in message
    assert scorecards.elements(session, version.id) == []


def test_an_element_edited_with_an_indonesian_direction_stores_the_english_code(session):
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "Baru", "2011")
    scorecards.import_scorecard(session, version, pd.DataFrame(
        [{"code": "C", "kind": "perspective", "parent": "", "name": "Pelanggan"},
         {"code": "C1", "kind": "objective", "parent": "C", "name": "Layanan cepat"},
         {"code": "C1a", "kind": "kpi", "parent": "C1", "name": "Waktu antre"}]))
    kpi = next(e for e in scorecards.elements(session, version.id) if e.code == "C1a")
    element_changes.update_element(session, version, kpi.id, better="Lebih rendah", rollup="Terakhir")
    session.refresh(kpi)
    assert (kpi.better, kpi.rollup) == ("lower", "last")
