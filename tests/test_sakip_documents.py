"""The documents an office signs and reports (issue 27): the Perjanjian Kinerja as DOCX and PDF, the year's
realisation report as XLSX and PDF, from SAMSAT's published 2009-2010 figures."""
from __future__ import annotations

import html
import io
from datetime import date

import docx
import pandas as pd
import openpyxl
import pytest

from survey import i18n
from survey.models import Organisation
from survey.render.pdf import render_pdf
from analysis.predikat import PRESETS, capaian, predikat
from survey.render.sakip import pk_context, pk_docx, realisation_context, realisation_header, realisation_xlsx
from survey.services import accounts, performance, programmes, reporting, sakip_documents, scorecards
from survey.services.errors import Invalid
from survey.services.tables import read_table, to_bytes
from tests.helpers.reports import keep_pages, page_count, pdf_text, samsat_office
from tests.reference import samsat
from tests.samsat_site import measurement_rows
from tests.web import post, sign_in

FIRST = {"name": "Drs. Budi Santoso", "position": "Kepala UPT SAMSAT", "nip": "196505121990031007"}
SECOND = {"name": "Ir. Siti Aminah, M.Si", "position": "Kepala Dinas Pendapatan Daerah", "nip": ""}
DAY = date(2010, 1, 28)
#: The 2010 programmes an office like SAMSAT would sign for (budgets in rupiah), by the objectives they serve.
PROGRAMMES = [{"code": "P1", "name": "Program Peningkatan Pelayanan Pajak Kendaraan", "budget": 1_250_000_000,
               "objectives": "C1, C2"},
              {"code": "P2", "name": "Program Peningkatan Kapasitas Aparatur", "budget": 345_678_900,
               "objectives": "L1"}]


def english(message, **values):
    return message % values if values else message


def indonesian(message, **values):
    return i18n.gettext("id", message, **values)


def samsat_with_pk(session):
    organisation, version = samsat_office(session)
    programmes.set_signing(session, organisation.id, place="Semarang", first=FIRST, second=SECOND)
    programmes.import_programmes(session, version, pd.DataFrame(PROGRAMMES), number_format="en")
    return organisation, version


def targets_2010():
    """KPI code -> the 2010 target as load_samsat_performance imports it."""
    return {row["kpi"]: row["target"] for row in measurement_rows() if row["period"] == "2010"}


def actuals_2010():
    return {row["kpi"]: row["actual"] for row in measurement_rows() if row["period"] == "2010"}


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def kpis_by_objective():
    return [(objective["name"], code, name) for perspective in samsat()["hierarchy"].values()
            for objective in perspective["objectives"].values() for code, name in objective["kpis"].items()]


def test_the_pk_docx_holds_the_statement_and_every_target_and_budget_of_samsat_2010(session):
    organisation, version = samsat_with_pk(session)
    pk = sakip_documents.performance_agreement(session, version, DAY)
    document = docx.Document(io.BytesIO(pk_docx(pk, "id", indonesian)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "PERJANJIAN KINERJA TAHUN 2010" in text and "SAMSAT" in text
    # The statement of PermenPANRB 53/2014's format, word for word (DOMAIN.md section 7).
    assert ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
            "berorientasi pada hasil, yang bertanda tangan di bawah ini:") in text
    assert ("berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini dalam rangka "
            "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan.") in text
    assert "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami." in text
    assert "Nama\t: Drs. Budi Santoso" in text and "Jabatan\t: Kepala UPT SAMSAT" in text
    assert "NIP\t: 196505121990031007" in text
    signatures, targets, budget, last_signatures = document.tables
    assert "Semarang, 28 Januari 2010" in signatures.cell(0, 1).text
    assert "Kepala Dinas Pendapatan Daerah" in signatures.cell(0, 0).text and "Ir. Siti Aminah, M.Si" in signatures.cell(0, 0).text
    assert cells(last_signatures) == cells(signatures)
    # Every cell of the annex against the published case: the objective's number and name span its KPIs.
    expected, number, seen = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]], 0, []
    target = targets_2010()
    for objective, code, name in kpis_by_objective():
        if objective not in seen:
            seen.append(objective)
            number += 1
        written = f"{target[code]:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",").replace(" ", ".")
        expected.append([str(number), objective, name, written])
    assert cells(targets) == expected
    assert cells(targets)[1][3] == "52.295.456.000"  # F1a, motor-vehicle tax revenue in rupiah
    assert cells(budget) == [["No", "Program", "Anggaran (Rp)"],
                             ["1", "Program Peningkatan Pelayanan Pajak Kendaraan", "Rp 1.250.000.000"],
                             ["2", "Program Peningkatan Kapasitas Aparatur", "Rp 345.678.900"],
                             ["", "Jumlah", "Rp 1.595.678.900"]]


