"""Issue 24's numbers: every stored number has a bound, a number past it is refused with that bound and
nothing is written, a long grouped number is refused rather than a server error, a number stored before
the bounds still shows, and imports keep "NA" and "null" as the text they are and refuse "NaN"."""
from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from survey.render.numbers import DECIMALS, format_number
from survey.models import Element, Measurement, Rating, Round
from survey.services import answers, api_tokens, people, performance, questionnaires
from survey.services.numbers import LARGEST, LARGEST_WEIGHT, NumberError, parse_number, read_cell
from tests.test_attacks import estate, rows_in_every_table  # noqa: F401  (estate: a fixture)
from tests.test_public_rounds import visit
from tests.test_roles import kpi_owner_of
from tests.test_site_questionnaires import answer
from tests.test_site_rating import launch_rating_round, rate_page
from tests.web import post, sign_in

TWENTY_SIX_NINES = "9" * 26
#: 1e33 written with Indonesian grouping: Babel raised decimal.InvalidOperation checking its grouping.
LONG_GROUPED = "1" + ".000" * 11
HUGE = {"form": "100.000.000.000.000.000.000.000", "import": 1e29, "api": 1e300}  # a person's weight, each way in


def xlsx(header: list[str], *rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in (header, *rows):
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, url, page, content: bytes, filename: str, language="id"):
    return post(client, f"{url}?lang={language}", {"file": (io.BytesIO(content), filename), "number_format": "id"},
                page=page, content_type="multipart/form-data")


# --- item 1: a huge number breaks pages for everyone -------------------------------------------------------

@pytest.mark.parametrize("value", [1e15 * 1.0000001, 1e23, 99999999999999999999999999, 1e29, 1e300, -1e300,
                                   1e307, float("inf"), 10 ** 400, "not a number"], ids=lambda value: str(value)[:12])
@pytest.mark.parametrize("kind", sorted(DECIMALS))
@pytest.mark.parametrize("locale", ["id", "en"])
def test_any_stored_value_is_formatted_without_raising(value, kind, locale):
    assert format_number(value, kind, locale, signed=True)


def test_a_number_too_large_for_digits_is_shown_in_the_languages_scientific_form():
    assert format_number(1.5e300, "measure", "id") == "1,5E300" and format_number(1.5e300, "measure", "en") == "1.5E300"
    assert format_number(99999999999999999999999999, "count", "id") == "1E26"
    assert format_number(1e23, "weight", "en") == "1E25"  # a weight is shown as a percentage
    assert format_number(LARGEST, "exact", "id") == "1.000.000.000.000.000"  # every bound still shown in full


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(sorted(DECIMALS)), st.sampled_from(["id", "en"]),
       st.booleans())
def test_format_number_never_raises_for_any_float(value, kind, locale, signed):
    assert format_number(value, kind, locale, signed)


@pytest.mark.parametrize("text, largest, says", [
    (TWENTY_SIX_NINES, LARGEST, f"{TWENTY_SIX_NINES} is too large: at most 1.000.000.000.000.000."),
    ("1.000.000.000.000.001", LARGEST, "is too large: at most 1.000.000.000.000.000."),
    ("-1.000.000.000.000.001", LARGEST, "is too small: at least -1.000.000.000.000.000."),
    ("1.000.001", LARGEST_WEIGHT, "1.000.001 is too large: at most 1.000.000."),
    ("1" * 61, LARGEST, "is too long for a number."),
])
def test_a_typed_number_past_its_bound_is_refused_naming_the_bound(text, largest, says):
    with pytest.raises(NumberError, match=says.replace(".", r"\.")):
        parse_number(text, "id", largest)
    assert parse_number("1.000.000.000.000.000", "id") == LARGEST and parse_number("1.000.000", "id", LARGEST_WEIGHT)


def test_a_spreadsheet_or_json_number_past_its_bound_is_refused_and_nan_is_an_empty_cell():
    for value in (1e29, 1e300, float("inf"), -float("inf"), 10 ** 400):
        with pytest.raises(NumberError, match="too (large|small)"):
            read_cell(value, "en")
    with pytest.raises(NumberError, match="1,000,001 is too large: at most 1,000,000."):
        read_cell(1_000_001, "en", LARGEST_WEIGHT)
    assert read_cell(float("nan"), "en") is None and read_cell(LARGEST, "en") == LARGEST


