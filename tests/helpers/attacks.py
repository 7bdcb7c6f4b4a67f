"""Organisation A with every kind of object, and every address of the site with its methods."""
from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from survey.models import Influence, Organisation, StrategyArrow
from survey.services import accounts, api_tokens, counters, jobs, people, public, questionnaires, rounds, skm
from tests.helpers.database import restore_rows, rows_of
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.reference import samsat
from tests.samsat_site import load_samsat_performance

SECRET = "test"


#: The estate as the first test of this process (xdist worker) built it: its database's rows and what the
#: fixture returned, a stored object by its class and primary key.
BUILT: dict[str, tuple] = {}


@pytest.fixture
def estate(session):
    """Organisation A with something behind every kind of address: versions, both kinds of round, a report
    job, an API token, an invitation link. Built through the services once per process (0.3 s on SQLite,
    0.45 s on PostgreSQL, for some 80 tests); every later test gets its rows written back into its empty
    database (tests/helpers/database.py restore_rows) and the same objects read from them."""
    url = session.get_bind().url.render_as_string(hide_password=False)
    if "estate" in BUILT:
        rows, returned = BUILT["estate"]
        restore_rows(url, rows)
        return {name: session.get(*value[1:]) if isinstance(value, tuple) and value[:1] == ("stored",) else value
                for name, value in returned.items()}
    assert session.scalar(select(func.count()).select_from(Organisation)) == 0, "the estate starts an empty database"
    built = _build_estate(session)
    BUILT["estate"] = rows_of(url), {name: ("stored", type(value), inspect(value).identity)
                                     if hasattr(value, "__table__") else value for name, value in built.items()}
    return built


def _build_estate(session) -> dict:
    organisation, version, weighting = launch(session)
    answer_everything(session, invitations(session, weighting)[0])
    for element in version.elements:  # the office scorecard of 2010, as published
        element.global_weight = samsat()["global_weights_published"].get(element.code, 1.0)
    load_samsat_performance(session, version)
    self_report = rounds.create_round(session, organisation.id, version_id=version.id, title="Pegawai",
                                      kind="self_report", period="2010")
    question = questionnaires.add_question(session, self_report, kind="number", text="Training", kpi="L1a",
                                           minimum=0, maximum=100)
    employee = people.add_person(session, organisation.id, name="Ani", email="ani@x.org", kind="employee")
    invitation, link_token = rounds.new_invitation(self_report, employee, SECRET)
    session.add(invitation)
    session.flush()
    questionnaires.submit_answers(session, invitation, {question.id: "90"}, "ani-1")
    stakeholder = people.add_person(session, organisation.id, name="Budi", email="budi@x.org")
    weighting_invitation, weighting_token = rounds.new_invitation(weighting, stakeholder, SECRET)
    session.add(weighting_invitation)
    rating = rounds.create_round(session, organisation.id, version_id=version.id, title="Rating", kind="rating")
    rating_invitation, rating_token = rounds.new_invitation(rating, stakeholder, SECRET)
    session.add(rating_invitation)
    job = jobs.queue_personal_report(session, self_report, "id", "hr@a.org")
    satisfaction = rounds.create_round(session, organisation.id, version_id=version.id, title="SKM 2010",
                                       kind="satisfaction", period="2010")
    skm.create_questionnaire(session, satisfaction, "Pajak kendaraan")
    visitor, _ = rounds.new_invitation(satisfaction, employee, SECRET)
    session.add(visitor)
    session.flush()
    questionnaires.submit_answers(session, visitor, {q.id: "0" for q in questionnaires.questions(session, satisfaction)
                                                     if q.kind == "choice"}, "ani-skm")
    device, device_token = counters.create_device(session, satisfaction, "Loket 1", 1, "hr@a.org")  # a kiosk
    token, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    colleague = accounts.create_user(session, organisation.id, "colleague@a.org", "Colleague", "x" * 12, role="hr")
    objectives = [e for e in version.elements if e.kind == "objective"]
    influence = Influence(version_id=version.id, source_id=objectives[0].id, target_id=objectives[1].id)
    arrow = StrategyArrow(version_id=version.id, cause_id=objectives[0].id, effect_id=objectives[1].id)
    session.add_all([influence, arrow])
    counter = rounds.create_round(session, organisation.id, version_id=version.id, title="Kepuasan",
                                  kind="satisfaction", period="2010")
    questionnaires.default_questions(session, counter)
    public.make_public(session, counter, None, "hr@a.org")  # its /p/<slug> page answers anyone
    session.commit()
    return {"organisation": organisation, "version": version, "weighting": weighting, "self_report": self_report,
            "satisfaction": satisfaction, "slug": counter.public_slug,
            "job": job, "token": token, "raw": raw, "link": link_token, "weighting_link": weighting_token,
            "rating_link": rating_token,
            "user": colleague, "person": stakeholder, "invitation": weighting_invitation, "influence": influence,
            "arrow": arrow, "device": device, "device_token": device_token}


SKM_ENDPOINTS = ("hr.skm_questionnaire", "hr.ikm_page", "hr.ikm_population", "hr.ikm_to_kpi", "reports.ikm",
                 "reports.ikm_export", "hr.counter_devices", "hr.revoke_counter_device", "hr.ikm_period",
                 "hr.ikm_follow_up", "hr.ikm_follow_up_progress")


def address(app, rule, estate) -> str:
    """The rule's address filled with organisation A's objects."""
    endpoint = rule.endpoint
    round_ = estate["self_report"] if endpoint in ("reports.personal", "reports.personal_job") else estate["weighting"]
    if endpoint in SKM_ENDPOINTS:
        round_ = estate["satisfaction"]
    # Each respondent page is for its kind of round: pairwise pages take a weighting round's link.
    link = estate["weighting_link"] if endpoint in ("respond.cluster", "respond.reask", "respond.review") \
        else estate["link"]
    link = estate["rating_link"] if endpoint == "respond.rate" else link
    link = estate["device_token"] if endpoint.startswith("counter.") else link  # a counter's tablet
    values = {"round_id": round_.id, "version_id": estate["version"].id, "job_id": estate["job"].id,
              "token_id": estate["token"].id, "user_id": estate["user"].id, "person_id": estate["person"].id,
              "invitation_id": estate["invitation"].id, "device_id": estate["device"].id, "element_id": estate["version"].elements[0].id,
              "period": "2010", "table": "answers" if endpoint == "reports.ikm_export" else "judgments",
              "token": link, "slug": estate["slug"],
              "key": "root", "code": "en", "arrow_id": estate["arrow"].id, "follow_up_id": 1, "kind": "measurements",
              "source": "objective", "target": "kpi",
              "kpi": next(e.code for e in estate["version"].elements if e.kind == "kpi"), "evidence_id": 1, "build_id": 1,
              "fmt": "csv" if endpoint in ("reports.weighting_export", "reports.ikm_export", "hr.export_version",
                                         "hr.import_template", "hr.network_export", "hr.export_performance",
                                         "hr.export_programmes")
              else "html"}
    # An import template names the version whose KPI codes it uses.
    query = {"version": estate["version"].id} if endpoint == "hr.import_template" else {}
    with app.test_request_context():
        from flask import url_for
        return url_for(endpoint, **{name: values[name] for name in rule.arguments}, **query)


def methods(rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})
