"""HR pages for what the yearly SAKIP documents need besides the scorecard: a version's programmes with their
budget (entered one by one or imported, exported to be imported again), and the links to the documents."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import ActionForm, ProgrammeForm, UploadForm, page_locale
from survey.hr import blueprint, field_errors, table_download, uploaded_table, version_or_404
from survey.services import programmes, reporting
from survey.services.errors import Invalid


@blueprint.get("/versions/<int:version_id>/programmes")
def programmes_page(version_id, form=None, upload_form=None, status=200):
    version_row = version_or_404(version_id)
    session = db.session()
    return render_template("hr/programmes.html", version=version_row,
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
