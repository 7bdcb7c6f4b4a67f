"""HR pages for the people who can be invited: the list, adding, importing, editing, deactivating."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import ActionForm, PersonForm, UploadForm, keeps_typed_text, message_of, page_locale
from survey.hr import blueprint, field_errors, org, page_number, table_download, uploaded_table
from survey.services import people
from survey.services.errors import Invalid

PERSON_FIELDS = ("name", "email", "phone", "unit", "role", "kind", "weight")


@blueprint.route("/people", methods=["GET", "POST"])
@keeps_typed_text
def people_list():
    form, upload_form, status = PersonForm(), UploadForm(), 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                people.add_person(db.session(), org(), **{name: form[name].data for name in PERSON_FIELDS})
                return redirect(url_for("hr.people_list"))
            except Invalid as error:
                field_errors(form, error)
        status = 400
    return _list(form, upload_form), status


def _list(form, upload_form):
    search = request.args.get("q", "")[:200]
    return render_template("hr/people.html", page=people.people_page(db.session(), org(), search, page_number()),
                           search=search, form=form, upload_form=upload_form, action=ActionForm())


@blueprint.get("/people/export")
def export_people():
    """The list as a table in the import's columns (email, phone, ...): edit it and import it back, in the
    same language (a CSV writes weights as the page's language does)."""
    return table_download(people.people_table(db.session(), org()), request.args.get("fmt", "csv"), "people",
                          page_locale())


@blueprint.post("/people/import")
@keeps_typed_text
def import_people():
    form = UploadForm()
    if form.validate_on_submit():
        try:
            table = uploaded_table(form, ["name"])  # and an email or phone column: each row needs one
            done = people.import_people(db.session(), org(), table, form.number_format.data, current_user.email)
            flash(_("Added %(added)d people, updated %(updated)d.", added=done.added, updated=done.updated), "ok")
            return redirect(url_for("hr.people_list"))
        except Invalid as error:
            field_errors(form, error)
    return _list(PersonForm(), form), 400


@blueprint.route("/people/<int:person_id>", methods=["GET", "POST"])
@keeps_typed_text
def edit_person(person_id):
    session = db.session()
    person = _person_or_404(person_id)
    form = PersonForm(obj=person)
    if form.validate_on_submit():
        try:
            people.update_person(session, org(), person.id, current_user.email,
                                 **{name: form[name].data for name in PERSON_FIELDS})
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.people_list"))
        except Invalid as error:
            field_errors(form, error)
    return render_template("hr/person.html", person=person, form=form, action=ActionForm()), \
        400 if request.method == "POST" else 200


@blueprint.post("/people/<int:person_id>/active")
def set_active(person_id):
    _person_or_404(person_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    active = request.form.get("active") == "1"
    try:
        person = people.set_active(db.session(), org(), person_id, active, current_user.email)
        flash(_("%(name)s can be invited again.", name=person.name) if active else
              _("%(name)s is deactivated: kept in past rounds, no longer offered for invitations.", name=person.name),
              "ok")
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.people_list"))


def _person_or_404(person_id: int):
    try:
        return people.get_person(db.session(), org(), person_id)
    except Invalid:
        abort(404)
