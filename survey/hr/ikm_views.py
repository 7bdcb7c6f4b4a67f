"""HR pages of an SKM (satisfaction) round: its questionnaire in one click, the IKM, the population
served, the IKM as a KPI's actual (PermenPANRB 14/2017), the survey's period and its trend, and the
follow-up plan (rencana tindak lanjut)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db, rights
from survey.forms import (
    ActionForm,
    IkmToKpiForm,
    ServedPopulationForm,
    SkmFollowUpForm,
    SkmPeriodForm,
    SkmProgressForm,
    SkmQuestionnaireForm,
    keeps_typed_text,
    message_of,
    page_locale,
)
from survey.hr import blueprint, field_errors, round_or_404
from survey.services import performance, skm, skm_document, skm_follow_ups, skm_periods
from survey.services.errors import Invalid
from survey.services.kinds import kind_of


@blueprint.post("/rounds/<int:round_id>/questions/skm")
@keeps_typed_text
def skm_questionnaire(round_id):
    round_ = round_or_404(round_id)
    form = SkmQuestionnaireForm()
    if form.validate_on_submit():
        try:
            count = skm.create_questionnaire(db.session(), round_, form.services.data)
            flash(_("%(count)d questions of the SKM questionnaire created.", count=count), "ok")
        except Invalid as error:
            flash(message_of(error), "error")
    else:
        flash(_("Name the services the unit offers, separated by ';'."), "error")
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.get("/rounds/<int:round_id>/ikm")
def ikm_page(round_id, population=None, to_kpi=None, period=None, follow_up=None, progress_error="", status=200):
    session = db.session()
    round_ = _skm_round(round_id)
    population = population or ServedPopulationForm(data={"population": round_.served_population})
    to_kpi = to_kpi or _kpi_form(round_)
    period = period or SkmPeriodForm(data={"period": round_.period})
    try:
        document = skm_document.skm_document(session, round_, personal=rights.may("personal"), language=page_locale())
    except Invalid as error:
        document, message = None, message_of(error)
    else:
        message = ""
    follow_up = follow_up or SkmFollowUpForm(data={"unsur": document.weakest.code if document and document.weakest
                                                   else "U1"})
    follow_up.unsur.choices = [(code, f"{code} {_(name)}") for code, name in skm.UNSUR_NAMES.items()]
    return render_template("hr/ikm.html", round=round_, doc=document, found=document.found if document else None,
                           message=message, population=population, to_kpi=to_kpi, period_form=period,
                           follow_up=follow_up, progress=_progress_form, progress_error=progress_error,
                           statuses=skm_follow_ups.STATUSES, action=ActionForm(),
                           grade_labels=skm.GRADE_LABELS), status


@blueprint.post("/rounds/<int:round_id>/ikm/period")
@keeps_typed_text
def ikm_period(round_id):
    round_ = _skm_round(round_id)
    form = SkmPeriodForm()
    if form.validate_on_submit():
        try:
            skm_periods.set_period(db.session(), round_, form.period.data, current_user.email)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.ikm_page", round_id=round_id))
        except Invalid as error:
            field_errors(form, error)
    return ikm_page(round_id, period=form, status=400)


@blueprint.post("/rounds/<int:round_id>/ikm/follow-ups")
@keeps_typed_text
def ikm_follow_up(round_id):
    round_ = _skm_round(round_id)
    form = SkmFollowUpForm()
    if form.validate_on_submit():
        try:
            skm_follow_ups.add_follow_up(db.session(), round_, unsur=form.unsur.data, action=form.action.data,
                                         unit=form.unit.data, due=form.due.data, actor=current_user.email)
            flash(_("The follow-up is saved."), "ok")
            return redirect(url_for("hr.ikm_page", round_id=round_id, _anchor="follow-ups"))
        except Invalid as error:
            field_errors(form, error)
    return ikm_page(round_id, follow_up=form, status=400)


@blueprint.post("/rounds/<int:round_id>/ikm/follow-ups/<int:follow_up_id>")
@keeps_typed_text
def ikm_follow_up_progress(round_id, follow_up_id):
    round_ = _skm_round(round_id)
    form = SkmProgressForm()
    if form.validate_on_submit():
        try:
            skm_follow_ups.record_progress(db.session(), round_, follow_up_id, status=form.status.data,
                                           done=form.done.data, actor=current_user.email)
            flash(_("The follow-up is saved."), "ok")
            return redirect(url_for("hr.ikm_page", round_id=round_id, _anchor="follow-ups"))
        except Invalid as error:
            return ikm_page(round_id, progress_error=message_of(error), status=400)
    return ikm_page(round_id, progress_error=_("The form has expired or is incomplete: try again."), status=400)


@blueprint.post("/rounds/<int:round_id>/ikm/population")
@keeps_typed_text
def ikm_population(round_id):
    round_ = _skm_round(round_id)
    form = ServedPopulationForm()
    if form.validate_on_submit():
        try:
            skm.set_population(db.session(), round_, form.population.data)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.ikm_page", round_id=round_id))
        except Invalid as error:
            field_errors(form, error)
    return ikm_page(round_id, population=form, status=400)


@blueprint.post("/rounds/<int:round_id>/ikm/kpi")
@keeps_typed_text
def ikm_to_kpi(round_id):
    round_ = _skm_round(round_id)
    form = _kpi_form(round_, request.form)
    if form.validate_on_submit():
        try:
            skm.ikm_to_kpi(db.session(), round_, kpi=form.kpi.data, period=form.period.data,
                           entered_by=current_user.email)
            flash(_("The IKM is saved as the actual of %(kpi)s for %(period)s.", kpi=form.kpi.data,
                    period=form.period.data), "ok")
            return redirect(url_for("hr.ikm_page", round_id=round_id))
        except Invalid as error:
            field_errors(form, error)
    return ikm_page(round_id, to_kpi=form, status=400)


def _skm_round(round_id):
    round_ = round_or_404(round_id)
    if not kind_of(round_).ikm:
        abort(404)
    return round_


def _kpi_form(round_, formdata=None) -> IkmToKpiForm:
    form = IkmToKpiForm(formdata=formdata) if formdata is not None else IkmToKpiForm(data={"period": round_.period})
    form.kpi.choices = [(code, f"{code} {kpi.name}")
                        for code, kpi in performance.kpis(db.session(), round_.version).items()]
    return form


def _progress_form(follow_up) -> SkmProgressForm:
    """The form that records what became of one follow-up, showing its status and what was done."""
    form = SkmProgressForm(formdata=None, data={"status": follow_up.status, "done": follow_up.done})
    form.status.choices = [(code, _(label)) for code, label in skm_follow_ups.STATUSES.items()]
    return form
