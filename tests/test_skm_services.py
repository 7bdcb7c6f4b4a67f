"""The SKM per service (jenis layanan) and the columns offices publish, against hand computation:
per unsur the total of the answers (jumlah nilai), NRR and NRR tertimbang (NRR x 0,111); the IKM and grade
of every service the profile lists and of all of them."""
from __future__ import annotations

import io
import re
import subprocess

import numpy as np
import openpyxl
import pandas as pd
import pytest

from survey.models import Round
from survey.services import public, questionnaires, skm, skm_exports
from survey.services.errors import Invalid
from tests.helpers.questionnaires import ANSWERS, answer, form_values, invite_person, skm_round, visit
from tests.qr_reader import links_in_pdf
from tests.web import post, round_form, sign_in

#: Who used which service (the profile's list: 0 Pajak kendaraan tahunan, 1 Balik nama kendaraan, 2 other).
SERVICE_OF = {"Ani": 0, "Budi": 1, "Cici": 0}


def answered_round(app, client, session, language):
    organisation, _, round_ = skm_round(client, session, language=language)
    asked = questionnaires.questions(session, round_)
    for name, scores in ANSWERS.items():
        _, token = invite_person(app, session, organisation, round_, name)
        response = answer(client, token, form_values(asked, scores, profile=(0, 1, 2, 3, SERVICE_OF[name])))
        assert response.status_code == 302, response.get_data(as_text=True)
    return round_


def test_each_service_has_its_own_respondents_nrr_ikm_and_grade_and_all_of_them_the_overall(app, client, session):
    round_ = answered_round(app, client, session, "en")
    found = skm.results(session, round_)
    # By hand: Ani + Cici used the first service, Budi the second, nobody the third.
    first = np.array([4 + 3, 3 + 2, 3 + 3, 4 + 4, 3 + 4, 3 + 3, 4 + 3, 3 + 3, 2 + 3]) / 2
    second = np.array([3, 3, 2, 4, 3, 4, 4, 3, 3]) / 1
    assert [(s.number, s.name, s.respondents) for s in found.services] == [
        (1, "Pajak kendaraan tahunan", 2), (2, "Balik nama kendaraan", 1), (3, "Other service", 0)]
    pajak, balik, other = found.services
    assert [u.nrr for u in pajak.unsur] == pytest.approx(first)
    assert [u.total for u in pajak.unsur] == [7, 5, 6, 8, 7, 6, 7, 6, 5]
    assert pajak.result.converted == pytest.approx(57 / 2 / 9 * 25)  # 79,17
    assert [u.nrr for u in balik.unsur] == pytest.approx(second)
    assert balik.result.converted == pytest.approx(29 / 9 * 25)  # 80,56
    assert (pajak.result.grade, balik.result.grade) == ("B", "B")
    assert other.result is None and all(np.isnan(u.nrr) for u in other.unsur)
    assert found.respondents == 3 and found.result.converted == pytest.approx(86 / 27 * 25)  # 79,63

    page = client.get(f"/hr/rounds/{round_.id}/ikm?lang=en").get_data(as_text=True)
    assert f"/hr/reports/ikm/{round_.id}/answers.xlsx" in page and f"/hr/reports/ikm/{round_.id}/unsur.csv" in page
    services = page.split("IKM per service")[1]
    assert "Pajak kendaraan tahunan" in services and "79.17" in services and "80.56" in services
    assert "All services" in services and "79.63" in services


