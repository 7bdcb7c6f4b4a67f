"""Input that used to get through: formulas that overflow or stall, oversized uploads, spreadsheet formulas
hidden behind a separator, control characters in names, names too long for a printed page."""
from __future__ import annotations

import time

import pandas as pd
import pytest
from sqlalchemy import func, select

from survey.models import Element
from survey.services import api_tokens, performance, scorecards
from survey.services.errors import Invalid
from tests.reference import samsat
from tests.samsat_site import build_samsat
from tests.test_site_samsat import ladder_rows, measurement_rows
from tests.web import post, sign_in

OVERFLOWING = "9**3999"
STALLING = "3999999**3999999+3999999**3999999"


@pytest.fixture
def scored(session):
    """SAMSAT with its published weights, 2009-2010 data and 2010 ladders: an office scorecard to read."""
    organisation, version = build_samsat(session, stakeholders=0)
    for element in version.elements:
        element.global_weight = samsat()["global_weights_published"].get(element.code, 1.0)
    performance.import_measurements(session, version, pd.DataFrame(measurement_rows()))
    performance.import_ladders(session, version, pd.DataFrame(ladder_rows()).astype(str).replace("nan", ""))
    return organisation, version


def store_formula_unchecked(session, version, expression):
    """L1a computed by ``expression`` from this period's inputs, written as a database from before the checks
    holds it."""
    kpi = session.scalar(select(Element).where(Element.version_id == version.id, Element.code == "L1a"))
    kpi.formula = expression
    session.commit()
    performance.record_measurement(session, version, kpi="L1a", period="2010", target=100,
                                   inputs={"trained": 59, "staff": 65})


@pytest.mark.parametrize("expression", [OVERFLOWING, STALLING, "staff ** (trained * 2)", "(staff * 1e300) ** 2",
                                        "1e308 * 10 + trained",
                                        "share(trained, staff - 65)", "trained ** 0.5 * (0 - 1) ** 0.5"])
def test_a_stored_formula_that_overflows_or_stalls_leaves_the_scorecard_readable(client, session, scored,
                                                                                  expression):
    organisation, version = scored
    store_formula_unchecked(session, version, expression)
    sign_in(client, session, organisation.id)
    started = time.perf_counter()
    for language, says in (("en", "L1a: cannot be scored:"), ("id", "L1a: tidak dapat dinilai:")):
        page = client.get(f"/hr/versions/{version.id}/scorecard/2010?lang={language}")
        assert page.status_code == 200 and says in page.get_data(as_text=True)
    for fmt in ("html", "pdf", "csv"):
        assert client.get(f"/hr/reports/office/{version.id}/2010.{fmt}").status_code == 200
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    answer = client.get(f"/api/scorecards/{version.id}/scores/2010", headers={"Authorization": f"Bearer {raw}"})
    assert answer.status_code == 200
    assert [kpi["performance"] for kpi in answer.json["kpis"] if kpi["code"] == "L1a"] in ([], [None])
    assert [problem for problem in answer.json["unscored"] if problem.startswith("L1a: cannot be scored:")]
    assert time.perf_counter() - started < 10  # pages and a PDF; the stalling formula alone took 87 s


def test_a_stalling_formula_evaluates_into_a_reason_in_well_under_a_second():
    from analysis.indicators import Formula
    from analysis.messages import InputError
    formula = Formula(STALLING, frozenset())  # as stored, never parsed by today's checks
    started = time.perf_counter()
    with pytest.raises(InputError, match="exponent 3999999 is larger than 100"):
        formula.evaluate({})
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("expression, says", [
    (OVERFLOWING, "the exponent 3999 is larger than 100"), (STALLING, "the exponent 3999999 is larger than 100"),
    ("staff ** (9 ** 9)", "the exponent 387420489 is larger than 100"),
    ("share(trained, staff) + " * 13 + "1", "300 characters"),
    ("open(staff)", "unknown function(s) ['open']"), ("share(trained,", "is not a valid expression")])
def test_a_formula_that_cannot_be_computed_is_refused_when_saved_in_the_form_and_the_import(
        client, session, scored, expression, says):
    organisation, version = scored
    session.commit()
    sign_in(client, session, organisation.id)
    before = session.scalar(select(func.count()).select_from(Element))
    page = f"/hr/versions/{version.id}"
    response = post(client, f"{page}/elements?lang=en", {"code": "X1", "kind": "kpi", "parent_code": "L1",
                                                         "name": "Trained", "better": "higher", "formula": expression},
                    page=page)
    assert response.status_code == 400 and says in response.get_data(as_text=True).replace("&#39;", "'")
    with pytest.raises(Invalid) as refused:
        scorecards.import_scorecard(session, version, pd.DataFrame(
            [{"code": "X2", "kind": "kpi", "parent": "L1", "name": "Ok", "formula": "share(trained, staff)"},
             {"code": "X3", "kind": "kpi", "parent": "L1", "name": "Bad", "formula": expression}]))
    assert list(refused.value.errors) == ["row 3"] and says in refused.value.errors["row 3"]
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Element)) == before


def test_a_refused_formula_is_explained_in_the_pages_language(client, session, scored):
    organisation, version = scored
    session.commit()
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}"
    response = post(client, f"{page}/elements?lang=id", {"code": "X1", "kind": "kpi", "parent_code": "L1",
                                                         "name": "Trained", "better": "higher",
                                                         "formula": OVERFLOWING}, page=page)
    assert response.status_code == 400 and "pangkat 3999 lebih besar dari 100" in response.get_data(as_text=True)
