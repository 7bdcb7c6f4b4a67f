"""The defects an attacker's test of the site found (issue 24), each shown fixed."""
from survey.services import api_tokens
from tests.test_services_weighting import launch


def _api(client, session):
    organisation, version, round_ = launch(session)
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")

    def call(method, path, **kwargs):
        return client.open(path, method=method, headers={"Authorization": f"Bearer {raw}"}, **kwargs)
    call.organisation, call.version, call.round = organisation, version, round_
    return call


def test_deeply_nested_json_is_a_bad_request_not_a_crash(client, session):
    api = _api(client, session)
    path = f"/api/rounds/{api.round.id}/participants"
    for depth in (401, 5000, 100_000):
        response = api("POST", path, data="[" * depth + "]" * depth, content_type="application/json")
        assert response.status_code == 400, depth
        assert "nested deeper than 400" in response.get_json()["error"]
    # Brackets inside a string are text, not nesting; 400 levels are still parsed (and refused as no list of people).
    response = api("POST", path, json=[{"name": "[" * 5000, "email": "a@x.org"}])
    assert response.status_code != 400
    response = api("POST", path, data="[" * 400 + "]" * 400, content_type="application/json")
    assert response.status_code == 422
