"""The reporting cycle of a period: the completion board, deadline, reminders, submit, verify, lock."""
from __future__ import annotations

from babel.dates import format_date
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import DateField, HiddenField, SelectField, TextAreaField
from wtforms.validators import Length, Optional

from survey import background, db
from survey.forms import ActionForm, FlaskForm, message_of, page_locale
from survey.hr import blueprint, org, version_or_404
from survey.services import kpi_owners, periods, reporting
from survey.services.errors import Invalid


class DeadlineForm(FlaskForm):
    deadline = DateField(_l("Deadline"), validators=[Optional()])


class KpiActionForm(FlaskForm):
    kpi = HiddenField()


class DecisionForm(FlaskForm):
    kpi = HiddenField()
    decision = HiddenField()  # verify | return
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=2000)])


class VerifierForm(FlaskForm):
    kpi = HiddenField()
    verifier = SelectField(_l("Verifier"), validate_choice=False)


@blueprint.get("/versions/<int:version_id>/reporting/<path:period>")
def reporting_board(version_id, period):
    """Who has entered, who is missing or late, and where each KPI's submission stands."""
    session = db.session()
    version_row = version_or_404(version_id)
    board = reporting.board(session, version_row, period)
    language = page_locale()
    shares = [(reminder, reporting.whatsapp_url(reporting.message(
        version_row, period, reminder, board.deadline, board.today, language,
        current_app.config.get("PUBLIC_URL", ""))[1]))
        for reminder in reporting.to_remind(session, version_row, period, made=board)]
    deadline = format_date(board.deadline, "long", locale=language) if board.deadline else ""
    return render_template("hr/reporting.html", version=version_row, board=board, shares=shares,
                           deadline_form=DeadlineForm(), period_label=periods.label(period, language),
                           deadline=deadline, action=ActionForm(),
                           candidates=reporting.verifier_candidates(session, org()),
                           may_verify=reporting.verifiable(session, current_user, version_row),
                           owned=kpi_owners.owned_codes(session, current_user, version_row),
                           state_names=reporting.STATE_NAMES, status_names=reporting.STATUS_NAMES)


def _done(version_id, period, act, said: str):
    """Run the service call ``act``; say ``said`` or the refusal (which wrote nothing), back to the board."""
    session = db.session()
    try:
        result = act(session)
    except Invalid as error:
        flash(message_of(error), "error")
    else:
        flash(said if result is None else said % {"count": result}, "ok")
    return redirect(url_for("hr.reporting_board", version_id=version_id, period=period))


def _refused(version_id, period):
    flash(_("The form has expired or is incomplete: try again."), "error")
    return redirect(url_for("hr.reporting_board", version_id=version_id, period=period))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/deadline")
def set_deadline(version_id, period):
    version_row = version_or_404(version_id)
    form = DeadlineForm()
    if not form.validate_on_submit():
        return _refused(version_id, period)
    return _done(version_id, period, lambda session: reporting.set_deadline(
        session, version_row, period, form.deadline.data, current_user.email), _("Deadline saved."))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/remind")
def remind_kpi_owners(version_id, period):
    """Email every owner with missing values not reminded today; the outbox sends them."""
    version_row = version_or_404(version_id)
    if not ActionForm().validate_on_submit():
        return _refused(version_id, period)

    def act(session):
        count = reporting.remind(session, version_row, period, current_app.config, current_user.email,
                                 page_locale())
        background.submit("send_mail")
        return count
    return _done(version_id, period, act, _("%(count)d KPI owners reminded by email."))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/submit")
def submit_kpis(version_id, period):
    """The owner submits one KPI (or, without one, all of theirs not yet submitted)."""
    version_row = version_or_404(version_id)
    form = KpiActionForm()
    if not form.validate_on_submit():
        return _refused(version_id, period)
    codes = [form.kpi.data] if form.kpi.data else None
    return _done(version_id, period, lambda session: reporting.submit(session, version_row, period, current_user,
                                                                      codes), _("%(count)d KPIs submitted."))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/decide")
def decide_kpi(version_id, period):
    """HR or the KPI's verifier verifies a submitted KPI or returns it with a comment."""
    version_row = version_or_404(version_id)
    form = DecisionForm()
    if not form.validate_on_submit() or form.decision.data not in ("verify", "return"):
        return _refused(version_id, period)
    approve = form.decision.data == "verify"
    return _done(version_id, period, lambda session: reporting.decide(
        session, version_row, period, form.kpi.data or "", current_user, approve=approve,
        comment=form.comment.data or ""), _("KPI verified.") if approve else _("KPI returned to its owner."))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/lock")
def lock_period(version_id, period):
    version_row = version_or_404(version_id)
    if not ActionForm().validate_on_submit():
        return _refused(version_id, period)
    return _done(version_id, period, lambda session: reporting.lock(session, version_row, period, current_user),
                 _("Period locked: its values can no longer change."))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/unlock")
def unlock_period(version_id, period):
    version_row = version_or_404(version_id)
    if not ActionForm().validate_on_submit():
        return _refused(version_id, period)
    return _done(version_id, period, lambda session: reporting.unlock(session, version_row, period, current_user),
                 _("Period unlocked."))


@blueprint.post("/versions/<int:version_id>/reporting/<path:period>/verifier")
def set_kpi_verifier(version_id, period):
    version_row = version_or_404(version_id)
    form = VerifierForm()
    chosen = form.verifier.data or ""
    if not form.validate_on_submit() or (chosen and not chosen.isdigit()):
        return _refused(version_id, period)
    user_id = int(chosen) if chosen else None
    return _done(version_id, period, lambda session: reporting.set_verifier(
        session, version_row, form.kpi.data or "", user_id, current_user.email), _("Saved."))