def test_the_published_columns_total_nrr_and_nrr_times_0_111_match_hand_computation(app, client, session, tmp_path):
    round_ = answered_round(app, client, session, "id")
    found = skm.results(session, round_)
    totals = [10, 8, 8, 12, 10, 10, 11, 9, 8]  # column sums of the three respondents' answers
    assert [u.total for u in found.unsur] == totals
    assert [u.nrr for u in found.unsur] == pytest.approx(np.array(totals) / 3)
    assert [u.weighted for u in found.unsur] == pytest.approx(np.array(totals) / 3 * 0.111)
    assert found.printed_index == pytest.approx(86 / 3 * 0.111)  # 3,182: the printed column's sum
    assert found.result.index == pytest.approx(86 / 27)  # 3,185 with 1/9 exactly

    response = client.get(f"/hr/reports/ikm/{round_.id}.pdf")
    pdf = tmp_path / "ikm.pdf"
    pdf.write_bytes(response.data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Jumlah nilai" in text and "NRR tertimbang (NRR × 0,111)" in text
    u1 = next(line for line in text.splitlines() if line.strip().startswith("U1 "))
    assert u1.split()[-5:] == ["3", "10", "3,33", "0,370", "83,33"]  # answers, total, NRR, x 0,111, x 25
    assert "Jumlah NRR tertimbang" in text and "3,182" in text and "berbobot sama, 1/9" in text
    section = text.split("IKM per jenis layanan")[1].split("Setiap responden")[0]
    rows = {line.split("  ")[1].strip(): line.split()[-2:] for line in section.splitlines()
            if line.strip().startswith(("Pajak", "Balik", "Layanan lainnya", "Semua layanan"))}
    assert rows == {"Pajak kendaraan tahunan": ["79,17", "B"], "Balik nama kendaraan": ["80,56", "B"],
                    "Layanan lainnya": ["–", "–"], "Semua layanan": ["79,63", "B"]}


def read_back(data: bytes, fmt: str, language: str) -> pd.DataFrame:
    """An export as a spreadsheet reads it: XLSX cells as they are, CSV numbers in the language's decimals."""
    if fmt == "xlsx":
        return pd.read_excel(io.BytesIO(data), engine="openpyxl")
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    decimal = "," if language == "id" else "."
    return frame.map(lambda text: float(text.replace(decimal, ".")) if NUMBER.fullmatch(text) else text)


NUMBER = re.compile(r"-?\d+([.,]\d+)?")


@pytest.mark.parametrize("fmt, language", [("csv", "id"), ("xlsx", "id"), ("csv", "en"), ("xlsx", "en")])
def test_the_raw_answers_and_the_unsur_table_round_trip_their_numbers(app, client, session, fmt, language):
    round_ = answered_round(app, client, session, "id")
    found = skm.results(session, round_)
    client.get(f"/lang/{language}")
    response = client.get(f"/hr/reports/ikm/{round_.id}/answers.{fmt}")
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith(f'.{fmt}"')
    raw = read_back(response.data, fmt, language)
    said = {"id": ("Responden", "Jenis layanan yang diterima", "Saran", "Perempuan"),
            "en": ("Respondent", "Service received", "Suggestion", "Female")}[language]
    assert list(raw.columns) == [said[0], *raw.columns[1:5], said[1], *[f"U{k}" for k in range(1, 10)], said[2]]
    assert raw[[f"U{k}" for k in range(1, 10)]].to_numpy().tolist() == list(ANSWERS.values())
    assert raw[said[1]].tolist() == ["Pajak kendaraan tahunan", "Balik nama kendaraan", "Pajak kendaraan tahunan"]
    assert set(raw.iloc[:, 2]) == {said[3]}  # the profile's sex, in the reader's language
    if fmt == "xlsx":  # numbers as numbers, not text
        sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
        assert isinstance(sheet["G2"].value, int) and sheet["G2"].value == ANSWERS["Ani"][0]

    response = client.get(f"/hr/reports/ikm/{round_.id}/unsur.{fmt}")
    assert response.status_code == 200
    table = read_back(response.data, fmt, language)
    assert table.columns[4] == ("Jumlah nilai" if language == "id" else "Total of the answers")
    everyone = table[table.iloc[:, 0] == ("Semua layanan" if language == "id" else "All services")]
    unsur, ikm_row = everyone.iloc[:9], everyone.iloc[9]
    assert unsur.iloc[:, 1].tolist() == [f"U{k}" for k in range(1, 10)]
    assert unsur.iloc[:, 4].astype(float).tolist() == [10, 8, 8, 12, 10, 10, 11, 9, 8]
    assert unsur.iloc[:, 5].astype(float).tolist() == pytest.approx([u.nrr for u in found.unsur], abs=1e-12)
    totals = np.array([10, 8, 8, 12, 10, 10, 11, 9, 8])
    assert unsur.iloc[:, 6].astype(float).tolist() == pytest.approx(totals / 3 * 0.111)
    assert float(ikm_row.iloc[7]) == pytest.approx(86 / 27 * 25, abs=1e-12) and ikm_row.iloc[8] == "B"
    pajak = table[table.iloc[:, 0] == "Pajak kendaraan tahunan"]
    assert float(pajak.iloc[9, 7]) == pytest.approx(57 / 2 / 9 * 25, abs=1e-12)
    assert len(table) == 4 * 10  # all services, the two services and the other service, each 9 unsur + IKM


def test_suggestions_leave_the_raw_answers_for_a_role_without_the_personal_right(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Ani")
    answer(client, token, form_values(asked, ANSWERS["Ani"], suggestion="Call me on 0812 3456 789"))
    hr = client.get(f"/hr/reports/ikm/{round_.id}/answers.csv?lang=en").get_data(as_text=True)
    assert "0812" in hr and "Suggestion" in hr
    viewer = app.test_client()
    sign_in(viewer, session, organisation.id, email="viewer@example.org", role="viewer")
    seen = viewer.get(f"/hr/reports/ikm/{round_.id}/answers.csv?lang=en")
    assert seen.status_code == 200
    assert "0812" not in seen.get_data(as_text=True) and "Suggestion" not in seen.get_data(as_text=True)
    assert viewer.get(f"/hr/reports/ikm/{round_.id}/nothing.csv").status_code == 404
    assert viewer.get(f"/hr/reports/ikm/{round_.id}/unsur.pdf").status_code == 404


def checked_service(page: str, service) -> list[str]:
    """The values of the service question's radio buttons the page shows checked."""
    return [match.group(1) for match in re.finditer(r"<input[^>]*>", page)
            if f'name="q_{service.id}"' in match.group(0) and "checked" in match.group(0)
            for match in [re.search(r'value="([^"]*)"', match.group(0))]]


def test_a_counters_own_link_prefills_its_service_the_visitor_may_change_it_and_each_counts_there(
        app, client, session):
    _, _, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    service = skm.service_question(asked)
    shown = app.test_client().get(f"/p/{round_.public_slug}?layanan=2")
    assert shown.status_code == 200 and checked_service(shown.get_data(as_text=True), service) == ["1"]
    assert checked_service(app.test_client().get(f"/p/{round_.public_slug}").get_data(as_text=True), service) == []
    # Ani keeps the counter's service (the second), Budi answers from the same poster but names the first.
    for number, (name, picked) in enumerate((("Ani", 1), ("Budi", 0))):
        values = form_values(asked, ANSWERS[name], profile=(0, 1, 2, 3, picked))
        _, response = visit(app, round_, f"10.0.3.{number + 1}", values, query="?layanan=2")
        assert response.status_code == 302, response.get_data(as_text=True)
    found = skm.results(session, round_)
    assert [s.respondents for s in found.services] == [1, 1, 0]
    assert found.services[0].result.converted == pytest.approx(sum(ANSWERS["Budi"]) / 9 * 25)
    assert found.services[1].result.converted == pytest.approx(sum(ANSWERS["Ani"]) / 9 * 25)
    raw = read_back(client.get(f"/hr/reports/ikm/{round_.id}/answers.xlsx?lang=en").data, "xlsx", "en")
    assert raw["Service received"].tolist() == ["Balik nama kendaraan", "Pajak kendaraan tahunan"]  # in visit order
    assert raw[[f"U{k}" for k in range(1, 10)]].to_numpy().tolist() == [ANSWERS["Ani"], ANSWERS["Budi"]]


@pytest.mark.parametrize("given", ["9", "0", "abc", "-1", "2.0", "9" * 5000, "%00"])
def test_a_link_naming_no_service_of_the_list_says_so_prefills_nothing_and_the_survey_still_works(
        app, client, session, given):
    _, _, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    shown = app.test_client().get(f"/p/{round_.public_slug}", query_string={"layanan": given})
    page = shown.get_data(as_text=True)
    assert shown.status_code == 200
    assert "Layanan yang disebut dalam tautan ini tidak termasuk dalam survei ini" in page
    assert checked_service(page, skm.service_question(asked)) == []
    _, response = visit(app, round_, "10.0.4.1", form_values(asked, ANSWERS["Cici"]), query=f"?layanan={given[:50]}")
    assert response.status_code == 302


def test_hr_gets_a_link_qr_code_and_poster_per_service_and_a_poster_for_no_such_service_is_refused(
        app, client, session, tmp_path):
    _, _, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    base = f"http://neraca.test/p/{round_.public_slug}"
    page = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    for number in (1, 2, 3):
        assert f'value="{base}?layanan={number}"' in page
        assert f"/hr/rounds/{round_.id}/poster.pdf?layanan={number}" in page
    poster = client.get(f"/hr/rounds/{round_.id}/poster.pdf?layanan=2")
    assert poster.status_code == 200 and poster.mimetype == "application/pdf"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(poster.data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Layanan: Balik nama kendaraan" in text and f"{base}?layanan=2" in text
    assert links_in_pdf(poster.data, tmp_path) == [[f"{base}?layanan=2"]]
    refused = client.get(f"/hr/rounds/{round_.id}/poster.pdf?layanan=7&lang=en")
    assert refused.status_code == 302
    assert "no such service" in client.get(f"/hr/rounds/{round_.id}?lang=en").get_data(as_text=True)


def test_exports_of_a_round_nobody_answered_have_their_headers_and_a_round_without_the_skm_has_none(
        app, client, session):
    _, version, round_ = skm_round(client, session, language="en")
    empty = read_back(client.get(f"/hr/reports/ikm/{round_.id}/answers.xlsx?lang=en").data, "xlsx", "en")
    assert len(empty) == 0 and list(empty.columns[-10:]) == [*(f"U{k}" for k in range(1, 10)), "Suggestion"]
    unsur = read_back(client.get(f"/hr/reports/ikm/{round_.id}/unsur.xlsx?lang=en").data, "xlsx", "en")
    assert unsur.iloc[9, 1] == "IKM" and unsur.iloc[:, 3].tolist() == [0] * len(unsur)
    made = post(client, "/hr/rounds/new", round_form(kind="satisfaction", title="Likert 2010", period="2010",
                                                     version_id=version.id, language="en"))
    likert = session.get(Round, int(made.headers["Location"].rsplit("/", 1)[1]))
    questionnaires.default_questions(session, likert)
    refused = client.get(f"/hr/reports/ikm/{likert.id}/answers.csv?lang=en")
    assert refused.status_code == 404 and "no SKM questionnaire" in refused.get_data(as_text=True)
    with pytest.raises(Invalid, match="no SKM questionnaire"):
        skm_exports.answers_table(session, likert, "en", with_suggestions=True)


def test_a_service_number_outside_the_list_is_refused_by_name_and_an_empty_one_names_none(client, session):
    _, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    assert skm.linked_service(asked, None) is None and skm.linked_service(asked, " ") is None
    assert skm.linked_service(asked, "3") == (skm.service_question(asked), 2)
    for given in ("4", "0", "x", "1" * 4):
        with pytest.raises(Invalid, match="not one of this survey's"):
            skm.linked_service(asked, given)
    with pytest.raises(Invalid, match="not one of this survey's"):
        skm.linked_service([q for q in asked if q.role != "profile:service"], "1")
