"""Pages fit the kind of round, finished links say so, sensible defaults and a way back (issue 17)."""
from survey.models import ReportJob
from survey.services import questionnaires, rounds, scorecards
from tests.helpers.questionnaires import answer, invite_person, new_round
from tests.helpers.reports import pdf_text, self_report_round
from tests.samsat_site import build_samsat
from tests.web import post, sign_in


def test_a_self_report_welcome_asks_for_numbers_not_pairwise_comparisons(app, client, session):
    organisation, _, round_ = new_round(client, session, "self_report")
    _, token = invite_person(app, session, organisation, round_, "Dewi")
    text = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    assert "type a number for each question" in text
    assert "two-sided scale" not in text and "consistency" not in text


def test_a_self_report_round_page_has_no_cr_or_reask_columns_and_no_numbered_empty_list(app, client, session):
    organisation, _, round_ = new_round(client, session, "self_report")
    invite_person(app, session, organisation, round_, "Dewi")
    text = client.get(f"/hr/rounds/{round_.id}?lang=en").get_data(as_text=True)
    assert "CR per cluster" not in text and "Re-asks" not in text and "CR threshold" not in text
    assert '<li class="muted">No questions yet.</li>' not in text and "No questions yet." in text


def test_reopening_a_finished_link_says_when_it_was_finished_and_that_answers_may_change(app, client, session):
    organisation, _, round_ = new_round(client, session, "satisfaction")
    questionnaires.add_question(session, round_, kind="likert", text="Layanan cepat")
    _, token = invite_person(app, session, organisation, round_, "Dewi")
    question = questionnaires.questions(session, round_)[0]
    assert answer(client, token, {question.id: "4"}).status_code == 302
    text = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    assert "You finished this survey on" in text and "You may still change your answers" in text


def test_the_personal_pdf_header_names_the_period_once(app, client, session):
    organisation, round_ = self_report_round(session, {"Ani": 90.0})
    round_.title = "Kinerja pegawai 2010"
    session.commit()
    sign_in(client, session, organisation.id)
    text = pdf_text(client.get(f"/hr/reports/personal/{round_.id}.pdf").data)
    assert "Kinerja pegawai 2010" in text and "2010 2010" not in text


def test_the_new_round_form_offers_the_newest_version_no_round_uses_yet(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    copy = scorecards.copy_version(session, version, "2011")
    newest = scorecards.copy_version(session, version, "2011b").id  # newer still, and editable
    sign_in(client, session, organisation.id)
    text = client.get("/hr/rounds/new").get_data(as_text=True)
    assert f'<option selected value="{newest}">' in text
    assert copy.id != newest


def test_the_report_job_page_leads_back_to_its_round(app, client, session):
    organisation, round_ = self_report_round(session, {"Ani": 90.0})
    job = ReportJob(organisation_id=organisation.id, round_id=round_.id, kind="personal", status="queued",
                    language="id", requested_by="hr@example.org")
    session.add(job)
    session.commit()
    sign_in(client, session, organisation.id)
    text = client.get(f"/hr/reports/jobs/{job.id}").get_data(as_text=True)
    assert f'href="/hr/rounds/{round_.id}/results"' in text


def test_adding_an_element_under_an_unknown_parent_says_to_add_the_parent_first(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    response = post(client, f"/hr/versions/{version.id}/elements?lang=en",
                    {"code": "X1", "kind": "objective", "name": "Baru", "parent_code": "Z", "better": "higher"},
                    page=f"/hr/versions/{version.id}")
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Parent Z is not in this scorecard: add it first." in text and "above this row" not in text


def test_a_group_cr_above_the_threshold_is_marked_beside_publish(client, session):
    from tests.helpers.weighting import answer_everything, invitations, launch
    organisation, _, round_ = launch(session, cr_threshold=0.0001)
    answer_everything(session, invitations(session, round_)[0])
    sign_in(client, session, organisation.id)
    text = client.get(f"/hr/rounds/{round_.id}/results?lang=en").get_data(as_text=True)
    assert "(above the threshold)" in text
