"""The LKjIP (issue 27): chapter III.A per objective against earlier years and the plan (Renstra), with the
owners' analysis and the programmes' budget realisation; chapter II's PK and the PK as annex; from SAMSAT's
published 2009-2010 figures (two years of targets and actuals)."""
from __future__ import annotations

import html
import io
import subprocess

import docx
import pytest

from analysis.predikat import PRESETS, capaian, predikat
from survey import i18n
from survey.models import KpiLink, Plan, PlanTarget, Programme, ScorecardVersion
from survey.render.lkjip import lkjip_context, lkjip_docx
from survey.render.pdf import render_pdf
from survey.render.sakip import pk_docx
from survey.services import lkjip, performance, programmes, renstra, scorecards
from survey.services.errors import Invalid
from survey.services.tables import read_table, to_bytes
from tests.helpers.reports import keep_pages, pdf_text, samsat_office
from tests.reference import samsat
from tests.samsat_site import measurement_rows
from tests.test_sakip_documents import DAY, samsat_with_pk, verify_and_lock
from tests.web import post, sign_in

#: What the programmes spent of their 2010 budget.
SPENT = {"P1": 1_187_500_000, "P2": 300_000_000}
FINAL_F1A = 60_000_000_000  # the plan's 2013 target for motor-vehicle tax revenue (rupiah)
STANDARD_C4A = 14           # a national standard for the days to pay salaries


def english(message, **values):
    return message % values if values else message


def indonesian(message, **values):
    return i18n.gettext("id", message, **values)


def pdf_rows(pdf: bytes) -> list[str]:
    """The PDF's lines as laid out (a table's row on one line), spaces folded."""
    raw = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [" ".join(line.split()) for line in raw.decode().splitlines() if line.strip()]


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def id_number(value, decimals: int = 2) -> str:
    """A number as an Indonesian page writes it: 1.234.567,89 (trailing decimal zeros dropped but for %)."""
    text = f"{value:,.{decimals}f}"
    if decimals == 2:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def figures(year: str) -> dict[str, tuple[float, float]]:
    """KPI code -> (target, actual) of the year as the office loaded them (tests/samsat_site.py)."""
    return {row["kpi"]: (row["target"], row["actual"]) for row in measurement_rows() if row["period"] == year}


def better(code: str) -> str:
    return samsat()["targets_and_actuals"][code][5]


def percent_of(target, actual, code) -> float | None:
    if target == 0 and actual != 0:
        return None  # a missed target of 0 has no capaian
    return float(capaian(actual, target, better(code)))


def objectives_in_order():
    """(objective code, name, [(kpi code, name)]) in the scorecard's order."""
    return [(code, objective["name"], list(objective["kpis"].items()))
            for perspective in samsat()["hierarchy"].values() for code, objective in perspective["objectives"].items()]


def samsat_lkjip(session):
    """SAMSAT 2010 with its PK's signatories and programmes (with what they spent), in a plan 2009-2013."""
    organisation, version = samsat_with_pk(session)
    for code, spent in SPENT.items():
        line = next(p for p in programmes.programmes(session, version) if p.code == code)
        programmes.save_programme(session, version, code=code, name=line.name, budget=line.budget,
                                  objective_codes=", ".join(line.objectives), realisation=spent, number_format="en")
    plan = renstra.create_plan(session, organisation.id, name="Renstra 2009-2013", first_year="2009", last_year="2013")
    renstra.save_target(session, organisation.id, plan_id=plan.id, kpi_code="F1a", final_target="60.000.000.000")
    renstra.save_target(session, organisation.id, plan_id=plan.id, kpi_code="C4a", final_target="",
                        national_standard="14")
    renstra.set_version_plan(session, version, plan.id)
    return organisation, version


