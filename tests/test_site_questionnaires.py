"""Self-report, validation and satisfaction rounds: questions of each kind, answers, corrections, results."""

import numpy as np
import pytest

from analysis.scoring import Ladder
from survey.models import AuditEntry, Response
from survey.services import people, performance, questionnaires
from survey.services.errors import Invalid
from tests.helpers.questionnaires import answer, invite_person, new_round  # noqa: F401
from tests.web import csrf, hidden, post


def test_employees_self_report_and_hr_sees_ranked_personal_scorecards(app, client, session):
    organisation, version, round_ = new_round(client, session, "self_report", snap="round_half_up")
    page = f"/hr/rounds/{round_.id}"
    assert post(client, f"{page}/questions/defaults", {}, page=page).status_code == 302
    asked = questionnaires.questions(session, round_)
    assert len(asked) == 22 and {q.kind for q in asked} == {"number"}
    kept = asked[:3]  # a short questionnaire is enough for the story: drop the rest
    for question in asked[3:]:
        session.delete(question)
    session.commit()
    for kpi in ("F1a", "F1b", "F2a"):
        performance.set_ladder(session, version, kpi=kpi, period="2010", anchors={0: 0, 3: 30, 10: 100})
    answers_of = {"Ani": ["100", "90", "10"], "Budi": ["30", "40", "50"], "Cici": ["65", "65", "65"]}
    for name, values in answers_of.items():
        _, token = invite_person(app, session, organisation, round_, name)
        response = answer(client, token, dict(zip([q.id for q in kept], values)))
        assert response.status_code == 302 and response.headers["Location"].endswith("/done")
    results = questionnaires.personal_results(session, round_)
    ladder = Ladder({0: 0, 3: 30, 10: 100})
    for person, total in zip(results.people, results.scores.totals):
        expected = np.mean([np.floor(ladder.level(float(v)) + 0.5) for v in answers_of[person.name]])
        assert total == pytest.approx(expected)  # equal weights: nothing published for this version
    assert results.equal_weights
    ranking = dict(zip([p.name for p in results.people], results.scores.ranks))
    assert ranking == {"Cici": 1, "Ani": 2, "Budi": 3}  # 7 7 7 beats 10 9 1 once levels are whole
    assert "Ani" in client.get(f"{page}/results").get_data(as_text=True)


def test_hr_corrects_an_answer_with_an_audit_trail(app, client, session):
    organisation, version, round_ = new_round(client, session, "self_report")
    question = questionnaires.add_question(session, round_, kind="number", text="Revenue", kpi="F1a", unit="%",
                                           minimum=0, maximum=100)
    performance.set_ladder(session, version, kpi="F1a", period="2010", anchors={0: 0, 10: 100})
    invitation, token = invite_person(app, session, organisation, round_, "Ani")
    answer(client, token, {question.id: "40"})
    results_page = f"/hr/rounds/{round_.id}/results"
    response = post(client, results_page, {"c-invitation": invitation.id, "c-question": question.id,
                                           "c-value": "45", "c-reason": "Recounted from the ledger"})
    assert response.status_code == 302
    history = questionnaires.answer_history(session, invitation.id, question.id)
    assert [(r.value, r.corrected_by) for r in history] == [(45.0, "hr@example.org"), (40.0, "")]
    assert history[0].reason == "Recounted from the ledger"
    assert questionnaires.personal_results(session, round_).achievements[0, 0] == 45
    refused = post(client, results_page, {"c-invitation": invitation.id, "c-question": question.id,
                                          "c-value": "450", "c-reason": "typo"})
    assert refused.status_code == 400 and "Jawaban di luar rentang" in refused.get_data(as_text=True)
    assert len(questionnaires.answer_history(session, invitation.id, question.id)) == 2
    session.expire_all()
    (entry,) = session.query(AuditEntry).all()  # the correction, not the refused one
    assert (entry.action, entry.actor_email, entry.subject) == ("answer_corrected", "hr@example.org", "Ani")
    assert entry.details["reason"] == "Recounted from the ledger" and entry.details["value"] == 45.0


