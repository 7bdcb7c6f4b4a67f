"""HR edits people, deactivates them (kept in past rounds, no longer invitable) and imports updates by email."""
import io

import pytest

from survey.models import AuditEntry, Person
from survey.services import accounts, people, rounds
from survey.services.errors import Invalid
from tests.samsat_site import build_samsat
from tests.web import post, sign_in

ID = {"Accept-Language": "id"}


def office_with_people(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    return organisation, version, people.people(session, organisation.id)


def entries(session, action):
    session.expire_all()
    return session.query(AuditEntry).filter_by(action=action).all()


def test_hr_edits_a_person_and_the_change_is_logged(client, session):
    _, _, (ani, *_rest) = office_with_people(client, session)
    page = f"/hr/people/{ani.id}"
    assert "s0@example.org" in client.get(page).get_data(as_text=True)
    response = post(client, page, {"name": "Ani Rahma", "email": "Ani@Example.org", "unit": "Keuangan", "role": "Head",
                                   "kind": "employee", "weight": "1,5"}, headers=ID)
    assert response.status_code == 302
    session.expire_all()
    ani = session.get(Person, ani.id)
    assert (ani.name, ani.email, ani.kind, ani.weight) == ("Ani Rahma", "ani@example.org", "employee", 1.5)
    (entry,) = entries(session, "person_changed")
    assert entry.subject == "Ani Rahma" and entry.details["email"] == "s0@example.org → ani@example.org"


def test_an_edit_to_an_email_someone_else_has_is_refused_at_the_field_and_changes_nothing(client, session):
    _, _, (ani, budi, _cici) = office_with_people(client, session)
    response = post(client, f"/hr/people/{ani.id}", {"name": "Ani", "email": budi.email, "kind": "stakeholder",
                                                     "weight": "1"}, headers=ID)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'role="alert">s1@example.org sudah ada dalam daftar.' in page, page
    session.expire_all()
    assert session.get(Person, ani.id).email == "s0@example.org" and not entries(session, "person_changed")


def test_a_deactivated_person_stays_in_past_rounds_but_is_no_longer_offered_or_invitable(client, session):
    organisation, version, (ani, budi, _cici) = office_with_people(client, session)
    earlier = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    rounds.invite(session, earlier, [ani.id], {"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test"})
    assert post(client, f"/hr/people/{ani.id}/active", {"active": "0"}, page="/hr/people").status_code == 302
    (entry,) = entries(session, "person_deactivated")
    assert entry.subject == "Stakeholder 0" and entry.actor_email == "hr@example.org"
    assert [p.person.name for p in rounds.progress(session, earlier).participants] == ["Stakeholder 0"]
    later = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2011")
    page = client.get(f"/hr/rounds/{later.id}").get_data(as_text=True)
    assert f'value="{budi.id}"' in page and f'value="{ani.id}"' not in page
    with pytest.raises(Invalid, match="cannot be invited: deactivated"):
        rounds.invite(session, later, [ani.id], {"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test"})
    session.rollback()
    assert "nonaktif" in client.get("/hr/people", headers=ID).get_data(as_text=True)
    post(client, f"/hr/people/{ani.id}/active", {"active": "1"}, page="/hr/people")
    assert f'value="{ani.id}"' in client.get(f"/hr/rounds/{later.id}").get_data(as_text=True)
    assert len(entries(session, "person_reactivated")) == 1


def test_deactivating_twice_says_so_and_writes_nothing_more(client, session):
    _, _, (ani, *_rest) = office_with_people(client, session)
    post(client, f"/hr/people/{ani.id}/active", {"active": "0"}, page="/hr/people")
    response = post(client, f"/hr/people/{ani.id}/active", {"active": "0"}, page="/hr/people", follow_redirects=True,
                    headers=ID)
    assert "Stakeholder 0 sudah dinonaktifkan." in response.get_data(as_text=True)
    assert len(entries(session, "person_deactivated")) == 1


def test_import_updates_people_already_listed_by_email_and_adds_the_rest(client, session):
    organisation, _, _people = office_with_people(client, session)
    table = "name,email,unit\nStakeholder Nol,S0@example.org,Keuangan\nStakeholder 1,s1@example.org,\nDewi,dewi@example.org,Umum\n"
    response = post(client, "/hr/people/import", {"file": (io.BytesIO(table.encode()), "people.csv"),
                                                  "number_format": "id"}, page="/hr/people",
                    content_type="multipart/form-data", follow_redirects=True, headers=ID)
    assert "1 orang ditambahkan, 1 diperbarui." in response.get_data(as_text=True)
    session.expire_all()
    by_email = {p.email: p for p in people.people(session, organisation.id)}
    assert (by_email["s0@example.org"].name, by_email["s0@example.org"].unit) == ("Stakeholder Nol", "Keuangan")
    assert by_email["s0@example.org"].role == "Head"  # not a column of the file: kept
    assert by_email["dewi@example.org"].unit == "Umum" and len(by_email) == 4
    (entry,) = entries(session, "people_imported")
    assert entry.details == {"added": 1, "updated": 1}


def test_an_import_with_one_bad_row_updates_nobody(session):
    organisation = accounts.create_organisation(session, "Office")
    people.add_person(session, organisation.id, name="Ani", email="ani@example.org")
    import pandas as pd
    rows = pd.DataFrame([{"name": "Ani Baru", "email": "ani@example.org"}, {"name": "", "email": "x@example.org"},
                         {"name": "Ani lagi", "email": "ani@example.org"}])
    with pytest.raises(Invalid) as refused:
        people.import_people(session, organisation.id, rows)
    assert set(refused.value.errors) == {"row 3", "row 4"}  # no name; the same email twice in the file
    session.rollback()
    assert [p.name for p in people.people(session, organisation.id)] == ["Ani"]
    assert session.query(AuditEntry).count() == 0


def test_a_viewer_cannot_edit_or_deactivate_and_another_office_gets_not_found(client, session):
    organisation, _, (ani, *_rest) = office_with_people(client, session)
    post(client, "/logout", {}, page="/hr/")
    sign_in(client, session, organisation.id, email="viewer@example.org", role="viewer")
    assert client.get(f"/hr/people/{ani.id}").status_code == 403
    assert post(client, f"/hr/people/{ani.id}/active", {"active": "0"}, page="/hr/people").status_code == 403
    post(client, "/logout", {}, page="/hr/")
    other = accounts.create_organisation(session, "Other office")
    sign_in(client, session, other.id, email="hr@other.org")
    assert client.get(f"/hr/people/{ani.id}").status_code == 404
    assert post(client, f"/hr/people/{ani.id}/active", {"active": "0"}, page="/hr/people").status_code == 404
    session.expire_all()
    assert session.get(Person, ani.id).deactivated_at is None
