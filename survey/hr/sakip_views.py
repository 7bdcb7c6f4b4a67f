"""HR pages for what the yearly SAKIP documents need besides the scorecard: a version's programmes with their
budget and realisation (entered one by one or imported, exported to be imported again), the plan above the years
(Renstra) with its final targets, the version's plan and its KPIs' links to earlier years, and the documents."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import (ActionForm, KpiLinkForm, PlanForm, PlanTargetForm, ProgrammeForm, UploadForm,
                          VersionPlanForm, page_locale)
from survey.hr import blueprint, field_errors, table_download, uploaded_table, version_or_404
from survey.services import programmes, renstra, reporting
from survey.services.errors import Invalid


@blueprint.get("/versions/<int:version_id>/programmes")
def programmes_page(version_id, form=None, upload_form=None, plan_form=None, link_form=None, status=200):
    version_row = version_or_404(version_id)
    session = db.session()
    plans = renstra.plans(session, current_user.organisation_id)
    plan_form = plan_form or VersionPlanForm(formdata=None, plan=str(version_row.plan_id or ""))
    plan_form.plan.choices = [("", "–")] + [(str(p.id), f"{p.name} ({p.first_year}-{p.last_year})") for p in plans]
    earlier = _earlier(session, version_row)
    link_form = link_form or KpiLinkForm(formdata=None)
    link_form.earlier_version.choices = [(str(v.id), f"{year} ({v.label})") for year, v in earlier.items()]
    return render_template("hr/programmes.html", version=version_row, plan_form=plan_form, link_form=link_form,
                           plan=renstra.plan_of(session, version_row), earlier=earlier,
                           links=renstra.links(session, version_row) if earlier else {},
                           programmes=programmes.programmes(session, version_row),
                           objectives=programmes.objectives(session, version_row),
                           signing=programmes.signing(current_user.organisation),
                           today=reporting.today_of(session, version_row.organisation_id),
                           form=form or ProgrammeForm(formdata=None), upload_form=upload_form or UploadForm(),
                           action=ActionForm()), status


@blueprint.post("/versions/<int:version_id>/programmes")
def save_programme(version_id):
    version_row = version_or_404(version_id)
    form = ProgrammeForm()
    if form.validate_on_submit():
        try:
            programmes.save_programme(db.session(), version_row, code=form.code.data or "", name=form.name.data or "",
                                      budget=form.budget.data or "", objective_codes=form.objectives.data or "",
                                      realisation=form.realisation.data or "",
                                      number_format=page_locale())
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.programmes_page", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return programmes_page(version_id, form=form, status=400)


@blueprint.post("/versions/<int:version_id>/programmes/import")
def import_programmes(version_id):
    version_row = version_or_404(version_id)
    form = UploadForm()
    if form.validate_on_submit():
        try:
            table = uploaded_table(form, list(programmes.PROGRAMME_COLUMNS[:3]))
            count = programmes.import_programmes(db.session(), version_row, table, form.number_format.data)
            flash(_("Imported %(count)d rows.", count=count), "ok")
            return redirect(url_for("hr.programmes_page", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return programmes_page(version_id, upload_form=form, status=400)


@blueprint.post("/versions/<int:version_id>/programmes/<code>/delete")
def delete_programme(version_id, code):
    version_row = version_or_404(version_id)
    if ActionForm().validate_on_submit():
        try:
            programmes.delete_programme(db.session(), version_row, code)
            flash(_("Deleted %(codes)s.", codes=code), "ok")
        except Invalid as error:
            field_errors(ActionForm(), error)
    return redirect(url_for("hr.programmes_page", version_id=version_id))


@blueprint.get("/versions/<int:version_id>/programmes.<fmt>")
def export_programmes(version_id, fmt):
    """The programmes in the import's columns; a CSV writes numbers as the page's language does."""
    version_row = version_or_404(version_id)
    return table_download(programmes.export_programmes(db.session(), version_row), fmt,
                          f"programmes-{version_row.id}", number_format=page_locale())


def _earlier(session, version_row) -> dict:
    """The earlier years' versions, or none when this version is not named by a year."""
    try:
        return renstra.earlier_versions(session, version_row)
    except Invalid:
        return {}


@blueprint.post("/versions/<int:version_id>/plan")
def version_plan(version_id):
    version_row = version_or_404(version_id)
    form = VersionPlanForm()
    if form.validate_on_submit():
        try:
            renstra.set_version_plan(db.session(), version_row, form.plan.data or None)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.programmes_page", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return programmes_page(version_id, plan_form=form, status=400)


@blueprint.post("/versions/<int:version_id>/kpi-links")
def link_kpi(version_id):
    version_row = version_or_404(version_id)
    form = KpiLinkForm()
    if form.validate_on_submit():
        try:
            renstra.link_kpi(db.session(), version_row, kpi_code=form.kpi_code.data or "",
                             earlier_version_id=form.earlier_version.data or "",
                             earlier_code=form.earlier_code.data or "")
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.programmes_page", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return programmes_page(version_id, link_form=form, status=400)


@blueprint.get("/plans")
def plans(plan_form=None, target_form=None, status=200):
    session = db.session()
    found = renstra.plans(session, current_user.organisation_id)
    target_form = target_form or PlanTargetForm(formdata=None)
    target_form.plan.choices = [(str(p.id), f"{p.name} ({p.first_year}-{p.last_year})") for p in found]
    return render_template("hr/plans.html", plans=[(p, renstra.targets(session, p)) for p in found],
                           plan_form=plan_form or PlanForm(formdata=None), target_form=target_form), status


@blueprint.post("/plans")
def create_plan():
    form = PlanForm()
    if form.validate_on_submit():
        try:
            renstra.create_plan(db.session(), current_user.organisation_id, name=form.name.data or "",
                                first_year=form.first_year.data or "", last_year=form.last_year.data or "")
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.plans"))
        except Invalid as error:
            field_errors(form, error)
    return plans(plan_form=form, status=400)


@blueprint.post("/plans/targets")
def save_plan_target():
    form = PlanTargetForm()
    if form.validate_on_submit():
        try:
            renstra.save_target(db.session(), current_user.organisation_id, plan_id=form.plan.data,
                                kpi_code=form.kpi_code.data or "", final_target=form.final_target.data or "",
                                national_standard=form.national_standard.data or "", number_format=page_locale())
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.plans"))
        except Invalid as error:
            field_errors(form, error)
    return plans(target_form=form, status=400)
