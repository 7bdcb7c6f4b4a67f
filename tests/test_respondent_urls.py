"""Every respondent address against every kind of round: a page a round's kind does not have is not there."""
from __future__ import annotations

import uuid

import pytest
from flask import url_for
from sqlalchemy import select

from survey.models import Invitation
from survey.services import answers, counters, people, questionnaires, rounds
from survey.services.errors import Invalid
from tests.helpers.attacks import methods
from tests.helpers.database import rows_in_every_table
from tests.samsat_site import build_samsat
from tests.web import csrf

KINDS = ("weighting", "self_report", "validation", "satisfaction", "rating")
QUESTIONNAIRES = {"self_report", "validation", "satisfaction"}
#: Which kinds of round each respondent page belongs to; a respondent page missing here fails the sweep.
PAGES = {"respond.welcome": set(KINDS), "respond.resume": set(KINDS), "respond.done": set(KINDS),
         "respond.cluster": {"weighting"}, "respond.reask": {"weighting"}, "respond.review": {"weighting"}, "respond.questionnaire": QUESTIONNAIRES,
         "respond.rate": {"rating"}}


@pytest.fixture
def invited(app, session):
    """One invitation to a round of each kind, each questionnaire with its questions from the scorecard."""
    organisation, version = build_samsat(session, stakeholders=0)
    person = people.add_person(session, organisation.id, name="Ani", email="ani@x.org")
    links = {}
    for kind in KINDS:
        round_ = rounds.create_round(session, organisation.id, version_id=version.id, title=kind, kind=kind)
        if kind in QUESTIONNAIRES:
            questionnaires.default_questions(session, round_)
        invitation, token = rounds.new_invitation(round_, person, app.config["SECRET_KEY"])
        session.add(invitation)
        session.commit()
        links[kind] = (invitation, token)
    return links


def whole_answer(session, invitation, endpoint) -> dict:
    """What a respondent would post on the page: every pair or question answered, a fresh submission key."""
    answer = {"submission": uuid.uuid4().hex, "role": "Kepala", "reason": "sure"}
    cluster = answers.cluster_by_key(session, invitation, "root")
    answer.update({f"p_{a.id}_{b.id}": "1" for a, b in cluster.pairs})
    answer.update({f"r_{element.id}": "5" for element in cluster.members})
    round_ = invitation.round
    if round_.kind in QUESTIONNAIRES:
        answer.update({f"q_{q.id}": "1" for q in questionnaires.questions(session, round_)})
    return answer


def state(session) -> tuple:
    """Every table's row count and every invitation's progress."""
    session.expire_all()
    progress = session.execute(select(Invitation.id, Invitation.opened_at, Invitation.completed_at)).all()
    return rows_in_every_table(session), sorted(progress)


def respondent_addresses(app, token):
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.rule.startswith("/r/"):
                url = url_for(rule.endpoint, **{name: {"token": token, "key": "root"}[name] for name in rule.arguments})
                yield rule.endpoint, url, methods(rule)


def test_every_respondent_address_of_another_kind_of_round_is_not_found_and_stores_nothing(
        app, client, session, invited):
    token = csrf(client, "/login")  # a session's token: the refusal must come from the kind
    before = state(session)
    swept = set()
    for kind, (invitation, link) in invited.items():
        for endpoint, url, verbs in respondent_addresses(app, link):
            assert endpoint in PAGES, f"{endpoint}: which kinds of round have this page?"
            if kind in PAGES[endpoint]:
                continue
            for method in verbs:
                data = {"csrf_token": token, **whole_answer(session, invitation, endpoint)} if method == "POST" else None
                response = client.open(url, method=method, data=data)
                assert response.status_code == 404, f"{kind}: {method} {url}"
                assert "Halaman tidak ditemukan" in response.get_data(as_text=True)  # the round's language
                swept.add((kind, endpoint, method))
    assert state(session) == before
    assert ("self_report", "respond.cluster", "POST") in swept and ("weighting", "respond.questionnaire", "POST") in swept
    # Every kind but weighting: cluster, re-ask and feedback review, GET and POST; weighting and rating: questions;
    # all but rating: rate.
    assert len(swept) == 4 * 4 + 2 * 2 + 4 * 2 + 4 * 2


def test_every_respondent_address_of_its_own_kind_of_round_is_there(app, client, session, invited):
    token = csrf(client, "/login")  # a session's token: the refusal must come from the kind
    for kind, (invitation, link) in invited.items():
        for endpoint, url, verbs in respondent_addresses(app, link):
            if kind not in PAGES[endpoint]:
                continue
            for method in verbs:
                data = {"csrf_token": token, **whole_answer(session, invitation, endpoint)} if method == "POST" else None
                assert client.open(url, method=method, data=data).status_code in (200, 302), f"{kind}: {method} {url}"


def test_a_self_report_cannot_be_completed_with_pairwise_answers(app, session, invited):
    invitation, _ = invited["self_report"]
    cluster = answers.cluster_by_key(session, invitation, "root")
    with pytest.raises(Invalid, match="does not ask these questions"):
        answers.submit_cluster(session, invitation, cluster, {(a.id, b.id): 1.0 for a, b in cluster.pairs}, "k-1")
    weighting, _ = invited["weighting"]
    with pytest.raises(Invalid, match="does not ask these questions"):
        questionnaires.submit_answers(session, weighting, {}, "k-2")
    session.expire_all()
    assert invitation.completed_at is None and weighting.completed_at is None


def test_a_self_report_respondent_posting_the_pairwise_page_is_not_marked_completed(app, client, session, invited):
    invitation, link = invited["self_report"]
    response = client.post(f"/r/{link}/c/root", data={"csrf_token": csrf(client, "/login"),
                                                      **whole_answer(session, invitation, "respond.cluster")})
    assert response.status_code == 404
    session.expire_all()
    assert invitation.completed_at is None and answers.status_of(invitation) == {}


def counter_addresses(app, token):
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.rule.startswith("/k/"):
                yield rule.endpoint, url_for(rule.endpoint, token=token), methods(rule)


def test_a_counter_address_takes_only_a_counter_devices_link_and_only_a_satisfaction_round_has_devices(
        app, client, session, invited):
    token = csrf(client, "/login")
    before = state(session)
    swept = set()
    for number, (kind, (invitation, link)) in enumerate(invited.items()):  # an invitation's link is no device's
        visitor = {"REMOTE_ADDR": f"10.5.0.{number + 1}"}  # each its own address: wrong links are slowed down
        for endpoint, url, verbs in counter_addresses(app, link):
            for method in verbs:
                data = {"csrf_token": token, **whole_answer(session, invitation, "respond.questionnaire")} \
                    if method == "POST" else None
                response = client.open(url, method=method, data=data, environ_base=visitor)
                assert response.status_code == 404, f"{kind}: {method} {url}"
                swept.add((endpoint, method))
        if kind != "satisfaction":
            with pytest.raises(Invalid, match="Only a satisfaction round"):
                counters.create_device(session, invitation.round, "Loket 1", None, "hr@x.org")
    after = state(session)
    after[0].pop("login_attempts"), before[0].pop("login_attempts")  # the wrong links counted, to slow guessing
    assert after == before
    assert swept == {("counter.kiosk", "GET"), ("counter.kiosk", "POST"), ("counter.thanks", "GET"),
                     ("counter.live", "GET")}
