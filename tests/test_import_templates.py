"""Import templates: downloaded from each import form, in the user's language, and accepted as they are."""
import io

import pytest

from survey.models import Element, LadderSetting, Measurement, Person
from survey.services import accounts, scorecards
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
