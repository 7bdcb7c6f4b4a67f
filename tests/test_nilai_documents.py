"""The nilai (0-120, PermenPANRB 8/2021) column HR may add to the realisation report and to the LKjIP's chapter
III.A, and the LKjIP's chapter III.B (Realisasi Anggaran), from SAMSAT's 2010 figures: every cell against the data,
in the DOCX, the XLSX and the PDF, in Indonesian and English."""
from __future__ import annotations

import html
import io

import docx
import openpyxl
import pytest
from sqlalchemy import select

from analysis.sakip import nilai_capaian
from survey.render.lkjip import lkjip_context, lkjip_docx
from survey.render.pdf import render_pdf
from survey.render.sakip import realisation_context, realisation_xlsx
from survey.models import Programme
from survey.services import lkjip, programmes, sakip_documents
from tests.helpers.reports import keep_pages, pdf_text, samsat_office
from tests.test_lkjip import (cells, english, expected_budget_rows, expected_capaian_rows, figures, id_number,
                              indonesian, objectives_in_order, pdf_rows, percent_of, samsat_lkjip)
from tests.test_sakip_documents import DAY
from tests.web import sign_in

NOTE_ID = "rumus belum terverifikasi"
NOTE_EN = "formula not verified"


def printed(template: str, context: dict, organisation, language: str, kept: str = "") -> bytes:
    """The document's PDF in ``language``; its pages kept as images under ``kept`` for a person to look at."""
    pdf = render_pdf([(template, context)], organisation=organisation.name, language=language,
                     gettext=indonesian if language == "id" else english)
    if kept:
        keep_pages(pdf, kept)
    return pdf


def expected_nilai(code: str) -> str | None:
    """The 2010 nilai of a KPI by analysis.sakip from its capaian: '–*' where the formula is not verified (its
    capaian rounds to 101-110 %), '–' where there is no capaian."""
    target, actual = figures("2010")[code]
    percent = percent_of(target, actual, code)
    if percent is None:
        return "–"
    nilai = float(nilai_capaian(percent))
    return "–*" if nilai != nilai else id_number(nilai)


def test_samsat_2010_covers_every_kind_of_nilai():
    """The case below holds a 109 (100 %), a 120 (above 110 %), an unverified one (108 %) and the rounding."""
    by_code = {code: expected_nilai(code) for code in figures("2010")}
    assert by_code["I3b"] == "109" and by_code["I2a"] == "120" and by_code["L1c"] == "–*"
    assert by_code["F1a"] == "89" and by_code["F1b"] == "88"  # 98,6 % is 99 %, 98,5 % is 98 %: whole percents
    assert by_code["C1b"] == "41,53" and by_code["C1a"] == "–"  # 50 / 59 x 49; a missed target of 0: no capaian


