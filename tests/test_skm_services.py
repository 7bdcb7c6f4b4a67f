"""The SKM per service (jenis layanan) and the columns offices publish, against hand computation:
per unsur the total of the answers (jumlah nilai), NRR and NRR tertimbang (NRR x 0,111); the IKM and grade
of every service the profile lists and of all of them."""
from __future__ import annotations

import subprocess

import numpy as np
import pytest

from survey.services import questionnaires, skm
from tests.helpers.questionnaires import ANSWERS, answer, form_values, invite_person, skm_round

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
    rows = {line.split("  ")[1].strip(): line.split()[-2:] for line in text.split("IKM per jenis layanan")[1].split("Setiap responden")[0].splitlines()
            if line.strip().startswith(("Pajak", "Balik", "Layanan lainnya", "Semua layanan"))}
    assert rows == {"Pajak kendaraan tahunan": ["79,17", "B"], "Balik nama kendaraan": ["80,56", "B"],
                    "Layanan lainnya": ["–", "–"], "Semua layanan": ["79,63", "B"]}
