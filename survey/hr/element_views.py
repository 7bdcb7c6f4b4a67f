"""HR pages that change a scorecard's elements: edit, move, delete (asking first, naming what goes)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import ActionForm, ElementEditForm, RollupForm, keeps_typed_text, message_of
from survey.hr import blueprint, field_errors, version_or_404
from survey.services import element_changes, scorecards
from survey.services.errors import Invalid, translated
from survey.services.transactions import unit_of_work


def _element_or_404(version_row, element_id):
    try:
        return element_changes.get_element(db.session(), version_row, element_id)
    except Invalid:
        abort(404)


@blueprint.route("/versions/<int:version_id>/elements/<int:element_id>", methods=["GET", "POST"])
@keeps_typed_text
def edit_element(version_id, element_id):
    session = db.session()
    version_row = version_or_404(version_id)
    element = _element_or_404(version_row, element_id)
    frozen = scorecards.frozen_reason(session, version_row)
    form = ElementEditForm(obj=element)
    if not frozen and form.validate_on_submit():
        try:
            element_changes.update_element(session, version_row, element.id, current_user.email,
                                           **{name: form[name].data for name in element_changes.EDITABLE
                                              if name in form})
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.version", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return _element_page(version_row, element, 400 if request.method == "POST" else 200, form=form)


def _element_page(version_row, element, status, form=None, rollup_form=None):
    frozen = scorecards.frozen_reason(db.session(), version_row, copy_advice=False)
    return render_template("hr/element.html", version=version_row, element=element,
                           form=form or ElementEditForm(formdata=None, obj=element),
                           rollup_form=rollup_form or RollupForm(formdata=None, obj=element),
                           frozen=translated(frozen, _) if frozen else None), status


@blueprint.post("/versions/<int:version_id>/elements/<int:element_id>/rollup")
@keeps_typed_text
def element_rollup(version_id, element_id):
    """A KPI's rollup, which may change while rounds use the version (it reads data, not answers)."""
    version_row = version_or_404(version_id)
    element = _element_or_404(version_row, element_id)
    form = RollupForm()
    if form.validate_on_submit():
        try:
            element_changes.set_rollup(db.session(), version_row, element.id, form.rollup.data, current_user.email)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.edit_element", version_id=version_id, element_id=element_id))
        except Invalid as error:
            field_errors(form, error)
    return _element_page(version_row, element, 400, rollup_form=form)


@blueprint.post("/versions/<int:version_id>/elements/<int:element_id>/move")
def move_element(version_id, element_id):
    version_row = _button_of(version_id, element_id)
    return _change(version_id, lambda: element_changes.move_element(
        db.session(), version_row, element_id, request.form.get("direction", ""), current_user.email))


@blueprint.get("/versions/<int:version_id>/elements/<int:element_id>/delete")
def confirm_delete_element(version_id, element_id):
    version_row = version_or_404(version_id)
    element = _element_or_404(version_row, element_id)
    frozen = scorecards.frozen_reason(db.session(), version_row)
    if frozen:
        flash(translated(frozen, _), "error")
        return redirect(url_for("hr.version", version_id=version_id))
    below = element_changes.subtree(db.session(), version_row, element.id)[1:]
    lines = [_("These elements below it are deleted with it:") if below else _("Nothing lies below it."),
             _("This cannot be undone.")]
    return render_template("hr/confirm.html", title=_("Delete %(code)s %(name)s?", code=element.code,
                                                       name=element.name),
                           lines=lines, names=[f"{e.code} {e.name}" for e in below], action=ActionForm(),
                           button=_("Delete"), back=url_for("hr.version", version_id=version_id),
                           action_url=url_for("hr.delete_element", version_id=version_id, element_id=element.id))


@blueprint.post("/versions/<int:version_id>/elements/<int:element_id>/delete")
def delete_element(version_id, element_id):
    version_row = _button_of(version_id, element_id)

    def deleted():
        codes = element_changes.delete_element(db.session(), version_row, element_id, current_user.email)
        flash(_("Deleted %(codes)s.", codes=", ".join(codes)), "ok")
    return _change(version_id, deleted)


def _button_of(version_id, element_id):
    """The version of a button on one of its elements: both of this organisation, a valid CSRF token."""
    version_row = version_or_404(version_id)
    _element_or_404(version_row, element_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    return version_row


def _change(version_id, change):
    """Apply ``change``, or show why not, writing nothing; back to the version's page."""
    try:
        with unit_of_work(db.session()):
            change()
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.version", version_id=version_id))
