"""Personal data only for the roles holding the "personal" right (README "Roles", SECURITY.md): a demo-like
office crawled as each role, every page reachable from the dashboard and every export address.

Personal data: a participant's name with their email or phone, their raw judgments and ratings, their CR
per page, the reasons they typed, the SKM's suggestions and each person's results. Roles without the right
read aggregates only (progress counts, group weights, group CR).
"""
from __future__ import annotations

import itertools
import uuid

import pytest
from sqlalchemy import select

from survey.render.numbers import format_number
from survey import demo
from survey.models import Organisation, OutboxMessage, Person, Round
from survey.services import answers, people, questionnaires, ratings, rounds
from tests.test_indonesian_everywhere import crawl, table_text
from tests.web import sign_in

PERSONAL = {"admin", "hr"}  # written by hand from the README, not read from survey/rights.py
#: Neither PDFs (printed from the HTML twin the crawl reads) nor pages that leave the signed-in site.
SKIPPED = ("/logout", "/static/", "/lang/", ".pdf", "/health", "/api/", "/p/", "/r/")
#: Every test crawls the English demo, loaded once per session (tests/conftest.py demo_templates).
pytestmark = pytest.mark.demo("en")


@pytest.fixture
def office(app, session, tmp_path):
    """The English demo (a weighting round with a kept reason and per-person CR, a public SKM with
    suggestions), its people given phones, and a rating, a self-report and a validation round with answers,
    a participant removed and an email that failed."""
    demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "password",
              language="en")
    organisation = session.scalar(select(Organisation))
    phones = (f"+6281299900{n:03d}" for n in itertools.count(1))
    weighting = session.scalar(select(Round).where(Round.kind == "weighting"))
    for person in people.people(session, organisation.id):
        person.phone = next(phones)
    by_phone = people.add_person(session, organisation.id, name="Wayan Tanpa Surel", phone=next(phones))
    session.add(rounds.new_invitation(weighting, by_phone, "test")[0])
    removed = people.add_person(session, organisation.id, name="Dewi Keluar", email="dewi@samsat.demo",
                                phone=next(phones))
    invitation = rounds.new_invitation(weighting, removed, "test")[0]
    session.add(invitation)
    session.flush()
    rounds.remove_participant(session, weighting, invitation.id)
    failed = session.scalars(select(OutboxMessage).where(OutboxMessage.round_id == weighting.id)).first()
    failed.status, failed.error = "failed", "mailbox unavailable"
    _rated(session, organisation, weighting.version_id, next(phones))
    for kind, name in (("self_report", "Sari Pegawai"), ("validation", "Bayu Penilai")):
        _answered(session, organisation, weighting.version_id, kind, name, next(phones))
    session.commit()
    kept = next(p for p in rounds.progress(session, weighting).participants if p.flagged)
    return {"organisation": organisation, "weighting": weighting,
            "cr": format_number(kept.cluster_cr["root"], "ratio", "en")}


def _person(session, organisation, name, phone):
    slug = name.split()[0].lower()
    return people.add_person(session, organisation.id, name=name, email=f"{slug}@samsat.demo", phone=phone,
                             kind="employee")


def _rated(session, organisation, version_id, phone):
    round_ = rounds.create_round(session, organisation.id, version_id=version_id, title="Direct rating 2010",
                                 kind="rating", period="2010")
    invitation = rounds.new_invitation(round_, _person(session, organisation, "Rina Perating", phone), "test")[0]
    session.add(invitation)
    session.flush()
    for cluster in answers.questionnaire(session, invitation):
        given = {member.id: float(3 + position % 5) for position, member in enumerate(cluster.members)}
        ratings.submit_ratings(session, invitation, cluster, given, uuid.uuid4().hex)


def _answered(session, organisation, version_id, kind, name, phone):
    round_ = rounds.create_round(session, organisation.id, version_id=version_id, title=f"Round {kind}",
                                 kind=kind, period="2010")
    questionnaires.default_questions(session, round_)
    invitation = rounds.new_invitation(round_, _person(session, organisation, name, phone), "test")[0]
    session.add(invitation)
    session.flush()
    given = {q.id: "80" if q.kind == "number" else "1" for q in questionnaires.questions(session, round_)}
    questionnaires.submit_answers(session, invitation, given, uuid.uuid4().hex)


def personal_data(session) -> dict[str, list[str]]:
    """What no page of a role without "personal" may show, by kind."""
    listed = [p for p in session.scalars(select(Person)) if p.email or p.phone]
    words = demo.WORDS["en"]
    return {"name": [p.name for p in listed], "email": [p.email for p in listed if p.email],
            "phone": [p.phone for p in listed if p.phone], "reason": [words["reason"]],
            "suggestion": words["suggestions"]}


def export_addresses(app, session) -> list[str]:
    """Every report and export address of the office: each round, table and format."""
    from flask import url_for
    offices_rounds = list(session.scalars(select(Round)))
    values = {"round_id": [r.id for r in offices_rounds], "version_id": [offices_rounds[0].version_id],
              "table": ["judgments", "matrices", "weights", "ratings", "answers", "unsur"],
              "fmt": ["csv", "xlsx", "html"],
              "period": ["2010"]}
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or not (rule.endpoint.startswith("reports.") or "export" in rule.endpoint):
                continue
            names = sorted(rule.arguments | {"fmt"})
            if not set(names) <= set(values):
                continue
            for chosen in itertools.product(*(values[name] for name in names)):
                try:
                    found.append(url_for(rule.endpoint, **dict(zip(names, chosen))))
                except ValueError:  # a format the address does not take (a PK is docx, html or pdf)
                    continue
    return found


