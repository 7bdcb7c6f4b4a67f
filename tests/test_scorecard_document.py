"""The office scorecard is one object (services.scorecard_document) that HR's page and its PDF both render."""
from __future__ import annotations

import html

from survey.render.numbers import format_number
from survey.services import performance, scorecard_document
from tests.helpers.reports import samsat_office
from tests.web import sign_in


def test_hr_page_and_printed_report_show_the_same_kpis_from_one_document(client, session):
    organisation, version = samsat_office(session)
    card = scorecard_document.office_document(session, version, "2010")
    assert sorted(k.code for p in card.perspectives for k in p.kpis) == sorted(k.code for k in card.kpis)
    assert {k.code for k in card.attention} == {k.code for k in card.kpis if k.light in ("red", "yellow")}
    sign_in(client, session, organisation.id)
    page = html.unescape(client.get(f"/hr/versions/{version.id}/scorecard/2010").get_data(as_text=True))
    printed = html.unescape(client.get(f"/hr/reports/office/{version.id}/2010.html").get_data(as_text=True))
    for kpi in card.kpis:
        for shown in (kpi.code, kpi.name, format_number(kpi.level, "level", "id"),
                      format_number(kpi.weight, "weight", "id")):
            assert shown in page and shown in printed, (kpi.code, shown)
    assert format_number(card.index, "index", "id") in page and format_number(card.index, "index", "id") in printed


def test_a_finding_saved_reaches_the_document_and_so_both_the_page_and_the_pdf(client, session):
    organisation, version = samsat_office(session)
    performance.set_finding(session, version, kpi="C1a", period="2010", root_cause="Loket tutup siang",
                            action="Jadwal giliran")
    card = scorecard_document.office_document(session, version, "2010")
    line = next(k for k in card.kpis if k.code == "C1a")
    assert (line.root_cause, line.action) == ("Loket tutup siang", "Jadwal giliran")
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/versions/{version.id}/scorecard/2010").get_data(as_text=True)
    printed = client.get(f"/hr/reports/office/{version.id}/2010.html").get_data(as_text=True)
    assert ("Loket tutup siang" in printed) == ("Loket tutup siang" in page) == (line.light in ("red", "yellow"))