def test_the_pk_pdf_prints_what_the_docx_holds_in_both_languages(session):
    organisation, version = samsat_with_pk(session)
    pk = sakip_documents.performance_agreement(session, version, DAY)
    pdf = render_pdf([("pk.html", pk_context(pk, "id", indonesian))], organisation=organisation.name, language="id",
                     gettext=indonesian)
    text = pdf_text(pdf)
    assert "PERJANJIAN KINERJA TAHUN 2010" in text and "Semarang, 28 Januari 2010" in text
    assert "yang bertanda tangan di bawah ini" in text and "menjadi tanggung jawab kami" in text
    annex = pdf_text(pdf, page=2)
    assert "LAMPIRAN PERJANJIAN KINERJA TAHUN 2010" in annex
    for objective, code, name in kpis_by_objective():
        assert name in annex and objective in annex
    assert "52.295.456.000" in annex and "Rp 1.595.678.900" in annex
    keep_pages(pdf, "pk-id")
    english_pdf = render_pdf([("pk.html", pk_context(pk, "en", english))], organisation=organisation.name, language="en",
                             gettext=english)
    words = pdf_text(english_pdf)
    assert "PERFORMANCE AGREEMENT 2010" in words and "January 28, 2010" in words and "Rp 1,595,678,900" in words
    keep_pages(english_pdf, "pk-en")


def test_a_provisional_year_is_marked_in_the_pk_and_not_once_it_is_locked(session):
    organisation, version = samsat_with_pk(session)
    pk = sakip_documents.performance_agreement(session, version, DAY)
    assert pk.state == "provisional"
    note = "Sementara: nilai 2010 belum diverifikasi."
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(pk_docx(pk, "id", indonesian))).paragraphs)
    assert text.count(note) == 2  # the statement and the annex
    pdf = render_pdf([("pk.html", pk_context(pk, "id", indonesian))], organisation=organisation.name, language="id",
                     gettext=indonesian)
    assert note in pdf_text(pdf, page=1) and note in pdf_text(pdf, page=2)
    verify_and_lock(session, version, "2010")
    locked = sakip_documents.performance_agreement(session, version, DAY)
    assert locked.state == "locked"
    assert note not in "\n".join(p.text for p in docx.Document(io.BytesIO(pk_docx(locked, "id", indonesian))).paragraphs)


def verify_and_lock(session, version, period):
    """HR submits, verifies and locks the period as the reporting cycle asks (an analysis for each red or yellow KPI)."""
    hr = accounts.create_user(session, version.organisation_id, "hr@samsat.example", "HR", "a long passphrase 1",
                              role="hr")
    for line in reporting.board(session, version, period).kpis:
        if line.light in ("red", "yellow") and not line.analysed:
            performance.set_finding(session, version, kpi=line.code, period=period, root_cause="Sebab",
                                    action="Tindak lanjut")
    reporting.submit(session, version, period, hr)
    for code in performance.kpis(session, version):
        reporting.decide(session, version, period, code, hr, approve=True)
    reporting.lock(session, version, period, hr)


def test_the_pk_is_refused_until_both_signatories_are_set(session):
    organisation, version = samsat_office(session)
    with pytest.raises(Invalid, match="two signatories"):
        sakip_documents.performance_agreement(session, version, DAY)


@pytest.mark.parametrize("first, field, problem", [
    ({"name": "", "position": "Kepala"}, "first_name", "name"),
    ({"name": "Budi", "position": " "}, "first_position", "position"),
    ({"name": "Budi", "position": "Kepala", "nip": "1965 0512"}, "first_nip", "18 digits"),
    ({"name": "Budi\u202e", "position": "Kepala"}, "first_name", "control character"),
    ({"name": "B" * 201, "position": "Kepala"}, "first_name", "at most 200"),
])
def test_bad_signatories_are_refused_and_the_stored_ones_kept(session, first, field, problem):
    organisation, version = samsat_with_pk(session)
    with pytest.raises(Invalid) as refused:
        programmes.set_signing(session, organisation.id, place="Kudus", first=first, second=SECOND)
    assert problem in refused.value.errors[field]
    session.expire_all()
    kept = programmes.signing(session.get(Organisation, organisation.id))
    assert kept.place == "Semarang" and kept.first.name == FIRST["name"]