def crawled_as(app, session, organisation, role) -> dict[str, str]:
    client = app.test_client()
    sign_in(client, session, organisation.id, email=f"{role}.staff@samsat.demo", role=role)
    client.get("/lang/en")  # the words the assertions look for
    texts = crawl(client, ["/hr/"], skipped=SKIPPED)  # every link shown leads somewhere the role may go
    texts.update(crawl(client, export_addresses(app, session), skipped=SKIPPED, statuses=(200, 302, 403, 404)))
    return texts


@pytest.mark.parametrize("role", ["viewer", "kpi_owner"])
def test_a_role_without_the_personal_right_reads_no_participant_nor_their_answers(app, session, office, role):
    texts = crawled_as(app, session, office["organisation"], role)
    assert any("ratings" in url for url in texts) and any("/hr/rounds/" in url for url in texts)
    found = [f"{url}: {kind} {value!r}" for url, text in texts.items()
             for kind, values in personal_data(session).items() for value in values if value in text]
    round_page = texts[f"/hr/rounds/{office['weighting'].id}"]
    found += [f"round page: {words!r}" for words in ("CR per cluster", "kept inconsistent") if words in round_page]
    assert found == [], "\n".join(found)
    assert "Progress" in round_page and "Completed" in round_page  # the counts stay


@pytest.mark.parametrize("role", sorted(PERSONAL))
def test_hr_and_admins_still_read_every_participant_and_their_answers(app, session, office, role):
    texts = crawled_as(app, session, office["organisation"], role)
    everything = "\n".join(texts.values())
    missing = [f"{kind} {value!r}" for kind, values in personal_data(session).items() for value in values
               if value not in everything]
    assert missing == []
    round_page = texts[f"/hr/rounds/{office['weighting'].id}"]
    assert "CR per cluster" in round_page and office["cr"] in round_page


def signed_in(app, session, office, role):
    client = app.test_client()
    sign_in(client, session, office["organisation"].id, email=f"{role}.staff@samsat.demo", role=role)
    client.get("/lang/en")
    return client


def rating_round(session) -> Round:
    return session.scalar(select(Round).where(Round.kind == "rating"))


@pytest.mark.parametrize("role, status", [("viewer", 403), ("kpi_owner", 403), ("hr", 200), ("admin", 200)])
def test_raw_ratings_are_each_raters_answers(app, session, office, role, status):
    client = signed_in(app, session, office, role)
    round_id = rating_round(session).id
    for fmt in ("csv", "xlsx"):
        response = client.get(f"/hr/reports/weighting/{round_id}/ratings.{fmt}")
        assert response.status_code == status
        assert status == 403 or "Rina Perating" in table_text(response)
    assert client.get(f"/hr/reports/weighting/{round_id}/weights.csv").status_code == 200  # the group's
    results = client.get(f"/hr/rounds/{round_id}/results").get_data(as_text=True)
    assert ("ratings.csv" in results) == (status == 200)  # no link to what the role may not open


@pytest.mark.parametrize("role", ["viewer", "kpi_owner"])
def test_the_people_list_and_its_export_are_for_those_who_invite(app, session, office, role):
    client = signed_in(app, session, office, role)
    for url in ("/hr/people", "/hr/people/export?fmt=csv", "/hr/people/export?fmt=xlsx"):
        assert client.get(url).status_code == 403
        assert client.head(url).status_code == 403
    assert "/hr/people" not in client.get("/hr/").get_data(as_text=True)


def test_hr_reads_the_people_list_with_emails_and_phones(app, session, office):
    client = signed_in(app, session, office, "hr")
    listed = client.get("/hr/people/export?fmt=csv").get_data(as_text=True)
    assert "kasi@samsat.demo" in listed and "Wayan Tanpa Surel" in listed and "+6281299900" in listed


def test_a_reader_sees_a_rounds_progress_but_not_who_is_in_it(app, session, office):
    client = signed_in(app, session, office, "viewer")
    page = client.get(f"/hr/rounds/{office['weighting'].id}").get_data(as_text=True)
    assert "Progress" in page and "shown to HR only" in page
    for personal in ("kasi@samsat.demo", "Head of the Service Section", "Dewi Keluar", "+6281299900",
                     "mailbox unavailable", "CR per cluster", demo.WORDS["en"]["reason"]):
        assert personal not in page, personal


def test_a_readers_weighting_report_names_nobody(app, session, office):
    client = signed_in(app, session, office, "viewer")
    report = client.get(f"/hr/reports/weighting/{office['weighting'].id}.html").get_data(as_text=True)
    results = client.get(f"/hr/rounds/{office['weighting'].id}/results").get_data(as_text=True)
    for page in (report, results):
        assert "Head of the Service Section" not in page and demo.WORDS["en"]["reason"] not in page
        assert "Local and global weights" in page or "Global weights" in page
    assert "judgments.csv" not in results and "weights.csv" in results


def test_a_reader_counts_the_verdicts_of_a_validation_round_without_names(app, session, office):
    validation = session.scalar(select(Round).where(Round.kind == "validation"))
    viewer = signed_in(app, session, office, "viewer")
    page = viewer.get(f"/hr/rounds/{validation.id}/results").get_data(as_text=True)
    assert "1 of 1 respondents find the scorecard valid." in page and "Bayu Penilai" not in page
    hr = signed_in(app, session, office, "hr")
    assert "Bayu Penilai" in hr.get(f"/hr/rounds/{validation.id}/results").get_data(as_text=True)
