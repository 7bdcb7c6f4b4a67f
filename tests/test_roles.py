"""Every signed-in address x every role: allowed, or refused with 403 (README "Roles").

The table below is written by hand from the README, not read from survey/rights.py, so a change of
rights shows here; a page added without a line here fails the sweep until someone decides who may use it.
"""
from __future__ import annotations

import pytest

from survey.models import ROLES
from survey.services import kpi_owners
from tests.helpers.attacks import address, estate, methods  # noqa: F401  (estate is a fixture)
from tests.web import csrf, post, sign_in

ALL = set(ROLES)
HR = {"admin", "hr"}
ADMIN = {"admin"}
KPI_DATA = HR | {"kpi_owner"}

ALLOWED = {
    "GET hr.dashboard": ALL,
    "GET hr.tokens": ADMIN, "POST hr.tokens": ADMIN, "POST hr.revoke_token": ADMIN,
    "GET hr.settings": ADMIN, "POST hr.settings": ADMIN, "POST hr.settings_bands": ADMIN,
    "POST hr.settings_preset": ADMIN, "POST hr.settings_lights": ADMIN,
    "POST hr.settings_calendar": ADMIN,
    "GET hr.users": ADMIN, "POST hr.users": ADMIN, "POST hr.user_role": ADMIN, "POST hr.user_disable": ADMIN,
    "POST hr.user_enable": ADMIN, "POST hr.user_link": ADMIN, "POST hr.user_copy_link": ADMIN,
    "GET hr.outbox": HR,
    "GET hr.audit_log": ADMIN, "GET hr.audit_export": ADMIN,
    "GET hr.import_template": ALL, "GET hr.strategy_map": ALL, "POST hr.strategy_map": HR,
    "POST hr.remove_arrow": HR,
    "GET hr.network_page": ALL, "GET hr.network_element": ALL, "POST hr.network_element": HR,
    "GET hr.network_matrix": ALL, "POST hr.network_matrix": HR, "POST hr.network_from_strategy_map": HR,
    "GET hr.network_export": ALL,
    "GET hr.edit_element": HR, "POST hr.edit_element": HR, "POST hr.move_element": HR, "POST hr.element_rollup": HR,
    "GET hr.confirm_delete_element": HR, "POST hr.delete_element": HR,
    "GET hr.edit_person": HR, "POST hr.edit_person": HR, "POST hr.set_active": HR,
    "POST hr.confirm_invite": HR, "GET hr.draft_settings": HR, "POST hr.draft_settings": HR, "POST hr.launch": HR,
    "GET hr.confirm_close": HR, "POST hr.reopen": HR, "GET hr.change_closing": HR, "POST hr.change_closing": HR,
    "GET hr.confirm_feedback": HR, "POST hr.open_feedback": HR,
    "GET hr.confirm_remove": HR, "POST hr.remove_participant": HR, "GET hr.confirm_publish": HR,
    # The people list is names with emails and phones: personal.
    "GET hr.people_list": HR, "GET hr.export_people": HR, "POST hr.people_list": HR, "POST hr.import_people": HR,
    "GET hr.new_scorecard": HR, "POST hr.new_scorecard": HR,
    "GET hr.version": ALL, "GET hr.export_version": ALL,
    "POST hr.add_element": HR, "POST hr.import_version": HR, "POST hr.copy_version": HR,
    "GET hr.given_weights_page": ALL, "POST hr.given_weights_page": HR,
    "GET hr.comparison_groups": ALL, "POST hr.comparison_groups": HR,
    "GET hr.performance_data": ALL, "POST hr.performance_data": KPI_DATA, "POST hr.import_performance": HR,
    "GET hr.kpi_values_page": ALL, "POST hr.kpi_values_page": KPI_DATA, "POST hr.attach_evidence": KPI_DATA,
    "GET hr.evidence_file": ALL, "GET hr.export_performance": ALL,
    "GET hr.performance_grid": ALL, "GET hr.performance_grid_of": ALL, "POST hr.performance_grid": KPI_DATA,
    "POST hr.assign_kpi_owner": HR, "POST hr.set_ladder": HR,
    "GET hr.reporting_board": ALL, "POST hr.set_deadline": HR, "POST hr.remind_kpi_owners": HR,
    "POST hr.submit_kpis": KPI_DATA, "POST hr.decide_kpi": KPI_DATA, "POST hr.lock_period": HR,
    "POST hr.unlock_period": ADMIN, "POST hr.set_kpi_verifier": HR,
    "GET hr.office_scorecard": ALL, "POST hr.office_scorecard": KPI_DATA,
    "GET hr.new_round": HR, "POST hr.new_round": HR,
    "GET hr.round_page": ALL, "GET hr.round_results": ALL, "POST hr.round_results": HR,
    "POST hr.add_question": HR, "POST hr.default_questions": HR, "POST hr.skm_questionnaire": HR,
    "GET hr.ikm_page": ALL, "POST hr.ikm_population": HR, "POST hr.ikm_to_kpi": HR, "GET reports.ikm": ALL,
    "POST hr.ikm_period": HR, "POST hr.ikm_follow_up": HR, "POST hr.ikm_follow_up_progress": HR,
    "POST hr.invite": HR, "POST hr.remind": HR, "GET hr.confirm_remind": HR,
    "GET reports.ikm_export": ALL,  # the SKM's raw answers and table; its suggestions only with the personal right
    "POST hr.retry_mail": HR, "POST hr.close": HR, "POST hr.publish": HR,
    # They hand over working links.
    "POST hr.share_whatsapp": HR, "POST hr.invitation_letters": HR, "GET hr.printed_letters": HR,
    "POST hr.make_public": HR, "GET hr.public_poster": HR, "GET hr.public_answers": ALL,
    "POST hr.confirm_discard": HR, "POST hr.discard_public": HR,
    # A counter's tablet and TV: the list names devices and counts answers; making a link hands one out.
    "GET hr.counter_devices": ALL, "POST hr.counter_devices": HR, "POST hr.revoke_counter_device": HR,
    "GET reports.office": ALL, "GET reports.weighting": ALL,
    "GET reports.weighting_export": HR,  # the sweep asks for the raw judgments: each respondent's answers
    "GET reports.personal": HR, "POST reports.personal_job": HR,
    "GET reports.job": HR, "GET reports.job_pdf": HR, "POST reports.retry_job": HR,
    # The SAKIP documents: who signs them is a setting; the programmes are HR's, read by all.
    "POST hr.settings_signatories": ADMIN, "GET hr.programmes_page": ALL, "GET hr.export_programmes": ALL,
    "POST hr.save_programme": HR, "POST hr.import_programmes": HR, "POST hr.delete_programme": HR,
    "GET reports.performance_agreement": ALL, "GET reports.realisation": ALL,
    # The plan above the years and the links between years are HR's, read by all; so is the LKjIP.
    "GET hr.plans": ALL, "POST hr.create_plan": HR, "POST hr.save_plan_target": HR, "POST hr.version_plan": HR,
    "POST hr.link_kpi": HR, "GET reports.performance_report": ALL,
}


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_address_is_allowed_or_refused_as_the_roles_table_says(app, client, session, estate, role):
    sign_in(client, session, estate["organisation"].id, email=f"{role}@a.org", role=role)
    token = csrf(client, "/hr/")
    swept = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/hr"):
            continue
        url = address(app, rule, estate)
        for method in methods(rule):
            key = f"{method} {rule.endpoint}"
            assert key in ALLOWED, f"{key} is in no line of the roles table: who may use it?"
            response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
            allowed = role in ALLOWED[key]
            assert (response.status_code != 403) == allowed, f"{role} {method} {url}: {response.status_code}"
            swept.add(key)
    assert swept == set(ALLOWED)


