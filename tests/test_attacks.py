"""Attacks, swept over every address the site has: other organisations' data, forged forms, guessed tokens.

The sweeps enumerate the app's own URL map, so a route added later is attacked too.
"""
from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import func, select

from survey.models import ReportJob
from survey.render.pdf import render_pdf
from survey.services import accounts, api_tokens, jobs, people, performance, questionnaires, rounds
from tests.helpers.attacks import SECRET, SKM_ENDPOINTS, address, estate, methods  # noqa: F401
from tests.helpers.database import rows_in_every_table  # noqa: F401
from tests.web import csrf, post, sign_in


def test_every_address_of_another_organisations_data_is_refused(app, client, session, estate):
    other = accounts.create_organisation(session, "Other office")
    sign_in(client, session, other.id, email="admin@other.org", role="admin")
    token = csrf(client, "/hr/")  # a valid form token of the intruder: the refusal must come from scoping
    before = rows_in_every_table(session)
    swept = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/hr/") or not rule.arguments:
            continue
        url = address(app, rule, estate)
        for method in methods(rule):
            response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
            assert response.status_code in (403, 404), f"{method} {url}: {response.status_code}"
            swept.append(f"{method} {rule.rule}")
    assert len(swept) >= 25  # every HR address that names an object
    assert rows_in_every_table(session) == before


def test_every_api_address_of_another_organisations_data_is_not_found(app, client, session, estate):
    other = accounts.create_organisation(session, "Other office")
    _, raw = api_tokens.create_token(session, other.id, "Other HRIS")
    before = rows_in_every_table(session)
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or not rule.arguments:
            continue
        url = address(app, rule, estate)
        for method in methods(rule):
            response = client.open(url, method=method, headers={"Authorization": f"Bearer {raw}"},
                                   json=[{"name": "Mallory", "email": "mallory@x.org"}] if method == "POST" else None)
            assert response.status_code == 404, f"{method} {url}: {response.status_code}"
    assert rows_in_every_table(session) == before


def test_every_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(app, client, session, estate):
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    before = rows_in_every_table(session)
    refused = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.rule.startswith("/api/"):
            continue  # the API takes bearer tokens, never cookies
        url = address(app, rule, estate)
        response = client.post(url, data={"title": "forged", "name": "forged", "email": "forged@x.org"})
        assert response.status_code == 400, f"POST {url}: {response.status_code}"
        refused.append(rule.rule)
    assert {"/r/<token>/c/<key>", "/r/<token>/q", "/login", "/hr/api-tokens"} <= set(refused) and len(refused) >= 25
    assert rows_in_every_table(session) == before
    assert session.get(type(estate["weighting"]), estate["weighting"].id).status == "open"


def test_wrong_api_tokens_all_look_the_same_and_are_slowed_down(client, session, estate):
    revoked, revoked_raw = api_tokens.create_token(session, estate["organisation"].id, "Old HRIS")
    api_tokens.revoke(session, estate["organisation"].id, revoked.id)
    answers = []
    for raw in (revoked_raw, "nrc_" + "x" * 43, "not-even-a-token", estate["raw"][:-1]):
        response = client.get("/api/rounds", headers={"Authorization": f"Bearer {raw}"})
        answers.append((response.status_code, response.get_data(), response.headers.get("WWW-Authenticate")))
    assert len(set(answers)) == 1 and answers[0][0] == 401  # revoked, unknown, malformed: indistinguishable
    for _ in range(30):
        last = client.get("/api/rounds", headers={"Authorization": "Bearer nrc_guess"})
    assert last.status_code == 429


def test_a_finished_report_of_another_organisation_cannot_be_downloaded(app, client, session, estate):
    finished = jobs.run(session, estate["job"].id, render_pdf, processes=1)
    assert finished.status == "done"
    other = accounts.create_organisation(session, "Other office")
    sign_in(client, session, other.id, email="admin@other.org", role="admin")
    assert client.get(f"/hr/reports/jobs/{finished.id}.pdf").status_code == 404
    assert session.scalar(select(func.count()).select_from(ReportJob)) == 1


PAYLOAD = '=HYPERLINK("http://evil")<script>alert(1)</script><img src=x onerror=alert(2)>'
RAW = ("<script>alert(1)</script>", "<img src=x onerror")