def expected_capaian_rows(objective_number: int, kpis) -> list[list[str]]:
    now, before = figures("2010"), figures("2009")
    rows = []
    for number, (code, name) in enumerate(kpis, 1):
        target, actual = now[code]
        percent = percent_of(target, actual, code)
        word = (predikat(percent, PRESETS["lkjip_district"], "id") if percent is not None
                else "target 0 tidak tercapai: capaian tak terhitung")
        old_target, old_actual = before[code]
        old = percent_of(old_target, old_actual, code)
        rows.append([f"{objective_number}.{number}", name, id_number(target), id_number(actual),
                     "–" if percent is None else id_number(percent, 1), word, id_number(old_actual),
                     "–" if old is None else id_number(old, 1)])
    return rows


def expected_plan_rows(objective_number: int, kpis) -> list[list[str]]:
    now = figures("2010")
    rows = []
    for number, (code, name) in enumerate(kpis, 1):
        actual = now[code][1]
        final = FINAL_F1A if code == "F1a" else None
        rows.append([f"{objective_number}.{number}", name, "–" if final is None else id_number(final),
                     id_number(actual), "–" if final is None else id_number(actual / final * 100, 1),
                     id_number(STANDARD_C4A) if code == "C4a" else "–"])
    return rows


def test_the_lkjip_docx_holds_every_cell_of_samsat_2010_against_2009_and_the_plan(session):
    organisation, version = samsat_lkjip(session)
    report = lkjip.performance_report(session, version, DAY)
    assert report.past_years == (2009,) and report.plan == "Renstra 2009-2013"
    document = docx.Document(io.BytesIO(lkjip_docx(report, "id", indonesian)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2010" in text and "BAB II PERENCANAAN KINERJA" in text
    assert "BAB III AKUNTABILITAS KINERJA" in text and "A. Capaian Kinerja Organisasi" in text
    assert "Rencana Strategis: Renstra 2009-2013 (2009-2013)" in text
    tables = list(document.tables)
    pk = docx.Document(io.BytesIO(pk_docx(report.agreement, "id", indonesian))).tables
    # Chapter II: the PK's two annex tables, cell for cell.
    assert cells(tables[0]) == cells(pk[1]) and cells(tables[1]) == cells(pk[2])
    position = 2
    header = ["No", "Indikator Kinerja", "Target 2010", "Realisasi 2010", "Capaian 2010 (%)", "Predikat",
              "Realisasi 2009", "Capaian 2009 (%)"]
    plan_header = ["No", "Indikator Kinerja", "Target akhir 2009-2013", "Realisasi s.d. 2010",
                   "Capaian terhadap target akhir (%)", "Standar nasional"]
    served = {"C1": ["P1"], "C2": ["P1"], "L1": ["P2"]}
    budgets = {p.code: p for p in programmes.programmes(session, version)}
    for number, (code, name, kpis) in enumerate(objectives_in_order(), 1):
        assert f"Sasaran {number}: {name}" in text
        assert cells(tables[position]) == [header] + expected_capaian_rows(number, kpis)
        assert cells(tables[position + 1]) == [plan_header] + expected_plan_rows(number, kpis)
        position += 2
        if code in served:
            expected = [["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan anggaran (%)"]]
            for n, programme in enumerate(served[code], 1):
                line = budgets[programme]
                expected.append([str(n), line.name, f"Rp {id_number(line.budget, 0)}",
                                 f"Rp {id_number(SPENT[programme], 0)}",
                                 id_number(SPENT[programme] / line.budget * 100, 1)])
            assert cells(tables[position]) == expected
            position += 1
    assert cells(tables[2])[1][2:] == ["52.295.456.000", "51.561.555.515", "98,6", "Sangat Baik", "44.177.214.540",
                                       "104,3"]  # F1a: 2010 against 2009 (44.177.214.540 of 42.340.374.000)
    assert cells(tables[3])[1][2:5] == ["60.000.000.000", "51.561.555.515", "85,9"]
    # The owners' own words, and the PK as annex after them (its signature, target and budget tables).
    assert "2010 (belum diverifikasi), akar masalah: Apel pagi dimulai terlambat" in text
    assert "2010 (belum diverifikasi), tindakan: Absensi sidik jari" in text
    assert "LAMPIRAN: PERJANJIAN KINERJA TAHUN 2010" in text and "PERJANJIAN KINERJA TAHUN 2010" in text
    # III.B after III.A: every programme's budget, realisation and absorption, and the year's total.
    assert "B. Realisasi Anggaran" in text
    assert cells(tables[position]) == expected_budget_rows(budgets)
    assert [cells(t) for t in tables[position + 1:]] == [cells(t) for t in pk]


def expected_budget_rows(budgets) -> list[list[str]]:
    """Chapter III.B from the programmes' data: No | Program | Anggaran | Realisasi | Penyerapan, then the total."""
    rows = [["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan anggaran (%)"]]
    for number, code in enumerate(("P1", "P2"), 1):
        rows.append([str(number), budgets[code].name, f"Rp {id_number(budgets[code].budget, 0)}",
                     f"Rp {id_number(SPENT[code], 0)}", id_number(SPENT[code] / budgets[code].budget * 100, 1)])
    total, spent = sum(p.budget for p in budgets.values()), sum(SPENT.values())
    rows.append(["", "Total", f"Rp {id_number(total, 0)}", f"Rp {id_number(spent, 0)}",
                 id_number(spent / total * 100, 1)])
    return rows


def test_the_lkjip_pdf_prints_the_docx_numbers_in_both_languages(session):
    organisation, version = samsat_lkjip(session)
    report = lkjip.performance_report(session, version, DAY)
    pdf = render_pdf([("lkjip.html", lkjip_context(report, "id", indonesian))], organisation=organisation.name,
                     language="id", gettext=indonesian)
    keep_pages(pdf, "lkjip-id")
    text = pdf_text(pdf)
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2010" in text and "Capaian Kinerja Organisasi" in text
    assert "Sementara: nilai 2009, 2010 belum diverifikasi." in text
    rows = pdf_rows(pdf)  # F1a against 2009 and against the plan's final target; P1's budget, spent, absorbed
    assert ("1.1 Motor vehicle tax revenue (PKB) 52.295.456.000 51.561.555.515 98,6 Sangat Baik 44.177.214.540 104,3"
            in rows)
    assert "1.1 Motor vehicle tax revenue (PKB) 60.000.000.000 51.561.555.515 85,9 –" in rows
    assert "1 Program Peningkatan Pelayanan Pajak Kendaraan Rp 1.250.000.000 Rp 1.187.500.000 95,0" in rows
    assert "Apel pagi dimulai terlambat" in text and "LAMPIRAN: PERJANJIAN KINERJA TAHUN 2010" in text
    assert "yang bertanda tangan di bawah ini" in text and "Semarang, 28 Januari 2010" in text
    english_pdf = render_pdf([("lkjip.html", lkjip_context(report, "en", english))], organisation=organisation.name,
                             language="en", gettext=english)
    keep_pages(english_pdf, "lkjip-en")
    words = pdf_text(english_pdf)
    assert "GOVERNMENT AGENCY PERFORMANCE REPORT 2010" in words
    assert ("1.1 Motor vehicle tax revenue (PKB) 52,295,456,000 51,561,555,515 98.6 Very good 44,177,214,540 104.3"
            in pdf_rows(english_pdf))
    assert "Provisional: the values of 2009, 2010 are not yet verified." in words
    assert ("1 Program Peningkatan Pelayanan Pajak Kendaraan Rp 1,250,000,000 Rp 1,187,500,000 95.0"
            in pdf_rows(english_pdf))


def renamed_between_years(session):
    """SAMSAT's version named 2009 (its 2009 values), copied to 2010 where C1b is recoded C1x and renamed."""
    organisation, version_2009 = samsat_with_pk(session)
    version_2009.label = "2009"
    session.commit()
    version_2010 = scorecards.copy_version(session, version_2009, "2010")
    kpi = performance.kpis(session, version_2010)["C1b"]
    kpi.code, kpi.name = "C1x", "Waktu tanggap pengaduan pelanggan (hari)"
    session.commit()
    for code, (target, actual) in figures("2010").items():
        performance.record_measurement(session, version_2010, kpi="C1x" if code == "C1b" else code, period="2010",
                                       target=target, actual=actual)
    return organisation, version_2009, version_2010


def indicator(report, code):
    return next(i for o in report.objectives for i in o.indicators if i.code == code)


def test_a_kpi_renamed_between_years_is_compared_year_on_year_once_linked(session):
    organisation, version_2009, version_2010 = renamed_between_years(session)
    plan = renstra.create_plan(session, organisation.id, name="Renstra", first_year="2009", last_year="2013")
    renstra.save_target(session, organisation.id, plan_id=plan.id, kpi_code="C1b", final_target="1")
    renstra.set_version_plan(session, version_2010, plan.id)
    unlinked = lkjip.performance_report(session, version_2010, DAY)
    assert indicator(unlinked, "C1x").past == (None,) and indicator(unlinked, "C1x").against_plan is None
    assert indicator(unlinked, "C1a").past[0].realisation == 1247  # matched by its code
    renstra.link_kpi(session, version_2010, kpi_code="C1x", earlier_version_id=version_2009.id, earlier_code="C1b")
    report = lkjip.performance_report(session, version_2010, DAY)
    renamed = indicator(report, "C1x")
    assert renamed.past[0].realisation == 7 and renamed.past[0].capaian == pytest.approx(-150)  # (2 - 7/2) x 100
    assert renamed.past_codes == ("C1b",) and renamed.against_plan.target == 1  # the plan's line by its old code
    document = docx.Document(io.BytesIO(lkjip_docx(report, "id", indonesian)))
    row = next(r for t in document.tables for r in cells(t) if r[1].startswith("Waktu tanggap pengaduan"))
    assert row == ["3.2", "Waktu tanggap pengaduan pelanggan (hari) (2009: C1b)", "2", "3", "50,0", "Sangat Kurang",
                   "7", "-150,0"]
    # Removing the link compares by code again.
    renstra.link_kpi(session, version_2010, kpi_code="C1x", earlier_version_id="", earlier_code="")
    assert indicator(lkjip.performance_report(session, version_2010, DAY), "C1x").past == (None,)


def test_a_provisional_period_is_marked_in_the_lkjip_and_its_pk_until_verified_and_locked(session):
    organisation, version = samsat_lkjip(session)
    note = "Sementara: nilai 2009, 2010 belum diverifikasi."
    report = lkjip.performance_report(session, version, DAY)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(lkjip_docx(report, "id", indonesian))).paragraphs)
    # Once at the top, and on both pages of the PK in the annex (the PK's own year).
    assert text.count(note) == 1 and text.count("Sementara: nilai 2010 belum diverifikasi.") == 2
    verify_and_lock(session, version, "2010")
    locked = lkjip.performance_report(session, version, DAY)
    assert locked.provisional_periods == ("2009",)  # 2009's values were never verified
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(lkjip_docx(locked, "id", indonesian))).paragraphs)
    assert "Sementara: nilai 2009 belum diverifikasi." in text and "nilai 2010 belum" not in text
    assert "2010, akar masalah: Apel pagi dimulai terlambat" in text  # verified: no longer marked
    pdf = render_pdf([("lkjip.html", lkjip_context(locked, "id", indonesian))], organisation=organisation.name,
                     language="id", gettext=indonesian)
    assert "Sementara: nilai 2009 belum diverifikasi." in pdf_text(pdf) and "nilai 2010 belum" not in pdf_text(pdf)


