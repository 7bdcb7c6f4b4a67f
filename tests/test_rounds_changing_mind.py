"""HR changes its mind about a round: closing time, close and reopen, a participant removed, publishing
asked first; every change is in the audit log."""
import re
from datetime import datetime, timedelta

import pytest

from survey.models import AuditEntry, Invitation, OutboxMessage, Round, ScorecardVersion
from survey.services import answers, mail, people, results, rounds
from survey.services.errors import Invalid
from tests.helpers.weighting import answer_everything, invitations
from tests.samsat_site import build_samsat
from tests.web import csrf, post, round_form, sign_in


def launched(client, session, role="hr"):
    """A SAMSAT round with everyone invited by HR through the site."""
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id, role=role)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    page = f"/hr/rounds/{round_.id}"
    post(client, f"{page}/invite", {"person": [str(p.id) for p in people.people(session, organisation.id)]}, page=page)
    return organisation, version, round_


def audit(session, action):
    session.expire_all()
    return session.query(AuditEntry).filter_by(action=action).all()


def test_inviting_is_in_the_audit_log_with_who_and_whom(client, session):
    organisation, _, _round = launched(client, session)
    (entry,) = audit(session, "invitations_sent")
    assert entry.actor_email == "hr@example.org" and entry.organisation_id == organisation.id
    assert entry.details["count"] == 3 and "Stakeholder 0" in entry.details["people"]


