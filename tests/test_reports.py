"""Printed reports: real PDFs read back as text (pdftotext) and looked at as images (pdftoppm)."""
import html as html_module
import io
import re
import shutil

import openpyxl
import pandas as pd
import pytest

from survey.render.numbers import format_number
from survey.services import performance, reports
from tests.helpers.reports import filled_share, keep_pages, page_count, pdf_text, samsat_office, self_report_round
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.web import post, sign_in

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


def test_office_scorecard_pdf_has_the_samsat_figures_and_pages_to_look_at(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    response = client.get(f"/hr/reports/office/{version.id}/2010.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Indeks kinerja 7,90" in text  # the index, 7.9001 recomputed, in Indonesian with two decimals
    for subtotal in ("2,21", "2,77", "1,59", "1,33"):  # F, C, I, L as recomputed (2.2063, 2.7711, 1.5881, 1.3346)
        assert subtotal in text
    assert "Apel pagi dimulai terlambat" in text and "Absensi sidik jari" in text
    assert "Halaman 1 / " in text and "SAMSAT" in text
    pages = page_count(response.data)
    assert 3 <= pages <= 8
    assert len(keep_pages(response.data, "office-scorecard-2010")) == pages


def test_office_scorecard_pdf_fills_its_pages_and_keeps_the_charts_with_the_attention_table(client, session):
    """Issue 26: page 2 held only the subtotal bars and the lights, a quarter of a page, before the landscape
    OMAX pages. Every page but the last is now filled at least half way down."""
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    pdf = client.get(f"/hr/reports/office/{version.id}/2010.pdf").data
    shares = filled_share(pdf)
    assert len(shares) == page_count(pdf) == 5  # the last: would the signal change (its own section)
    assert all(share >= 0.5 for share in shares[:-1]), shares
    below_the_matrices = pdf_text(pdf, page=3)
    assert "L Learning and Growth — Objective Matrix" in below_the_matrices
    assert "Subtotal per perspektif" in below_the_matrices and "Lampu" in below_the_matrices
    actions = pdf_text(pdf, page=4)
    assert "Akar masalah" in actions and "Apel pagi dimulai terlambat" in actions  # the actions on a page of their own
    assert "Apakah sinyal akan berubah?" in pdf_text(pdf, page=4) + pdf_text(pdf, page=5)


def test_office_scorecard_report_is_also_a_printable_page_and_a_spreadsheet(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    html = client.get(f"/hr/reports/office/{version.id}/2010.html?lang=en").get_data(as_text=True)
    assert "Performance scorecard 2010" in html and "<svg" in html
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/office/{version.id}/2010.xlsx").data))
    rows = list(workbook.active.values)
    assert len(rows) == 1 + 22 and "level_10" in rows[0]
    csv = client.get(f"/hr/reports/office/{version.id}/2010.csv").data.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith('"period","perspective","objective","kpi"')  # text is quoted


def test_names_with_html_or_formulas_stay_text_in_pdf_html_and_spreadsheets(client, session):
    evil = '<script>alert("x")</script>=HYPERLINK("http://evil")'
    organisation, version = samsat_office(session, kpi_name=evil)
    sign_in(client, session, organisation.id)
    html = client.get(f"/hr/reports/office/{version.id}/2010.html").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    printed = pdf_text(client.get(f"/hr/reports/office/{version.id}/2010.pdf").data).replace(" ", "")
    assert '<script>alert("x")</script>' in printed  # shown as text (a table cell may wrap it)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/office/{version.id}/2010.xlsx").data))
    names = [row[4] for row in workbook.active.values]
    assert evil in names  # starts with '<', so a spreadsheet shows it as text anyway
    performance.set_finding(session, version, kpi="C1a", period="2010", root_cause='=cmd|"/c calc"!A1', action="")
    exported = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/office/{version.id}/2010.xlsx").data))
    causes = [row[12] for row in exported.active.values]
    assert '\'=cmd|"/c calc"!A1' in causes and '=cmd|"/c calc"!A1' not in causes  # no formula injection


def test_weighting_report_prints_weights_and_cr_and_exports_judgments_and_weights(client, session):
    organisation, _, round_ = launch(session)
    first, second, _ = invitations(session, round_)
    answer_everything(session, first)
    answer_everything(session, second, inverse=True)
    sign_in(client, session, organisation.id)
    pdf = client.get(f"/hr/reports/weighting/{round_.id}.pdf").data
    text = pdf_text(pdf)
    assert "Laporan pembobotan" in text and "CR" in text and "F1a" in text
    keep_pages(pdf, "weighting")
    judgments = pd.read_csv(io.BytesIO(client.get(f"/hr/reports/weighting/{round_.id}/judgments.csv").data))
    assert set(judgments["respondent"]) == {"Stakeholder 0", "Stakeholder 1"}
    weights = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/weighting/{round_.id}/weights.xlsx").data))
    assert len(list(weights.active.values)) == 1 + 38


def test_personal_scorecards_pdf_has_a_ranking_and_a_page_per_employee(app, client, session):
    organisation, round_ = self_report_round(session, {"Ani": 90.0, "Budi": 40.0, "Cici": 70.0})
    sign_in(client, session, organisation.id)
    pdf = client.get(f"/hr/reports/personal/{round_.id}.pdf").data
    assert page_count(pdf) == 1 + 3
    text = pdf_text(pdf)
    assert text.index("Ani") < text.index("Cici") < text.index("Budi")  # the ranking comes first
    keep_pages(pdf, "personal")
    table = pd.read_csv(io.BytesIO(client.get(f"/hr/reports/personal/{round_.id}.csv").data)).set_index("name")
    assert table.loc["Ani", "rank"] == 1
    for page, name in enumerate(["Ani", "Cici", "Budi"], start=2):  # each employee's figures on their own page
        row, words = table.loc[name], pdf_text(pdf, page).split()
        shown = {kind: format_number(row[column], kind, "id") for kind, column in
                 (("measure", "achievement"), ("level", "level"), ("index", "value"))}
        assert name in words and shown["measure"] in words and shown["level"] in words
        assert shown["index"] in words and format_number(row.total, "index", "id") in words


def test_another_organisations_reports_are_not_found(client, session):
    _, version = samsat_office(session)
    from survey.services import accounts
    other = accounts.create_organisation(session, "Other")
    sign_in(client, session, other.id, email="hr@other.org")
    assert client.get(f"/hr/reports/office/{version.id}/2010.pdf").status_code == 404


def test_hundreds_of_personal_scorecards_are_made_in_the_background_and_kept(app, client, session):
    organisation, round_ = self_report_round(session, {f"Pegawai {n:03d}": n % 101 for n in range(60)})
    sign_in(client, session, organisation.id)
    page = f"/hr/rounds/{round_.id}/results"
    response = post(client, f"/hr/reports/personal/{round_.id}/job", {}, page=page)
    job_page = response.headers["Location"]
    assert "Siap" in client.get(job_page).get_data(as_text=True) or "Ready" in client.get(job_page).get_data(as_text=True)
    pdf = client.get(f"{job_page}.pdf").data
    assert page_count(pdf) - 60 in (1, 2)  # the ranking, then one page per employee
    text = pdf_text(pdf)
    assert "Pegawai 1 dari 60" in text and "Pegawai 60 dari 60" in text


def test_the_command_line_prints_personal_scorecards_on_two_cores_with_a_progress_bar(app, session, tmp_path,
                                                                                      monkeypatch, capsys):
    organisation, round_ = self_report_round(session, {f"Pegawai {n:03d}": n for n in range(30)})
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("SECRET_KEY", "test")
    from survey.cli import main
    out = tmp_path / "personal.pdf"
    assert main(["report", str(round_.id), "--out", str(out), "--processes", "2"]) == 0
    assert "3/3 parts" in capsys.readouterr().err  # the ranking, then employees 1-25 and 26-30
    assert page_count(out.read_bytes()) == 1 + 30


def test_a_long_kpi_unit_does_not_push_an_employees_figures_out_of_their_columns(session):
    from survey.render.pdf import render_html
    from survey.models import Element
    _, round_ = self_report_round(session, {"Ani": 90.0, "Budi": 40.0})
    element = session.query(Element).filter_by(version_id=round_.version_id, code="L1a").one()
    element.unit = "dokumen per triwulan"
    session.commit()
    report = reports.personal_report(session, round_)
    html = render_html("personal.html", dict(report, ranking=[]), organisation="SAMSAT", language="id")
    lines = [html_module.unescape(line) for line in re.findall(r'class="figures"[^>]*>([^<]*)<', html)]
    assert len(lines) == 2 * 3  # each employee: the header, the KPI, the total
    # Monospaced and padded: the five number fields (capaian among them) end at column 47 on every line,
    # then the light.
    assert all(line[46] != " " and line[47:49] == "  " for line in lines), lines
    assert "dokumen per triwulan" in html