@pytest.mark.parametrize("kind, options, good, bad, message", [
    ("number", "", "42.5", ["", "many", "101", "-1"], ["Answer this question", "is not a number", "outside", "outside"]),
    ("choice", "0-10 minutes = 5; 11-20 minutes = 15; 21-30 minutes = 25", "2", ["", "7"], ["Answer", "Choose one"]),
    ("likert", "", "4", ["", "6", "x"], ["Answer", "Choose one", "Choose one"]),
    ("yesno", "", "1", ["", "2"], ["Answer", "Choose one"]),
])
def test_each_question_kind_refuses_bad_answers_at_the_field_and_stores_nothing(
        app, client, session, kind, options, good, bad, message):
    organisation, _, round_ = new_round(client, session, "self_report")
    question = questionnaires.add_question(session, round_, kind=kind, text="Q", kpi="F1a" if kind == "number" else "",
                                           minimum=0 if kind == "number" else None,
                                           maximum=100 if kind == "number" else None, options=options)
    _, token = invite_person(app, session, organisation, round_, "Ani")
    for value, expected in zip(bad, message):
        response = answer(client, token, {question.id: value})
        assert response.status_code == 400, value
        assert expected in response.get_data(as_text=True), value
    assert session.query(Response).count() == 0
    assert answer(client, token, {question.id: good}).status_code == 302
    stored = session.query(Response).one().value
    assert stored == {"number": 42.5, "choice": 25.0, "likert": 4.0, "yesno": 1.0}[kind]


def test_a_choice_question_needs_well_formed_options(client, session):
    _, _, round_ = new_round(client, session, "self_report")
    with pytest.raises(Invalid, match="label = value"):
        questionnaires.add_question(session, round_, kind="choice", text="Minutes", options="a lot")


def test_validation_round_gives_relevance_shares_and_verdicts(app, client, session):
    organisation, _, round_ = new_round(client, session, "validation")
    questionnaires.default_questions(session, round_)
    asked = questionnaires.questions(session, round_)
    assert asked[-1].kind == "verdict" and sum(q.kind == "yesno" for q in asked) == 12 + 22
    for name, relevant, valid in (("Ani", "1", "1"), ("Budi", "0", "0")):
        _, token = invite_person(app, session, organisation, round_, name)
        values = {q.id: relevant if i == 0 else "1" for i, q in enumerate(asked[:-1])}
        values[asked[-1].id] = valid
        assert answer(client, token, values).status_code == 302
    shares, verdicts = questionnaires.validation_results(session, round_)
    assert shares[0][1] == pytest.approx(0.5) and shares[1][1] == pytest.approx(1.0)
    assert sorted((p.name, v) for p, v in verdicts) == [("Ani", True), ("Budi", False)]


def test_satisfaction_scores_become_a_kpi_performance(app, client, session):
    organisation, version, round_ = new_round(client, session, "satisfaction")
    questionnaires.default_questions(session, round_)
    asked = questionnaires.questions(session, round_)
    for name, score in (("Ani", "5"), ("Budi", "3")):
        _, token = invite_person(app, session, organisation, round_, name)
        assert answer(client, token, {q.id: score for q in asked}).status_code == 302
    items, overall = questionnaires.satisfaction_results(session, round_)
    assert items[0][1] == pytest.approx(4.0) and items[0][2] == pytest.approx(80.0)
    assert overall == pytest.approx(80.0)
    response = post(client, f"/hr/rounds/{round_.id}/results", {"s-kpi": "C1a", "s-period": "2010"})
    assert response.status_code == 302
    kpi = performance.kpis(session, version)["C1a"]
    assert performance.current_measurements(session, version)[(kpi.id, "2010")].actual == pytest.approx(80.0)


def test_answers_cannot_be_resubmitted_twice_and_the_questionnaire_freezes_once_answered(app, client, session):
    organisation, _, round_ = new_round(client, session, "satisfaction")
    question = questionnaires.add_question(session, round_, kind="likert", text="Service")
    invitation, token = invite_person(app, session, organisation, round_, "Ani")
    url = f"/r/{token}/q"
    page = client.get(url).get_data(as_text=True)
    form = {"csrf_token": csrf(client, url), "submission": hidden(page, "submission"), f"q_{question.id}": "4"}
    client.post(url, data=form)
    client.post(url, data=dict(form, **{f"q_{question.id}": "2"}))
    assert [r.value for r in session.query(Response)] == [4.0]
    with pytest.raises(Invalid, match="can no longer change"):
        questionnaires.add_question(session, round_, kind="likert", text="Another")


def test_a_questionnaire_invitation_says_what_it_asks(app, client, session, smtp_server):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    organisation, _, round_ = new_round(client, session, "self_report", language="id")
    person = people.add_person(session, organisation.id, name="Ani", email="ani@x.org", kind="employee")
    page = f"/hr/rounds/{round_.id}"
    post(client, f"{page}/invite", {"person": [str(person.id)]}, page=page)
    body = smtp_server.messages[0].get_payload()
    assert "mengisi kuesioner" in body and "/r/" in body