@pytest.mark.parametrize("role, status", [("viewer", 200), ("kpi_owner", 200)])
def test_readers_get_the_group_weights_but_not_the_raw_judgments(client, session, estate, role, status):
    sign_in(client, session, estate["organisation"].id, email=f"{role}@a.org", role=role)
    round_id = estate["weighting"].id
    assert client.get(f"/hr/reports/weighting/{round_id}/weights.csv").status_code == status
    assert client.get(f"/hr/reports/weighting/{round_id}/judgments.csv").status_code == 403


def test_readers_see_no_invitation_links_nor_outbox_nor_personal_scorecards(client, session, estate):
    sign_in(client, session, estate["organisation"].id, email="viewer@a.org", role="viewer")
    round_page = client.get(f"/hr/rounds/{estate['weighting'].id}").get_data(as_text=True)
    assert estate["weighting_link"] not in round_page and "/r/" not in round_page
    results = client.get(f"/hr/rounds/{estate['self_report'].id}/results?lang=en").get_data(as_text=True)
    assert "Ani" not in results  # the employee's personal scorecard
    nav = client.get("/hr/").get_data(as_text=True)
    assert "/hr/outbox" not in nav and "/hr/users" not in nav and "/hr/settings" not in nav


def kpi_owner_of(client, session, estate, code="L1a"):
    """A signed-in KPI owner with KPI ``code`` of the estate's version assigned."""
    sign_in(client, session, estate["organisation"].id, email="owner@a.org", role="kpi_owner")
    owner = next(user for user in kpi_owners.candidates(session, estate["organisation"].id))
    kpi_owners.assign(session, estate["version"], code, [owner.id])
    return owner