def test_nobody_is_ticked_for_invitation_until_hr_chooses(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    page = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    assert 'name="person"' in page and "checked" not in page


def test_closing_asks_first_then_closes_and_reopening_takes_answers_again(client, session):
    _, _, round_ = launched(client, session)
    page = f"/hr/rounds/{round_.id}"
    question = client.get(f"{page}/close", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "0 dari 3 peserta telah selesai" in question
    assert session.get(Round, round_.id).status == "open"  # asking wrote nothing
    assert post(client, f"{page}/close", {}, page=f"{page}/close").status_code == 302
    session.expire_all()
    assert session.get(Round, round_.id).status == "closed"
    assert post(client, f"{page}/reopen", {}, page=page).status_code == 302
    session.expire_all()
    assert session.get(Round, round_.id).status == "open"
    assert [e.subject for e in audit(session, "round_closed")] == ["Bobot 2010"]
    assert len(audit(session, "round_reopened")) == 1


def test_a_round_whose_closing_time_passed_is_reopened_only_after_moving_it(client, session):
    _, _, round_ = launched(client, session)
    round_.closes_at = datetime.now() - timedelta(days=1)
    round_.status = "closed"
    session.commit()
    page = f"/hr/rounds/{round_.id}"
    response = post(client, f"{page}/reopen", {}, page=page, follow_redirects=True, headers={"Accept-Language": "id"})
    assert "Waktu penutupannya sudah lewat" in response.get_data(as_text=True)
    session.expire_all()
    assert session.get(Round, round_.id).status == "closed" and not audit(session, "round_reopened")
    later = (datetime.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    assert post(client, f"{page}/closing", {"closes_at": later}).status_code == 302
    assert post(client, f"{page}/reopen", {}, page=page).status_code == 302
    session.expire_all()
    assert rounds.state(session.get(Round, round_.id)) == rounds.OPEN
    (entry,) = audit(session, "round_closing_changed")
    assert entry.details["to"].endswith("UTC")


def test_a_closing_time_before_the_opening_is_refused_at_the_field_and_changes_nothing(client, session):
    _, _, round_ = launched(client, session)
    round_.opens_at = datetime(2030, 1, 10, 8, 0)
    session.commit()
    response = post(client, f"/hr/rounds/{round_.id}/closing", {"closes_at": "2030-01-09T08:00"},
                    headers={"Accept-Language": "id"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(r'aria-invalid="true"[^>]*>\s*<div class="error" role="alert">Putaran harus ditutup setelah dibuka',
                     page), page
    session.expire_all()
    assert session.get(Round, round_.id).closes_at is None and not audit(session, "round_closing_changed")


def test_a_removed_participant_leaves_results_progress_and_reminders_but_their_answers_stay(client, session):
    _, _, round_ = launched(client, session)
    first, second, _third = invitations(session, round_)
    answer_everything(session, first)
    answer_everything(session, second, inverse=True)
    before = results.results(session, round_)
    page = f"/hr/rounds/{round_.id}"
    removal = f"{page}/participants/{second.id}/remove"
    assert "Stakeholder 1" in client.get(removal).get_data(as_text=True)
    assert post(client, removal, {}, page=removal).status_code == 302
    session.expire_all()
    progress = rounds.progress(session, session.get(Round, round_.id))
    assert progress.invited == 2 and progress.completed == 1
    assert [i.person.name for i in progress.removed] == ["Stakeholder 1"]
    after = results.results(session, session.get(Round, round_.id))
    root_before, root_after = (next(c for c in o.clusters if c.key == "root") for o in (before, after))
    assert (root_before.respondents, root_after.respondents) == (2, 1)
    assert session.get(Invitation, second.id).completed_at is not None  # on record still
    shown = client.get(page, headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Dikeluarkan dari putaran" in shown
    reminded = rounds.remind(session, session.get(Round, round_.id), {"SECRET_KEY": "test",
                                                                      "PUBLIC_URL": "http://neraca.test"})
    assert reminded == 1  # only the third, who has not finished and was not removed
    (entry,) = audit(session, "participant_removed")
    assert entry.subject == "Stakeholder 1" and entry.details["completed"] is True


def test_a_removed_participants_link_no_longer_takes_answers(client, session):
    _, _, round_ = launched(client, session)
    first = invitations(session, round_)[0]
    rounds.remove_participant(session, round_, first.id, "hr@example.org")
    with pytest.raises(Invalid, match="no longer accepted"):
        answers.accepting_round(session, first)


def test_removing_twice_says_so_and_writes_one_entry(client, session):
    _, _, round_ = launched(client, session)
    first = invitations(session, round_)[0]
    removal = f"/hr/rounds/{round_.id}/participants/{first.id}/remove"
    post(client, removal, {}, page=removal)
    response = post(client, removal, {}, page=f"/hr/rounds/{round_.id}", follow_redirects=True,
                    headers={"Accept-Language": "id"})
    assert "sudah dikeluarkan" in response.get_data(as_text=True)
    assert len(audit(session, "participant_removed")) == 1


def test_publishing_shows_respondents_and_cr_against_the_threshold_and_that_the_round_is_open(client, session):
    _, version, round_ = launched(client, session)
    answer_everything(session, invitations(session, round_)[0])
    page = f"/hr/rounds/{round_.id}/publish"
    question = client.get(page, headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Putaran masih dibuka" in question and "Batas CR" in question and "dalam batas" in question
    session.expire_all()
    assert session.get(ScorecardVersion, version.id).weights_round_id is None  # asking wrote nothing
    assert post(client, page, {}, page=page).status_code == 302
    (entry,) = audit(session, "weights_published")
    assert entry.details == {"round": round_.id, "version": "2010", "still_open": True}
    assert session.get(ScorecardVersion, version.id).weights_round_id == round_.id


def test_a_viewer_can_neither_close_reopen_remove_nor_change_the_closing_time(client, session):
    _, _, round_ = launched(client, session)
    post(client, "/logout", {}, page="/hr/")
    sign_in(client, session, round_.organisation_id, email="viewer@example.org", role="viewer")
    page = f"/hr/rounds/{round_.id}"
    first = invitations(session, round_)[0]
    token = csrf(client, "/hr/")
    for url in (f"{page}/close", f"{page}/reopen", f"{page}/closing", f"{page}/participants/{first.id}/remove",
                f"{page}/publish"):
        assert client.post(url, data={"csrf_token": token}).status_code == 403, url
    for url in (f"{page}/close", f"{page}/closing", f"{page}/participants/{first.id}/remove", f"{page}/publish"):
        assert client.get(url).status_code == 403, url
    session.expire_all()
    assert session.get(Round, round_.id).status == "open" and session.get(Invitation, first.id).removed_at is None


def test_a_draft_keeps_its_settings_editable_sends_nothing_and_is_launched_by_hr(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, draft="y"))
    round_id = int(response.headers["Location"].rsplit("/", 1)[1])
    page = f"/hr/rounds/{round_id}"
    assert session.get(Round, round_id).status == "draft"
    shown = client.get(page, headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Status: draf" in shown and "Luncurkan putaran" in shown and 'name="person"' not in shown
    everyone = [str(p.id) for p in people.people(session, organisation.id)]
    refused = post(client, f"{page}/invite", {"person": everyone}, page=page, follow_redirects=True,
                   headers={"Accept-Language": "id"})
    assert "Putaran ini masih draf: luncurkan terlebih dahulu." in refused.get_data(as_text=True)
    assert session.query(Invitation).count() == 0 and session.query(OutboxMessage).count() == 0
    edited = post(client, f"{page}/settings", round_form(version_id=version.id, title="Bobot 2011", cr_threshold="0,15"))
    assert edited.status_code == 302
    session.expire_all()
    assert (session.get(Round, round_id).title, session.get(Round, round_id).cr_threshold) == ("Bobot 2011", 0.15)
    assert post(client, f"{page}/launch", {}, page=page).status_code == 302
    assert post(client, f"{page}/invite", {"person": everyone}, page=page).status_code == 302
    session.expire_all()
    assert session.get(Round, round_id).status == "open" and session.query(OutboxMessage).count() == 3
    (changed,) = audit(session, "round_changed")
    assert changed.details["title"] == "Bobot 2010 → Bobot 2011" and len(audit(session, "round_launched")) == 1
    late = post(client, f"{page}/settings", round_form(version_id=version.id, title="Bobot 2012"), page=page,
                follow_redirects=True, headers={"Accept-Language": "id"})
    assert "Hanya pengaturan draf yang dapat diubah" in late.get_data(as_text=True)
    session.expire_all()
    assert session.get(Round, round_id).title == "Bobot 2011"


def test_bad_draft_settings_are_refused_at_the_field_and_change_nothing(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010", draft=True)
    response = post(client, f"/hr/rounds/{round_.id}/settings",
                    round_form(version_id=version.id, title="", cr_threshold="0,5"), headers={"Accept-Language": "id"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and page.count('aria-invalid="true"') == 2
    session.expire_all()
    assert (session.get(Round, round_.id).title, session.get(Round, round_.id).cr_threshold) == ("Bobot 2010", 0.10)
    assert not audit(session, "round_changed")


def test_publishing_without_enough_answers_says_which_pages_lack_them_and_offers_no_button(client, session):
    _, _, round_ = launched(client, session)
    page = f"/hr/rounds/{round_.id}/publish"
    question = client.get(page, headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Belum ada jawaban yang selesai." in question
    assert f'action="{page}"' not in question and "Setiap klaster memerlukan" in question


def test_a_removed_participants_queued_invitation_is_never_sent(client, session, smtp_server):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    settings = {"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test", "SMTP_HOST": "127.0.0.1",
                "SMTP_PORT": smtp_server.port}
    rounds.invite(session, round_, [p.id for p in people.people(session, organisation.id)], settings)
    first, *others = invitations(session, round_)
    rounds.remove_participant(session, round_, first.id, "hr@example.org")
    mail.deliver(session, settings)
    session.expire_all()
    statuses = {m.invitation_id: m.status for m in session.query(OutboxMessage).filter_by(round_id=round_.id)}
    assert statuses == {first.id: "cancelled", **{other.id: "sent" for other in others}}
    assert len(smtp_server.messages) == len(others)
    assert all(first.person.email not in message["To"] for message in smtp_server.messages)
    outbox = client.get("/hr/outbox?status=cancelled", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert first.person.email in outbox and "tidak dikirim: peserta dikeluarkan" in outbox