def test_programme_realisation_reads_back_and_a_file_without_it_keeps_it(session):
    organisation, version = samsat_lkjip(session)
    before = programmes.programmes(session, version)
    assert before[0].realisation == SPENT["P1"] and before[0].absorbed == pytest.approx(95.0)
    exported = to_bytes(programmes.export_programmes(session, version), "csv", "id")
    frame = read_table(exported, "programmes.csv", programmes.PROGRAMME_COLUMNS)
    programmes.import_programmes(session, version, frame, number_format="id")
    assert programmes.programmes(session, version) == before
    programmes.import_programmes(session, version, frame.drop(columns=["realisation"]), number_format="id")
    assert programmes.programmes(session, version) == before
    with pytest.raises(Invalid) as refused:
        programmes.import_programmes(session, version, frame.assign(realisation="banyak"), number_format="id")
    assert "realisation" in refused.value.errors["row 2"]
    session.expire_all()
    assert programmes.programmes(session, version) == before


def test_a_programme_saved_with_blank_amounts_keeps_its_budget_and_realisation(session):
    organisation, version = samsat_lkjip(session)
    before = programmes.programmes(session, version)[0]
    programmes.save_programme(session, version, code=before.code, name="Nama baru", budget="", realisation="",
                              objective_codes=", ".join(before.objectives))
    session.expire_all()
    after = programmes.programmes(session, version)[0]
    assert (after.name, after.budget, after.realisation) == ("Nama baru", before.budget, before.realisation)
    assert after.realisation == SPENT["P1"]


