"""The SKM on a public link: visitors' answers, open suggestions included, make the IKM as invited
respondents' do, and a discarded burst leaves the IKM and the suggestions alike."""
from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from survey.render.numbers import format_number
from analysis.ikm import ikm
from survey.models import PublicVisit, Response
from survey.services import api_tokens, public, questionnaires, skm
from tests.helpers.questionnaires import ANSWERS, answer, form_values, invite_person, skm_round, visit


def test_public_visitors_answers_and_suggestions_count_in_the_ikm_until_discarded(app, client, session):
    organisation, _, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Budi")
    assert answer(client, token, form_values(asked, ANSWERS["Budi"])).status_code == 302
    for number, name in enumerate(("Ani", "Cici")):
        _, response = visit(app, round_, f"10.0.0.{number + 1}", form_values(asked, ANSWERS[name],
                                                                             suggestion=f"Kursi, kata {name}"))
        assert response.status_code == 302, response.get_data(as_text=True)
    session.expire_all()
    assert session.query(Response).filter(Response.visit_id.is_not(None), Response.text.is_not(None)).count() == 2

    found = skm.results(session, round_)
    assert found.result.converted == pytest.approx(ikm(np.array(list(ANSWERS.values()))).converted)  # 79,63
    assert found.suggestions == ["Kursi, kata Ani", "Kursi, kata Cici"]

    cici = session.query(PublicVisit).order_by(PublicVisit.id.desc()).first()
    public.discard(session, round_, cici.created_at, cici.created_at + timedelta(seconds=1), "hr@example.org")
    found = skm.results(session, round_)
    assert found.result.converted == pytest.approx(ikm(np.array([ANSWERS["Ani"], ANSWERS["Budi"]])).converted)
    assert found.suggestions == ["Kursi, kata Ani"]


def test_a_public_skm_rounds_results_and_progress_count_its_public_answers(app, client, session):
    organisation, _, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    for number, name in enumerate(("Ani", "Budi", "Cici")):
        assert visit(app, round_, f"10.0.1.{number + 1}", form_values(asked, ANSWERS[name]))[1].status_code == 302
    client.get("/lang/id")
    found = skm.results(session, round_)
    results_page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Keseluruhan: <strong>%" not in results_page and "Overall" not in results_page
    assert format_number(found.result.converted, "index", "id") in results_page  # the IKM, 79,63-like
    assert f"/hr/rounds/{round_.id}/ikm" in results_page
    for page in ("/hr/", f"/hr/rounds/{round_.id}", f"/hr/rounds/{round_.id}/close"):
        text = client.get(page).get_data(as_text=True)
        assert "3 jawaban publik" in text, page
        assert "0 / 0" not in text and "0 dari 0" not in text, page
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    counted = client.get(f"/api/rounds/{round_.id}/progress", headers={"Authorization": f"Bearer {raw}"})
    assert counted.get_json()["public_answers"] == 3
