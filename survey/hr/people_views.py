"""HR pages for the people who can be invited."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from survey import db
from survey.forms import PersonForm, UploadForm, keeps_typed_text
from survey.hr import blueprint, field_errors, org, uploaded_table
from survey.services import people
from survey.services.errors import Invalid


@blueprint.route("/people", methods=["GET", "POST"])
@keeps_typed_text
def people_list():
    form, upload_form, status = PersonForm(), UploadForm(), 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                people.add_person(db.session(), org(), name=form.name.data, email=form.email.data,
                                  unit=form.unit.data, role=form.role.data, kind=form.kind.data,
                                  weight=form.weight.data)
                return redirect(url_for("hr.people_list"))
            except Invalid as error:
                db.session().rollback()
                field_errors(form, error)
        status = 400
    return render_template("hr/people.html", people=people.people(db.session(), org()), form=form,
                           upload_form=upload_form), status


@blueprint.post("/people/import")
@keeps_typed_text
def import_people():
    form = UploadForm()
    if form.validate_on_submit():
        try:
            table = uploaded_table(form, ["name", "email"])
            count = people.import_people(db.session(), org(), table, form.number_format.data)
            flash(_("Imported %(count)d people.", count=count), "ok")
            return redirect(url_for("hr.people_list"))
        except Invalid as error:
            db.session().rollback()
            field_errors(form, error)
    return render_template("hr/people.html", people=people.people(db.session(), org()), form=PersonForm(),
                           upload_form=form), 400
