"""Who may do what: one table of rights per role, one table of the pages that need more than the
default, and the guard each signed-in blueprint runs before every request (README "Roles").

A page read (GET) needs "read", a change (POST) needs "edit", unless ENDPOINT_RIGHTS says otherwise: a
page added later is guarded by default, and tests/test_roles.py sweeps every address x role.
"""
from __future__ import annotations

from flask import abort, current_app, request
from flask_login import current_user

RIGHTS = {
    # users, API tokens and settings, and everything HR does
    "admin": {"read", "personal", "edit", "kpi_data", "users", "tokens", "settings", "audit", "unlock"},
    # scorecards, rounds, people, reports, invitation links and personal answers
    "hr": {"read", "personal", "edit", "kpi_data"},
    # reads like a viewer; enters targets, actuals and root causes of the KPIs assigned to them
    "kpi_owner": {"read", "kpi_data"},
    # reads scorecards and reports as aggregates (progress counts, group weights and CR); no people list,
    # participant, invitation link, outbox or personal answer
    "viewer": {"read"},
}


def _raw_answers_are_personal(arguments: dict) -> str:
    """A round's raw judgments and ratings are each respondent's answers; its group matrices and weights
    are not."""
    return "personal" if arguments.get("table") in ("judgments", "ratings") else "read"


#: "METHOD endpoint" or "endpoint" (any method) -> the right it needs (or a function of the URL's values).
ENDPOINT_RIGHTS = {
    "hr.users": "users", "hr.user_role": "users", "hr.user_disable": "users", "hr.user_enable": "users",
    "hr.user_link": "users",
    "hr.user_copy_link": "users",
    "hr.tokens": "tokens", "hr.revoke_token": "tokens",
    "hr.settings": "settings", "hr.settings_bands": "settings", "hr.settings_preset": "settings",
    "hr.settings_lights": "settings", "hr.settings_calendar": "settings", "hr.settings_signatories": "settings",
    "hr.new_scorecard": "edit", "hr.new_round": "edit",  # their GET is a form for making one
    "hr.outbox": "personal",  # who was written to, and when
    # They hand over working links (a WhatsApp message, printed letters), like the links on a round's page.
    "hr.share_whatsapp": "personal", "hr.invitation_letters": "personal", "hr.printed_letters": "personal",
    "hr.public_poster": "personal",  # a round's public link, like invitation links: HR hands it out
    "hr.audit_log": "audit", "hr.audit_export": "audit",
    # Pages that show a form or a confirmation for a change: their GET is part of the change.
    "hr.draft_settings": "edit", "hr.confirm_close": "edit", "hr.confirm_remind": "edit", "hr.change_closing": "edit", "hr.confirm_remove": "edit",
    "hr.confirm_publish": "edit", "hr.confirm_feedback": "edit", "hr.edit_element": "edit",
    "hr.confirm_delete_element": "edit",
    "hr.element_rollup": "edit",
    "hr.edit_person": "edit",
    "POST hr.performance_data": "kpi_data", "POST hr.office_scorecard": "kpi_data",
    "POST hr.kpi_values_page": "kpi_data", "POST hr.attach_evidence": "kpi_data",
    "POST hr.performance_grid": "kpi_data",
    # The reporting cycle: owners submit, HR or a KPI's named verifier verifies; only an administrator unlocks.
    "POST hr.submit_kpis": "kpi_data", "POST hr.decide_kpi": "kpi_data", "POST hr.unlock_period": "unlock",
    "reports.personal": "personal", "reports.job": "personal", "reports.job_pdf": "personal",
    "reports.weighting_export": _raw_answers_are_personal,
    # The office's address book of invitees, outside stakeholders included: for those who invite them.
    "GET hr.people_list": "personal", "hr.export_people": "personal",
}


def needed(endpoint: str, method: str, arguments: dict) -> str:
    method = "GET" if method == "HEAD" else method  # a HEAD runs the GET view: it needs what the GET needs
    right = ENDPOINT_RIGHTS.get(f"{method} {endpoint}") or ENDPOINT_RIGHTS.get(endpoint)
    if callable(right):
        right = right(arguments)
    return right or ("read" if method in ("GET", "HEAD") else "edit")


def may(right: str, user=None) -> bool:
    """Whether the (signed-in) user's role has ``right``; templates call it as ``may('personal')``."""
    user = user if user is not None else current_user
    return bool(getattr(user, "is_authenticated", False)) and right in RIGHTS.get(user.role, set())


def guard():
    """A blueprint's before_request: signed in, then the role's right for this address, else 403."""
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not may(needed(request.endpoint or "", request.method, request.view_args or {})):
        abort(403)
    return None
