"""An SKM round of PermenPANRB 14/2017 on the site: the questionnaire in one click, answers (a missing unsur
refused), the IKM page, the report PDF in the round's language, and the IKM as a KPI's actual."""
from __future__ import annotations

import subprocess

import numpy as np
import pytest

from analysis.ikm import ikm
from survey.models import AuditEntry, Measurement, Response
from survey.services import questionnaires, skm
from survey.services.errors import Invalid
from tests.helpers.questionnaires import ANSWERS, SERVICES, answer, form_values, invite_person, new_round, skm_round
from tests.web import post, sign_in


def test_hr_creates_the_skm_questionnaire_in_the_rounds_language(client, session):
    _, _, round_ = skm_round(client, session)
    asked = questionnaires.questions(session, round_)
    unsur = [q for q in asked if q.role.startswith(skm.SKM)]
    assert [q.role for q in unsur] == [f"skm:U{k}" for k in range(1, 10)]
    assert unsur[0].text == "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"
    assert [o["label"] for o in unsur[0].options] == ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]
    assert [o["value"] for o in unsur[0].options] == [1.0, 2.0, 3.0, 4.0]
    assert [o["label"] for o in unsur[3].options] == ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]
    assert [q.role for q in asked if q.role.startswith(skm.PROFILE)] == [
        "profile:age", "profile:sex", "profile:education", "profile:occupation", "profile:service"]
    service = next(q for q in asked if q.role == "profile:service")
    assert [o["label"] for o in service.options] == ["Pajak kendaraan tahunan", "Balik nama kendaraan", "Layanan lainnya"]
    assert asked[-1].kind == "text" and asked[-1].role == "suggestion"
    with pytest.raises(Invalid, match="has questions already"):
        skm.create_questionnaire(session, round_, SERVICES)


def test_the_skm_questionnaire_needs_a_satisfaction_round_and_the_units_services(client, session):
    _, _, round_ = new_round(client, session, "satisfaction")
    with pytest.raises(Invalid, match="Name the services"):
        skm.create_questionnaire(session, round_, " ; ")
    round_.kind = "validation"
    with pytest.raises(Invalid, match="for satisfaction rounds"):
        skm.create_questionnaire(session, round_, SERVICES)
    session.rollback()
    assert questionnaires.questions(session, round_) == []