def test_a_nip_written_with_spaces_is_kept_as_its_18_digits(session):
    organisation, _ = samsat_office(session)
    stored = programmes.set_signing(session, organisation.id, place="Semarang",
                                    first=dict(FIRST, nip="19650512 199003 1 007"), second=SECOND)
    assert stored.first.nip == "196505121990031007" and stored.second.nip == ""


@pytest.mark.parametrize("fmt, number_format", [("csv", "id"), ("csv", "en"), ("xlsx", "id")])
def test_programmes_exported_read_back_unchanged(session, fmt, number_format):
    organisation, version = samsat_with_pk(session)
    programmes.save_programme(session, version, code="P3", name="Program Pelayanan Administrasi; Perkantoran",
                              budget="Rp 12.345.678,5", objective_codes="I3;I4", number_format="id")
    before = programmes.programmes(session, version)
    exported = to_bytes(programmes.export_programmes(session, version), fmt, number_format)
    for programme in before:
        programmes.delete_programme(session, version, programme.code)
    assert programmes.programmes(session, version) == []
    frame = read_table(exported, f"programmes.{fmt}", programmes.PROGRAMME_COLUMNS)
    programmes.import_programmes(session, version, frame, number_format=number_format)
    assert programmes.programmes(session, version) == before
    assert before[2].budget == 12_345_678.5 and before[2].objectives == ("I3", "I4")
    assert before[0].objectives == ("C1", "C2")


@pytest.mark.parametrize("row, problem", [
    ({"code": "P9", "name": "X", "budget": "satu juta", "objectives": "C1"}, "not a number"),
    ({"code": "P9", "name": "X", "budget": "-5", "objectives": "C1"}, "0 or more"),
    ({"code": "P9", "name": "X", "budget": "1000", "objectives": "C1, C1a"}, "'C1a' is not an objective"),
    ({"code": "P9", "name": "", "budget": "1000", "objectives": ""}, "programme's name"),
    ({"code": "", "name": "X", "budget": "1000", "objectives": ""}, "programme's code"),
    ({"code": "P1", "name": "X", "budget": "1000", "objectives": ""}, "used twice"),
])
def test_a_bad_programme_row_refuses_the_whole_file(session, row, problem):
    organisation, version = samsat_with_pk(session)
    before = programmes.programmes(session, version)
    good = {"code": "P1", "name": "Ganti nama", "budget": "1", "objectives": "F1"}
    with pytest.raises(Invalid) as refused:
        programmes.import_programmes(session, version, pd.DataFrame([good, row]), number_format="id")
    assert problem in refused.value.errors["row 3"]
    session.expire_all()
    assert programmes.programmes(session, version) == before


def expected_capaian(code):
    """SAMSAT's 2010 capaian by PermenPANRB 8/2021 from the published target and actual, and its predikat."""
    target, actual = targets_2010()[code], actuals_2010()[code]
    better = samsat()["targets_and_actuals"][code][5]
    if target == 0 and actual != 0:
        return None, "target 0 tidak tercapai: capaian tak terhitung"
    percent = float(capaian(actual, target, better))
    return percent, predikat(percent, PRESETS["lkjip_district"], "id")


