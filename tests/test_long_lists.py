"""One office of 500 people: the round page and the people list show a page of them at a time, searchable,
each page a small fraction of the 300 KB they were."""
from __future__ import annotations

import re

from survey.models import Person
from survey.services import rounds
from tests.samsat_site import build_samsat
from tests.web import sign_in

PEOPLE = 500
MOST_HTML = 100_000


def office_of_500(session):
    organisation, version = build_samsat(session, stakeholders=0)
    session.add_all([Person(organisation_id=organisation.id, name=f"Orang {k:03d}", email=f"orang{k}@dinas.go.id",
                            kind="stakeholder", unit="Pelayanan", role="Staf", weight=1.0) for k in range(PEOPLE)])
    session.commit()
    everyone = [p.id for p in session.query(Person).filter_by(organisation_id=organisation.id)]
    invited = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    rounds.invite(session, invited, everyone, {"SECRET_KEY": "s"})
    nobody_yet = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2011")
    return organisation, invited, nobody_yet


def names(page: str) -> list[str]:
    return sorted(set(re.findall(r"Orang \d{3}", page)))


def test_a_round_of_500_shows_its_counts_and_a_page_of_participants(client, session):
    organisation, round_, _ = office_of_500(session)
    sign_in(client, session, organisation.id)
    url = f"/hr/rounds/{round_.id}?lang=en"
    first = client.get(url)
    page = first.get_data(as_text=True)
    assert first.status_code == 200 and len(first.data) < MOST_HTML
    assert names(page) == [f"Orang {k:03d}" for k in range(50)] and "Page 1 of 10 (500 entries)" in page
    assert page.count("0 / 500 (0%)") == 4  # completed and opened, counted over everyone (text and bar)
    second = client.get(f"{url}&page=2").get_data(as_text=True)
    assert names(second) == [f"Orang {k:03d}" for k in range(50, 100)] and "Page 2 of 10" in second
    found = client.get(f"{url}&who=orang 321").get_data(as_text=True)
    assert names(found) == ["Orang 321"] and "Page 1 of 1 (1 entries)" in found
    last = client.get(f"{url}&page=99").get_data(as_text=True)  # past the end: the last page
    assert names(last) == [f"Orang {k:03d}" for k in range(450, 500)]
    for bad in ("abc", "0", "-1", "2.5", "²", "9" * 40):
        refused = client.get(f"{url}&page={bad}")
        assert refused.status_code == 400 and "No such page" in refused.get_data(as_text=True), bad


def test_the_invite_list_of_a_new_round_is_paged_too(client, session):
    organisation, _, new_round = office_of_500(session)
    sign_in(client, session, organisation.id)
    url = f"/hr/rounds/{new_round.id}?lang=id"
    first = client.get(url)
    assert first.status_code == 200 and len(first.data) < MOST_HTML
    assert names(first.get_data(as_text=True)) == [f"Orang {k:03d}" for k in range(50)]
    second = client.get(f"{url}&invite_page=3").get_data(as_text=True)
    assert names(second) == [f"Orang {k:03d}" for k in range(100, 150)] and "Halaman 3 dari 10" in second
    assert client.get(f"{url}&invite_page=x").status_code == 400


def test_the_people_list_of_500_is_paged_and_searchable(client, session):
    organisation, _, _ = office_of_500(session)
    sign_in(client, session, organisation.id)
    first = client.get("/hr/people?lang=id")
    page = first.get_data(as_text=True)
    assert first.status_code == 200 and len(first.data) < MOST_HTML
    assert names(page) == [f"Orang {k:03d}" for k in range(50)] and "Halaman 1 dari 10 (500 catatan)" in page
    assert names(client.get("/hr/people?page=10").get_data(as_text=True)) == [f"Orang {k:03d}" for k in range(450, 500)]
    assert names(client.get("/hr/people?q=ORANG%20007").get_data(as_text=True)) == ["Orang 007"]
    assert names(client.get("/hr/people?q=orang321@dinas").get_data(as_text=True)) == ["Orang 321"]
    nobody = client.get("/hr/people?q=100%25&lang=en").get_data(as_text=True)  # % is a character, not a wildcard
    assert names(nobody) == [] and "Nobody matches." in nobody
    assert client.get("/hr/people?page=dua").status_code == 400