def test_a_response_missing_an_unsur_is_refused_at_it_and_nothing_is_stored(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Ani")
    response = answer(client, token, form_values(asked, [4, 3, 3, None, 3, 3, 4, 3, 2]))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    missing = next(q for q in asked if q.role == "skm:U4")
    assert f'id="q_{missing.id}"' in page and "invalid" in page.split(f'id="q_{missing.id}"')[0][-40:]
    assert "Answer this question." in page
    assert session.query(Response).count() == 0


def test_hr_reads_the_ikm_grade_priorities_profile_suggestions_and_sample(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    for name, scores in ANSWERS.items():
        _, token = invite_person(app, session, organisation, round_, name)
        response = answer(client, token, form_values(asked, scores, suggestion=f"More chairs, says {name}"
                                                     if name != "Budi" else ""))
        assert response.status_code == 302, response.get_data(as_text=True)
    found = skm.results(session, round_)
    by_hand = np.array([10, 8, 8, 12, 10, 10, 11, 9, 8]) / 3  # column sums / 3 respondents
    assert [u.nrr for u in found.unsur] == pytest.approx(by_hand)
    assert found.result.converted == pytest.approx(by_hand.mean() * 25)  # 79,63
    assert (found.result.grade, found.result.label) == ("B", "Baik")
    assert found.result.converted == pytest.approx(ikm(np.array(list(ANSWERS.values()))).converted)
    assert [u.code for u in found.priorities] == ["U2", "U3", "U9"]  # 2,67 each, by code
    assert found.suggestions == ["More chairs, says Ani", "More chairs, says Cici"]
    sex = dict(next(counts for q, counts in found.profile if q.role == "profile:sex"))
    assert sex == {"Male": 0, "Female": 3}
    # No respondent's open answer is a number: the open answers stay out of every score.
    assert session.query(Response).filter(Response.value.is_(None)).count() == 2

    page_url = f"/hr/rounds/{round_.id}/ikm"
    page = client.get(f"{page_url}?lang=en").get_data(as_text=True)
    assert "79.63" in page and "Good" in page and "More chairs, says Cici" in page
    assert "U2 Systems, mechanisms and procedures: 2.67" in page
    response = post(client, f"{page_url}/population?lang=en", {"population": "1,000"}, page=page_url)
    assert response.status_code == 302
    page = client.get(f"{page_url}?lang=en").get_data(as_text=True)
    assert "Minimum respondents for 1,000 people served (Krejcie-Morgan): <strong>278</strong>" in page
    assert "3 / 278" in page


def test_a_population_that_is_not_a_whole_number_is_refused_and_nothing_changes(client, session):
    _, _, round_ = skm_round(client, session, language="en")
    page_url = f"/hr/rounds/{round_.id}/ikm"
    response = post(client, f"{page_url}/population?lang=en", {"population": "12.5"}, page=page_url)
    assert response.status_code == 400
    assert "whole number of at least 1" in response.get_data(as_text=True)
    session.refresh(round_)
    assert round_.served_population is None


def test_the_report_pdf_is_in_the_rounds_language_with_chart_priorities_and_suggestions(app, client, session,
                                                                                       tmp_path):
    organisation, _, round_ = skm_round(client, session, language="id")
    asked = questionnaires.questions(session, round_)
    for name, scores in ANSWERS.items():
        _, token = invite_person(app, session, organisation, round_, name)
        answer(client, token, form_values(asked, scores, suggestion="Ruang tunggu perlu kipas angin"))
    html = client.get(f"/hr/reports/ikm/{round_.id}.html?lang=en").get_data(as_text=True)
    assert "<svg" in html and "NRR" in html
    response = client.get(f"/hr/reports/ikm/{round_.id}.pdf?lang=en")  # the page in English, the report in Indonesian
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pdf = tmp_path / "ikm.pdf"
    pdf.write_bytes(response.data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Laporan Survei Kepuasan Masyarakat" in text
    assert "79,63" in text and "Baik" in text
    assert "Prioritas perbaikan" in text and "U2 Sistem, mekanisme, dan prosedur: 2,67" in text
    assert "Ruang tunggu perlu kipas angin" in text
    assert "Perempuan" in text and "Balik nama kendaraan" in text


def test_hr_enters_the_ikm_as_a_customer_kpis_actual_with_an_audit_entry(app, client, session):
    organisation, version, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    for name, scores in ANSWERS.items():
        _, token = invite_person(app, session, organisation, round_, name)
        answer(client, token, form_values(asked, scores))
    page_url = f"/hr/rounds/{round_.id}/ikm"
    response = post(client, f"{page_url}/kpi?lang=en", {"kpi": "C1a", "period": "2010"}, page=page_url)
    assert response.status_code == 302, response.get_data(as_text=True)
    measurement = session.query(Measurement).one()
    assert measurement.actual == pytest.approx(np.array([10, 8, 8, 12, 10, 10, 11, 9, 8]).mean() / 3 * 25)
    assert measurement.period == "2010" and measurement.entered_by == "hr@example.org"
    entry = session.query(AuditEntry).filter_by(action="ikm_to_kpi").one()
    assert entry.subject == "C1a" and entry.details["grade"] == "B"


def test_entering_the_same_ikm_again_is_audited_too_and_leaves_one_measurement(app, client, session):
    """One path, always audited: the second entry changes no value, yet HR's action is on record."""
    organisation, version, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Ani")
    answer(client, token, form_values(asked, ANSWERS["Ani"]))
    page_url = f"/hr/rounds/{round_.id}/ikm"
    for _ in range(2):
        response = post(client, f"{page_url}/kpi?lang=en", {"kpi": "C1a", "period": "2010"}, page=page_url)
        assert response.status_code == 302
    session.expire_all()
    assert session.query(Measurement).count() == 1
    entries = session.query(AuditEntry).filter_by(action="ikm_to_kpi").all()
    assert [(e.subject, e.details["period"]) for e in entries] == [("C1a", "2010"), ("C1a", "2010")]


def test_an_unknown_kpi_or_no_answers_enters_nothing(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="en")
    page_url = f"/hr/rounds/{round_.id}/ikm"
    with pytest.raises(Invalid, match="no IKM to enter"):
        skm.ikm_to_kpi(session, round_, kpi="C1a", period="2010", entered_by="hr@example.org")
    session.rollback()
    asked = questionnaires.questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Ani")
    answer(client, token, form_values(asked, ANSWERS["Ani"]))
    response = post(client, f"{page_url}/kpi?lang=en", {"kpi": "NOPE", "period": "2010"}, page=page_url)
    assert response.status_code == 400
    assert session.query(Measurement).count() == 0 and session.query(AuditEntry).filter_by(action="ikm_to_kpi").count() == 0


def test_an_open_answer_comes_back_to_its_author_and_a_hidden_control_character_is_refused(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    box = next(q for q in asked if q.kind == "text")
    _, token = invite_person(app, session, organisation, round_, "Ani")
    response = answer(client, token, form_values(asked, ANSWERS["Ani"], suggestion="Antrean \u202epanjang"))
    assert response.status_code == 400 and "invisible control character" in response.get_data(as_text=True)
    assert session.query(Response).count() == 0
    answer(client, token, form_values(asked, ANSWERS["Ani"], suggestion="Antrean terlalu panjang"))
    page = client.get(f"/r/{token}/q").get_data(as_text=True)
    assert ">Antrean terlalu panjang</textarea>" in page
    assert "Antrean terlalu panjang" in client.get(f"/r/{token}/done").get_data(as_text=True)
    stored = session.query(Response).filter_by(question_id=box.id).one()
    assert (stored.value, stored.text) == (None, "Antrean terlalu panjang")


def test_viewers_read_the_ikm_but_not_the_suggestions(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Ani")
    answer(client, token, form_values(asked, ANSWERS["Ani"], suggestion="Call me on 0812 3456 789"))
    assert "0812" in client.get(f"/hr/rounds/{round_.id}/ikm?lang=en").get_data(as_text=True)  # HR reads it
    viewer = app.test_client()
    sign_in(viewer, session, organisation.id, email="viewer@example.org", role="viewer")
    page = viewer.get(f"/hr/rounds/{round_.id}/ikm?lang=en").get_data(as_text=True)
    report = viewer.get(f"/hr/reports/ikm/{round_.id}.html").get_data(as_text=True)
    assert "80.56" in page and "80.56" in report  # 29 / 9 x 25
    assert "0812" not in page and "0812" not in report