def test_script_in_every_text_field_stays_text_on_every_page_pdf_and_spreadsheet(app, client, session, estate):
    from tests.helpers.reports import pdf_text
    organisation, version = estate["organisation"], estate["version"]
    organisation.name = estate["self_report"].title = estate["weighting"].title = PAYLOAD
    kpi = next(e for e in version.elements if e.code == "L1a")
    kpi.name, kpi.unit = PAYLOAD, RAW[0]  # the unit column holds 50 characters
    intruder = people.add_person(session, organisation.id, name=PAYLOAD, email="evil@x.org", unit=PAYLOAD)
    invitation, link = rounds.new_invitation(estate["weighting"], intruder, SECRET)
    session.add(invitation)
    questionnaires.questions(session, estate["self_report"])[0].text = PAYLOAD
    performance.set_finding(session, version, kpi="L1a", period="2010", root_cause=PAYLOAD, action=PAYLOAD)
    api_tokens.create_token(session, organisation.id, PAYLOAD)
    session.commit()
    post(client, f"/r/{link}", {"role": PAYLOAD})  # a respondent's identity answer
    sign_in(client, session, organisation.id, email="admin@a.org", role="admin")

    shown = shown_in_csv = 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(("/static", "/api", "/lang", "/r/")):
            continue
        url = address(app, rule, estate)
        response = client.get(url)
        body = response.get_data(as_text=True)
        if response.mimetype == "text/csv":  # a download, not a page: defused for spreadsheets instead
            cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
            assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))], url
            shown_in_csv += "'" + PAYLOAD in cells
            continue
        assert not any(raw in body for raw in RAW), url
        shown += "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    for url in (f"/r/{link}", f"/r/{link}/c/root"):
        body = client.get(url).get_data(as_text=True)
        assert not any(raw in body for raw in RAW), url
        shown += "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert shown >= 10 and shown_in_csv  # the payload is on the pages, as text, and in exports, defused

    jobs.run(session, estate["job"].id, render_pdf, processes=1)
    for url in (f"/hr/reports/weighting/{estate['weighting'].id}.pdf", f"/hr/reports/office/{version.id}/2010.pdf",
                f"/hr/reports/personal/{estate['self_report'].id}.pdf", f"/hr/reports/jobs/{estate['job'].id}.pdf"):
        response = client.get(url)
        assert response.mimetype == "application/pdf", url
        assert "<script>alert(1)</script>" in pdf_text(response.data).replace(" ", ""), url  # printed as text

    exports = [f"/hr/reports/weighting/{estate['weighting'].id}/{table}.xlsx"
               for table in ("judgments", "matrices", "weights")]
    exports += [f"/hr/reports/office/{version.id}/2010.xlsx", f"/hr/reports/personal/{estate['self_report'].id}.xlsx",
                f"/hr/versions/{version.id}/export.xlsx"]
    cells = []
    for url in exports:
        response = client.get(url)
        assert response.status_code == 200, url
        for sheet in openpyxl.load_workbook(io.BytesIO(response.data)).worksheets:
            cells += [value for row in sheet.values for value in row if isinstance(value, str)]
    assert "'" + PAYLOAD in cells  # the payload is exported, defused
    assert not [value for value in cells if value.startswith(("=", "+", "@"))]  # no cell a spreadsheet would run


def test_text_longer_than_its_column_is_refused_at_its_row_and_nothing_is_written(session):
    from survey.models import Element
    from survey.services import scorecards
    from survey.services.errors import Invalid
    from tests.samsat_site import samsat_rows
    organisation = accounts.create_organisation(session, "SAMSAT")
    version = scorecards.create_scorecard(session, organisation.id, "SAMSAT BSC", "2010")
    rows = samsat_rows()
    rows["unit"] = ""
    rows.loc[3, "unit"] = "u" * 51
    with pytest.raises(Invalid) as refused:
        scorecards.import_scorecard(session, version, rows)
    assert "row 5" in refused.value.errors and "at most 50 characters" in refused.value.errors["row 5"]
    assert session.scalar(select(func.count()).select_from(Element)) == 0
    people_rows = pd.DataFrame([{"name": "Ani", "email": "ani@x.org"}, {"name": "B" * 201, "email": "b@x.org"}])
    with pytest.raises(Invalid) as refused:
        people.import_people(session, organisation.id, people_rows)
    assert list(refused.value.errors) == ["row 3"] and people.people(session, organisation.id) == []
    people_rows.loc[1, ["name", "email"]] = "Budi", "b" * 249 + "@x.org"  # 255 characters: well formed, too long
    with pytest.raises(Invalid) as refused:
        people.import_people(session, organisation.id, people_rows)
    assert "at most 254 characters" in refused.value.errors["row 3"] and people.people(session, organisation.id) == []