def test_copying_a_version_carries_its_programmes_and_plan_but_not_what_was_spent(session):
    organisation, version = samsat_lkjip(session)
    copy = scorecards.copy_version(session, version, "2011")
    carried = programmes.programmes(session, copy)
    assert [(p.code, p.name, p.budget, p.objectives) for p in carried] == [
        (p.code, p.name, p.budget, p.objectives) for p in programmes.programmes(session, version)]
    assert all(p.realisation is None for p in carried) and copy.plan_id == version.plan_id
    served = {e.version_id for p in session.query(Programme).filter_by(version_id=copy.id) for e in p.objectives}
    assert served == {copy.id}  # the copy's programmes serve the copy's objectives


@pytest.mark.parametrize("change, field, problem", [
    (lambda s, o, v, p: renstra.create_plan(s, o.id, name="Renstra", first_year="2029", last_year="2025"),
     "last_year", "at most 10 years"),
    (lambda s, o, v, p: renstra.create_plan(s, o.id, name="", first_year="2025", last_year="2029"), "name", "name"),
    (lambda s, o, v, p: renstra.create_plan(s, o.id, name="R", first_year="dua ribu", last_year="2029"),
     "first_year", "such as 2025"),
    (lambda s, o, v, p: renstra.save_target(s, o.id, plan_id=p.id, kpi_code="F1a", final_target="60.5"),
     "final_target", "60,5"),
    (lambda s, o, v, p: renstra.save_target(s, o.id, plan_id=p.id, kpi_code="F1a", final_target=""),
     "final_target", "or both"),
    (lambda s, o, v, p: renstra.save_target(s, o.id, plan_id=999, kpi_code="F1a", final_target="1"),
     "plan", "office's plans"),
    (lambda s, o, v, p: renstra.set_version_plan(s, v, p.id), "plan", "not a year of"),
    (lambda s, o, v, p: renstra.link_kpi(s, v, kpi_code="Z9", earlier_version_id="1", earlier_code="C1b"),
     "kpi_code", "not a KPI"),
    (lambda s, o, v, p: renstra.link_kpi(s, v, kpi_code="C1a", earlier_version_id=v.id, earlier_code="C1b"),
     "earlier_version", "earlier year"),
])
def test_bad_plans_targets_and_links_are_refused_and_write_nothing(session, change, field, problem):
    organisation, version = samsat_office(session)
    plan = renstra.create_plan(session, organisation.id, name="Renstra 2011", first_year="2011", last_year="2015")
    counts = lambda: (session.query(Plan).count(), session.query(PlanTarget).count(), session.query(KpiLink).count(),
                      session.get(ScorecardVersion, version.id).plan_id)
    before = counts()
    with pytest.raises(Invalid) as refused:
        change(session, organisation, version, plan)
    assert problem in refused.value.errors[field]
    session.expire_all()
    assert counts() == before


