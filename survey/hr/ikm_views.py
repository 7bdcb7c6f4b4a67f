"""HR pages of an SKM (satisfaction) round: its questionnaire in one click, the IKM, the population
served, and the IKM as a KPI's actual (PermenPANRB 14/2017)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import (
    ActionForm,
    IkmToKpiForm,
    ServedPopulationForm,
    SkmQuestionnaireForm,
    keeps_typed_text,
    message_of,
)
from survey.hr import blueprint, field_errors, round_or_404
from survey.services import performance, skm
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
def ikm_page(round_id, population=None, to_kpi=None, status=200):
    session = db.session()
    round_ = _skm_round(round_id)
    population = population or ServedPopulationForm(data={"population": round_.served_population})
    to_kpi = to_kpi or _kpi_form(round_)
    try:
        found = skm.results(session, round_)
    except Invalid as error:
        found, message = None, message_of(error)
    else:
        message = ""
    return render_template("hr/ikm.html", round=round_, found=found, message=message, population=population,
                           to_kpi=to_kpi, action=ActionForm(), grade_labels=skm.GRADE_LABELS), status


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