def test_a_kpi_owner_enters_data_only_for_the_kpis_assigned_to_them(client, session, estate):
    from survey.models import Finding, Measurement
    from sqlalchemy import func, select
    kpi_owner_of(client, session, estate)
    version_id = estate["version"].id
    page = client.get(f"/hr/versions/{version_id}/performance?period=2010").get_data(as_text=True)
    assert "L1a" in page and "L1b" not in page  # the page shows their KPIs only
    url = f"/hr/versions/{version_id}/performance"
    before = session.scalar(select(func.count()).select_from(Measurement))
    mine = post(client, url, {"m-kpi": "L1a", "m-period": "2011", "m-target": "90", "m-actual": "80"})
    assert mine.status_code == 302
    theirs = post(client, url + "?lang=en", {"m-kpi": "L1b", "m-period": "2011", "m-target": "90",
                                             "m-actual": "80"})
    assert theirs.status_code == 400
    ladder = post(client, f"/hr/versions/{version_id}/ladders", {"l-kpi": "L1a", "l-period": "2011",
                                                                 "l-anchors": "0: 50; 10: 100"}, page=url)
    assert ladder.status_code == 403  # ladders are HR's
    assert session.scalar(select(func.count()).select_from(Measurement)) == before + 1

    scorecard = f"/hr/versions/{version_id}/scorecard/2010"
    refused = post(client, scorecard + "?lang=en", {"kpi": "C1a", "root_cause": "not mine", "action": "x"})
    assert refused.status_code == 400 and "assigned to you" in refused.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Finding).where(Finding.root_cause == "not mine")) == 0
    post(client, scorecard, {"kpi": "L1a", "root_cause": "mine", "action": "train"})
    assert session.scalar(select(func.count()).select_from(Finding).where(Finding.root_cause == "mine")) == 1


def test_hr_assigns_a_kpi_to_a_kpi_owner_on_the_performance_page(app, client, session, estate):
    from survey.services import accounts
    owner = accounts.create_user(session, estate["organisation"].id, "owner@a.org", "Owner", "x" * 12,
                                 role="kpi_owner")
    sign_in(client, session, estate["organisation"].id, email="hr@a.org", role="hr")
    url = f"/hr/versions/{estate['version'].id}/owners"
    page = f"/hr/versions/{estate['version'].id}/performance"
    assert post(client, url, {"o-kpi": "L1a", "o-owner": str(owner.id)}, page=page).status_code == 302
    assert kpi_owners.owned_codes(session, owner, estate["version"]) == {"L1a"}
    hr_user = next(u for u in kpi_owners.owners(session, estate["version"])["L1a"])
    assert hr_user.email == "owner@a.org"
    assert post(client, url, {"o-kpi": "L1a", "o-owner": "999"}, page=page).status_code == 400  # not a KPI owner
    assert post(client, url, {"o-kpi": "L1a", "o-owner": ""}, page=page).status_code == 302
    assert kpi_owners.owned_codes(session, owner, estate["version"]) == set()
