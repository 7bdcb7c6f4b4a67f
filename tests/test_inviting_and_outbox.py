"""Choosing whom to invite (nothing ticked, filters, a confirmation naming them) and an outbox that
pages and searches every message."""
import re

from survey.models import Invitation, OutboxMessage
from survey.services import people, rounds
from tests.samsat_site import build_samsat
from tests.web import post, sign_in

ID = {"Accept-Language": "id"}


def a_round(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    for name, email, unit, role, kind in [("Ani", "ani@x.org", "Keuangan", "Kepala", "employee"),
                                          ("Budi", "budi@x.org", "Umum", "Staf", "employee"),
                                          ("Cici", "cici@x.org", "", "Wajib pajak", "stakeholder"),
                                          ("Dedi 100%_", "dedi@x.org", "Keuangan", "Staf", "employee")]:
        people.add_person(session, organisation.id, name=name, email=email, unit=unit, role=role, kind=kind)
    sign_in(client, session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    return organisation, round_


def offered(client, url):
    return re.findall(r'name="person" value="\d+"> ([^&]+) &lt;', client.get(url).get_data(as_text=True))


def test_hr_chooses_by_kind_unit_role_or_search_and_nobody_is_ticked(client, session):
    _, round_ = a_round(client, session)
    page = f"/hr/rounds/{round_.id}"
    assert offered(client, page) == ["Ani", "Budi", "Cici", "Dedi 100%_"]
    assert " checked" not in client.get(page).get_data(as_text=True).split("hr.confirm_invite")[-1]
    assert offered(client, f"{page}?kind=stakeholder") == ["Cici"]
    assert offered(client, f"{page}?unit=Keuangan&role=Staf") == ["Dedi 100%_"]
    assert offered(client, f"{page}?q=BUDI") == ["Budi"]
    assert offered(client, f"{page}?q=%25_") == ["Dedi 100%_"]  # typed % and _ are plain characters
    assert offered(client, f"{page}?q=x.org") == ["Ani", "Budi", "Cici", "Dedi 100%_"]


def test_the_confirmation_counts_and_names_before_anything_is_queued(client, session):
    organisation, round_ = a_round(client, session)
    page = f"/hr/rounds/{round_.id}"
    ani, budi = people.people(session, organisation.id)[:2]
    question = post(client, f"{page}/invite/confirm", {"person": [str(ani.id), str(budi.id)]}, page=page, headers=ID)
    shown = question.get_data(as_text=True)
    assert question.status_code == 200 and "Undang 2 orang ke Bobot 2010?" in shown
    assert "Ani &lt;ani@x.org&gt;" in shown and "Budi &lt;budi@x.org&gt;" in shown and "Cici" not in shown
    assert session.query(OutboxMessage).count() == 0 and session.query(Invitation).count() == 0
    sent = {"person": re.findall(r'name="person" value="(\d+)"', shown)}
    assert post(client, f"{page}/invite", sent, page=page).status_code == 302
    session.expire_all()
    assert session.query(OutboxMessage).count() == 2
    assert offered(client, page) == ["Cici", "Dedi 100%_"]  # the invited are no longer offered


def test_confirming_nobody_or_someone_already_invited_queues_nothing(client, session):
    organisation, round_ = a_round(client, session)
    page = f"/hr/rounds/{round_.id}"
    response = post(client, f"{page}/invite/confirm", {}, page=page, follow_redirects=True, headers=ID)
    assert "Pilih setidaknya satu orang untuk diundang." in response.get_data(as_text=True)
    ani = people.people(session, organisation.id)[0]
    rounds.invite(session, round_, [ani.id], {"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test"})
    response = post(client, f"{page}/invite/confirm", {"person": [str(ani.id)]}, page=page, follow_redirects=True,
                    headers=ID)
    assert "Pilih setidaknya satu orang untuk diundang." in response.get_data(as_text=True)
    assert session.query(OutboxMessage).count() == 1


def test_the_outbox_pages_and_searches_every_message(client, session):
    organisation, _round = a_round(client, session)
    for k in range(230):
        session.add(OutboxMessage(organisation_id=organisation.id, recipient=f"person{k}@x.org",
                                  subject=f"Undangan {k}", body="Halo", status="sent" if k % 10 else "failed"))
    session.commit()
    first = client.get("/hr/outbox", headers=ID).get_data(as_text=True)
    assert "Halaman 1 dari 5 (230 catatan)" in first and "person229@x.org" in first
    last = client.get("/hr/outbox?page=5").get_data(as_text=True)
    assert "person0@x.org" in last  # the oldest message, beyond the 200 shown before
    assert re.findall(r"→ (\S+@x\.org)", client.get("/hr/outbox?q=PERSON17@").get_data(as_text=True)) == [
        "person17@x.org"]
    failed = client.get("/hr/outbox?status=failed", headers=ID).get_data(as_text=True)
    assert "(23 catatan)" in failed
