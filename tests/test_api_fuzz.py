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

from survey.services import api_tokens, performance
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.reference import samsat
from tests.samsat_site import load_samsat_performance


@pytest.fixture
def api_token(session):
    """A token of an organisation whose scorecard has formula KPIs stored before formulas were checked:
    one whose value overflows, one that would stall for minutes, one that divides by zero."""
    organisation, version, round_ = launch(session)
    answer_everything(session, invitations(session, round_)[0])
    for element in version.elements:
        element.global_weight = samsat()["global_weights_published"].get(element.code, 1.0)
    load_samsat_performance(session, version)
    formulas = {"L1a": "9**3999", "L1b": "3999999**3999999+3999999**3999999", "L2a": "share(trained, staff - 65)"}
    for element in version.elements:
        element.formula = formulas.get(element.code, element.formula)
    session.commit()
    for code in formulas:  # the published actual cleared: the KPI is then scored by its formula
        performance.record_measurement(session, version, kpi=code, period="2010", target=100,
                                       inputs={"trained": 59, "staff": 65})
        performance.clear_value(session, version, kpi=code, period="2010", fact="actual", reason="by formula")
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
        if operation.path == "/api/scorecards/{version_id}/scores/{period}":  # the formula KPIs' period, surely
            scores = operation.Case(path_parameters={"version_id": 1, "period": "2010"})
            response = scores.call_and_validate(headers={"Authorization": f"Bearer {api_token}"},
                                                checks=[not_a_server_error, response_schema_conformance])
            assert response.status_code == 200 and len(response.json()["unscored"]) >= 3
    assert len(fuzzed) == len([r for r in app.url_map.iter_rules() if r.rule.startswith("/api/")]) - 1, fuzzed