def test_a_kpi_owners_target_of_26_nines_is_refused_and_the_performance_page_stays_up_for_everyone(
        client, session, estate):
    kpi_owner_of(client, session, estate)
    url = f"/hr/versions/{estate['version'].id}/performance"
    before = rows_in_every_table(session)
    response = post(client, url, {"m-kpi": "L1a", "m-period": "2011", "m-target": TWENTY_SIX_NINES, "m-actual": "80"})
    assert response.status_code == 400
    assert f"{TWENTY_SIX_NINES} terlalu besar: maksimal 1.000.000.000.000.000." in response.get_data(as_text=True)
    assert rows_in_every_table(session) == before
    assert client.get(f"{url}?period=2011").status_code == 200


def test_a_persons_huge_weight_is_refused_by_the_form_the_import_and_the_api_and_nothing_is_written(
        client, session, estate):
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    before = rows_in_every_table(session)
    form = post(client, "/hr/people", {"name": "Dewi", "email": "dewi@x.org", "kind": "stakeholder",
                                       "weight": HUGE["form"]})
    assert form.status_code == 400 and "terlalu besar: maksimal 1.000.000." in form.get_data(as_text=True)
    imported = upload(client, "/hr/people/import", "/hr/people",
                      xlsx(["name", "email", "weight"], ["Dewi", "dewi@x.org", HUGE["import"]]), "people.xlsx")
    assert imported.status_code == 400 and "terlalu besar: maksimal 1.000.000." in imported.get_data(as_text=True)
    token = api_tokens.create_token(session, estate["organisation"].id, "HRIS")[1]
    before = rows_in_every_table(session)
    api = client.post(f"/api/rounds/{estate['weighting'].id}/participants",
                      headers={"Authorization": f"Bearer {token}"},
                      json=[{"name": "Dewi", "email": "dewi@x.org", "weight": HUGE["api"]}])
    assert api.status_code == 422 and "too large: at most 1,000,000." in str(api.json)
    assert rows_in_every_table(session) == before
    assert client.get("/hr/people").status_code == 200


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_the_api_refuses_a_weight_of_nan_or_infinity_rather_than_reading_it_as_no_weight(client, session, estate,
                                                                                         literal):
    token = api_tokens.create_token(session, estate["organisation"].id, "HRIS")[1]
    before = rows_in_every_table(session)
    api = client.post(f"/api/rounds/{estate['weighting'].id}/participants", content_type="application/json",
                      headers={"Authorization": f"Bearer {token}"},
                      data=f'[{{"name": "Dewi", "email": "dewi@x.org", "weight": {literal}}}]')
    assert api.status_code == 422
    assert rows_in_every_table(session) == before


def test_numbers_stored_before_the_bounds_still_show_on_every_page_that_lists_them(client, session, estate):
    version = estate["version"]
    person = estate["person"]
    person.weight = 1e300  # as an API call of today's main stored it
    kpi = session.scalar(select(Element).where(Element.version_id == version.id, Element.code == "L1a"))
    kpi.given_weight = 1e23
    session.commit()
    performance.record_measurement(session, version, kpi="L1a", period="2010", target=100, actual=80)
    measurement = session.scalars(select(Measurement).where(Measurement.element_id == kpi.id)).all()[-1]
    measurement.target = float(TWENTY_SIX_NINES)
    session.commit()
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    people_page = client.get("/hr/people")
    assert people_page.status_code == 200 and "1E300" in people_page.get_data(as_text=True)
    refused = post(client, "/hr/people", {"name": "", "kind": "stakeholder", "weight": "1"})  # a form error page
    assert refused.status_code == 400 and "1E300" in refused.get_data(as_text=True)
    assert client.get(f"/hr/people/{person.id}").status_code == 200
    weights = client.get(f"/hr/versions/{version.id}/weights")
    assert weights.status_code == 200 and "1E23" in weights.get_data(as_text=True)
    for url in (f"/hr/versions/{version.id}/performance?period=2010", f"/hr/versions/{version.id}/scorecard/2010",
                f"/hr/versions/{version.id}/performance?period=2010&lang=en"):
        assert client.get(url).status_code == 200, url


# --- item 3: a long grouped number was a server error ------------------------------------------------------

def test_a_long_grouped_number_is_refused_as_too_large_not_a_server_error():
    for locale, text in (("id", LONG_GROUPED), ("en", LONG_GROUPED.replace(".", ","))):
        with pytest.raises(NumberError, match="too large"):
            parse_number(text, locale)


def test_an_anonymous_visitor_typing_a_long_grouped_number_on_a_public_number_question_is_refused(
        app, session, estate):
    counter = session.scalar(select(Round).where(Round.public_slug == estate["slug"]))  # a public SKM
    number = questionnaires.add_question(session, counter, kind="number", text="Berapa menit Anda menunggu?")
    session.commit()
    before = rows_in_every_table(session)
    _, response = visit(app, counter, "203.0.113.9", {number.id: LONG_GROUPED})
    assert response.status_code == 400 and "terlalu besar" in response.get_data(as_text=True)
    assert rows_in_every_table(session) == before


