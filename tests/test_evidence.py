"""Evidence files: a KPI owner attaches a PDF, an image or a sheet to a KPI's period; it is listed on the
KPI's page, the office scorecard and its PDF, served only as a download; anything else is refused and
nothing is kept."""
from __future__ import annotations

import io

import pytest

from survey.models import Evidence
from survey.services import accounts, kpi_owners
from tests.test_reports import pdf_text, samsat_office
from tests.web import post, sign_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def office(client, session):
    organisation, version = samsat_office(session)
    return organisation, version


def attach(client, version, kpi, period, name, content):
    page = f"/hr/versions/{version.id}/performance/{kpi}/values/{period}?lang=id"
    return post(client, f"/hr/versions/{version.id}/performance/{kpi}/evidence/{period}?lang=id",
                {"file": (io.BytesIO(content), name)}, page=page, content_type="multipart/form-data")


def test_an_owner_attaches_evidence_that_the_scorecard_and_its_pdf_list(client, session, office):
    organisation, version = office
    owner = accounts.create_user(session, organisation.id, "owner@x.org", "Owner", "x" * 12, role="kpi_owner")
    kpi_owners.assign(session, version, "C3b", [owner.id])
    assert post(client, "/login", {"email": "owner@x.org", "password": "x" * 12}).status_code == 302
    assert attach(client, version, "C3b", "2010", "Daftar hadir apel.pdf", PDF).status_code == 302
    assert attach(client, version, "C3b", "2010", "foto loket.png", PNG).status_code == 302
    assert attach(client, version, "C1a", "2010", "bukan milik saya.pdf", PDF).status_code == 404  # not theirs
    card = client.get(f"/hr/versions/{version.id}/scorecard/2010?lang=id").get_data(as_text=True)
    assert "Daftar hadir apel.pdf" in card and "foto loket.png" in card and "Bukti dukung" in card
    printed = pdf_text(client.get(f"/hr/reports/office/{version.id}/2010.pdf?lang=id").data)
    assert "Daftar hadir apel.pdf" in printed and "Apel pagi dimulai terlambat" in printed  # the narrative too
    stored = session.query(Evidence).order_by(Evidence.id).first()
    download = client.get(f"/hr/evidence/{stored.id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert "sandbox" in download.headers["Content-Security-Policy"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name, content, message", [
    ("script.html", b"<script>alert(1)</script>", "Lampirkan PDF, gambar"),
    ("palsu.pdf", b"<html><script>alert(1)</script></html>", "bukan PDF"),
    ("palsu.xlsx", b"PK\x03\x04not a workbook", "bukan XLSX"),
    ("kosong.pdf", b"", "kosong"),
    ("biner.csv", b"a,b\x00\xff\xfe", "bukan CSV"),
])
def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_kept(client, session, office, name, content,
                                                                        message):
    organisation, version = office
    sign_in(client, session, organisation.id)
    response = attach(client, version, "C3b", "2010", name, content)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert session.query(Evidence).count() == 0


def test_evidence_of_another_organisation_is_not_found(client, session, office):
    organisation, version = office
    sign_in(client, session, organisation.id)
    assert attach(client, version, "C3b", "2010", "a.pdf", PDF).status_code == 302
    evidence_id = session.query(Evidence).one().id
    other = accounts.create_organisation(session, "Other")
    client.post("/logout")
    sign_in(client, session, other.id, email="hr@other.org")
    assert client.get(f"/hr/evidence/{evidence_id}").status_code == 404


def test_a_period_written_as_offices_write_it_keeps_evidence_under_its_calendar_code(client, session, office):
    organisation, version = office
    sign_in(client, session, organisation.id)
    response = post(client, f"/hr/versions/{version.id}/performance/C3b/evidence/2026/TW1?lang=id",
                    {"file": (io.BytesIO(PDF), "a.pdf")}, content_type="multipart/form-data",
                    page=f"/hr/versions/{version.id}/performance/C3b/values/2026-Q1?lang=id")
    assert response.status_code == 302
    assert session.query(Evidence).one().period == "2026-Q1"
    page = client.get(f"/hr/versions/{version.id}/performance/C3b/values/2026/TW1?lang=id")
    assert page.status_code == 308 and page.headers["Location"].endswith("/values/2026-Q1?lang=id")
