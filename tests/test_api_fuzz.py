"""The JSON API fuzzed by schemathesis against its own OpenAPI description: no input makes a server error,
and every answer matches what the description promises (status codes, content types, response schemas)."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from survey.services import api_tokens
from tests.test_services_weighting import answer_everything, invitations, launch


@pytest.fixture
def api_token(session):
    organisation, _, round_ = launch(session)
    answer_everything(session, invitations(session, round_)[0])
    return api_tokens.create_token(session, organisation.id, "Fuzzer")[1]


def test_the_api_holds_to_its_description_whatever_it_is_sent(app, api_token):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    fuzzed = []
    for found in schema.get_all_operations():
        operation = found.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def fuzz(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {api_token}"},
                                   checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                           response_schema_conformance])

        fuzz()
        fuzzed.append(operation.label)
    assert len(fuzzed) == len([r for r in app.url_map.iter_rules() if r.rule.startswith("/api/")]) - 1, fuzzed
