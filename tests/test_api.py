"""The JSON API: bearer tokens, organisation scoping, results equal to the site's, all-or-nothing imports."""
import pytest

from survey.models import Invitation, OutboxMessage, Person
from survey.services import accounts, api_tokens, results
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.samsat_site import build_samsat
from tests.web import post, sign_in


@pytest.fixture
def api(client, session):
    organisation, version, round_ = launch(session)
    answer_everything(session, invitations(session, round_)[0])
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")

    def call(method, path, **kwargs):
        return client.open(path, method=method, headers={"Authorization": f"Bearer {raw}"}, **kwargs)
    call.organisation, call.version, call.round = organisation, version, round_
    return call


def test_every_call_needs_a_valid_token_and_wrong_ones_are_slowed_down(client, api):
    assert client.get("/api/rounds").status_code == 401
    assert client.get("/api/rounds", headers={"Authorization": "Bearer nrc_wrong"}).status_code == 401
    for _ in range(19):
        client.get("/api/rounds", headers={"Authorization": "Bearer nrc_wrong"})
    assert client.get("/api/rounds", headers={"Authorization": "Bearer nrc_wrong"}).status_code == 429
    assert client.get("/api/openapi.json").status_code == 200  # the description is public


def test_results_through_the_api_equal_the_sites(api, session):
    body = api("GET", f"/api/rounds/{api.round.id}/results").get_json()
    outcome = results.results(session, api.round)
    root = next(c for c in body["clusters"] if c["cluster"] == "root")
    assert root["weights"] == pytest.approx(list(outcome.clusters[0].weights))
    assert sum(w for code, w in body["global_weights"].items() if len(code) == 3) == pytest.approx(1)
    assert api("GET", f"/api/rounds/{api.round.id}/progress").get_json()["completed"] == 1
    tree = api("GET", f"/api/scorecards/{api.version.id}").get_json()
    assert [e["code"] for e in tree["elements"]][:3] == ["F", "F1", "F1a"]


def test_another_organisations_data_is_not_found_through_the_api(api, session, client):
    other = accounts.create_organisation(session, "Other")
    _, raw = api_tokens.create_token(session, other.id, "Other HRIS")
    headers = {"Authorization": f"Bearer {raw}"}
    for path in (f"/api/rounds/{api.round.id}/results", f"/api/rounds/{api.round.id}/progress",
                 f"/api/scorecards/{api.version.id}"):
        assert client.get(path, headers=headers).status_code == 404
    assert client.get("/api/rounds", headers=headers).get_json() == []


def test_participants_are_added_and_invited_or_nothing_is_written(api, session):
    path = f"/api/rounds/{api.round.id}/participants"
    bad = [{"name": "Dewi", "email": "dewi@x.org"}, {"name": "", "email": "not-an-email"}]
    response = api("POST", path, json=bad)
    assert response.status_code == 422 and "row 3" in response.get_json()["errors"]
    assert session.query(Person).filter_by(email="dewi@x.org").count() == 0
    good = [{"name": "Dewi", "email": "dewi@x.org", "unit": "Pelayanan"}, {"name": "Stakeholder 0", "email": "s0@example.org"}]
    response = api("POST", path, json=good)
    assert response.status_code == 201 and response.get_json() == {"added": 1, "invited": 1}
    assert session.query(Invitation).filter_by(round_id=api.round.id).count() == 4
    dewi = session.query(OutboxMessage).filter_by(recipient="dewi@x.org").one()
    assert dewi.status == "kept"  # handed to delivery (no SMTP here: kept for HR), not left queued
    assert api("POST", path, json={"not": "a list"}).status_code == 422


def test_the_openapi_description_lists_every_route(app, client):
    document = client.get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    routes = {r.rule.replace("<int:", "{").replace("<path:", "{").replace("<", "{").replace(">", "}") for r in app.url_map.iter_rules()
              if r.rule.startswith("/api/")}
    assert routes == set(document["paths"])


def test_an_administrator_makes_and_revokes_tokens_in_the_site(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id, role="admin")
    page = post(client, "/hr/api-tokens", {"name": "SIMPEG"})
    raw = page.get_data(as_text=True).split("<code>")[1].split("</code>")[0]
    assert client.get("/api/rounds", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
    token = api_tokens.tokens(session, organisation.id)[0]
    post(client, f"/hr/api-tokens/{token.id}/revoke", {}, page="/hr/api-tokens")
    assert client.get("/api/rounds", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_a_participant_with_only_a_phone_is_added_and_invited_without_a_message(api, session):
    path = f"/api/rounds/{api.round.id}/participants"
    response = api("POST", path, json=[{"name": "Siti", "phone": "0812-3456-7890"}])
    assert response.status_code == 201 and response.get_json() == {"added": 1, "invited": 1}
    siti = session.query(Person).filter_by(phone="+6281234567890").one()
    invitation = session.query(Invitation).filter_by(round_id=api.round.id, person_id=siti.id).one()
    assert session.query(OutboxMessage).filter_by(invitation_id=invitation.id).count() == 0
    again = api("POST", path, json=[{"name": "Siti", "phone": "+62 812 3456 7890"}])  # known by her phone
    assert again.status_code == 201 and again.get_json() == {"added": 0, "invited": 0}
    assert api("POST", path, json=[{"name": "Nobody"}]).status_code == 422