def test_the_realisation_xlsx_holds_every_kpi_of_samsat_2010_by_quarter_with_capaian_and_predikat(session):
    organisation, version = samsat_office(session)
    report = sakip_documents.realisation_report(session, version)
    assert report.periods == ("2010-Q1", "2010-Q2", "2010-Q3", "2010-Q4")  # the default calendar: year and quarters
    sheet = openpyxl.load_workbook(io.BytesIO(realisation_xlsx(report, "id", indonesian))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Realisasi Kinerja 2010" and rows[1][:2] == ["SAMSAT", "SAMSAT BSC 2010"]
    assert rows[3] == ["No", "Sasaran Strategis", "Kode", "Indikator Kinerja", "Target 2010",
                       "Triwulan I 2010 (sementara)", "Triwulan II 2010 (sementara)", "Triwulan III 2010 (sementara)",
                       "Triwulan IV 2010 (sementara)", "Realisasi s.d. saat ini (sementara)", "Capaian (%)",
                       "Predikat", "Akar masalah", "Tindakan"]
    expected = []
    for number, (objective, code, name) in enumerate(kpis_by_objective(), 1):
        percent, word = expected_capaian(code)
        root, action = ("2010: Apel pagi dimulai terlambat", "2010: Absensi sidik jari") if code == "C3b" else (None, None)
        expected.append([number, objective, code, name, targets_2010()[code], None, None, None, None,
                         actuals_2010()[code], None if percent is None else round(percent, 1), word, root, action])
    assert rows[4:] == expected
    assert rows[4][10] == pytest.approx(98.6, abs=0.05)  # F1a: 51.561.555.515 of 52.295.456.000


def test_the_realisation_pdf_prints_the_same_numbers_in_the_page_language(session):
    organisation, version = samsat_office(session)
    report = sakip_documents.realisation_report(session, version)
    pdf = render_pdf([("realisation.html", realisation_context(report, "id", indonesian))],
                     organisation=organisation.name, language="id", gettext=indonesian)
    keep_pages(pdf, "realisation-id")
    assert page_count(pdf) == 2
    text = pdf_text(pdf)
    assert "Realisasi Kinerja 2010: SAMSAT BSC 2010" in text
    assert ("Sementara: nilai Triwulan I 2010, Triwulan II 2010, Triwulan III 2010, Triwulan IV 2010, 2010 belum "
            "diverifikasi.") in text and pdf_text(pdf, page=1).replace(" ", "").count("(sementara)") == 5  # and each heading says it
    assert "52.295.456.000 – – – – 51.561.555.515 98,6 Sangat Baik" in text  # F1a's row, id numbers
    assert "2010: Apel pagi" in text and "2010: Absensi" in text  # the owners' narrative, wrapped in its cells
    for objective, code, name in kpis_by_objective():
        assert code in text
    english_pdf = render_pdf([("realisation.html", realisation_context(report, "en", english))],
                             organisation=organisation.name, language="en", gettext=english)
    words = pdf_text(english_pdf)
    assert "Performance realisation 2010" in words and pdf_text(english_pdf, page=1).replace(" ", "").count("(provisional)") == 5
    assert "52,295,456,000 – – – – 51,561,555,515 98.6 Very good" in words
    keep_pages(english_pdf, "realisation-en")


def test_quarters_add_up_to_the_realisation_to_date_and_a_locked_period_is_no_longer_provisional(session):
    organisation, version = samsat_office(session)
    verify_and_lock(session, version, "2010")
    next_year = scorecards.copy_version(session, version, "2011")
    revenue = performance.kpis(session, next_year)["F1a"]
    revenue.rollup = "sum"  # the year's revenue is its quarters' sum
    session.commit()
    performance.record_measurement(session, next_year, kpi="F1a", period="2011", target=56_000_000_000)
    performance.record_measurement(session, next_year, kpi="F1a", period="2011-Q1", actual=13_000_000_000)
    performance.record_measurement(session, next_year, kpi="F1a", period="TW II 2011", actual=14_500_000_000)
    performance.set_finding(session, next_year, kpi="F1a", period="2011-Q2", root_cause="Wajib pajak menunda",
                            action="Layanan keliling")
    line = next(l for l in sakip_documents.realisation_report(session, next_year).lines if l.code == "F1a")
    assert line.realisations == (13e9, 14.5e9, None, None) and line.to_date == 27.5e9
    assert line.derived_from == ("2011-Q1", "2011-Q2") and line.capaian == pytest.approx(27.5 / 56 * 100)
    assert line.narrative == (sakip_documents.Narrative("2011-Q2", "Wajib pajak menunda", "Layanan keliling"),)
    # The locked 2010: its realisation to date carries no mark, its quarters (never verified) still do.
    report = sakip_documents.realisation_report(session, version)
    assert report.year_state == "locked" and report.provisional_periods == report.periods
    header = realisation_header(report, "id", indonesian)
    assert "Realisasi s.d. saat ini" in header and "Realisasi s.d. saat ini (sementara)" not in header


def test_a_version_not_named_by_its_year_gets_no_yearly_document(session):
    organisation, version = samsat_with_pk(session)
    version.label = "Revisi kedua"
    session.commit()
    for build in (lambda: sakip_documents.realisation_report(session, version),
                  lambda: sakip_documents.performance_agreement(session, version, DAY)):
        with pytest.raises(Invalid, match="by its year"):
            build()


def test_an_administrator_sets_the_signatories_and_hr_prints_the_pk_from_the_site(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id, email="admin@samsat.example", role="admin")
    refused = post(client, "/hr/settings/signatories", {"place": "Semarang", "first_name": "Budi",
                                                         "first_position": "", "second_name": "Siti",
                                                         "second_position": "Kepala Dinas"}, page="/hr/settings")
    assert refused.status_code == 400 and "Isi jabatan kepala unit (penanda tangan pertama)." in refused.get_data(as_text=True)
    session.expire_all()
    assert session.get(Organisation, organisation.id).pk_signatories is None
    saved = post(client, "/hr/settings/signatories", {
        "place": "Semarang", **{f"first_{k}": v for k, v in FIRST.items()},
        **{f"second_{k}": v for k, v in SECOND.items()}}, page="/hr/settings")
    assert saved.status_code == 302
    page = client.get(f"/hr/versions/{version.id}/programmes").get_data(as_text=True)
    assert "Perjanjian Kinerja (DOCX)" in page
    upload = to_bytes(pd.DataFrame(PROGRAMMES), "csv", "id")
    imported = post(client, f"/hr/versions/{version.id}/programmes/import",
                    {"file": (io.BytesIO(upload), "program.csv"), "number_format": "id"},
                    page=f"/hr/versions/{version.id}/programmes", content_type="multipart/form-data")
    assert imported.status_code == 302
    response = client.get(f"/hr/reports/pk/{version.id}.docx?day=2010-01-28")
    assert response.status_code == 200 and response.mimetype.endswith("wordprocessingml.document")
    document = docx.Document(io.BytesIO(response.data))
    assert cells(document.tables[2])[1] == ["1", "Program Peningkatan Pelayanan Pajak Kendaraan", "Rp 1.250.000.000"]
    assert "Semarang, 28 Januari 2010" in document.tables[0].cell(0, 1).text
    pdf = client.get(f"/hr/reports/pk/{version.id}.pdf?day=2010-01-28")
    assert pdf.status_code == 200 and "PERJANJIAN KINERJA TAHUN 2010" in pdf_text(pdf.data)
    bad_day = client.get(f"/hr/reports/pk/{version.id}.docx?day=28/01/2010")
    assert bad_day.status_code == 400 and "tanggal penandatanganan" in bad_day.get_data(as_text=True)
    sheet = client.get(f"/hr/reports/realisation/{version.id}.xlsx")
    assert sheet.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(sheet.data)).active.iter_rows(values_only=True))
    assert rows[4][2:5] == ("F1a", "Motor vehicle tax revenue (PKB)", 52295456000)


