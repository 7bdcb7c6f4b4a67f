"""Capaian kinerja and predikat bands, as Indonesian offices report them beside the OMAX levels."""
from __future__ import annotations

import io

import numpy as np
import openpyxl
import pytest

from analysis.messages import InputError
from analysis.predikat import PRESETS, Band, capaian, checked_bands, level_percent, predikat
from survey.models import Organisation
from survey.services import bands, performance
from tests.helpers.reports import pdf_text, samsat_office, self_report_round
from tests.samsat_site import build_samsat
from tests.web import post, sign_in


def test_capaian_follows_permenpanrb_8_2021_for_both_directions():
    assert capaian(95.5, 100) == pytest.approx(95.5)  # realisasi / target x 100
    assert capaian(1_250_000, 1_000_000) == pytest.approx(125)
    assert capaian(80, 100, "lower") == pytest.approx(120)  # (1 + (1 - 80/100)) x 100: fewer is better
    assert capaian(120, 100, "lower") == pytest.approx(80)
    assert capaian(0, 0, "lower") == 100 and capaian(3, 0, "lower") == 0  # zero complaints promised
    both = capaian(np.array([50.0, np.nan]), np.array([100.0, 100.0]))
    assert both[0] == pytest.approx(50) and np.isnan(both[1])


def test_the_lkjip_district_preset_reads_91_to_100_as_sangat_baik_and_50_as_sangat_kurang():
    district = PRESETS["lkjip_district"]
    assert list(predikat([100, 91, 90.9, 76, 75, 66, 65, 51, 50, 0, -20], district)) == [
        "Sangat Baik", "Sangat Baik", "Baik", "Baik", "Cukup", "Cukup", "Kurang", "Kurang", "Sangat Kurang",
        "Sangat Kurang", "Sangat Kurang"]
    assert predikat(79.0, district, "en") == "Good" and predikat(float("nan"), district) == ""


def test_the_appraisal_preset_has_the_five_words_of_permenpanrb_6_2022():
    appraisal = PRESETS["permenpanrb_6_2022"]
    assert [b.label_id for b in appraisal] == ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]
    assert predikat(level_percent(6.5), appraisal) == "Butuh Perbaikan"  # an index of 6,5 of 10
    assert predikat(65, appraisal, "en") == "Needs improvement"


@pytest.mark.parametrize("rows, problem", [
    ([Band(50, "Baik", "Good")], "between 2"),
    ([Band(50, "Baik", "Good"), Band(60, "Kurang", "Poor")], "best first"),
    ([Band(50, "Baik", "Good"), Band(0, "Kurang", " ")], "Indonesian and in English"),
    ([Band(float("nan"), "Baik", "Good"), Band(0, "Kurang", "Poor")], "not a number"),
])
def test_bands_that_do_not_fall_best_first_or_lack_a_name_are_refused(rows, problem):
    with pytest.raises(InputError, match=problem):
        checked_bands(rows)


