"""Acceptance: the published SAMSAT 2010 scorecard rebuilt purely through the site.

One stakeholder enters the published pairwise judgments; HR publishes the weights
(approximate method, global weights rounded to 2 decimals, as the source did),
imports the 2009 and 2010 targets and actuals and the 2010 ladders, and reads the
office scorecard: index 7.90 +- 0.01, lights 15 green / 4 yellow / 3 red.
"""
import csv
import io
import re

import pytest

from survey.render.numbers import format_number
from survey.models import Round, ScorecardVersion
from survey.services import answers, performance
from tests.helpers.weighting import answer_page
from tests.reference import samsat
from tests.samsat_site import ladder_rows, measurement_rows, published_answers, samsat_rows  # noqa: F401
from tests.web import post, round_form, sign_in

LINK = re.compile(r"http://neraca\.test(/r/[A-Za-z0-9_-]+)")


def upload(client, url, page, rows, columns):
    """A CSV written by Python (English numbers, as the file declares) through the import form."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    # an empty cell as a person's file has it: Python's csv writes a missing value (NaN) as the text "nan",
    # which an import keeps as written (issue 24)
    writer.writerows([{key: "" if value != value else value for key, value in row.items()} for row in rows])
    return post(client, url, {"file": (io.BytesIO(buffer.getvalue().encode()), "table.csv"), "number_format": "en"},
                page=page, content_type="multipart/form-data")


def test_the_published_samsat_scorecard_is_rebuilt_through_the_site(app, client, session):
    from survey.services import accounts
    organisation = accounts.create_organisation(session, "SAMSAT")
    sign_in(client, session, organisation.id)
    created = post(client, "/hr/scorecards/new", {"name": "BSC SAMSAT", "label": "2010"})
    version_id = int(created.headers["Location"].rsplit("/", 1)[1])
    assert upload(client, f"/hr/versions/{version_id}/import", f"/hr/versions/{version_id}",
                  samsat_rows().to_dict("records"), ["code", "kind", "parent", "name", "better"]).status_code == 302
    post(client, "/hr/people", {"name": "Administrator Pelayanan", "email": "admin@samsat.go.id", "kind": "stakeholder",
                                "weight": "1"})
    response = post(client, "/hr/rounds/new", round_form(version_id=version_id, priority_method="approximate",
                                                          weight_decimals="2", ask_identity=""))
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    page = f"/hr/rounds/{round_.id}"
    post(client, f"{page}/invite", {"person": ["1"]}, page=page)
    link = LINK.search(client.get(page).get_data(as_text=True)).group(1)  # HR hands the link over

    stakeholder = app.test_client()
    post(stakeholder, link, {"role": "Administrator", "years_of_service": "10"})
    invitation = answers.find_invitation(session, link.rsplit("/", 1)[1])
    for cluster in answers.questionnaire(session, invitation):
        assert answer_page(stakeholder, f"{link}/c/{cluster.key}", published_answers(cluster)).status_code == 302
    assert stakeholder.get(f"{link}/next").headers["Location"].endswith("/done")

    assert post(client, f"{page}/publish", {}, page=f"{page}/results").status_code == 302
    performance_page = f"/hr/versions/{version_id}/performance"
    assert upload(client, f"{performance_page}/import", performance_page, measurement_rows(),
                  ["kpi", "period", "target", "actual"]).status_code == 302
    assert upload(client, f"{performance_page}/import", performance_page, ladder_rows(),
                  ["kpi", "period", "0", "3", "8", "10"]).status_code == 302

    scorecard_page = client.get(f"/hr/versions/{version_id}/scorecard/2010")
    assert scorecard_page.status_code == 200
    card = performance.office_scorecard(session, session.get(ScorecardVersion, version_id), "2010")
    assert card.index["index"] == pytest.approx(samsat()["omax_2010"]["index_total"], abs=0.01)
    assert (card.index["green"], card.index["yellow"], card.index["red"]) == (15, 4, 3)
    weights = dict(zip(card.kpis["kpi"], card.kpis["weight"]))
    assert weights == pytest.approx(samsat()["global_weights_published"])
    subtotals = dict(zip(card.subtotals["perspective"], card.subtotals["subtotal"]))
    for perspective, published in samsat()["omax_2010"]["perspective_index"].items():
        assert subtotals[perspective] == pytest.approx(published, abs=0.01)
    assert format_number(card.index["index"], "index", "id") in scorecard_page.get_data(as_text=True)
    assert len(card.trend) == 1  # 2009 has actuals but no ladder of its own: reported, not guessed


def test_a_measurement_import_with_one_bad_row_imports_nothing_and_names_the_row(client, session):
    from tests.samsat_site import build_samsat
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    rows = measurement_rows()[:4]
    rows[2]["actual"] = "banyak"
    page = f"/hr/versions/{version.id}/performance"
    response = upload(client, f"{page}/import", page, rows, ["kpi", "period", "target", "actual"])
    assert response.status_code == 400
    # The site speaks Indonesian by default: the row and its problem too, with the values put back.
    assert "baris 4: actual: banyak bukan angka. Tulis angka seperti 1,250,000.5." in response.get_data(as_text=True)
    assert performance.current_measurements(session, version) == {}


def test_a_correction_keeps_the_history(client, session):
    from tests.samsat_site import build_samsat
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/performance"
    for actual in ("90", "92,5"):  # the page speaks Indonesian: a decimal comma
        response = post(client, page, {"m-kpi": "L1a", "m-period": "2010", "m-target": "100", "m-actual": actual,
                                       "m-note": "recount"})
        assert response.status_code == 302
    kpi = performance.kpis(session, version)["L1a"]
    assert [m.actual for m in performance.history(session, kpi, "2010")] == [92.5, 90.0]
    assert performance.current_measurements(session, version)[(kpi.id, "2010")].actual == 92.5


def test_a_bad_ladder_is_refused_at_the_field(client, session):
    from tests.samsat_site import build_samsat
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    page, ladders = f"/hr/versions/{version.id}/performance", f"/hr/versions/{version.id}/ladders"
    for language, says in (("id", "L1a: skala {0: 100.0, 5: 50.0, 10: 90.0} berbalik arah"),
                           ("en", "L1a: ladder {0: 100.0, 5: 50.0, 10: 90.0} reverses direction")):
        response = post(client, f"{ladders}?lang={language}",
                        {"l-kpi": "L1a", "l-period": "2010", "l-anchors": "0: 100; 5: 50; 10: 90"}, page=page)
        assert response.status_code == 400 and says in response.get_data(as_text=True)
    response = post(client, ladders, {"l-kpi": "L1a", "l-period": "2010", "l-anchors": "nol: seratus"}, page=page)
    assert response.status_code == 400
    assert performance.ladder_settings(session, performance.kpis(session, version)) == {}


def test_a_formula_kpi_is_scored_from_its_raw_inputs(client, session):
    """L1a 'employees who attended training (%)' computed as share(trained, staff) from entered inputs."""
    from survey.models import Element
    from tests.samsat_site import build_samsat
    organisation, version = build_samsat(session, stakeholders=0)
    for element in session.query(Element).filter_by(version_id=version.id):
        element.global_weight = 1.0 if element.code == "L1a" else 0.0
        if element.code == "L1a":
            element.formula = "share(trained, staff)"
    session.commit()
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/performance"
    assert post(client, page, {"m-kpi": "L1a", "m-period": "2010", "m-target": "100",
                               "m-inputs": "trained = 59; staff = 65"}).status_code == 302
    assert post(client, page, {"m-kpi": "L1a", "m-period": "2010", "m-inputs": "trained = many"}).status_code == 400
    assert post(client, f"/hr/versions/{version.id}/ladders", {"l-kpi": "L1a", "l-period": "2010",
                                                               "l-anchors": "0: 75; 3: 92; 10: 100"}, page=page).status_code == 302
    card = performance.office_scorecard(session, version, "2010")
    row = card.kpis.set_index("kpi").loc["L1a"]
    assert row["performance"] == pytest.approx(59 / 65 * 100)
    assert row["level"] == pytest.approx(samsat()["omax_2010"]["kpis"]["L1a"]["level"], abs=0.02)
    # The KPIs without data are listed on the office scorecard, in the page's language.
    other = next(code for code in performance.kpis(session, version) if code != "L1a")
    assert f"{other}: no data for this period" in card.problems
    shown = client.get(f"/hr/versions/{version.id}/scorecard/2010").get_data(as_text=True)
    assert f"{other}: tidak ada data untuk periode ini" in shown
    assert f"{other}: no data for this period" in client.get(
        f"/hr/versions/{version.id}/scorecard/2010?lang=en").get_data(as_text=True)
