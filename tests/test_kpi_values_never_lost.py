"""Nothing entered is lost: a KPI's target, actual and formula inputs are separate facts.

Offices type targets in January and actuals months later, through the form, an import, the API or the
IKM button. Whatever the order and whatever each entry leaves blank, each value is the last one entered
for it, and only the clearing act (confirmed, with a reason) erases one; the history shows every change.
"""
from __future__ import annotations

import io
import itertools

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from survey.render.numbers import format_number
from survey.services import api_tokens, kpi_values, performance, questionnaires, scorecards, skm
from tests.helpers import questionnaires as questionnaire_helpers
from tests.helpers.questionnaires import ANSWERS, answer, form_values, invite_person, skm_round
from tests.samsat_site import build_samsat
from tests.web import post

FORMULA_KPI = "C9z"
VALUE = st.one_of(st.none(), st.integers(0, 10**6).map(float), st.integers(0, 2000).map(lambda n: n / 4))
ENTRY = st.fixed_dictionaries({"target": VALUE, "actual": VALUE, "staff": VALUE})
STEP = st.one_of(
    st.tuples(st.sampled_from(["form", "import_csv", "import_xlsx", "api"]), ENTRY),
    st.tuples(st.just("ikm"), st.just({})),
    st.tuples(st.sampled_from(["clear", "clear_unconfirmed"]), st.sampled_from(["target", "actual", "input:staff"])),
)
periods = itertools.count()


@pytest.fixture
def office(app, client, session, monkeypatch):
    """An SKM round with an IKM, a formula KPI, an API token, and HR signed in (English page)."""
    def samsat_with_a_formula_kpi(session, stakeholders=3):
        organisation, version = build_samsat(session, stakeholders)
        scorecards.add_element(session, version, code=FORMULA_KPI, kind="kpi", name="Trained staff",
                               parent_code="C1", formula="staff / 2")
        return organisation, version

    monkeypatch.setattr(questionnaire_helpers, "build_samsat", samsat_with_a_formula_kpi)
    organisation, version, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    for name, scores in ANSWERS.items():
        _, token = invite_person(app, session, organisation, round_, name)
        answer(client, token, form_values(asked, scores))
    _, raw_token = api_tokens.create_token(session, organisation.id, "tests")
    return {"version": version, "round": round_, "token": raw_token,
            "ikm": skm.results(session, round_).result.converted}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # each step is a request: shrinking would take minutes
@given(steps=st.lists(STEP, min_size=1, max_size=8))
def test_each_value_is_the_last_one_entered_for_it_whatever_the_path_and_the_blanks(client, session, office, steps):
    number = next(periods)  # a new calendar month for each example
    version, period = office["version"], f"{2000 + number // 12}-{number % 12 + 1:02d}"
    expected: dict[str, dict[str, float]] = {"C1a": {}, FORMULA_KPI: {}}
    for path, entry in steps:
        kpi = "C1a" if path == "ikm" or "staff" not in entry else FORMULA_KPI
        if path in ("clear", "clear_unconfirmed"):
            kpi = FORMULA_KPI if entry == "input:staff" else "C1a"
            stored = expected[kpi].get(entry)
            response = clear(client, version, kpi, period, entry, confirmed=path == "clear")
            if path == "clear" and stored is not None:
                assert response.status_code == 302, response.get_data(as_text=True)
                del expected[kpi][entry]
            else:
                assert response.status_code == 400
        elif path == "ikm":
            page = f"/hr/rounds/{office['round'].id}/ikm"
            assert post(client, f"{page}/kpi?lang=en", {"kpi": kpi, "period": period}, page=page).status_code == 302
            expected[kpi]["actual"] = office["ikm"]
        else:
            given_values = {name: value for name, value in entry.items() if value is not None}
            if kpi == "C1a":
                given_values.pop("staff", None)
            response = ENTER[path](client, office, kpi, period, entry if kpi == FORMULA_KPI else
                                   {**entry, "staff": None})
            if not given_values and path == "form":
                assert response.status_code == 400  # nothing to save: said, and nothing written
            else:
                assert response.status_code in (201, 302), response.get_data(as_text=True)
            expected[kpi].update({name if name in ("target", "actual") else f"input:{name}": value
                                  for name, value in given_values.items()})
        assert stored_values(session, version, period) == expected, (path, entry)


def test_the_history_shows_who_changed_what_when_and_why_and_the_clearing_act(client, session, office):
    version = office["version"]
    # typed as offices write it, stored as the calendar's code
    assert enter_by_form(client, office, "C1a", "2026/TW 2", {"target": 100.0, "actual": None}).status_code == 302
    assert enter_by_form(client, office, "C1a", "2026-Q2", {"target": None, "actual": 95.5},
                         note="Data dari loket").status_code == 302
    assert enter_by_form(client, office, "C1a", "2026-Q2", {"target": 110.0, "actual": None},
                         note="Revisi PK").status_code == 302
    assert clear(client, version, "C1a", "2026-Q2", "actual", confirmed=True, reason="Salah ketik").status_code == 302
    page = client.get(values_url(version, "C1a", "2026-Q2") + "?lang=id").get_data(as_text=True)
    assert "Revisi PK" in page and "Salah ketik" in page and "Data dari loket" in page and "95,5" in page
    kpi = performance.kpis(session, version)["C1a"]
    changes = kpi_values.changes(session, kpi.id, "2026-Q2")
    assert [(c.fact, c.old, c.new, c.note) for c in changes] == [
        ("actual", 95.5, None, "Salah ketik"), ("target", 100.0, 110.0, "Revisi PK"),
        ("actual", None, 95.5, "Data dari loket"), ("target", None, 100.0, "")]
    assert {c.entered_by for c in changes} == {"hr@example.org"}