def test_the_office_scorecard_shows_capaian_and_predikat_beside_the_levels_in_both_languages(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    card = performance.office_scorecard(session, version, "2010")
    by_kpi = card.kpis.set_index("kpi")
    row = by_kpi.loc["C4a"]  # days: 18 against a target of 14, lower is better
    assert row["better"] == "lower" and row["capaian"] == pytest.approx((1 + (1 - 18 / 14)) * 100)
    # 1.035 complaints against a target of none: no share of 0 exists, and the page says why instead of
    # printing "0,0 % · Sangat Kurang" beside a level of 7,90.
    assert np.isnan(by_kpi.loc["C1a", "capaian"]) and by_kpi.loc["C1a", "predikat"] == -1
    assert by_kpi.loc["C1a", "capaian_note"] == performance.ZERO_TARGET_MISSED
    assert by_kpi.loc["F1a", "capaian"] == pytest.approx(51561555515 / 52295456000 * 100)
    url = f"/hr/versions/{version.id}/scorecard/2010"
    indonesian = client.get(f"{url}?lang=id").get_data(as_text=True)
    english = client.get(f"{url}?lang=en").get_data(as_text=True)
    label_id = card.bands[card.predikat].label_id
    assert "Capaian kinerja" in indonesian and f"Predikat: <strong>{label_id}</strong>" in indonesian
    assert "target 0 tidak tercapai: capaian tak terhitung" in indonesian and "Dua tanda, dua pertanyaan" in indonesian
    assert "target 0 missed: no share of it" in english and "gives the light" in english
    printed = pdf_text(client.get(f"/hr/reports/office/{version.id}/2010.pdf?lang=id").data)
    assert "target 0 tidak tercapai: capaian tak terhitung" in printed and "Dua tanda, dua pertanyaan" in printed
    assert f"Rating: <strong>{card.bands[card.predikat].label_en}</strong>" in english
    shown = f"{row['capaian']:.1f}".replace(".", ",")
    assert shown in indonesian and shown.replace(",", ".") in english
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/office/{version.id}/2010.xlsx?lang=en").data))
    header, *rows = list(workbook.active.values)
    exported = {r[header.index("kpi")]: r for r in rows}
    assert exported["C4a"][header.index("capaian")] == pytest.approx(row["capaian"])
    assert exported["C4a"][header.index("predikat")] == card.bands[int(row["predikat"])].label_en


def test_the_administrator_sets_bands_and_lights_and_the_scorecard_follows(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id, role="admin")  # settings are the administrator's
    before = performance.office_scorecard(session, version, "2010")
    rows = {"bands-0-lower": "0,5", "bands-0-label_id": "Lulus", "bands-0-label_en": "Pass",
            "bands-1-lower": "0", "bands-1-label_id": "Gagal", "bands-1-label_en": "Fail"}
    assert post(client, "/hr/settings/bands", rows, page="/hr/settings").status_code == 302
    assert post(client, "/hr/settings/lights", {"red_below": "9,5", "yellow_below": "9,9"},
                page="/hr/settings").status_code == 302
    session.expire_all()
    assert bands.bands_of(session.get(Organisation, organisation.id)) == (Band(0.5, "Lulus", "Pass"),
                                                                         Band(0, "Gagal", "Fail"))
    after = performance.office_scorecard(session, version, "2010")
    assert after.index["light"] == "red" != before.index["light"]  # the index (7,9) is now below 9,5
    assert after.bands[after.predikat].label_id == "Lulus"
    page = client.get("/hr/settings?lang=id").get_data(as_text=True)
    assert 'value="Lulus"' in page and 'value="9,5"' in page


def test_wrong_bands_and_lights_are_refused_in_indonesian_and_change_nothing(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id, role="admin")  # settings are the administrator's
    with client.session_transaction() as browser:
        browser["lang"] = "id"
    rising = {"bands-0-lower": "50", "bands-0-label_id": "Baik", "bands-0-label_en": "Good",
              "bands-1-lower": "60", "bands-1-label_id": "Kurang", "bands-1-label_en": "Poor"}
    response = post(client, "/hr/settings/bands", rising, page="/hr/settings")
    assert response.status_code == 400
    assert "urutkan rentang dari yang terbaik: Kurang harus dimulai di bawah Baik" in response.get_data(as_text=True)
    response = post(client, "/hr/settings/lights", {"red_below": "8", "yellow_below": "4"}, page="/hr/settings")
    assert response.status_code == 400 and "Batas merah harus di bawah batas kuning" in response.get_data(as_text=True)
    response = post(client, "/hr/settings/lights", {"red_below": "", "yellow_below": "11"}, page="/hr/settings")
    page = response.get_data(as_text=True)
    assert "Kolom ini wajib diisi." in page and "Angka harus antara 0 dan 10." in page
    session.expire_all()
    kept = session.get(Organisation, organisation.id)
    assert kept.predikat_bands is None and (kept.light_red_below, kept.light_yellow_below) == (4, 8)


def test_a_preset_replaces_the_bands(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id, role="admin")  # settings are the administrator's
    assert post(client, "/hr/settings/preset", {"preset": "permenpanrb_6_2022"}, page="/hr/settings").status_code == 302
    session.expire_all()
    assert bands.bands_of(session.get(Organisation, organisation.id)) == PRESETS["permenpanrb_6_2022"]
    assert post(client, "/hr/settings/preset", {"preset": "nope"}, page="/hr/settings").status_code == 400


def test_personal_scorecards_show_each_totals_predikat_and_the_ranking_counts_them(client, session):
    organisation, round_ = self_report_round(session, {"Ani": 95.0, "Budi": 40.0, "Cici": 70.0})
    sign_in(client, session, organisation.id)
    indonesian = client.get(f"/hr/rounds/{round_.id}/results?lang=id").get_data(as_text=True)
    assert "Capaian kinerja" in indonesian and "95,0" in indonesian  # 95 of a target of 100 (the ladder's level 10)
    assert "Jumlah pegawai per predikat: Sangat Baik 1 · Baik 0 · Cukup 0 · Kurang 1 · Sangat Kurang 1" in indonesian
    english = client.get(f"/hr/rounds/{round_.id}/results?lang=en").get_data(as_text=True)
    assert "Employees per rating: Very good 1 · Good 0 · Fair 0 · Poor 1 · Very poor 1" in english
    text = pdf_text(client.get(f"/hr/reports/personal/{round_.id}.pdf?lang=id").data)
    assert "Sangat Baik" in text and "Sangat Kurang" in text and "Jumlah pegawai per predikat" in text
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/hr/reports/personal/{round_.id}.xlsx?lang=en").data))
    header, *rows = list(workbook.active.values)
    by_name = {r[header.index("name")]: r for r in rows}
    assert by_name["Ani"][header.index("predikat")] == "Very good"
    assert by_name["Ani"][header.index("capaian")] == pytest.approx(95)


def test_the_api_gives_each_kpis_capaian_and_predikat_as_the_page_does(client, session):
    from survey.services import api_tokens
    organisation, version = samsat_office(session)
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    body = client.get(f"/api/scorecards/{version.id}/scores/2010", headers={"Authorization": f"Bearer {raw}"})
    assert body.status_code == 200
    kpis = {k["code"]: k for k in body.get_json()["kpis"]}
    assert kpis["C4a"]["capaian"] == pytest.approx((1 + (1 - 18 / 14)) * 100)
    assert kpis["F1a"]["predikat"] == "Very good"  # 98.6 % on the LKjIP district preset
    card = performance.office_scorecard(session, version, "2010")
    assert body.get_json()["predikat"] == (card.bands[card.predikat].label("en") if card.predikat >= 0 else None)


def test_rupiah_ladders_say_their_unit_in_words_of_the_pages_language(client, session):
    from survey.render.numbers import scale_of
    assert [scale_of(v) for v in ([60, 100], [-2_500_000, 0], [0, 52_295_456_000], [float("nan"), 1e6])] == [
        1, 10**6, 10**9, 10**6]
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    url = f"/hr/versions/{version.id}/scorecard/2010"
    indonesian = client.get(f"{url}?lang=id").get_data(as_text=True)
    english = client.get(f"{url}?lang=en").get_data(as_text=True)
    printed = pdf_text(client.get(f"/hr/reports/office/{version.id}/2010.pdf?lang=id").data)
    printed_en = pdf_text(client.get(f"/hr/reports/office/{version.id}/2010.pdf?lang=en").data)
    for text in (indonesian, english, printed, printed_en):
        assert "10⁶" not in text
    assert "(dalam miliar)" in indonesian and "(dalam miliar)" in printed  # F1a: Rp 52.295.456.000
    assert "(in billions)" in english and "(in billions)" in printed_en
    assert "51,56" in indonesian  # the actual, Rp 51.561.555.515, in billions