def test_an_invited_employee_typing_a_long_grouped_number_on_the_questionnaire_is_refused(client, session, estate):
    question = next(q for q in questionnaires.questions(session, estate["self_report"]) if q.kind == "number")
    before = rows_in_every_table(session)
    response = answer(client, estate["link"], {question.id: LONG_GROUPED})
    assert response.status_code == 400 and "terlalu besar" in response.get_data(as_text=True)
    assert rows_in_every_table(session) == before


def test_an_invited_rater_typing_a_long_grouped_number_is_refused_and_no_rating_is_stored(client, session):
    organisation, version, round_, links = launch_rating_round(client, session)
    invitation = answers.find_invitation(session, links[0].rsplit("/", 1)[1])
    cluster = answers.questionnaire(session, invitation)[0]
    values = {element.id: "5" for element in cluster.members}
    values[cluster.members[0].id] = LONG_GROUPED
    response = rate_page(client, f"{links[0]}/rate/{cluster.key}", values)
    assert response.status_code == 400 and "terlalu besar" in response.get_data(as_text=True)
    assert not session.scalars(select(Rating)).all()


def test_hr_typing_a_long_grouped_given_weight_is_refused_and_no_weight_is_published(client, session, estate):
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    version = estate["version"]
    kpis = [e for e in version.elements if e.kind == "kpi"]
    url = f"/hr/versions/{version.id}/weights"
    before = rows_in_every_table(session)
    data = {"level": "global", "note": "SK 2010", **{f"w_{e.code}": "1" for e in kpis}}
    data[f"w_{kpis[0].code}"] = LONG_GROUPED
    response = post(client, url, data)
    assert response.status_code == 400 and "terlalu besar" in response.get_data(as_text=True)
    session.expire_all()
    assert rows_in_every_table(session) == before
    assert all(e.given_weight is None for e in session.get(type(version), version.id).elements)


# --- item 13: imports keep text as written and refuse text in number columns -------------------------------

@pytest.mark.parametrize("filename", ["people.csv", "people.xlsx"])
def test_an_import_keeps_na_and_null_as_text_and_refuses_a_weight_of_nan_writing_nothing(client, session, filename):
    from tests.samsat_site import build_samsat
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    header = ["name", "email", "unit", "role", "weight"]
    good = [["Ani", "ani@x.org", "NA", "null", "2"], ["NaN", "nan@x.org", "N/A", "None", ""]]
    content = (xlsx(header, *good) if filename.endswith(".xlsx")
               else "\n".join(",".join(row) for row in [header, *good]).encode())
    assert upload(client, "/hr/people/import", "/hr/people", content, filename).status_code == 302
    stored = {p.email: (p.name, p.unit, p.role, p.weight) for p in people.people(session, organisation.id)}
    assert stored == {"ani@x.org": ("Ani", "NA", "null", 2.0), "nan@x.org": ("NaN", "N/A", "None", 1.0)}
    before = rows_in_every_table(session)
    bad = [["Budi", "budi@x.org", "NA", "", "NaN"], ["Cici", "cici@x.org", "", "", "1"]]
    content = (xlsx(header, *bad) if filename.endswith(".xlsx")
               else "\n".join(",".join(row) for row in [header, *bad]).encode())
    response = upload(client, "/hr/people/import", "/hr/people", content, filename)
    assert response.status_code == 400
    assert "NaN bukan angka." in response.get_data(as_text=True)
    assert rows_in_every_table(session) == before


def test_a_measurement_import_refuses_nan_and_a_huge_target_and_writes_nothing(client, session, estate):
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    version = estate["version"]
    before = rows_in_every_table(session)
    for target in ("NaN", "NA", 1e29):
        response = upload(client, f"/hr/versions/{version.id}/performance/import",
                          f"/hr/versions/{version.id}/performance",
                          xlsx(["kpi", "period", "target", "actual"], ["L1a", "2011", target, 80]), "data.xlsx")
        assert response.status_code == 400, target
    assert rows_in_every_table(session) == before


def test_the_given_weights_service_refuses_a_weight_past_its_bound_whoever_calls_it(session):
    from survey.services import given_weights
    from survey.services.errors import Invalid
    from tests.samsat_site import build_samsat
    _, version = build_samsat(session, stakeholders=0)
    kpis = [element.code for element in version.elements if element.kind == "kpi"]
    given = {code: 1.0 for code in kpis} | {kpis[0]: LARGEST_WEIGHT * 2}
    with pytest.raises(Invalid, match="A weight is at most 1000000."):
        given_weights.publish_given_weights(session, version, given, level="global")
    session.expire_all()
    assert all(element.given_weight is None for element in version.elements)