def test_clearing_needs_a_reason_and_a_stored_value_and_writes_nothing_otherwise(client, session, office):
    version = office["version"]
    enter_by_form(client, office, "C1a", "2010", {"target": 100.0, "actual": 90.0})
    rows = len(performance.history(session, performance.kpis(session, version)["C1a"], "2010"))
    assert clear(client, version, "C1a", "2010", "actual", confirmed=True, reason="").status_code == 400
    assert clear(client, version, "C1a", "2010", "input:staff", confirmed=True).status_code == 400
    assert clear(client, version, "C1a", "2010", "actual", confirmed=False).status_code == 400
    assert len(performance.history(session, performance.kpis(session, version)["C1a"], "2010")) == rows
    assert stored_values(session, version, "2010")["C1a"] == {"target": 100.0, "actual": 90.0}


def test_an_equal_value_is_not_written_again_and_an_import_of_blanks_changes_nothing(client, session, office):
    version = office["version"]
    enter_by_form(client, office, "C1a", "2010", {"target": 100.0, "actual": 90.0})
    kpi = performance.kpis(session, version)["C1a"]
    rows = len(performance.history(session, kpi, "2010"))
    assert enter_by_import(client, office, "C1a", "2010", {"target": 100.0, "actual": None}, "csv").status_code == 302
    assert enter_by_import(client, office, "C1a", "2010", {"target": None, "actual": None}, "xlsx").status_code == 302
    assert enter_by_api(client, office, "C1a", "2010", {"target": 100.0, "actual": 90.0}).get_json() == {"changed": 0}
    assert len(performance.history(session, kpi, "2010")) == rows


def test_the_api_refuses_a_number_written_as_text_and_writes_nothing(client, session, office):
    response = client.post(f"/api/scorecards/{office['version'].id}/measurements",
                           json=[{"kpi": "C1a", "period": "2010", "target": 100},
                                 {"kpi": "C1a", "period": "2010", "actual": "90"}],
                           headers={"Authorization": f"Bearer {office['token']}"})
    assert response.status_code == 422 and "1" in response.get_json()["errors"]
    assert stored_values(session, office["version"], "2010") == {"C1a": {}, FORMULA_KPI: {}}


# The paths a value comes in by -------------------------------------------------------------------------------

def enter_by_form(client, office, kpi, period, entry, note=""):
    page = f"/hr/versions/{office['version'].id}/performance?lang=en"
    fields = {"m-kpi": kpi, "m-period": period, "m-note": note,
              "m-target": _typed(entry.get("target")), "m-actual": _typed(entry.get("actual")),
              "m-inputs": "" if entry.get("staff") is None else f"staff = {_typed(entry['staff'])}"}
    return post(client, page, fields)


def enter_by_import(client, office, kpi, period, entry, fmt):
    import pandas as pd
    row = {"kpi": kpi, "period": period, "target": entry.get("target"), "actual": entry.get("actual")}
    if entry.get("staff") is not None:
        row["staff"] = entry["staff"]
    frame = pd.DataFrame([row])
    content = io.BytesIO()
    if fmt == "csv":
        content.write(frame.to_csv(index=False, sep=";").encode())
    else:
        frame.to_excel(content, index=False)
    page = f"/hr/versions/{office['version'].id}/performance?lang=en"
    return post(client, f"/hr/versions/{office['version'].id}/performance/import?lang=en",
                {"file": (io.BytesIO(content.getvalue()), f"data.{fmt}"), "number_format": "en"}, page=page,
                content_type="multipart/form-data")


def enter_by_api(client, office, kpi, period, entry):
    body = {"kpi": kpi, "period": period, "target": entry.get("target"), "actual": entry.get("actual")}
    if entry.get("staff") is not None:
        body["inputs"] = {"staff": entry["staff"]}
    return client.post(f"/api/scorecards/{office['version'].id}/measurements", json=[body],
                       headers={"Authorization": f"Bearer {office['token']}"})


ENTER = {"form": enter_by_form, "api": enter_by_api,
         "import_csv": lambda c, o, k, p, e: enter_by_import(c, o, k, p, e, "csv"),
         "import_xlsx": lambda c, o, k, p, e: enter_by_import(c, o, k, p, e, "xlsx")}


def clear(client, version, kpi, period, fact, confirmed, reason="Typed into the wrong period"):
    url = values_url(version, kpi, period) + "?lang=en"
    return post(client, url, {"fact": fact, "reason": reason, **({"confirm": "y"} if confirmed else {})})


def values_url(version, kpi, period):
    return f"/hr/versions/{version.id}/performance/{kpi}/values/{period}"


def stored_values(session, version, period) -> dict[str, dict[str, float]]:
    session.expire_all()
    known = performance.kpis(session, version)
    current = performance.current_measurements(session, version)
    return {code: {fact: entry.value for fact, entry in
                   current.get((known[code].id, period), kpi_values.CurrentValues()).facts.items()}
            for code in ("C1a", FORMULA_KPI)}


def _typed(value) -> str:
    return "" if value is None else format_number(value, "measure", "en").replace(",", "")