def test_hr_sets_the_plan_and_a_link_on_the_site_and_downloads_the_lkjip(client, session):
    organisation, version_2009, version_2010 = renamed_between_years(session)
    sign_in(client, session, organisation.id)
    refused = post(client, "/hr/plans", {"name": "Renstra", "first_year": "2013", "last_year": "2009"})
    assert refused.status_code == 400
    assert "paling lama 10 tahun" in html.unescape(refused.get_data(as_text=True))
    assert post(client, "/hr/plans", {"name": "Renstra 2009-2013", "first_year": "2009",
                                      "last_year": "2013"}).status_code == 302
    plan = session.query(Plan).one()
    assert post(client, "/hr/plans/targets", {"plan": str(plan.id), "kpi_code": "F1a",
                                              "final_target": "60.000.000.000", "national_standard": ""},
                page="/hr/plans").status_code == 302
    page = f"/hr/versions/{version_2010.id}/programmes"
    assert post(client, f"/hr/versions/{version_2010.id}/plan", {"plan": str(plan.id)}, page=page).status_code == 302
    bad_link = post(client, f"/hr/versions/{version_2010.id}/kpi-links",
                    {"kpi_code": "C1x", "earlier_version": str(version_2009.id), "earlier_code": "Z9"}, page=page)
    assert bad_link.status_code == 400 and "'Z9' bukan IKU 2009." in html.unescape(bad_link.get_data(as_text=True))
    assert session.query(KpiLink).count() == 0
    assert post(client, f"/hr/versions/{version_2010.id}/kpi-links",
                {"kpi_code": "C1x", "earlier_version": str(version_2009.id), "earlier_code": "C1b"},
                page=page).status_code == 302
    shown = client.get(page).get_data(as_text=True)
    assert "Renstra 2009-2013 (2009-2013)" in shown and "C1b Response time to customer complaints" in shown
    response = client.get(f"/hr/reports/lkjip/{version_2010.id}.docx?day=2010-01-28")
    assert response.status_code == 200 and response.mimetype.endswith("wordprocessingml.document")
    rows = [r for t in docx.Document(io.BytesIO(response.data)).tables for r in cells(t)]
    assert ["1.1", "Motor vehicle tax revenue (PKB)", "60.000.000.000", "51.561.555.515", "85,9", "–"] in rows
    assert any(r[1] == "Waktu tanggap pengaduan pelanggan (hari) (2009: C1b)" and r[6] == "7" for r in rows)
    pdf = client.get(f"/hr/reports/lkjip/{version_2010.id}.pdf?day=2010-01-28")
    assert pdf.status_code == 200 and "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2010" in pdf_text(pdf.data)
    english = client.get(f"/hr/reports/lkjip/{version_2010.id}.html?lang=en").get_data(as_text=True)
    assert "GOVERNMENT AGENCY PERFORMANCE REPORT 2010" in english


def test_an_objective_a_programme_serves_or_a_linked_kpi_is_not_deleted_from_under_them(session):
    from survey.services import element_changes
    organisation, version_2009, version_2010 = renamed_between_years(session)
    renstra.link_kpi(session, version_2010, kpi_code="C1x", earlier_version_id=version_2009.id, earlier_code="C1b")
    objective = next(e for e in version_2010.elements if e.code == "L1")  # P2 serves it (copied with the version)
    with pytest.raises(Invalid, match="1 programmes"):
        element_changes.delete_element(session, version_2010, objective.id)
    old = performance.kpis(session, version_2009)["C1b"]
    with pytest.raises(Invalid, match="1 links between years"):
        element_changes.delete_element(session, version_2009, old.id)
    session.expire_all()
    assert session.query(KpiLink).count() == 1 and len(programmes.programmes(session, version_2010)) == 2