def test_the_lkjip_docx_with_nilai_holds_every_capaian_and_nilai_cell_and_says_which_are_unverified(session):
    organisation, version = samsat_lkjip(session)
    report = lkjip.performance_report(session, version, DAY)
    plain = docx.Document(io.BytesIO(lkjip_docx(report, "id", indonesian)))
    document = docx.Document(io.BytesIO(lkjip_docx(report, "id", indonesian, nilai=True)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert NOTE_ID in text and "Nilai (0–120): capaian dikonversi menurut PermenPANRB 8/2021" in text
    assert NOTE_ID not in "\n".join(p.text for p in plain.paragraphs)  # off unless HR asks for it
    header = ["No", "Indikator Kinerja", "Target 2010", "Realisasi 2010", "Capaian 2010 (%)", "Nilai (0–120)",
              "Predikat", "Realisasi 2009", "Capaian 2009 (%)"]
    tables, position = list(document.tables), 2
    for number, (code, name, kpis) in enumerate(objectives_in_order(), 1):
        expected = [row[:5] + [expected_nilai(kpi)] + row[5:]
                    for row, (kpi, _) in zip(expected_capaian_rows(number, kpis), kpis)]
        assert cells(tables[position]) == [header] + expected
        assert cells(plain.tables[position])[0] == header[:5] + header[6:]  # without it, the table as before
        position += 3 if code in ("C1", "C2", "L1") else 2  # capaian, plan, and the programmes it has
    assert cells(tables[2])[1][2:7] == ["52.295.456.000", "51.561.555.515", "98,6", "89", "Sangat Baik"]
    budgets = {p.code: p for p in programmes.programmes(session, version)}
    assert cells(tables[position]) == expected_budget_rows(budgets)  # III.B after III.A, with nilai too
    assert cells(tables[position])[-1] == ["", "Total", "Rp 1.595.678.900", "Rp 1.487.500.000", "93,2"]


def test_the_lkjip_pdf_prints_nilai_and_the_budget_realisation_in_both_languages(session):
    organisation, version = samsat_lkjip(session)
    report = lkjip.performance_report(session, version, DAY)
    pdf = printed("lkjip.html", lkjip_context(report, "id", indonesian, nilai=True), organisation, "id",
                  "lkjip-nilai-id")
    rows, text = pdf_rows(pdf), pdf_text(pdf)
    assert ("1.1 Motor vehicle tax revenue (PKB) 52.295.456.000 51.561.555.515 98,6 89 Sangat Baik 44.177.214.540 "
            "104,3") in rows
    assert any("(%) 75 81,25 108,3 –* Sangat Baik 75 107,1" in row for row in rows)  # L1c: 101-110 %, no formula
    assert NOTE_ID in text and "B. Realisasi Anggaran" in text
    assert text.index("B. Realisasi Anggaran") < text.index("LAMPIRAN: PERJANJIAN KINERJA")
    assert "2 Program Peningkatan Kapasitas Aparatur Rp 345.678.900 Rp 300.000.000 86,8" in rows
    assert "Total Rp 1.595.678.900 Rp 1.487.500.000 93,2" in rows
    english_pdf = printed("lkjip.html", lkjip_context(report, "en", english, nilai=True), organisation, "en",
                          "lkjip-nilai-en")
    rows, words = pdf_rows(english_pdf), pdf_text(english_pdf)
    assert ("1.1 Motor vehicle tax revenue (PKB) 52,295,456,000 51,561,555,515 98.6 89 Very good 44,177,214,540 "
            "104.3") in rows
    assert "Score (0–120)" in words and NOTE_EN in words and "B. Budget realisation" in words
    assert "Total Rp 1,595,678,900 Rp 1,487,500,000 93.2" in rows
    plain = pdf_text(printed("lkjip.html", lkjip_context(report, "id", indonesian), organisation, "id"))
    assert "Nilai (0–120)" not in plain and "B. Realisasi Anggaran" in plain


def test_the_realisation_xlsx_and_pdf_add_the_nilai_after_the_capaian_when_asked(session):
    organisation, version = samsat_office(session)
    report = sakip_documents.realisation_report(session, version)
    sheet = openpyxl.load_workbook(io.BytesIO(realisation_xlsx(report, "id", indonesian, nilai=True))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[3][10:13] == ["Capaian (%)", "Nilai (0–120)", "Predikat"]
    for row in rows[4:4 + len(report.lines)]:
        shown = expected_nilai(row[2])
        assert row[11] == (None if shown == "–" else shown if shown == "–*" else pytest.approx(
            float(nilai_capaian(percent_of(*figures("2010")[row[2]], row[2])))))
    assert rows[4][11] == 89 and NOTE_ID in rows[-1][0]  # F1a; the footnote under the table
    pdf = printed("realisation.html", realisation_context(report, "id", indonesian, nilai=True), organisation, "id",
                  "realisation-nilai-id")
    text = pdf_text(pdf)
    assert "52.295.456.000 – – – – 51.561.555.515 98,6 89 Sangat Baik" in text and NOTE_ID in text
    english_pdf = printed("realisation.html", realisation_context(report, "en", english, nilai=True), organisation,
                          "en", "realisation-nilai-en")
    assert "51,561,555,515 98.6 89 Very good" in pdf_text(english_pdf) and NOTE_EN in pdf_text(english_pdf)


def test_the_budget_total_has_no_realisation_while_a_programme_has_none_and_no_table_without_programmes(session):
    organisation, version = samsat_lkjip(session)
    # P2's spending not entered yet (a blank in the form keeps a stored amount, so set it as never entered)
    session.scalars(select(Programme).where(Programme.version_id == version.id, Programme.code == "P2")).one() \
        .realisation = None
    session.commit()
    report = lkjip.performance_report(session, version, DAY)
    total = lkjip_context(report, "id", indonesian)["budget"][-1]
    assert total == ["", "Total", "Rp 1.595.678.900", "–", "–"]  # P1's spending alone would understate it
    for code in ("P1", "P2"):
        programmes.delete_programme(session, version, code)
    empty = lkjip.performance_report(session, version, DAY)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(lkjip_docx(empty, "id", indonesian))).paragraphs)
    assert "B. Realisasi Anggaran\nBelum ada program yang dimasukkan untuk tahun ini." in text


def test_hr_ticks_nilai_on_the_download_form_and_a_bad_value_is_refused(client, session):
    organisation, version = samsat_lkjip(session)
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/versions/{version.id}/programmes").get_data(as_text=True)
    assert page.count('name="nilai" value="1"') == 2  # the realisation report's form and the LKjIP's
    assert "antara 101 % dan 110 % rumusnya belum terverifikasi" in html.unescape(page)
    response = client.get(f"/hr/reports/lkjip/{version.id}.docx?day=2010-01-28&nilai=1")
    assert response.status_code == 200
    rows = [r for t in docx.Document(io.BytesIO(response.data)).tables for r in cells(t)]
    assert ["1.1", "Motor vehicle tax revenue (PKB)", "52.295.456.000", "51.561.555.515", "98,6", "89",
            "Sangat Baik", "44.177.214.540", "104,3"] in rows
    sheet = client.get(f"/hr/reports/realisation/{version.id}.xlsx?nilai=1")
    assert openpyxl.load_workbook(io.BytesIO(sheet.data)).active["L4"].value == "Nilai (0–120)"
    for address in (f"/hr/reports/lkjip/{version.id}.pdf?nilai=ya",
                    f"/hr/reports/realisation/{version.id}.pdf?nilai=2"):
        refused = client.get(address)
        assert refused.status_code == 400
        assert "Isi nilai=1 untuk menambahkan kolom nilai (0–120), atau kosongkan." in html.unescape(
            refused.get_data(as_text=True))
    english = client.get(f"/hr/reports/lkjip/{version.id}.html?lang=en&nilai=1").get_data(as_text=True)
    assert "Score (0–120)" in english and "B. Budget realisation" in english