def test_a_bad_programme_file_on_the_site_says_which_row_and_writes_nothing(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    rows = PROGRAMMES + [{"code": "P3", "name": "Program X", "budget": "1.000.000", "objectives": "Z9"}]
    upload = to_bytes(pd.DataFrame(rows), "csv", "id")
    response = post(client, f"/hr/versions/{version.id}/programmes/import",
                    {"file": (io.BytesIO(upload), "program.csv"), "number_format": "id"},
                    page=f"/hr/versions/{version.id}/programmes", content_type="multipart/form-data")
    assert response.status_code == 400
    assert "baris 4: 'Z9' bukan kode sasaran scorecard ini." in html.unescape(response.get_data(as_text=True))
    assert programmes.programmes(session, version) == []
    one = post(client, f"/hr/versions/{version.id}/programmes", {"code": "P1", "name": "Program A",
                                                                "budget": "Rp 2.500.000", "objectives": "F1"},
               page=f"/hr/versions/{version.id}/programmes")
    assert one.status_code == 302
    assert programmes.programmes(session, version)[0].budget == 2_500_000
    exported = client.get(f"/hr/versions/{version.id}/programmes.csv").data.decode("utf-8-sig")
    assert '"P1","Program A",2500000,"F1"' in exported or '"P1","Program A","2500000","F1"' in exported


def test_the_pk_page_sends_to_settings_while_the_signatories_are_missing(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    response = client.get(f"/hr/reports/pk/{version.id}.docx")
    assert response.status_code == 404 and "dua penanda tangan" in response.get_data(as_text=True)


def test_an_english_office_gets_english_labels_in_the_pk_docx(session):
    organisation, version = samsat_with_pk(session)
    pk = sakip_documents.performance_agreement(session, version, DAY)
    document = docx.Document(io.BytesIO(pk_docx(pk, "en", english)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "PERFORMANCE AGREEMENT 2010" in text and "Name\t: Drs. Budi Santoso" in text
    assert "Provisional: the values of 2010 are not yet verified." in text
    assert cells(document.tables[1])[0] == ["No.", "Strategic objective", "Performance indicator", "Target"]
    assert cells(document.tables[1])[1][3] == "52,295,456,000"
    assert cells(document.tables[2])[-1] == ["", "Total budget", "Rp 1,595,678,900"]
    assert "Semarang, January 28, 2010" in document.tables[0].cell(0, 1).text


def test_a_version_without_kpis_has_no_realisation_report(session):
    organisation = accounts.create_organisation(session, "Kantor Baru")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2026")
    with pytest.raises(Invalid, match="no KPI yet"):
        sakip_documents.realisation_report(session, version)
